/**
 * The codebook as a Word document, ready for a paper's supplement: the coding tree in one table, in tree order, each
 * code with its outline number, its CFIR or framework numbering, where it comes from, the shipped definition and the
 * study's own description, inclusion and exclusion criteria, an example quote, and how many codings and documents
 * it has. Above the table: the codebooks used, with their citations.
 *
 * Pure: it builds the file in memory (the `docx` package runs in the browser and in Node); the renderer saves it
 * through the platform API and the command line writes it to a file.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Code, ProjectSnapshot } from '../model/types.ts';
import { treeOrder } from '../codebook/code-tree.ts';
import { codeTreeCounts } from '../codebook/code-counts.ts';
import { codeNumbering, officialDefinition, originLabel } from '../codebooks/code-info.ts';
import { builtinCodebook, codebookIdOfOrigin } from '../codebooks/builtin-codebooks.ts';
import { xmlSafe } from '../refi/xml-writer.ts';

/** How to write the codebook document. */
export interface CodebookDocxOptions {
  readonly title: string;
  /** One line under the title, e.g. "Exported from Tessera 0.1.0 on 23 November 2026." */
  readonly subtitle: string;
  readonly includeHidden: boolean;
  /** Whether to print the coding counts (off for an empty built-in codebook). */
  readonly includeCounts: boolean;
}

const FONT = 'Calibri';
const SMALL = 18; // half-points: 9 pt
const NORMAL = 20; // 10 pt

const run = (text: string, extra: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun =>
  new TextRun({ text: xmlSafe(text), font: FONT, size: extra.size ?? SMALL, bold: extra.bold, italics: extra.italics, color: extra.color });

/** Paragraphs from text with line breaks: one paragraph per line, so Word shows the breaks. */
function lines(text: string, style: { italics?: boolean; indent?: number } = {}): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => new Paragraph({ children: [run(line, { italics: style.italics })], indent: style.indent ? { left: style.indent } : undefined }));
}

function labelled(label: string, text: string, italics = false): Paragraph[] {
  if (!text.trim()) return [];
  const [first = '', ...rest] = text.trim().split(/\r?\n/);
  return [
    new Paragraph({ children: [run(`${label}: `, { bold: true }), run(first, { italics })], spacing: { after: 40 } }),
    ...rest.map((line) => new Paragraph({ children: [run(line, { italics })] })),
  ];
}

const COLUMNS = [
  { title: 'No.', width: 6 },
  { title: 'Code', width: 20 },
  { title: 'Definition and description', width: 30 },
  { title: 'Inclusion and exclusion', width: 20 },
  { title: 'Example', width: 16 },
  { title: 'Codings (documents)', width: 8 },
] as const;

function cell(children: Paragraph[], width: number, shaded: boolean): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(shaded ? { shading: { type: ShadingType.CLEAR, fill: 'F2F4F7', color: 'auto' } } : {}),
  });
}

function headerRow(): TableRow {
  return new TableRow({
    tableHeader: true,
    children: COLUMNS.map((column) =>
      cell([new Paragraph({ children: [run(column.title, { bold: true })] })], column.width, true),
    ),
  });
}

