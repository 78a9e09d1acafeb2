/**
 * Retrieval: the coded segments of a code, each with what a quote needs to be cited ("BU 45", the document, the
 * speaker) and its text.
 */
import { documentSlice } from '../index/text-maps.ts';
import type { Code, Coding, DocumentMeta, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';
import { documentLabel, type CitationStudy } from './citation-labels.ts';
import { paragraphAt, passageCitation, passageParagraphs } from './paragraph-label.ts';
import { speakerAt } from './segment-filter.ts';

/** One coded passage, ready to show or export. */
export interface CodedSegment {
  readonly coding: Coding;
  readonly code: Code;
  readonly document: DocumentMeta;
  /** The paragraph numbers the passage starts and ends in (equal for a passage inside one paragraph). */
  readonly firstParagraph: number;
  readonly lastParagraph: number;
  /** How papers cite it, unique in the project (citation-labels.ts): "BU 45", "BU pre 45–47", or "¶45" for a lone document without a site. */
  readonly citation: string;
  /** Label of the speaker of the first paragraph, or null. */
  readonly speaker: string | null;
  readonly text: string;
}

/** What a citation needs of the project: its sites, phases and documents (they tell a site's documents apart). */
export type StudyDocuments = CitationStudy & Pick<ProjectSnapshot, 'documents'>;

/** The segment a coding makes, with its citation and text. */
export function codedSegment(snapshot: StudyDocuments, document: TesseraDocument, code: Code, coding: Coding): CodedSegment {
  const span = passageParagraphs(document.paragraphs, coding.start, coding.end);
  const first = span?.first ?? paragraphAt(document.paragraphs, coding.start);
  const firstN = first?.n ?? 1;
  const lastN = span?.last.n ?? firstN;
  const citation = passageCitation(documentLabel(snapshot, snapshot.documents, document.id), firstN, lastN);
  const speaker = speakerAt(document, coding.start)?.label ?? null;
  // The document's code-point map is built once and cached: building it per segment is what made lists of segments
  // and memos slow on long transcripts.
  const text = documentSlice(document, coding.start, coding.end);
  return { coding, code, document, firstParagraph: firstN, lastParagraph: lastN, citation, speaker, text };
}

/** All segments coded with any of the given codes, in document order (by document name, then position). */
export function codedSegments(snapshot: ProjectSnapshot, codeIds: readonly Uuid[]): readonly CodedSegment[] {
  const wanted = new Set(codeIds);
  const codes = new Map(snapshot.codes.map((c) => [c.id, c]));
  const documents = new Map(snapshot.documents.map((d) => [d.id, d]));
  const segments: CodedSegment[] = [];
  for (const coding of snapshot.codings) {
    if (!wanted.has(coding.codeId)) continue;
    const code = codes.get(coding.codeId);
    const document = documents.get(coding.documentId);
    if (code && document) segments.push(codedSegment(snapshot, document, code, coding));
  }
  return segments.sort(
    (a, b) =>
      a.document.name.localeCompare(b.document.name) || a.coding.start - b.coding.start || a.coding.end - b.coding.end,
  );
}

/** How many codings and distinct documents each code has. */
export function codeCounts(codings: readonly Coding[]): ReadonlyMap<Uuid, { codings: number; documents: number }> {
  const documentsByCode = new Map<Uuid, Set<Uuid>>();
  const codingsByCode = new Map<Uuid, number>();
  for (const coding of codings) {
    codingsByCode.set(coding.codeId, (codingsByCode.get(coding.codeId) ?? 0) + 1);
    let docs = documentsByCode.get(coding.codeId);
    if (!docs) documentsByCode.set(coding.codeId, (docs = new Set()));
    docs.add(coding.documentId);
  }
  const counts = new Map<Uuid, { codings: number; documents: number }>();
  for (const [codeId, count] of codingsByCode) counts.set(codeId, { codings: count, documents: documentsByCode.get(codeId)?.size ?? 0 });
  return counts;
}
