/**
 * Site validation packs: for each site, one Word document with all the extracts from that site's documents, grouped
 * by code, each code with its definition in plain words, and a table per code with a column for the site team's
 * comments, so research workers can read and annotate it offline or on paper.
 */
import { BorderStyle, Document, HeightRule, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType, type ParagraphChild } from 'docx';
import type { Code, ProjectSnapshot, Site } from '../model/types.ts';
import { buildProjectIndex, type ProjectIndex } from '../index/project-index.ts';
import { sitesInOrder } from '../study/study-design.ts';
import { officialDefinition } from '../codebooks/code-info.ts';
import { xmlSafe } from '../refi/xml-writer.ts';
import { selectExtracts, type Extract, type ExtractChoices } from './extract-selection.ts';
import { DOCUMENT_STYLES, PAGE, SIZE, STYLE, heading, isRightToLeft, pageFooter, plain, safeFileName, textRuns } from './docx-parts.ts';
import { titlePage } from './extracts-docx.ts';

/** One site's pack. */
export interface SitePack {
  readonly site: Site;
  /** "BU validation pack.docx". */
  readonly fileName: string;
  readonly extracts: number;
  readonly bytes: Uint8Array;
}

/** The definition of a code in plain words: the project's own description first, else the framework's definition. */
export function plainDefinition(code: Code): string {
  if (code.description.trim()) return code.description.trim();
  return officialDefinition(code)?.definition ?? '';
}

const COMMENT_HEADER = 'Comments from the site team (does this extract say what the code says? anything missing or misread?)';

function cell(children: Paragraph[], width: number, shaded = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 80, bottom: 80, left: 100, right: 100 },
    ...(shaded ? { shading: { type: ShadingType.CLEAR, fill: 'EDF2F9', color: 'auto' } } : {}),
  });
}

function extractCell(extract: Extract): Paragraph[] {
  const rtl = isRightToLeft(extract.text);
  const children: ParagraphChild[] = [];
  if (extract.speaker) children.push(new TextRun({ text: xmlSafe(`${extract.speaker.label} (${extract.speaker.role}): `), style: STYLE.speaker }));
  children.push(...textRuns(extract.text, { rightToLeft: rtl }));
  children.push(new TextRun({ text: xmlSafe(` (${extract.citation})`), style: STYLE.citation }));
  return [
    new Paragraph({ bidirectional: rtl || undefined, children }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(extract.coder ? `Coded by ${extract.coder.name}` : 'Coder not recorded'), style: STYLE.noteText })] }),
  ];
}

function codeTable(extracts: readonly Extract[]): Table {
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell([new Paragraph({ children: [new TextRun({ text: 'Extract', bold: true })] })], 62, true),
      cell([new Paragraph({ children: [new TextRun({ text: COMMENT_HEADER, bold: true, size: SIZE.small })] })], 38, true),
    ],
  });
  const rows = extracts.map(
    (extract) =>
      new TableRow({
        cantSplit: true,
        // Room to write by hand on a printout.
        height: { value: 1134, rule: HeightRule.ATLEAST },
        children: [cell(extractCell(extract), 62), cell([new Paragraph({ children: [] }), new Paragraph({ children: [] })], 38)],
      }),
  );
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * The packs of every site with extracts under the choices (their site filter, if any, picks the sites), each grouped
 * by code in tree order.
 */
export async function sitePacks(
  snapshot: ProjectSnapshot,
  choices: ExtractChoices,
  options: { readonly subtitle: string; readonly index?: ProjectIndex },
): Promise<readonly SitePack[]> {
  const index = options.index ?? buildProjectIndex(snapshot);
  const sites = sitesInOrder(snapshot.sites).filter((site) => choices.filter.siteIds.length === 0 || choices.filter.siteIds.includes(site.id));
  const packs: SitePack[] = [];
  for (const site of sites) {
    const selection = selectExtracts(snapshot, { ...choices, filter: { ...choices.filter, siteIds: [site.id] }, grouping: 'site-code' }, index);
    if (selection.extracts.length === 0) continue;
    const title = `Validation pack: ${site.code}${site.name && site.name !== site.code ? ` (${site.name})` : ''}`;
    const body: (Paragraph | Table)[] = [];
    let pending: Extract[] = [];
    const flush = () => {
      if (pending.length) body.push(codeTable(pending), new Paragraph({ children: [] }));
      pending = [];
    };
    for (const entry of selection.outline) {
      if (entry.kind === 'extract') {
        pending.push(entry.extract);
        continue;
      }
      flush();
      // The site heading that tops a site-first outline is this whole document: its codes start at level 1.
      if (entry.group !== 'code' || !entry.code) continue;
      body.push(heading(entry.level - 1, entry.title));
      const definition = plainDefinition(entry.code);
      if (definition) body.push(plain(definition, { italics: true, color: '404040', after: 120 }));
    }
    flush();
    const document = new Document({
      creator: 'Tessera',
      title,
      description: 'Coded extracts of one site, for the site team to validate',
      styles: DOCUMENT_STYLES,
      sections: [
        {
          properties: { page: PAGE },
          footers: { default: pageFooter(title) },
          children: [
            ...titlePage(snapshot, selection, title, options.subtitle, 0),
            new Paragraph({
              spacing: { before: 240, after: 240 },
              border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'A6A6A6', space: 6 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A6A6A6', space: 6 } },
              children: [
                new TextRun({ text: 'How to use this pack: ', bold: true }),
                new TextRun(
                  'each table holds the extracts coded with one code, with the code’s meaning above it. Please read each extract and ' +
                    'write in the right-hand column whether it fits the code, what the team reads in it, and anything the coders may ' +
                    'have misunderstood. Comments can be typed in Word or written on a printout.',
                ),
              ],
            }),
            ...body,
          ],
        },
      ],
    });
    packs.push({
      site,
      fileName: `${safeFileName(site.code, 'site')} validation pack.docx`,
      extracts: selection.extracts.length,
      bytes: new Uint8Array(await Packer.toArrayBuffer(document)),
    });
  }
  return packs;
}