function codeRow(code: Code, depth: number, outline: string, counts: { own: number; ownDocs: number; all: number; allDocs: number } | null): TableRow {
  const numbering = codeNumbering(code);
  const definition = officialDefinition(code);
  const category = !code.isCodable;
  const nameCell = [
    new Paragraph({
      indent: { left: depth * 160 },
      children: [
        ...(numbering ? [run(`${numbering} `, { bold: true, color: '475467' })] : []),
        run(code.name, { bold: category || depth === 0 }),
      ],
    }),
    new Paragraph({ indent: { left: depth * 160 }, children: [run(`${originLabel(code.origin)}${category ? ' (category)' : ''}`, { italics: true, color: '667085', size: 16 })] }),
  ];
  const definitionCell = [
    ...(definition?.definition
      ? [new Paragraph({ children: [run(`${definition.source}: `, { bold: true }), run(definition.definition, { italics: true })], spacing: { after: 60 } })]
      : []),
    ...(definition?.suggestedCfir.length
      ? [new Paragraph({ children: [run('Suggested CFIR 2.0: ', { bold: true }), run(definition.suggestedCfir.map((s) => `${s.numbering} ${s.name}`).join('; '))], spacing: { after: 60 } })]
      : []),
    ...(code.description ? lines(code.description) : []),
  ];
  const criteria = [...labelled('Include', code.inclusion), ...labelled('Exclude', code.exclusion)];
  const example = code.example ? lines(code.example, { italics: true }) : [];
  const countText = counts
    ? counts.all !== counts.own
      ? `${counts.own} (${counts.ownDocs}); with subcodes ${counts.all} (${counts.allDocs})`
      : `${counts.own} (${counts.ownDocs})`
    : '';
  return new TableRow({
    cantSplit: false,
    children: [
      cell([new Paragraph({ children: [run(outline)] })], COLUMNS[0].width, category),
      cell(nameCell, COLUMNS[1].width, category),
      cell(definitionCell, COLUMNS[2].width, category),
      cell(criteria, COLUMNS[3].width, category),
      cell(example, COLUMNS[4].width, category),
      cell([new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(countText)] })], COLUMNS[5].width, category),
    ],
  });
}

/** The Word document (.docx bytes) of a project's codebook. */
export async function codebookDocx(
  snapshot: Pick<ProjectSnapshot, 'project' | 'codes' | 'codings'>,
  options: CodebookDocxOptions,
): Promise<Uint8Array> {
  const entries = treeOrder(snapshot.codes, { includeHidden: options.includeHidden });
  const counts = codeTreeCounts(snapshot.codes, snapshot.codings);
  const used = [...new Set(entries.map((e) => codebookIdOfOrigin(e.code.origin)).filter((id) => id !== null))];
  const inductive = entries.filter((e) => e.code.origin.kind === 'inductive').length;
  const codable = entries.filter((e) => e.code.isCodable).length;
  const documents = new Set(snapshot.codings.map((c) => c.documentId)).size;

  const intro: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: xmlSafe(options.title), font: FONT })] }),
    new Paragraph({ children: [run(options.subtitle, { size: NORMAL, color: '475467' })], spacing: { after: 120 } }),
    new Paragraph({
      children: [
        run(
          `${entries.length} codes (${codable} codable, ${entries.length - codable} categories; ${entries.length - inductive} from built-in codebooks, ${inductive} inductive)` +
            (options.includeCounts ? `; ${snapshot.codings.length} codings in ${documents} documents.` : '.'),
          { size: NORMAL },
        ),
      ],
      spacing: { after: 120 },
    }),
  ];
  for (const id of used) {
    const book = builtinCodebook(id);
    intro.push(
      new Paragraph({ children: [run(`${book.title}. `, { bold: true, size: NORMAL }), run(book.citation, { size: NORMAL })], spacing: { after: 60 } }),
      new Paragraph({ children: [run(book.note, { italics: true, color: '667085' })], spacing: { after: 120 } }),
    );
  }
  intro.push(
    new Paragraph({
      children: [
        run('No. is the place in the coding tree; numbers such as II.G.2 are the published numbering of the framework the code comes from. ', { color: '667085' }),
        run(options.includeCounts ? 'Counts are codings, with the number of documents in brackets.' : '', { color: '667085' }),
      ],
      spacing: { after: 200 },
    }),
  );

  const rows = entries.map(({ code, depth, outline }) => {
    const count = counts.get(code.id);
    return codeRow(
      code,
      depth,
      outline,
      options.includeCounts && count
        ? { own: count.own.codings, ownDocs: count.own.documents, all: count.withDescendants.codings, allDocs: count.withDescendants.documents }
        : null,
    );
  });
  const body = entries.length
    ? [new Table({ rows: [headerRow(), ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })]
    : [new Paragraph({ children: [run('The codebook has no codes.', { size: NORMAL })] })];

  const document = new Document({
    creator: 'Tessera',
    title: options.title,
    description: 'Codebook exported from Tessera',
    styles: { default: { document: { run: { font: FONT, size: NORMAL } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        children: [...intro, ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
