/**
 * The label a document's quotes are cited by, unique in the project.
 *
 * "KS 12" is paragraph 12 of the Kisumu transcript only while Kisumu has one document. When a site has several, the
 * label carries what tells them apart, in this order: the phase ("KS pre", "KS post"), the kind ("KS pre FN" for
 * field notes), and, when those are still the same, a number in document-name order ("KS pre 1", "KS pre 2"). A
 * short label set on a document (its `citation` attribute) replaces the site code. Several documents without a site
 * are cited by their names.
 *
 * Exports cite as "(KS 12, pre)": the label without the phase (`stem`), the paragraphs, then the phase; retrieval,
 * the reader, search hits and memos cite as "KS pre 12" (`label`, see `documentLabel`). Both say the same things, so
 * both are unique. Every citation in the app and its exports is made from these labels: this is the one place that
 * decides how a document is cited.
 *
 * The labels of a project are computed once per change of its documents, sites or phases (the lists keep their
 * identity when a change does not touch them), not per segment: a retrieval of thousands of segments, or a memo list,
 * looks its labels up in one map.
 */
import type { DocumentKind, DocumentMeta, ProjectSnapshot, Uuid } from '../model/types.ts';

/** The document attribute (in `attributes.extra`) that holds a short citation label the user set, e.g. "KS-A". */
export const CITATION_LABEL_ATTRIBUTE = 'citation';

/** How a document is cited. */
export interface DocumentCitation {
  /** Unique in the project, e.g. "KS", "KS pre", "KS pre FN", "KS pre 2"; "" for a lone document without a site. */
  readonly label: string;
  /** The label without the phase, e.g. "KS", "KS FN", "KS 2": exports follow it with the phase. */
  readonly stem: string;
  /** The document's phase name, or null. */
  readonly phase: string | null;
}

const KIND_MARKS: Readonly<Record<DocumentKind, string>> = { transcript: '', 'field-notes': 'FN' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type CitableDocument = Pick<DocumentMeta, 'id' | 'name' | 'kind' | 'attributes'>;

/** The documents of a project: a list, or a map by id (the project index's `documentById`). */
export type CitableDocuments = readonly CitableDocument[] | ReadonlyMap<Uuid, CitableDocument>;

/** What citations need of a project. */
export type CitationStudy = Pick<ProjectSnapshot, 'sites' | 'phases'>;

interface CachedLabels {
  readonly sites: CitationStudy['sites'];
  readonly phases: CitationStudy['phases'];
  readonly labels: ReadonlyMap<Uuid, DocumentCitation>;
}

/** The last labels computed for each list (or map) of documents, with the sites and phases they were computed from. */
const computed = new WeakMap<CitableDocuments, CachedLabels>();

/**
 * The citation label of every document of the project, by document id. Computed once for a given list of documents,
 * sites and phases (by identity: project lists are immutable, a change makes new ones) and then looked up.
 */
export function citationLabels(study: CitationStudy, documents: CitableDocuments): ReadonlyMap<Uuid, DocumentCitation> {
  const cached = computed.get(documents);
  if (cached && cached.sites === study.sites && cached.phases === study.phases) return cached.labels;
  const labels = computeLabels(study, Array.isArray(documents) ? documents : [...(documents as ReadonlyMap<Uuid, CitableDocument>).values()]);
  computed.set(documents, { sites: study.sites, phases: study.phases, labels });
  return labels;
}

/**
 * The label a document is cited by in the app ("KS pre"), to put before a paragraph number: "KS pre 12". Empty for
 * the lone document of a project without sites (cited "¶12"), and for a document not in `documents`.
 */
export function documentLabel(study: CitationStudy, documents: CitableDocuments, documentId: Uuid): string {
  return citationLabels(study, documents).get(documentId)?.label ?? '';
}

function computeLabels(study: CitationStudy, documents: readonly CitableDocument[]): ReadonlyMap<Uuid, DocumentCitation> {
  const siteCodes = new Map(study.sites.map((site) => [site.id, site.code]));
  const phaseNames = new Map(study.phases.map((phase) => [phase.id, phase.name]));
  // Documents are grouped by what they would be cited by without telling apart: the user's label or the site code.
  const groups = new Map<string, CitableDocument[]>();
  for (const document of documents) {
    const base = baseLabel(document, siteCodes);
    const list = groups.get(base);
    if (list) list.push(document);
    else groups.set(base, [document]);
  }
  const labels = new Map<Uuid, DocumentCitation>();
  for (const [base, group] of groups) {
    group.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    if (base === '' && group.length > 1) {
      // Several documents without a site: only their names tell them apart.
      for (const document of group) {
        const phase = phaseNames.get(document.attributes.phaseId ?? '') ?? null;
        labels.set(document.id, { label: document.name, stem: document.name, phase });
      }
      continue;
    }
    const phaseOf = (d: CitableDocument) => phaseNames.get(d.attributes.phaseId ?? '') ?? null;
    const several = group.length > 1;
    const phases = new Set(group.map(phaseOf));
    const kinds = new Set(group.map((d) => d.kind));
    const usePhase = several && phases.size > 1;
    const useKind = several && kinds.size > 1;
    // What still collides after site, phase and kind gets a number, counted within its collision.
    const key = (d: CitableDocument) => `${usePhase ? phaseOf(d) : ''}\u0000${useKind ? d.kind : ''}`;
    const counts = new Map<string, number>();
    for (const d of group) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const document of group) {
      const k = key(document);
      const number = (counts.get(k) ?? 0) > 1 ? (seen.get(k) ?? 0) + 1 : null;
      if (number !== null) seen.set(k, number);
      const phase = phaseOf(document);
      const kindMark = useKind ? KIND_MARKS[document.kind] : '';
      const numberMark = number !== null ? String(number) : '';
      const join = (...parts: (string | null)[]) => parts.filter((p): p is string => !!p).join(' ');
      labels.set(document.id, {
        label: join(base, usePhase ? phase : null, kindMark, numberMark),
        stem: join(base, kindMark, numberMark),
        phase,
      });
    }
  }
  return labels;
}

function baseLabel(document: CitableDocument, siteCodes: ReadonlyMap<Uuid, string>): string {
  const own = document.attributes.extra[CITATION_LABEL_ATTRIBUTE]?.trim();
  if (own) return own;
  return siteCodes.get(document.attributes.siteId ?? '') ?? '';
}
