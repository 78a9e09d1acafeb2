/**
 * The Compare view's matrices as Word tables for a paper:
 * - the CFIR construct x case rating matrix in the layout CFIR papers print (constructs down under their domain,
 *   cases across with their implementation outcome, each cell's rating shaded on the same diverging scale as the
 *   figure, each construct's distinguishing pattern), with the rating legend and the distinguishing rule in force;
 * - a code x groups matrix (codes as the tree, each column with its N of documents and words, the figures shaded as
 *   in the heat map), with the filter and the counting method.
 *
 * Pure: built in memory with the `docx` package; the renderer saves it through the platform API, the CLI writes it.
 */
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { xmlSafe } from '../refi/xml-writer.ts';
import { cellValue, formatCellValue, MEASURE_LABELS, type CodeMatrix, type MatrixMeasure } from '../compare/code-matrix.ts';
import { cellFill, hexColour, needsLightText, scaleMaximum } from '../compare/figures.ts';
import { DISTINGUISHING_LABELS, RATING_LEGEND, ratingLabel } from '../ratings/distinguishing-constructs.ts';
import { ratingOnScale } from '../ratings/rating-edits.ts';
import { caseOutcome, type RatingMatrix } from '../ratings/rating-matrix.ts';
import { ratingFill } from '../ratings/rating-matrix-figure.ts';

const FONT = 'Calibri';
const SMALL = 16; // half-points: 8 pt
const NORMAL = 20; // 10 pt
/** Landscape A4 with 0.5 inch margins: 16838 - 2 x 720 twips of table width. */
const PAGE_WIDTH = 15398;

const run = (text: string, extra: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}): TextRun =>
  new TextRun({ text: xmlSafe(text), font: FONT, size: extra.size ?? SMALL, bold: extra.bold, italics: extra.italics, color: extra.color });

interface CellOptions {
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly bold?: boolean;
  readonly italics?: boolean;
  /** Six hex digits. */
  readonly fill?: string;
  readonly indent?: number;
  readonly columnSpan?: number;
  readonly lines?: readonly string[];
}

function cell(text: string, options: CellOptions): TableCell {
  const colour = options.fill && needsLightText(`#${options.fill}`) ? 'FFFFFF' : undefined;
  const alignment = options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const lines = [text, ...(options.lines ?? [])];
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: lines.map(
      (line, i) =>
        new Paragraph({
          alignment,
          indent: options.indent ? { left: options.indent } : undefined,
          children: [run(line, { bold: options.bold && i === 0, italics: options.italics || i > 0, color: colour })],
        }),
    ),
  });
}

function page(title: string, subtitle: string, body: readonly (Paragraph | Table)[]): Document {
  return new Document({
    creator: 'Tessera',
    title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: xmlSafe(title), font: FONT })] }),
          new Paragraph({ children: [run(subtitle, { size: NORMAL })], spacing: { after: 200 } }),
          ...body,
        ],
      },
    ],
  });
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun({ text: xmlSafe(text), font: FONT })] });
const note = (text: string, bold = '') => new Paragraph({ spacing: { before: 80, after: 80 }, children: [...(bold ? [run(`${bold} `, { bold: true, size: NORMAL })] : []), run(text, { size: NORMAL })] });

