/**
 * The filters that retrieval and search share: which documents (site, phase, kind), which speakers (role, or an
 * attribute such as profession), and, for codings, which coders. An empty list means "any".
 */
import type { Coder, Coding, DocumentKind, DocumentMeta, Paragraph, ProjectSnapshot, Speaker, SpeakerRole, Uuid } from '../model/types.ts';
import { firstParagraphIndexFrom } from './paragraph-label.ts';

/** What to keep. Every list empty (and no attribute) keeps everything. */
export interface SegmentFilter {
  readonly siteIds: readonly Uuid[];
  readonly phaseIds: readonly Uuid[];
  readonly kinds: readonly DocumentKind[];
  readonly speakerRoles: readonly SpeakerRole[];
  /** A speaker attribute that must have this value, e.g. { key: "profession", value: "nurse" }. */
  readonly speakerAttribute: { readonly key: string; readonly value: string } | null;
  /** Coders whose codings to keep (search: hits in passages these coders coded). */
  readonly coderIds: readonly Uuid[];
}

/** The filter that keeps everything. */
export const NO_FILTER: SegmentFilter = {
  siteIds: [],
  phaseIds: [],
  kinds: [],
  speakerRoles: [],
  speakerAttribute: null,
  coderIds: [],
};

/** Whether a filter keeps everything. */
export function isEmptyFilter(filter: SegmentFilter): boolean {
  return (
    filter.siteIds.length === 0 &&
    filter.phaseIds.length === 0 &&
    filter.kinds.length === 0 &&
    filter.speakerRoles.length === 0 &&
    filter.speakerAttribute === null &&
    filter.coderIds.length === 0
  );
}

/** Whether a document passes the document part of a filter (site, phase, kind). */
export function documentPasses(
  filter: SegmentFilter,
  document: { readonly kind: DocumentKind; readonly attributes: Pick<DocumentMeta['attributes'], 'siteId' | 'phaseId'> },
): boolean {
  const { siteId, phaseId } = document.attributes;
  if (filter.siteIds.length && (siteId === null || !filter.siteIds.includes(siteId))) return false;
  if (filter.phaseIds.length && (phaseId === null || !filter.phaseIds.includes(phaseId))) return false;
  if (filter.kinds.length && !filter.kinds.includes(document.kind)) return false;
  return true;
}

/** Whether the filter looks at speakers at all. */
export function filtersSpeakers(filter: SegmentFilter): boolean {
  return filter.speakerRoles.length > 0 || filter.speakerAttribute !== null;
}

/** Whether a speaker (null: none, e.g. a paragraph without a label) passes the speaker part of a filter. */
export function speakerPasses(filter: SegmentFilter, speaker: Speaker | null): boolean {
  if (filter.speakerRoles.length && !filter.speakerRoles.includes(speaker?.role ?? 'unknown')) return false;
  const wanted = filter.speakerAttribute;
  if (wanted && speaker?.attributes[wanted.key] !== wanted.value) return false;
  return true;
}

/**
 * The speaker of a passage that starts at a code-point offset: of the paragraph it starts in (one starting on the
 * line break after a paragraph starts in the next, as its citation says), or null.
 */
export function speakerAt(document: Pick<DocumentMeta, 'paragraphs' | 'speakers'>, offset: number): Speaker | null {
  const paragraph: Paragraph | undefined = document.paragraphs[firstParagraphIndexFrom(document.paragraphs, offset)];
  if (!paragraph?.speakerId) return null;
  return document.speakers.find((s) => s.id === paragraph.speakerId) ?? null;
}

/** The speaker attributes found in the documents, each with the values it takes, sorted, for the filter's menus. */
export function speakerAttributeOptions(documents: readonly Pick<DocumentMeta, 'speakers'>[]): ReadonlyMap<string, readonly string[]> {
  const values = new Map<string, Set<string>>();
  for (const document of documents) {
    for (const speaker of document.speakers) {
      for (const [key, value] of Object.entries(speaker.attributes)) {
        if (!value) continue;
        let set = values.get(key);
        if (!set) values.set(key, (set = new Set()));
        set.add(value);
      }
    }
  }
  return new Map([...values].sort(([a], [b]) => a.localeCompare(b)).map(([key, set]) => [key, [...set].sort()]));
}

/**
 * Whether a coding passes a filter: its coder, its document (site, phase, kind) and the speaker where it starts.
 * The coding tree uses it to count codings "for the current filter".
 */
export function codingPasses(
  filter: SegmentFilter,
  coding: Coding,
  documentOf: (documentId: Uuid) => Pick<DocumentMeta, 'kind' | 'attributes' | 'paragraphs' | 'speakers'> | undefined,
): boolean {
  if (filter.coderIds.length && (coding.createdBy === null || !filter.coderIds.includes(coding.createdBy))) return false;
  const document = documentOf(coding.documentId);
  if (!document || !documentPasses(filter, document)) return false;
  return !filtersSpeakers(filter) || speakerPasses(filter, speakerAt(document, coding.start));
}

const KIND_LABELS: Readonly<Record<DocumentKind, string>> = { transcript: 'transcripts', 'field-notes': 'field notes' };

/** A filter in a few words, e.g. "BU · post · participants · AL", for headings; "" for the empty filter. */
export function describeFilter(
  filter: SegmentFilter,
  project: Pick<ProjectSnapshot, 'sites' | 'phases'>,
  coders: readonly Pick<Coder, 'id' | 'initials'>[],
): string {
  const names = (ids: readonly Uuid[], lookup: (id: Uuid) => string | undefined) => ids.map((id) => lookup(id) ?? '?');
  return [
    ...names(filter.siteIds, (id) => project.sites.find((s) => s.id === id)?.code),
    ...names(filter.phaseIds, (id) => project.phases.find((p) => p.id === id)?.name),
    ...filter.kinds.map((kind) => KIND_LABELS[kind]),
    ...filter.speakerRoles.map((role) => `${role}s`),
    ...(filter.speakerAttribute ? [`${filter.speakerAttribute.key}: ${filter.speakerAttribute.value}`] : []),
    ...names(filter.coderIds, (id) => coders.find((c) => c.id === id)?.initials),
  ].join(' · ');
}

