/**
 * The pictures of the compare view as standalone SVG documents, drawn the same way on screen and in exports: a heat
 * map of a code matrix and a bar chart of coded passages by CFIR domain per site or phase.
 *
 * Colours come from d3-scale-chromatic, never hand-picked: amounts on ColorBrewer's YlGnBu, a sequential scheme
 * that stays ordered in grey-scale print and for the common colour-vision deficiencies; domains in the bar chart on
 * Tableau 10, a categorical scheme made to keep its hues apart. Zero cells are white and undefined cells (a group
 * with no text) light grey, so "none" is never mistaken for "little".
 */
import { interpolateYlGnBu, schemeTableau10 } from 'd3-scale-chromatic';
import { cellValue, formatCellValue, MEASURE_LABELS, type CodeMatrix, type MatrixMeasure, type MatrixRow } from './code-matrix.ts';

/** Escapes text for SVG/XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);
}

/** The fill of a share t in (0, 1] of the scale's maximum; the scheme's palest tenth is skipped so 0+ shows. */
export function amountColour(t: number): string {
  return interpolateYlGnBu(0.12 + 0.88 * Math.min(1, Math.max(0, t)));
}

/** Whether text on a fill should be white: the fill's relative luminance is low. */
export function needsLightText(fill: string): boolean {
  const match = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(fill) ?? /#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(fill);
  if (!match) return false;
  const channels = match.slice(1, 4).map((v) => (fill.startsWith('#') ? parseInt(v as string, 16) : Number(v)) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  // Below this luminance white text has the higher contrast; at it, black and white both reach 4.58:1.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.179;
}

/** A fill ("rgb(r, g, b)" as d3's schemes give it, or "#rrggbb") as six hex digits, as Word's shading takes it. */
export function hexColour(fill: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(fill);
  if (hex?.[1]) return hex[1].toUpperCase();
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(fill);
  if (!rgb) throw new Error(`Not a colour: ${fill}`);
  return rgb
    .slice(1, 4)
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

const FONT = "font-family=\"'Helvetica Neue', Helvetica, Arial, sans-serif\"";
const CHAR_WIDTH = 6.4;

/** Wraps text into lines of at most `width` characters, at spaces. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The rows a collapsed tree shows: those with no collapsed ancestor. */
export function visibleRows(rows: readonly MatrixRow[], collapsed: ReadonlySet<string>): MatrixRow[] {
  const hidden = new Set<string>();
  const out: MatrixRow[] = [];
  for (const row of rows) {
    if (row.parentId !== null && (hidden.has(row.parentId) || collapsed.has(row.parentId))) {
      hidden.add(row.code.id);
      continue;
    }
    out.push(row);
  }
  return out;
}

/** What a heat map shows besides the matrix. */
export interface HeatMapOptions {
  readonly title: string;
  readonly showNumbers: boolean;
  readonly collapsed?: ReadonlySet<string>;
}

/** The largest figure among the rows shown (the top of the colour scale), or 0. */
export function scaleMaximum(matrix: CodeMatrix, rows: readonly MatrixRow[], measure: MatrixMeasure): number {
  let max = 0;
  for (const row of rows) for (let i = 0; i < matrix.columns.length; i++) max = Math.max(max, cellValue(matrix, row, i, measure) ?? 0);
  return max;
}

/** The fill of a cell: white for zero, light grey where undefined, else the scheme at value / maximum. */
export function cellFill(value: number | null, maximum: number): string {
  if (value === null) return '#e6e6e6';
  if (value <= 0 || maximum <= 0) return '#ffffff';
  return amountColour(value / maximum);
}

/** The heat map of a code matrix as an SVG document, with its column sizes, colour key, filter and method. */
export function heatMapSvg(matrix: CodeMatrix, measure: MatrixMeasure, options: HeatMapOptions): string {
  const rows = visibleRows(matrix.rows, options.collapsed ?? new Set());
  const maximum = scaleMaximum(matrix, rows, measure);
  const labelWidth = Math.max(140, ...rows.map((r) => 14 + r.depth * 12 + r.code.name.length * CHAR_WIDTH));
  const cellWidth = Math.max(64, ...matrix.columns.map((c) => c.label.length * 7 + 12));
  const cellHeight = 22;
  const left = 16;
  const top = 44;
  const headerHeight = 40;
  const gridTop = top + headerHeight;
  const gridWidth = cellWidth * matrix.columns.length;
  const width = Math.ceil(left + labelWidth + gridWidth + 16);
  const notes = [
    `Cells: ${MEASURE_LABELS[measure].toLowerCase()}${options.showNumbers ? '' : ' (colour only)'}. Columns: ${matrix.groupingLabel}, with N documents / words.`,
    `Filter: ${matrix.filterLabel || 'none'}.`,
    matrix.method,
  ].flatMap((note) => wrapText(note, Math.max(60, Math.floor((width - 2 * left) / 4.8))));
  const legendTop = gridTop + rows.length * cellHeight + 18;
  const notesTop = legendTop + 44;
  const height = Math.ceil(notesTop + notes.length * 13 + 12);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="${top - 20}" font-size="14" font-weight="bold" fill="#111">${escapeXml(options.title)}</text>`);
  matrix.columns.forEach((column, i) => {
    const x = left + labelWidth + i * cellWidth + cellWidth / 2;
    parts.push(`<text x="${x}" y="${top + 12}" font-size="11" font-weight="bold" text-anchor="middle" fill="#111">${escapeXml(column.label)}</text>`);
    parts.push(`<text x="${x}" y="${top + 28}" font-size="9" text-anchor="middle" fill="#444">${column.documents} / ${column.words.toLocaleString('en')}</text>`);
  });
  rows.forEach((row, r) => {
    const y = gridTop + r * cellHeight;
    const weight = row.depth === 0 ? ' font-weight="bold"' : '';
    parts.push(`<text x="${left + row.depth * 12}" y="${y + 15}" font-size="11"${weight} fill="#111">${escapeXml(row.code.name)}</text>`);
    matrix.columns.forEach((_, i) => {
      const value = cellValue(matrix, row, i, measure);
      const fill = cellFill(value, maximum);
      const x = left + labelWidth + i * cellWidth;
      parts.push(`<rect x="${x}" y="${y}" width="${cellWidth}" height="${cellHeight}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`);
      if (options.showNumbers) {
        const colour = needsLightText(fill) ? '#ffffff' : '#111111';
        parts.push(`<text x="${x + cellWidth / 2}" y="${y + 15}" font-size="10.5" text-anchor="middle" fill="${colour}">${escapeXml(formatCellValue(value, measure))}</text>`);
      }
    });
  });
  // The grid's outline and the colour key: a ramp from 0 to the maximum.
  parts.push(`<rect x="${left + labelWidth}" y="${gridTop}" width="${gridWidth}" height="${rows.length * cellHeight}" fill="none" stroke="#999" stroke-width="0.75"/>`);
  const keyX = left + labelWidth;
  const keyWidth = Math.min(200, Math.max(120, gridWidth));
  parts.push('<defs><linearGradient id="key">');
  for (let s = 0; s <= 10; s++) parts.push(`<stop offset="${s * 10}%" stop-color="${amountColour(s / 10)}"/>`);
  parts.push('</linearGradient></defs>');
  parts.push(`<text x="${left}" y="${legendTop + 11}" font-size="10" fill="#111">Colour key</text>`);
  parts.push(`<rect x="${keyX}" y="${legendTop}" width="${keyWidth}" height="12" fill="url(#key)" stroke="#999" stroke-width="0.5"/>`);
  parts.push(`<text x="${keyX}" y="${legendTop + 25}" font-size="9" fill="#444">&gt; 0</text>`);
  parts.push(`<text x="${keyX + keyWidth}" y="${legendTop + 25}" font-size="9" text-anchor="end" fill="#444">${escapeXml(formatCellValue(maximum, measure))}</text>`);
  parts.push(`<rect x="${keyX + keyWidth + 16}" y="${legendTop}" width="12" height="12" fill="#ffffff" stroke="#999" stroke-width="0.5"/>`);
  parts.push(`<text x="${keyX + keyWidth + 32}" y="${legendTop + 10}" font-size="9" fill="#444">0</text>`);
  parts.push(`<rect x="${keyX + keyWidth + 48}" y="${legendTop}" width="12" height="12" fill="#e6e6e6" stroke="#999" stroke-width="0.5"/>`);
  parts.push(`<text x="${keyX + keyWidth + 64}" y="${legendTop + 10}" font-size="9" fill="#444">no text in group</text>`);
  notes.forEach((line, i) => parts.push(`<text x="${left}" y="${notesTop + i * 13}" font-size="9" fill="#444">${escapeXml(line)}</text>`));
  parts.push('</svg>');
  return parts.join('\n');
}

