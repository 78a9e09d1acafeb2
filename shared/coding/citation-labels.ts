/**
 * The label a document's quotes are cited by, unique in the project, in the project's citation style.
 *
 * "KS 12" is paragraph 12 of the Kisumu transcript only while Kisumu has one document. When a site has several, the
 * label carries what tells them apart. The project's citation style (`Project.citationStyle`, absent: the default)
 * says what that is:
 * - `phase` (default): the phase ("KS pre", "KS post"), then the kind where the phase does not tell them apart ("KS
 *   pre FN" for field notes);
 * - `kind`: the kind first ("KS FN"), then the phase where the kind does not;
 * - `group`: a focus-group number per document of the site, in date then name order ("KS G1", "KS G2");
 * - `label`: the short label the user sets on each document (its `citation` attribute, e.g. "A": "KS A"), then the
 *   phase and kind for documents without one.
 * What still collides after that gets a number in document-name order ("KS pre 1", "KS pre 2"). Several documents
 * without a site are cited by their names.
 *
 * Exports cite as "(KS 12, pre)" by default: the label without the phase (`stem`), the paragraphs, then the phase
 * (`exportCitation`); the style can leave the phase out, "(KS 12)", in which case the phase stays in the label where
 * it tells documents apart, "(KS pre 12)". Retrieval, the reader, search hits, matrices and memos cite as "KS pre 12"
 * (`label`, see `documentLabel`). Both say the same things, so both are unique. Every citation in the app and its
 * exports is made from these labels: this is the one place that decides how a document is cited.
 *
 * The labels of a project are computed once per change of its documents, sites, phases or citation style (the lists
 * keep their identity when a change does not touch them), not per segment: a retrieval of thousands of segments, or
 * a memo list, looks its labels up in one map.
 */
import type { CitationDistinction, CitationStyle, DocumentKind, DocumentMeta, ProjectSnapshot, Uuid } from '../model/types.ts';
import type { ProjectChange } from '../model/change.ts';
import type { Clock } from '../model/ids.ts';
import { passageCitation } from './paragraph-label.ts';

/** The document attribute (in `attributes.extra`) that holds a short citation label the user set, e.g. "A". */
export const CITATION_LABEL_ATTRIBUTE = 'citation';

/** The style of a project that never chose one: told apart by phase, cited "(BU 45, pre)". */
export const DEFAULT_CITATION_STYLE: CitationStyle = { distinguishBy: 'phase', phaseAfterParagraph: true };

/** The ways of telling a site's documents apart, as the setting and the command line name them. */
export const CITATION_DISTINCTIONS: readonly { readonly id: CitationDistinction; readonly label: string; readonly example: string }[] = [
  { id: 'phase', label: 'Phase, then kind', example: 'KS pre, KS post, KS pre FN' },
  { id: 'kind', label: 'Kind, then phase', example: 'KS, KS FN' },
  { id: 'group', label: 'Focus-group number', example: 'KS G1, KS G2' },
  { id: 'label', label: 'A short label set on each document', example: 'KS A, KS B' },
];

/** The project's citation style (the default when it never chose one). */
export function citationStyleOf(project: { readonly citationStyle?: CitationStyle | undefined }): CitationStyle {
  return project.citationStyle ?? DEFAULT_CITATION_STYLE;
}

/**
 * The change that sets the project's citation style (one undo step; the project record is stamped when committed).
 * Empty when the style is already the project's.
 */
export function changeCitationStyle(snapshot: Pick<ProjectSnapshot, 'project'>, style: CitationStyle, now: Clock): ProjectChange {
  const current = citationStyleOf(snapshot.project);
  if (current.distinguishBy === style.distinguishBy && current.phaseAfterParagraph === style.phaseAfterParagraph) return {};
  return { project: { ...snapshot.project, citationStyle: { distinguishBy: style.distinguishBy, phaseAfterParagraph: style.phaseAfterParagraph }, modifiedAt: now() } };
}

/** How a document is cited. */
export interface DocumentCitation {
  /** Unique in the project, e.g. "KS", "KS pre", "KS pre FN", "KS pre 2"; "" for a lone document without a site. */
  readonly label: string;
  /**
   * What exports print before the paragraphs: the label without the phase when the phase follows the paragraphs
   * ("KS", "KS FN", "KS 2"), else the label itself.
   */
  readonly stem: string;
  /** The document's phase name, or null. */
  readonly phase: string | null;
  /** The phase exports print after the paragraphs ("KS 12, pre"), or null when the style leaves it out. */
  readonly phaseAfter: string | null;
}

