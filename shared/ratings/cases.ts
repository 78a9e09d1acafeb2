/**
 * Cases, the unit a CFIR analysis rates (rating-rules.md, "What is rated"): the default cases of a study (one per
 * site, or one per site in each phase), the documents a case is made of, and the pooled coded passages of a
 * construct in a case, which is where a case memo (summary, rating, rationale) is written from.
 */
import { UserError } from '#shared/model/user-error';
import type { ProjectChange } from '../model/change.ts';
import type { IdGenerator } from '../model/ids.ts';
import type { Case, CaseScope, IsoDateTime, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';
import { stampsAt } from '../model/stamps.ts';
import { codeWithDescendants, type ProjectIndex } from '../index/project-index.ts';
import { NO_FILTER } from '../coding/segment-filter.ts';
import { retrieveSegments, type RetrievedSegment } from '../coding/retrieve-segments.ts';
import type { CitationStudy } from '../coding/citation-labels.ts';

/** How default cases are cut: one per site, or one per site in each phase. */
export type DefaultCaseScheme = 'site' | 'site-phase';

/** The cases in their order (then by name, so that two cases with one order still list the same way everywhere). */
export function casesInOrder(cases: readonly Case[]): readonly Case[] {
  return [...cases].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

function sameScope(a: CaseScope, b: CaseScope): boolean {
  if (a.kind === 'site' && b.kind === 'site') return a.siteId === b.siteId;
  if (a.kind === 'site-phase' && b.kind === 'site-phase') return a.siteId === b.siteId && a.phaseId === b.phaseId;
  return false;
}

/**
 * The change that adds the default cases a project lacks: one per site ("BU"), or one per site and phase ("BU pre"),
 * in the sites' (then phases') order, after the cases it has. Cases it already has for a scope are kept as they are,
 * so making the defaults twice adds nothing.
 */
export function defaultCasesChange(
  snapshot: Pick<ProjectSnapshot, 'project' | 'sites' | 'phases' | 'cases'>,
  scheme: DefaultCaseScheme,
  newId: IdGenerator,
  at: IsoDateTime,
  by: Uuid | null,
): ProjectChange {
  const sites = [...snapshot.sites].sort((a, b) => a.order - b.order);
  const phases = [...snapshot.phases].sort((a, b) => a.order - b.order);
  const wanted: { name: string; scope: CaseScope }[] =
    scheme === 'site'
      ? sites.map((site) => ({ name: site.code, scope: { kind: 'site', siteId: site.id } }))
      : sites.flatMap((site) => phases.map((phase) => ({ name: `${site.code} ${phase.name}`, scope: { kind: 'site-phase', siteId: site.id, phaseId: phase.id } as CaseScope })));
  let order = snapshot.cases.reduce((max, c) => Math.max(max, c.order + 1), 0);
  const made: Case[] = [];
  for (const { name, scope } of wanted) {
    if (snapshot.cases.some((c) => sameScope(c.scope, scope))) continue;
    made.push({ id: newId(), projectId: snapshot.project.id, name, scope, outcomes: {}, description: '', order: order++, ...stampsAt(at, by) });
  }
  return made.length ? { put: { cases: made } } : {};
}

/** Whether a document belongs to a case. */
export function caseHasDocument(scope: CaseScope, document: Pick<TesseraDocument, 'id' | 'attributes'>): boolean {
  if (scope.kind === 'documents') return scope.documentIds.includes(document.id);
  if (document.attributes.siteId !== scope.siteId) return false;
  return scope.kind === 'site' || document.attributes.phaseId === scope.phaseId;
}

/** The documents of a case, in the project's order. */
export function caseDocuments<D extends Pick<TesseraDocument, 'id' | 'attributes'>>(scope: CaseScope, documents: readonly D[]): readonly D[] {
  return documents.filter((document) => caseHasDocument(scope, document));
}

/**
 * The pooled coded passages of a construct in a case: every coding of the construct's code or of a code below it,
 * from every document of the case and every coder, ordered by site, phase, document and position.
 */
export function constructPassages(
  index: Pick<ProjectIndex, 'codeById' | 'documentById' | 'codingsByCode' | 'childCodes'>,
  design: CitationStudy,
  scope: CaseScope,
  codeId: Uuid,
): readonly RetrievedSegment[] {
  const codeIds = codeWithDescendants(index, codeId).map((code) => code.id);
  return retrieveSegments(index, design, { codeIds, filter: NO_FILTER, order: 'site-phase' }).filter((segment) => caseHasDocument(scope, segment.document));
}

/** The change that sets (or, given "", clears) a case's implementation outcome, e.g. "high" or "low". */
export function setCaseOutcomeChange(snapshot: Pick<ProjectSnapshot, 'cases'>, caseId: Uuid, key: string, outcome: string): ProjectChange {
  const found = snapshot.cases.find((c) => c.id === caseId);
  if (!found) throw new UserError('That case is not in the project.');
  const value = outcome.trim();
  if ((found.outcomes[key] ?? '') === value) return {};
  const outcomes = Object.fromEntries(Object.entries(found.outcomes).filter(([k]) => k !== key).concat(value ? [[key, value]] : []));
  return { put: { cases: [{ ...found, outcomes }] } };
}
