/**
 * Coded extracts as a Word document a researcher hands to a co-author: a title page with the choices and counts, a
 * table of contents, Word headings per level of the grouping (so the navigation pane works), each extract as a
 * quote with its speaker and its citation "(BU 45, pre)" in the same paragraph, then who coded it, the other codes on
 * the passage and its memo; optionally the whole paragraph around it with the coded words marked, and each code's
 * definition and memos under its heading, and each rated construct's ratings per case (with the legend and method on
 * the title page). Page numbers in the footer; Hebrew and Arabic passages right to left.
 *
 * The text of each quote is the exact coded text (a line break between paragraphs is a Word line break), so a script
 * reading the document finds it, followed by its citation.
 */
import { Document, LeaderType, Packer, PageBreak, Paragraph, TableOfContents, TextRun } from 'docx';
import type { Case, Code, Memo, ProjectSnapshot, Rating, Uuid } from '../model/types.ts';
import { casesInOrder } from '../ratings/cases.ts';
import { RATING_LEGEND, ratingLabel } from '../ratings/distinguishing-constructs.ts';
import { passageContext } from '../coding/retrieve-segments.ts';
import { paragraphAt } from '../coding/paragraph-label.ts';
import { officialDefinition } from '../codebooks/code-info.ts';
import { citationStyleOf, describeCitationStyle } from '../coding/citation-labels.ts';
import { xmlSafe } from '../refi/xml-writer.ts';
import { COUNTING_METHOD, type Extract, type ExtractSelection } from './extract-selection.ts';
import { DOCUMENT_STYLES, GREY, PAGE, PreparedParagraph, SIZE, STYLE, heading, isRightToLeft, labelled, pageFooter, plain, textRuns, type PreparedRun } from './docx-parts.ts';