const KIND_MARKS: Readonly<Record<DocumentKind, string>> = { transcript: '', 'field-notes': 'FN' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type CitableDocument = Pick<DocumentMeta, 'id' | 'name' | 'kind' | 'attributes'>;

/** The documents of a project: a list, or a map by id (the project index's `documentById`). */
export type CitableDocuments = readonly CitableDocument[] | ReadonlyMap<Uuid, CitableDocument>;

/** What citations need of a project: its sites, phases and citation style. */
export type CitationStudy = Pick<ProjectSnapshot, 'sites' | 'phases'> & { readonly project: { readonly citationStyle?: CitationStyle | undefined } };

interface CachedLabels {
  readonly sites: CitationStudy['sites'];
  readonly phases: CitationStudy['phases'];
  readonly style: CitationStyle | undefined;
  readonly labels: ReadonlyMap<Uuid, DocumentCitation>;
}

/** The last labels computed for each list (or map) of documents, with the sites, phases and style they were computed from. */
const computed = new WeakMap<CitableDocuments, CachedLabels>();

/**
 * The citation label of every document of the project, by document id. Computed once for a given list of documents,
 * sites, phases and style (by identity: project lists are immutable, a change makes new ones) and then looked up.
 */
export function citationLabels(study: CitationStudy, documents: CitableDocuments): ReadonlyMap<Uuid, DocumentCitation> {
  const cached = computed.get(documents);
  const style = study.project.citationStyle;
  if (cached && cached.sites === study.sites && cached.phases === study.phases && cached.style === style) return cached.labels;
  const list = Array.isArray(documents) ? documents : [...(documents as ReadonlyMap<Uuid, CitableDocument>).values()];
  const labels = computeLabels(study, list, citationStyleOf(study.project));
  computed.set(documents, { sites: study.sites, phases: study.phases, style, labels });
  return labels;
}

/**
 * The label a document is cited by in the app ("KS pre"), to put before a paragraph number: "KS pre 12". Empty for
 * the lone document of a project without sites (cited "¶12"), and for a document not in `documents`.
 */
export function documentLabel(study: CitationStudy, documents: CitableDocuments, documentId: Uuid): string {
  return citationLabels(study, documents).get(documentId)?.label ?? '';
}

/** How exports cite paragraphs first to last of a document: "BU 45–47, pre" (the brackets are the caller's). */
export function exportCitation(citation: DocumentCitation, first: number, last: number): string {
  const paragraphs = passageCitation(citation.stem, first, last);
  return citation.phaseAfter ? `${paragraphs}, ${citation.phaseAfter}` : paragraphs;
}

/** The citation style in words, for the notes on how an export cites. */
export function describeCitationStyle(style: CitationStyle): string {
  const apart = {
    phase: 'its phase (and FN for field notes where the phase does not tell them apart)',
    kind: 'its kind (FN for field notes; then the phase where the kind does not tell them apart)',
    group: 'its focus-group number within the site (G1, G2, in date order)',
    label: 'the short label set on the document (then its phase or kind where none is set)',
  }[style.distinguishBy];
  return (
    'Citations give the document’s label (its site code; where a site has several documents, with ' +
    `${apart}, and a number if they still collide), the paragraph numbers of the transcript` +
    (style.phaseAfterParagraph ? ', and the phase: (BU 45, pre), (BU 45–47, pre).' : ': (BU 45), (BU 45–47).')
  );
}

/** A document's citation while it is being made. */
interface Draft {
  readonly document: CitableDocument;
  label: string;
  stem: string;
  readonly phase: string | null;
  readonly phaseAfter: string | null;
}

/** A mark that tells documents apart, or "" where a document has none. */
type Feature = (document: CitableDocument) => string;

function computeLabels(study: CitationStudy, documents: readonly CitableDocument[], style: CitationStyle): ReadonlyMap<Uuid, DocumentCitation> {
  const siteCodes = new Map(study.sites.map((site) => [site.id, site.code]));
  const phaseNames = new Map(study.phases.map((phase) => [phase.id, phase.name]));
  const phaseOf = (d: CitableDocument) => phaseNames.get(d.attributes.phaseId ?? '') ?? null;
  const ownLabel = (d: CitableDocument) => d.attributes.extra[CITATION_LABEL_ATTRIBUTE]?.trim() ?? '';
  const features: Readonly<Record<'phase' | 'kind' | 'label', Feature>> = {
    phase: (d) => phaseOf(d) ?? '',
    kind: (d) => KIND_MARKS[d.kind],
    label: ownLabel,
  };
  const order: readonly ('phase' | 'kind' | 'label')[] = {
    phase: ['phase', 'kind'] as const,
    kind: ['kind', 'phase'] as const,
    group: [] as const,
    label: ['label', 'phase', 'kind'] as const,
  }[style.distinguishBy];

  // Documents are grouped by the site they are cited by.
  const groups = new Map<string, CitableDocument[]>();
  for (const document of documents) {
    const base = siteCodes.get(document.attributes.siteId ?? '') ?? '';
    const list = groups.get(base);
    if (list) list.push(document);
    else groups.set(base, [document]);
  }
  const all: Draft[] = [];
  const join = (...parts: (string | null)[]) => parts.filter((p): p is string => !!p).join(' ');
  for (const [base, group] of groups) {
    const byName = (a: CitableDocument, b: CitableDocument) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
    group.sort(style.distinguishBy === 'group' ? (a, b) => (a.attributes.date || '\uffff').localeCompare(b.attributes.date || '\uffff') || byName(a, b) : byName);
    if (base === '' && group.length > 1) {
      // Several documents without a site: only their names tell them apart.
      for (const document of group) {
        const phase = phaseOf(document);
        all.push({ document, label: document.name, stem: document.name, phase, phaseAfter: style.phaseAfterParagraph ? phase : null });
      }
      continue;
    }
    // A feature is used when it tells apart documents that the features before it left together.
    const used: ('phase' | 'kind' | 'label')[] = [];
    if (group.length > 1) {
      for (const feature of order) {
        const keyOf = (d: CitableDocument) => used.map((f) => features[f](d)).join('\u0000');
        const marks = new Map<string, Set<string>>();
        for (const d of group) {
          const key = keyOf(d);
          const set = marks.get(key) ?? new Set<string>();
          set.add(features[feature](d));
          marks.set(key, set);
        }
        if ([...marks.values()].some((set) => set.size > 1)) used.push(feature);
      }
    }
    group.forEach((document, i) => {
      const phase = phaseOf(document);
      const marks = (withPhase: boolean) => used.filter((f) => withPhase || f !== 'phase').map((f) => features[f](document));
      // By group number, every document of a site with several has one.
      const groupMark = style.distinguishBy === 'group' && group.length > 1 ? `G${i + 1}` : '';
      const label = join(base, ...marks(true), groupMark);
      // The phase is printed after the paragraphs when the style says so, so the stem need not carry it.
      const stem = style.phaseAfterParagraph ? join(base, ...marks(false), groupMark) : label;
      all.push({ document, label, stem, phase, phaseAfter: style.phaseAfterParagraph ? phase : null });
    });
  }
  // Alike labels left (documents alike in all the style looks at; a site code equal to a document's name) are numbered.
  numberCollisions(all);
  const labels = new Map<Uuid, DocumentCitation>();
  for (const { document, ...citation } of all) labels.set(document.id, citation);
  return labels;
}

/**
 * Numbers the documents whose labels (or stems with their phase) are still alike, counted within each collision in
 * the documents' order: "KS pre 1", "KS pre 2". A label a user set can make a new collision with a number (a label
 * "pre 2"), so this repeats until none is left; every round tells apart what it numbers, and the rounds are bounded.
 */
function numberCollisions(drafts: Draft[]): void {
  for (let round = 0; round < 8; round++) {
    const byLabel = new Map<string, number>();
    const byStem = new Map<string, number>();
    const stemKey = (d: (typeof drafts)[number]) => `${d.stem}\u0000${d.phaseAfter ?? ''}`;
    for (const d of drafts) {
      byLabel.set(d.label, (byLabel.get(d.label) ?? 0) + 1);
      byStem.set(stemKey(d), (byStem.get(stemKey(d)) ?? 0) + 1);
    }
    const colliding = drafts.filter((d) => (byLabel.get(d.label) ?? 0) > 1 || (byStem.get(stemKey(d)) ?? 0) > 1);
    if (colliding.length === 0) return;
    // Counted within each collision: documents alike in label, else alike in stem and phase.
    const seen = new Map<string, number>();
    for (const d of colliding) {
      const collision = (byLabel.get(d.label) ?? 0) > 1 ? `label\u0000${d.label}` : `stem\u0000${stemKey(d)}`;
      const number = (seen.get(collision) ?? 0) + 1;
      seen.set(collision, number);
      d.label = `${d.label} ${number}`.trim();
      d.stem = `${d.stem} ${number}`.trim();
    }
  }
}
