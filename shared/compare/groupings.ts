/**
 * The columns of a compare matrix: groupings of the study's text by site, phase, site x phase, phase x site,
 * document kind, a document attribute, a speaker role, a speaker attribute or the project's cases.
 *
 * A document grouping puts each document in one column, except cases: a document is in the column of every case
 * that holds it (a hand-made case may share documents with another), so case columns can overlap. A speaker grouping puts each paragraph in the column of its
 * speaker, so a column's text is the paragraphs those speakers said, and a coding belongs to the column of the
 * speaker where it starts (as retrieval's speaker filter decides). Every column states the text it holds: its
 * documents, its words and its code points (of the utterances: speaker labels such as "P3:" are not what was said).
 */
import type { Case, DocumentKind, Paragraph, Phase, Project, Site, Speaker, SpeakerRole, TesseraDocument, Uuid } from '../model/types.ts';
import { caseHasDocument, casesInOrder } from '../ratings/cases.ts';
import { documentSlice } from '../index/text-maps.ts';
import { wordsOf } from '../search/word-index.ts';
import { documentPasses, filtersSpeakers, speakerPasses, type SegmentFilter } from '../coding/segment-filter.ts';
import type { Interval } from './intervals.ts';

/**
 * The sites and phases of the study, in their order (read from the project by the caller), and the project's
 * citation style, by which the passages behind a cell are cited.
 */
export interface StudyDesign {
  readonly sites: readonly Site[];
  readonly phases: readonly Phase[];
  /** The project's cases (needed only by the case grouping). */
  readonly cases?: readonly Case[];
  readonly project: Pick<Project, 'citationStyle'>;
}

/** How documents (or their speakers' paragraphs) are grouped into columns. */
export type ColumnGrouping =
  | { readonly kind: 'all' }
  | { readonly kind: 'site' }
  | { readonly kind: 'phase' }
  | { readonly kind: 'site-phase' }
  | { readonly kind: 'phase-site' }
  | { readonly kind: 'document-kind' }
  | { readonly kind: 'document-attribute'; readonly key: string }
  | { readonly kind: 'speaker-role' }
  | { readonly kind: 'speaker-attribute'; readonly key: string }
  | { readonly kind: 'case' }
  /** Each document its own column (the matrix's per-document table, which the other document groupings sum). */
  | { readonly kind: 'document' };

/** One column: a stable key and the label printed over it ("BU pre"). */
export interface ColumnGroup {
  readonly key: string;
  readonly label: string;
}

/** A grouping in a few words, for headings and exports. */
export function describeGrouping(grouping: ColumnGrouping): string {
  switch (grouping.kind) {
    case 'all':
      return 'all documents';
    case 'site':
      return 'site';
    case 'phase':
      return 'phase';
    case 'site-phase':
      return 'site x phase';
    case 'phase-site':
      return 'phase x site';
    case 'document-kind':
      return 'document kind';
    case 'document-attribute':
      return `document attribute "${grouping.key}"`;
    case 'speaker-role':
      return 'speaker role';
    case 'speaker-attribute':
      return `speaker attribute "${grouping.key}"`;
    case 'case':
      return 'case';
    case 'document':
      return 'document';
  }
}

/** Whether the grouping splits documents by speaker (a column's text is some speakers' paragraphs). */
export function isSpeakerGrouping(grouping: ColumnGrouping): boolean {
  return grouping.kind === 'speaker-role' || grouping.kind === 'speaker-attribute';
}