/** What each extract carries and what heads each code's section. */
export interface ExtractsDocxOptions {
  readonly title: string;
  /** One line under the title, e.g. "Exported from Tessera 0.1.0 on 2 December 2026." */
  readonly subtitle: string;
  /** The whole paragraph(s) around each extract, the coded words marked. */
  readonly context: boolean;
  /** The memos written on each coding. */
  readonly memos: boolean;
  /** The code's definition (the CFIR's, and the project's description) and its memos under each code heading. */
  readonly definitions: boolean;
  /** Each rated construct's ratings per case under its heading, and the rating legend on the title page. */
  readonly ratings: boolean;
  /** Called as the document is put together, with the extracts done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The speaker and role before a quote: "P3 (participant): ". */
function speakerPrefix(extract: Extract): string {
  const { speaker } = extract;
  if (!speaker) return '';
  return speaker.role !== 'unknown' ? `${speaker.label} (${speaker.role}): ` : `${speaker.label}: `;
}

/**
 * The quote paragraph: speaker, the exact coded text (or its paragraph with the coded words marked), citation, and
 * on a line of its own in small grey type who coded it, the other codes on the passage and the document. One Word
 * paragraph per extract keeps a 5,000-extract export quick to write.
 */
export function quoteParagraph(extract: Extract, withContext: boolean): Paragraph {
  const rtl = isRightToLeft(extract.text);
  const runs: (PreparedRun | TextRun)[] = [];
  const prefix = speakerPrefix(extract);
  if (prefix) runs.push({ text: prefix, style: STYLE.speaker });
  if (withContext) {
    const { document, coding } = extract;
    const around = passageContext(document, coding.start, coding.end);
    // The speaker label is printed once, in front: the context starts after the label in the transcript.
    const paragraph = paragraphAt(document.paragraphs, coding.start);
    const label = paragraph && coding.start >= paragraph.utteranceStart ? paragraph.utteranceStart - paragraph.start : 0;
    runs.push(
      ...textRuns([...around.before].slice(label).join(''), { color: GREY, rightToLeft: rtl }),
      ...textRuns(around.passage, { bold: true, highlight: 'yellow', rightToLeft: rtl }),
      ...textRuns(around.after, { color: GREY, rightToLeft: rtl }),
    );
  } else {
    // A line break between paragraphs of the passage is a Word line break, as `textRuns` writes it.
    extract.text.split('\n').forEach((line, i) => runs.push({ text: line, rightToLeft: rtl, breakBefore: i > 0 }));
  }
  runs.push({ text: ` (${extract.citation})`, style: STYLE.citation });
  runs.push({ text: noteText(extract), style: STYLE.noteText, breakBefore: true });
  return new PreparedParagraph(STYLE.quote, rtl, runs);
}

/** The line under a quote: who coded it, the other codes on the passage, the document. */
export function noteText(extract: Extract): string {
  return [
    extract.coder ? `Coded by ${extract.coder.name}` : 'Coder not recorded',
    extract.otherCodes.length ? `also coded: ${extract.otherCodes.map((code) => code.name).join('; ')}` : '',
    extract.document.name,
  ]
    .filter(Boolean)
    .join(' · ');
}

function memoParagraphs(memos: readonly Memo[], coderName: (id: Uuid | null) => string | null): Paragraph[] {
  return memos.map((memo) => {
    const by = coderName(memo.createdBy);
    const title = memo.title ? `${memo.title}` : 'Memo';
    return labelled(by ? `${title} (${by})` : title, memo.text, { style: STYLE.note, italics: true, size: SIZE.small, color: GREY });
  });
}

/** Under a code heading: its definition (the framework's and the project's own) and the memos on the code. */
function codePreamble(code: Code, codeMemos: ReadonlyMap<Uuid, readonly Memo[]>, coderName: (id: Uuid | null) => string | null): Paragraph[] {
  const out: Paragraph[] = [];
  const official = officialDefinition(code);
  if (official?.definition) out.push(labelled(`${official.source} definition`, official.definition, { style: STYLE.definition }));
  if (code.description.trim()) out.push(labelled('Description', code.description.trim(), { style: STYLE.definition }));
  if (code.inclusion.trim()) out.push(labelled('Include', code.inclusion.trim(), { style: STYLE.definition }));
  if (code.exclusion.trim()) out.push(labelled('Exclude', code.exclusion.trim(), { style: STYLE.definition }));
  out.push(...memoParagraphs(codeMemos.get(code.id) ?? [], coderName));
  return out;
}

/** How construct ratings are made, printed wherever they are. */
export const RATING_METHOD =
  'Ratings are CFIR construct ratings per case: the valence and strength of the construct’s influence on ' +
  'implementation in the case (+2 to -2), X for mixed and M for missing, judged by the coders from all the case’s ' +
  'coded passages of the construct (not only the extracts printed here) and written in Tessera’s rating matrix.';

/** The rated cells of each construct (rating written), by code id, in the cases' order. */
export function ratingsByCode(snapshot: Pick<ProjectSnapshot, 'cases' | 'ratings'>): ReadonlyMap<Uuid, readonly { readonly case: Case; readonly rating: Rating }[]> {
  const map = new Map<Uuid, { case: Case; rating: Rating }[]>();
  for (const c of casesInOrder(snapshot.cases)) {
    for (const rating of snapshot.ratings) {
      if (rating.caseId !== c.id || rating.value === null) continue;
      const list = map.get(rating.codeId);
      if (list) list.push({ case: c, rating });
      else map.set(rating.codeId, [{ case: c, rating }]);
    }
  }
  return map;
}

/** Under a construct heading: its rating in each case that has one, with the rating's summary. */
function ratingParagraphs(cells: readonly { readonly case: Case; readonly rating: Rating }[]): Paragraph[] {
  return cells.map(({ case: c, rating }) =>
    labelled(`Rating in ${c.name}`, `${rating.value ?? ''}${rating.summary ? ` (${rating.summary})` : ''}`, { style: STYLE.definition }),
  );
}

/** The rating legend for the title page: the method and what each value means. */
function ratingLegend(): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 240, after: 60 }, children: [new TextRun({ text: 'Ratings', bold: true, size: 24 })] }),
    plain(RATING_METHOD, { size: SIZE.small }),
    ...RATING_LEGEND.map((entry) => labelled(ratingLabel(entry.value), entry.meaning, { size: SIZE.small })),
  ];
}