/** One bar group of the bar chart: a column of the matrix with its passages per domain. */
export interface DomainBars {
  readonly label: string;
  readonly values: readonly number[];
}

/** The passages of each top-level code (a CFIR domain) per column of a matrix. */
export function domainBars(matrix: CodeMatrix): { readonly domains: readonly string[]; readonly groups: readonly DomainBars[] } {
  const tops = matrix.rows.filter((r) => r.depth === 0);
  return {
    domains: tops.map((r) => r.code.name),
    groups: matrix.columns.map((column, i) => ({ label: column.label, values: tops.map((r) => r.cells[i]?.passages ?? 0) })),
  };
}

/** A grouped bar chart of coded passages by domain per column, as an SVG document with its key and method. */
export function domainBarChartSvg(matrix: CodeMatrix, title: string): string {
  const { domains, groups } = domainBars(matrix);
  const colours = domains.map((_, i) => schemeTableau10[i % schemeTableau10.length] as string);
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const left = 56;
  const plotTop = 44;
  const plotHeight = 220;
  const barWidth = 14;
  const groupWidth = Math.max(48, domains.length * barWidth + 16);
  const plotWidth = Math.max(240, groups.length * groupWidth);
  const keyTop = plotTop + plotHeight + 44;
  const keyColumns = Math.max(1, Math.floor((plotWidth + left) / 200));
  const keyRows = Math.ceil(domains.length / keyColumns);
  const width = left + plotWidth + 24;
  const notes = wrapText(`Bars: coded passages per ${matrix.groupingLabel} (${MEASURE_LABELS.codings.toLowerCase()}, merged as in the matrix). Filter: ${matrix.filterLabel || 'none'}.`, Math.floor(width / 5.6));
  const height = keyTop + keyRows * 16 + 8 + notes.length * 13 + 12;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="16" y="24" font-size="14" font-weight="bold" fill="#111">${escapeXml(title)}</text>`);
  for (let v = 0; v <= top; v += step) {
    const y = plotTop + plotHeight - (v / top) * plotHeight;
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" stroke="${v === 0 ? '#333' : '#ddd'}" stroke-width="${v === 0 ? 1 : 0.5}"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 3}" font-size="9" text-anchor="end" fill="#444">${v}</text>`);
  }
  parts.push(`<text x="14" y="${plotTop + plotHeight / 2}" font-size="10" fill="#444" transform="rotate(-90 14 ${plotTop + plotHeight / 2})" text-anchor="middle">Coded passages</text>`);
  groups.forEach((group, g) => {
    const x0 = left + g * groupWidth + (groupWidth - domains.length * barWidth) / 2;
    group.values.forEach((value, d) => {
      const h = (value / top) * plotHeight;
      parts.push(`<rect x="${x0 + d * barWidth}" y="${plotTop + plotHeight - h}" width="${barWidth - 2}" height="${h}" fill="${colours[d]}"><title>${escapeXml(`${group.label}, ${domains[d]}: ${value}`)}</title></rect>`);
    });
    parts.push(`<text x="${left + g * groupWidth + groupWidth / 2}" y="${plotTop + plotHeight + 16}" font-size="10.5" text-anchor="middle" fill="#111">${escapeXml(group.label)}</text>`);
  });
  domains.forEach((domain, d) => {
    const x = left + (d % keyColumns) * 200;
    const y = keyTop + Math.floor(d / keyColumns) * 16;
    parts.push(`<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${colours[d]}"/>`);
    parts.push(`<text x="${x + 14}" y="${y}" font-size="10" fill="#111">${escapeXml(domain)}</text>`);
  });
  notes.forEach((line, i) => parts.push(`<text x="16" y="${keyTop + keyRows * 16 + 8 + i * 13}" font-size="9" fill="#444">${escapeXml(line)}</text>`));
  parts.push('</svg>');
  return parts.join('\n');
}

/** A round step for an axis up to `max`: 1, 2 or 5 times a power of ten, about five ticks. */
export function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}