/** The rating matrix as a Word document: the table, the legend, the rule in force. */
export async function ratingMatrixDocx(matrix: RatingMatrix, options: { readonly title: string; readonly subtitle: string }): Promise<Uint8Array> {
  const caseCount = matrix.cases.length;
  const patternWidth = 1900;
  const caseWidth = Math.max(620, Math.min(1100, Math.floor((PAGE_WIDTH - 3400 - patternWidth) / Math.max(1, caseCount))));
  const nameWidth = PAGE_WIDTH - patternWidth - caseWidth * caseCount;
  const widths = [nameWidth, ...matrix.cases.map(() => caseWidth), patternWidth];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell('Construct', { width: nameWidth, bold: true, fill: 'E7E6E6' }),
      ...matrix.cases.map((c) => cell(c.name, { width: caseWidth, align: 'center', bold: true, fill: 'E7E6E6', lines: [caseOutcome(c) || 'outcome not set'] })),
      cell('Pattern', { width: patternWidth, bold: true, fill: 'E7E6E6' }),
    ],
  });
  const rows: TableRow[] = [];
  let domain: string | null = null;
  for (const row of matrix.rows) {
    // Constructs are printed under their domain (the top of their path), as CFIR papers group them.
    const top = row.path.length > 1 ? (row.path[0] as string) : '';
    if (top !== domain) {
      domain = top;
      if (top) rows.push(new TableRow({ cantSplit: true, children: [cell(top, { width: PAGE_WIDTH, bold: true, fill: 'F2F2F2', columnSpan: caseCount + 2 })] }));
    }
    const name = row.path.slice(1).join(' › ') || row.code.name;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(name, { width: nameWidth, indent: top ? 160 : 0 }),
          ...row.cells.map((rating) => {
            const value = rating?.value ? ratingOnScale(rating.value) : null;
            return cell(value === null ? '' : ratingLabel(value), { width: caseWidth, align: 'center', fill: value === null ? undefined : hexColour(ratingFill(value)) });
          }),
          cell(DISTINGUISHING_LABELS[row.distinguishing.label], { width: patternWidth }),
        ],
      }),
    );
  }
  const legend = RATING_LEGEND.map(
    (entry) =>
      new TableRow({
        cantSplit: true,
        children: [cell(ratingLabel(entry.value), { width: 700, align: 'center', bold: true, fill: hexColour(ratingFill(entry.value)) }), cell(entry.meaning, { width: PAGE_WIDTH - 700 })],
      }),
  );
  const document = page(options.title, options.subtitle, [
    new Table({ columnWidths: widths, rows: [header, ...rows] }),
    note('An empty cell is not rated yet and counts as M (missing).'),
    heading('Rating legend'),
    new Table({ columnWidths: [700, PAGE_WIDTH - 700], rows: legend }),
    heading('Distinguishing constructs'),
    note(matrix.ruleText, 'Rule in force.'),
  ]);
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** A code x groups matrix as a Word document: the table (figures shaded as in the heat map), the filter, the method. */
export async function codeMatrixDocx(matrix: CodeMatrix, measure: MatrixMeasure, options: { readonly title: string; readonly subtitle: string }): Promise<Uint8Array> {
  const count = matrix.columns.length;
  const columnWidth = Math.max(560, Math.min(1200, Math.floor((PAGE_WIDTH - 3600) / Math.max(1, count))));
  const nameWidth = PAGE_WIDTH - columnWidth * count;
  const maximum = scaleMaximum(matrix, matrix.rows, measure);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell('Code', { width: nameWidth, bold: true, fill: 'E7E6E6', lines: ['N documents / words'] }),
      ...matrix.columns.map((c) => cell(c.label, { width: columnWidth, align: 'center', bold: true, fill: 'E7E6E6', lines: [`${c.documents} / ${c.words}`] })),
    ],
  });
  const rows = matrix.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.code.name, { width: nameWidth, bold: row.depth === 0, indent: row.depth * 200 }),
          ...matrix.columns.map((_, i) => {
            const value = cellValue(matrix, row, i, measure);
            return cell(formatCellValue(value, measure), { width: columnWidth, align: 'right', fill: hexColour(cellFill(value, maximum)) });
          }),
        ],
      }),
  );
  const document = page(options.title, options.subtitle, [
    new Table({ columnWidths: [nameWidth, ...matrix.columns.map(() => columnWidth)], rows: [header, ...rows] }),
    note(`${MEASURE_LABELS[measure]} by ${matrix.groupingLabel}. Shading: the darker, the larger the figure (0 is white; – is undefined).`),
    note(matrix.filterLabel || 'none', 'Filter:'),
    heading('Method'),
    note(matrix.method),
  ]);
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
