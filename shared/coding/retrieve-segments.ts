/**
 * Retrieval at the scale of a whole study: the coded segments of one or several codes, filtered by site, phase,
 * document kind, speaker and coder, sorted by document or by site then phase, read from the project index so that
 * one code's segments come back in milliseconds among 50,000 codings. Texts are cut only for the rows shown
 * (`segmentText`, `segmentContext`).
 */
import type { Code, Coding, ProjectSnapshot, Speaker, TesseraDocument, Uuid } from '../model/types.ts';
import type { ProjectIndex } from '../index/project-index.ts';
import { codingsOfCode } from '../index/project-index.ts';
import { codePointMapOf, documentSlice } from '../index/text-maps.ts';
import { codePointToUtf16 } from '../text/code-points.ts';
import { paragraphAt, passageCitation, passageParagraphs } from './paragraph-label.ts';
import { citationLabels, type CitationStudy } from './citation-labels.ts';
import { documentPasses, filtersSpeakers, speakerAt, speakerPasses, type SegmentFilter } from './segment-filter.ts';

/** How retrieved segments are ordered. */
export type SegmentOrder = 'document' | 'site-phase';

/** What to retrieve. */
export interface RetrievalQuery {
  readonly codeIds: readonly Uuid[];
  readonly filter: SegmentFilter;
  readonly order: SegmentOrder;
}

/** One retrieved segment with what is needed to show and cite it; its text is cut on demand. */
export interface RetrievedSegment {
  readonly coding: Coding;
  readonly code: Code;
  readonly document: TesseraDocument;
  readonly firstParagraph: number;
  readonly lastParagraph: number;
  /** "BU 45", "BU pre 45–47" (unique in the project, see citation-labels.ts), or "¶45" for a lone document without a site. */
  readonly citation: string;
  /** The speaker of the first paragraph, or null. */
  readonly speaker: Speaker | null;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * A rank for each document in the requested order: by name ("FG 2" before "FG 10"), or by site (in the project's
 * order), then phase (by its order), then name. Documents without a site or phase come after those with one.
 */
export function documentRanks(project: Pick<ProjectSnapshot, 'sites' | 'phases'>, documents: Iterable<TesseraDocument>, order: SegmentOrder): ReadonlyMap<Uuid, number> {
  const siteRank = new Map(project.sites.map((site) => [site.id, site.order]));
  const phaseRank = new Map(project.phases.map((phase) => [phase.id, phase.order]));
  const list = [...documents];
  list.sort((a, b) => {
    if (order === 'site-phase') {
      const site = (siteRank.get(a.attributes.siteId ?? '') ?? Infinity) - (siteRank.get(b.attributes.siteId ?? '') ?? Infinity);
      if (site) return site;
      const phase = (phaseRank.get(a.attributes.phaseId ?? '') ?? Infinity) - (phaseRank.get(b.attributes.phaseId ?? '') ?? Infinity);
      if (phase) return phase;
    }
    return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
  });
  return new Map(list.map((document, i) => [document.id, i]));
}

/** What retrieval reads of the project index (a view may pass just these parts, to depend on no more). */
export type RetrievalSource = Pick<ProjectIndex, 'codeById' | 'documentById' | 'codingsByCode'>;

/** The segments of the codes in the query that pass its filter, in its order. */
export function retrieveSegments(index: RetrievalSource, project: CitationStudy, query: RetrievalQuery): readonly RetrievedSegment[] {
  const { filter } = query;
  // The labels of the project's documents: computed once per change of its documents, sites, phases or citation style.
  const labels = citationLabels(project, index.documentById);
  const bySpeaker = filtersSpeakers(filter);
  const segments: RetrievedSegment[] = [];
  const documentOk = new Map<Uuid, boolean>();
  for (const codeId of new Set(query.codeIds)) {
    const code = index.codeById.get(codeId);
    if (!code) continue;
    for (const coding of codingsOfCode(index, codeId)) {
      if (filter.coderIds.length && (coding.createdBy === null || !filter.coderIds.includes(coding.createdBy))) continue;
      const document = index.documentById.get(coding.documentId);
      if (!document) continue;
      let ok = documentOk.get(document.id);
      if (ok === undefined) documentOk.set(document.id, (ok = documentPasses(filter, document)));
      if (!ok) continue;
      const span = passageParagraphs(document.paragraphs, coding.start, coding.end);
      const first = span?.first ?? paragraphAt(document.paragraphs, coding.start);
      const speaker = speakerAt(document, coding.start);
      if (bySpeaker && !speakerPasses(filter, speaker)) continue;
      const firstN = first?.n ?? 1;
      const lastN = span?.last.n ?? firstN;
      const label = labels.get(document.id)?.label ?? '';
      segments.push({
        coding,
        code,
        document,
        firstParagraph: firstN,
        lastParagraph: lastN,
        citation: passageCitation(label, firstN, lastN),
        speaker,
      });
    }
  }
  const ranks = documentRanks(project, new Set(segments.map((s) => s.document)), query.order);
  return segments.sort(
    (a, b) =>
      (ranks.get(a.document.id) ?? 0) - (ranks.get(b.document.id) ?? 0) ||
      a.coding.start - b.coding.start ||
      a.coding.end - b.coding.end ||
      (a.coding.id < b.coding.id ? -1 : a.coding.id > b.coding.id ? 1 : 0),
  );
}

/** The coded text of a segment. */
export function segmentText(segment: Pick<RetrievedSegment, 'document' | 'coding'>): string {
  return documentSlice(segment.document, segment.coding.start, segment.coding.end);
}

/** A passage with the text around it: the whole paragraphs it is in, cut into before, the passage, and after. */
export interface PassageContext {
  readonly before: string;
  readonly passage: string;
  readonly after: string;
}

/** The paragraphs around [start, end) of a document, with the passage marked out (for "show the paragraph"). */
export function passageContext(document: TesseraDocument, start: number, end: number): PassageContext {
  const first = paragraphAt(document.paragraphs, start);
  const last = paragraphAt(document.paragraphs, Math.max(start, end - 1));
  const from = Math.min(first?.start ?? start, start);
  const to = Math.max(last?.end ?? end, end);
  const map = codePointMapOf(document);
  const text = document.text;
  const at = (offset: number) => codePointToUtf16(map, offset);
  return {
    before: text.slice(at(from), at(start)),
    passage: text.slice(at(start), at(end)),
    after: text.slice(at(end), at(to)),
  };
}