const NONE = '';
const NO_SITE = '(no site)';
const NO_PHASE = '(no phase)';
const NO_VALUE = '(none)';
const KIND_ORDER: readonly DocumentKind[] = ['transcript', 'field-notes'];
const KIND_LABELS: Readonly<Record<DocumentKind, string>> = { transcript: 'Transcripts', 'field-notes': 'Field notes' };
const ROLE_ORDER: readonly SpeakerRole[] = ['moderator', 'assistant', 'participant', 'group', 'unknown'];
const ROLE_LABELS: Readonly<Record<SpeakerRole, string>> = {
  moderator: 'Moderators',
  assistant: 'Assistants',
  participant: 'Participants',
  group: 'Group answers',
  unknown: 'Unknown speakers',
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The column key of a document under a document grouping (site and phase ids; "" for none). */
function documentKey(grouping: ColumnGrouping, design: StudyDesign, document: TesseraDocument): string {
  const site = design.sites.some((s) => s.id === document.attributes.siteId) ? (document.attributes.siteId as Uuid) : NONE;
  const phase = design.phases.some((p) => p.id === document.attributes.phaseId) ? (document.attributes.phaseId as Uuid) : NONE;
  switch (grouping.kind) {
    case 'site':
      return site;
    case 'phase':
      return phase;
    case 'site-phase':
    case 'phase-site':
      return `${site}|${phase}`;
    case 'document-kind':
      return document.kind;
    case 'document-attribute':
      return document.attributes.extra[grouping.key] || NONE;
    case 'document':
      return document.id;
    default:
      return NONE;
  }
}

/** The column keys of a document under a document grouping: its one key, or the ids of the cases that hold it. */
function documentKeys(grouping: ColumnGrouping, design: StudyDesign, document: TesseraDocument): readonly string[] {
  if (grouping.kind === 'case') return (design.cases ?? []).filter((c) => caseHasDocument(c.scope, document)).map((c) => c.id);
  return [documentKey(grouping, design, document)];
}

/** The column key of a speaker (null: a paragraph without one) under a speaker grouping. */
function speakerKey(grouping: ColumnGrouping, speaker: Speaker | null): string {
  if (grouping.kind === 'speaker-role') return speaker?.role ?? 'unknown';
  if (grouping.kind === 'speaker-attribute') return speaker?.attributes[grouping.key] || NONE;
  return NONE;
}

function speakerOf(document: TesseraDocument, paragraph: Paragraph): Speaker | null {
  return paragraph.speakerId ? (document.speakers.find((s) => s.id === paragraph.speakerId) ?? null) : null;
}

/**
 * The column keys of a coding: of its document (the cases that hold it, under the case grouping), or of the speaker
 * where it starts (`speaker`, as retrieval finds it).
 */
export function columnKeysOf(grouping: ColumnGrouping, design: StudyDesign, document: TesseraDocument, speaker: Speaker | null): readonly string[] {
  return isSpeakerGrouping(grouping) ? [speakerKey(grouping, speaker)] : documentKeys(grouping, design, document);
}

/**
 * The columns for the documents a filter keeps, in the order a paper prints them: sites in the project's order,
 * phases by their order, kinds and roles in a fixed order, attribute values sorted (numbers as numbers). Every
 * site x phase pair is a column even when no document is in it (an empty group is a finding too); a "(no site)"
 * column appears only when some document lacks a site. Sites, phases and kinds the filter leaves out get no column.
 */
export function columnsFor(grouping: ColumnGrouping, design: StudyDesign, documents: Iterable<TesseraDocument>, filter: SegmentFilter): readonly ColumnGroup[] {
  const kept = [...documents].filter((d) => documentPasses(filter, d));
  const sites = design.sites.filter((s) => filter.siteIds.length === 0 || filter.siteIds.includes(s.id));
  const phases = [...design.phases].filter((p) => filter.phaseIds.length === 0 || filter.phaseIds.includes(p.id)).sort((a, b) => a.order - b.order);
  const keys = new Set(kept.map((d) => documentKey(grouping, design, d)));
  const siteColumns: ColumnGroup[] = sites.map((s) => ({ key: s.id, label: s.code }));
  if ([...kept].some((d) => documentKey({ kind: 'site' }, design, d) === NONE)) siteColumns.push({ key: NONE, label: NO_SITE });
  const phaseColumns: ColumnGroup[] = phases.map((p) => ({ key: p.id, label: p.name }));
  if ([...kept].some((d) => documentKey({ kind: 'phase' }, design, d) === NONE)) phaseColumns.push({ key: NONE, label: NO_PHASE });
  switch (grouping.kind) {
    case 'all':
      return [{ key: NONE, label: 'All documents' }];
    case 'document':
      return kept.map((d) => ({ key: d.id, label: d.name }));
    case 'case':
      // Every case is a column, in the cases' order, even one the filter leaves empty.
      return casesInOrder(design.cases ?? []).map((c) => ({ key: c.id, label: c.name }));
    case 'site':
      return siteColumns;
    case 'phase':
      return phaseColumns;
    case 'site-phase':
    case 'phase-site': {
      const pairs: ColumnGroup[] = [];
      const outer = grouping.kind === 'site-phase' ? siteColumns : phaseColumns;
      const inner = grouping.kind === 'site-phase' ? phaseColumns : siteColumns;
      for (const a of outer) {
        for (const b of inner) {
          const [site, phase] = grouping.kind === 'site-phase' ? [a, b] : [b, a];
          const key = `${site.key}|${phase.key}`;
          // A pair with a missing site or phase is shown only when documents are in it.
          if ((site.key === NONE || phase.key === NONE) && !keys.has(key)) continue;
          pairs.push({ key, label: `${a.label} ${b.label}` });
        }
      }
      return pairs;
    }
    case 'document-kind':
      return KIND_ORDER.filter((k) => filter.kinds.length === 0 || filter.kinds.includes(k)).map((k) => ({ key: k, label: KIND_LABELS[k] }));
    case 'document-attribute':
      return [...keys]
        .sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : collator.compare(a, b)))
        .map((k) => ({ key: k, label: k === NONE ? NO_VALUE : k }));
    case 'speaker-role':
    case 'speaker-attribute': {
      const found = new Set<string>();
      for (const document of kept) {
        for (const paragraph of document.paragraphs) {
          const speaker = speakerOf(document, paragraph);
          if (!filtersSpeakers(filter) || speakerPasses(filter, speaker)) found.add(speakerKey(grouping, speaker));
        }
      }
      if (grouping.kind === 'speaker-role') return ROLE_ORDER.filter((r) => found.has(r)).map((r) => ({ key: r, label: ROLE_LABELS[r] }));
      return [...found]
        .sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : collator.compare(a, b)))
        .map((k) => ({ key: k, label: k === NONE ? NO_VALUE : k }));
    }
  }
}