/** Memos on codes, by code id. */
export function memosByCode(snapshot: Pick<ProjectSnapshot, 'memos'>): ReadonlyMap<Uuid, readonly Memo[]> {
  const map = new Map<Uuid, Memo[]>();
  for (const memo of snapshot.memos) {
    if (memo.target.kind !== 'code') continue;
    const list = map.get(memo.target.id);
    if (list) list.push(memo);
    else map.set(memo.target.id, [memo]);
  }
  return map;
}

/** The title page: title, subtitle, project, the choices made, the counts and how they are counted. */
export function titlePage(
  snapshot: Pick<ProjectSnapshot, 'project'>,
  selection: ExtractSelection,
  title: string,
  subtitle: string,
  /** Space above the title, in twentieths of a point: a title page starts lower than a pack's first page. */
  titleSpaceBefore = 2400,
): Paragraph[] {
  const { extracts, documents, codesWithExtracts, emptyCodes } = selection;
  const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return [
    new Paragraph({ style: 'Title', children: [new TextRun({ text: xmlSafe(title) })], spacing: { before: titleSpaceBefore, after: 200 } }),
    plain(subtitle, { color: GREY, after: 480 }),
    labelled('Project', snapshot.project.name),
    ...selection.choices.map(([what, chosen]) => labelled(what, chosen)),
    new Paragraph({ spacing: { before: 240, after: 60 }, children: [new TextRun({ text: 'Counts', bold: true, size: 24 })] }),
    plain(
      `${plural(extracts.length, 'extract')} from ${plural(documents, 'document')}, under ${plural(codesWithExtracts, 'code')}. ` +
        (emptyCodes
          ? `${plural(emptyCodes, 'code has', 'codes have')} no extract in this selection and ${emptyCodes === 1 ? 'is' : 'are'} left out.`
          : 'Every chosen code has at least one extract.'),
    ),
    plain(COUNTING_METHOD, { italics: true, color: GREY, size: SIZE.small }),
    plain(describeCitationStyle(citationStyleOf(snapshot.project)), { italics: true, color: GREY, size: SIZE.small }),
  ];
}

/** The Word document (.docx bytes) of a selection of coded extracts. */
export async function extractsDocx(snapshot: ProjectSnapshot, selection: ExtractSelection, options: ExtractsDocxOptions): Promise<Uint8Array> {
  const coders = new Map(snapshot.coders.map((c) => [c.id, c.name]));
  const coderName = (id: Uuid | null) => (id ? (coders.get(id) ?? null) : null);
  const codeMemos = memosByCode(snapshot);
  const ratings = options.ratings ? ratingsByCode(snapshot) : null;
  const total = selection.extracts.length;
  const body: Paragraph[] = [];
  let done = 0;
  for (const entry of selection.outline) {
    if (entry.kind === 'heading') {
      body.push(heading(entry.level, entry.title));
      const rated = entry.code && ratings?.get(entry.code.id);
      if (rated) body.push(...ratingParagraphs(rated));
      if (options.definitions && entry.code) body.push(...codePreamble(entry.code, codeMemos, coderName));
      continue;
    }
    const { extract } = entry;
    body.push(quoteParagraph(extract, options.context));
    if (options.memos) body.push(...memoParagraphs(extract.memos, coderName));
    done += 1;
    if (options.onProgress && done % 500 === 0) options.onProgress(done, total);
  }
  if (total === 0) body.push(plain('No coded extract matches these choices.'));

  const document = new Document({
    creator: 'Tessera',
    title: options.title,
    description: 'Coded extracts exported from Tessera',
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: { page: PAGE },
        footers: { default: pageFooter(options.title) },
        children: [
          ...titlePage(snapshot, selection, options.title, options.subtitle),
          ...(options.ratings ? ratingLegend() : []),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ children: [new TextRun({ text: 'Contents', bold: true, size: 32, color: '1F3864' })], spacing: { after: 200 } }),
          // Without leader dots: readers that do not update fields show the entries without page numbers; Word fills them
          // in when it updates the table on opening.
          new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', tabLeader: LeaderType.NONE }),
          new Paragraph({ children: [new PageBreak()] }),
          ...body,
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  options.onProgress?.(total, total);
  return bytes;
}
