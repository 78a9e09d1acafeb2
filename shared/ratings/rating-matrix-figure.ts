/**
 * The construct x case rating matrix as a picture (SVG), the layout CFIR papers print: constructs down, cases
 * across ordered by outcome, each cell its rating on a diverging scale from -2 to +2 (ColorBrewer's RdBu from
 * d3-scale-chromatic: red hinders, blue helps, readable for the common colour-vision deficiencies), X (mixed) and
 * M (missing) marked apart from the scale, the distinguishing label of each construct, the legend and the rule in
 * force written underneath.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';
import { escapeXml, needsLightText, wrapText } from '../compare/figures.ts';
import {
  describeDistinguishingRule,
  DISTINGUISHING_LABELS,
  RATING_LEGEND,
  ratingLabel,
  type DistinguishingLabel,
  type DistinguishingRule,
  type RatingValue,
} from './distinguishing-constructs.ts';

/** What the figure shows: constructs (rows), cases (columns) and a rating per cell. */
export interface RatingMatrixInput {
  readonly title: string;
  readonly constructs: readonly { readonly name: string; readonly label: DistinguishingLabel | null }[];
  readonly cases: readonly { readonly label: string; readonly outcome: string }[];
  /** ratings[construct][case]. */
  readonly ratings: readonly (readonly RatingValue[])[];
  readonly rule: DistinguishingRule;
}

/** The fill of a rating: the diverging scheme for -2..+2 (kept off its darkest ends), fixed greys for X and M. */
export function ratingFill(value: RatingValue): string {
  if (value === 'X') return '#bdbdbd';
  if (value === 'M') return '#ffffff';
  return interpolateRdBu(0.08 + (0.84 * (value + 2)) / 4);
}

const FONT = "font-family=\"'Helvetica Neue', Helvetica, Arial, sans-serif\"";

/** The rating matrix as an SVG document. */
export function ratingMatrixSvg(input: RatingMatrixInput): string {
  const left = 16;
  const top = 44;
  const nameWidth = Math.max(160, ...input.constructs.map((c) => c.name.length * 6.4 + 12));
  const cellWidth = Math.max(56, ...input.cases.map((c) => c.label.length * 7 + 12));
  const cellHeight = 22;
  const labelWidth = 170;
  const headerHeight = 36;
  const gridTop = top + headerHeight;
  const gridLeft = left + nameWidth;
  const width = Math.ceil(gridLeft + input.cases.length * cellWidth + 12 + labelWidth + 16);
  const legend = RATING_LEGEND.map((entry) => `${ratingLabel(entry.value)}: ${entry.meaning}`);
  const rule = wrapText(`Distinguishing constructs. ${describeDistinguishingRule(input.rule)}`, Math.floor((width - 2 * left) / 5.6));
  const legendTop = gridTop + input.constructs.length * cellHeight + 24;
  const ruleTop = legendTop + legend.length * 16 + 10;
  const height = Math.ceil(ruleTop + rule.length * 13 + 12);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="${top - 20}" font-size="14" font-weight="bold" fill="#111">${escapeXml(input.title)}</text>`);
  input.cases.forEach((c, i) => {
    const x = gridLeft + i * cellWidth + cellWidth / 2;
    parts.push(`<text x="${x}" y="${top + 12}" font-size="11" font-weight="bold" text-anchor="middle" fill="#111">${escapeXml(c.label)}</text>`);
    parts.push(`<text x="${x}" y="${top + 26}" font-size="9" text-anchor="middle" fill="#444">${escapeXml(c.outcome)}</text>`);
  });
  parts.push(`<text x="${gridLeft + input.cases.length * cellWidth + 12}" y="${top + 26}" font-size="10" font-weight="bold" fill="#111">Pattern</text>`);
  input.constructs.forEach((construct, r) => {
    const y = gridTop + r * cellHeight;
    parts.push(`<text x="${left}" y="${y + 15}" font-size="11" fill="#111">${escapeXml(construct.name)}</text>`);
    input.cases.forEach((_, i) => {
      const value = input.ratings[r]?.[i] ?? 'M';
      const fill = ratingFill(value);
      const x = gridLeft + i * cellWidth;
      parts.push(`<rect x="${x}" y="${y}" width="${cellWidth}" height="${cellHeight}" fill="${fill}" stroke="#999" stroke-width="0.5"/>`);
      const colour = value === 'M' ? '#666666' : needsLightText(fill) ? '#ffffff' : '#111111';
      parts.push(`<text x="${x + cellWidth / 2}" y="${y + 15}" font-size="11" text-anchor="middle" fill="${colour}">${escapeXml(ratingLabel(value))}</text>`);
    });
    if (construct.label) {
      parts.push(`<text x="${gridLeft + input.cases.length * cellWidth + 12}" y="${y + 15}" font-size="10.5" fill="#111">${escapeXml(DISTINGUISHING_LABELS[construct.label])}</text>`);
    }
  });
  legend.forEach((line, i) => {
    const value = RATING_LEGEND[i]?.value ?? 'M';
    const y = legendTop + i * 16;
    parts.push(`<rect x="${left}" y="${y - 10}" width="22" height="13" fill="${ratingFill(value)}" stroke="#999" stroke-width="0.5"/>`);
    parts.push(`<text x="${left + 30}" y="${y}" font-size="9.5" fill="#333">${escapeXml(line)}</text>`);
  });
  rule.forEach((line, i) => parts.push(`<text x="${left}" y="${ruleTop + i * 13}" font-size="9" fill="#444">${escapeXml(line)}</text>`));
  parts.push('</svg>');
  return parts.join('\n');
}