const wordsByDocument = new WeakMap<TesseraDocument, Int32Array>();

/** The words of each paragraph's utterance (after its speaker label), counted once per document and kept. */
export function paragraphWordCounts(document: TesseraDocument): Int32Array {
  let counts = wordsByDocument.get(document);
  if (!counts) {
    counts = new Int32Array(document.paragraphs.length);
    document.paragraphs.forEach((p, i) => {
      (counts as Int32Array)[i] = wordsOf(documentSlice(document, Math.max(p.start, p.utteranceStart), p.end)).length;
    });
    wordsByDocument.set(document, counts);
  }
  return counts;
}

/** The text of one column: its documents, words and code points, and its utterance ranges in each document. */
export interface ColumnText {
  readonly documents: number;
  readonly words: number;
  readonly codePoints: number;
  /** Per document, the utterances of the column's paragraphs, by position. */
  readonly ranges: ReadonlyMap<Uuid, readonly Interval[]>;
}

/**
 * The text of each column: every paragraph of a kept document (whose speaker passes the filter's speaker part)
 * goes to the column of its document or of its speaker. A document counts in a column when some of its text is there.
 */
export function columnTexts(
  grouping: ColumnGrouping,
  design: StudyDesign,
  documents: Iterable<TesseraDocument>,
  filter: SegmentFilter,
  columns: readonly ColumnGroup[],
): readonly ColumnText[] {
  const indexOf = new Map(columns.map((c, i) => [c.key, i]));
  const texts = columns.map(() => ({ documents: 0, words: 0, codePoints: 0, ranges: new Map<Uuid, Interval[]>() }));
  const bySpeaker = filtersSpeakers(filter);
  for (const document of documents) {
    if (!documentPasses(filter, document)) continue;
    const bySpeakerColumn = isSpeakerGrouping(grouping);
    const documentColumns = bySpeakerColumn ? [] : documentKeys(grouping, design, document).flatMap((key) => indexOf.get(key) ?? []);
    if (!bySpeakerColumn && documentColumns.length === 0) continue;
    const words = paragraphWordCounts(document);
    document.paragraphs.forEach((paragraph, i) => {
      const speaker = bySpeaker || bySpeakerColumn ? speakerOf(document, paragraph) : null;
      if (bySpeaker && !speakerPasses(filter, speaker)) return;
      const columns = bySpeakerColumn ? [indexOf.get(speakerKey(grouping, speaker)) ?? -1] : documentColumns;
      for (const column of columns) {
        const text = texts[column];
        if (!text) continue;
        const start = Math.max(paragraph.start, paragraph.utteranceStart);
        let ranges = text.ranges.get(document.id);
        if (!ranges) {
          text.ranges.set(document.id, (ranges = []));
          text.documents++;
        }
        if (paragraph.end > start) ranges.push({ start, end: paragraph.end });
        text.codePoints += Math.max(0, paragraph.end - start);
        text.words += words[i] ?? 0;
      }
    });
  }
  return texts;
}
