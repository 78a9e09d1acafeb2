/**
 * The agreement table as a Word document for a paper: a title, the table (per code, per CFIR domain, all codes, with
 * the four counts beside every figure), the figures per document, each pair of coders (three or more coders),
 * agreement on CFIR ratings, and the method paragraphs, so the figures state how they were computed.
 *
 * Pure: built in memory with the `docx` package; the renderer saves it through the platform API.
 */
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { agreementMethod, agreementRows, AGREEMENT_COLUMNS, documentRows, pairRows, PAIRWISE_NOTE, ratingSummary, rowCells, type AgreementExtras, type AgreementRow } from '../agreement/agreement-report.ts';
import type { AgreementResult } from '../agreement/project-agreement.ts';
import { xmlSafe } from '../refi/xml-writer.ts';

const FONT = 'Calibri';
const SMALL = 16; // half-points: 8 pt
const NORMAL = 20; // 10 pt

const run = (text: string, extra: { bold?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text: xmlSafe(text), font: FONT, size: extra.size ?? SMALL, bold: extra.bold });

/**
 * Column widths in twips (AGREEMENT_COLUMNS' order) on a landscape A4 page with 0.5 inch margins: the code's path
 * gets room, the four counts little, and the headings with long words ("Krippendorff’s") enough not to break inside one.
 */
const COLUMN_WIDTHS = [3200, 900, 800, 800, 800, 800, 1400, 1100, 1300, 1500, 1300, 1300];
const widthOf = (column: number): number => COLUMN_WIDTHS[column] ?? 1100;

function cell(text: string, options: { header?: boolean; numeric?: boolean; bold?: boolean; column: number }): TableCell {
  return new TableCell({
    width: { size: widthOf(options.column), type: WidthType.DXA },
    children: [new Paragraph({ alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { bold: options.header || options.bold })] })],
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
  });
}

/** A table of rows under the agreement columns; `firstColumn` renames the first heading ("Document", "Coders"). */
function figuresTable(rows: readonly AgreementRow[], firstColumn?: string): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: AGREEMENT_COLUMNS.map((title, i) => cell(i === 0 && firstColumn ? firstColumn : title, { header: true, numeric: i > 0, column: i })),
  });
  const body = rows.map(
    (row) => new TableRow({ cantSplit: true, children: rowCells(row).map((text, i) => cell(text, { numeric: i > 0, bold: row.kind !== 'code', column: i })) }),
  );
  return new Table({ columnWidths: AGREEMENT_COLUMNS.map((_, i) => widthOf(i)), rows: [header, ...body] });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2): Paragraph =>
  new Paragraph({ heading: level, spacing: { before: 240 }, children: [new TextRun({ text: xmlSafe(text), font: FONT })] });
const text = (content: string): Paragraph => new Paragraph({ children: [run(content, { size: NORMAL })], spacing: { after: 120 } });

/** The Word document of an agreement result, titled `title`, with `subtitle` under it. */
export async function agreementDocx(
  result: AgreementResult,
  options: { readonly title: string; readonly subtitle: string },
  extras: AgreementExtras = {},
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: xmlSafe(options.title), font: FONT })] }),
    new Paragraph({ children: [run(options.subtitle, { size: NORMAL })], spacing: { after: 200 } }),
    figuresTable(agreementRows(result)),
  ];
  if (result.documents.length > 1) children.push(heading('Per document (all codes pooled within each)'), figuresTable(documentRows(result), 'Document'));
  if (extras.pairs && extras.pairs.length > 0) children.push(heading('Pairs of coders (all codes pooled)'), figuresTable(pairRows(result, extras.pairs), 'Coders'), text(PAIRWISE_NOTE));
  if (extras.ratings) children.push(heading('CFIR ratings'), text(ratingSummary(extras.ratings)), text(`Method: ${extras.ratings.method}`));
  children.push(heading('Method'), text(agreementMethod(result)));
  const document = new Document({
    creator: 'Tessera',
    title: options.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
