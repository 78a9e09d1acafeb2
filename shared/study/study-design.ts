/**
 * The study design of a project: its sites ("BU", "Butabika, Uganda") and phases ("pre", "post", ...), which every
 * document is tagged with and every site x phase comparison is built on.
 *
 * Each edit is a pure function from the project as it is to one ProjectChange. A site or phase is referred to by id
 * from documents, so renaming one never touches a document; removing one that documents use clears it from them in
 * the same change (the caller asks first, with `siteUsage` / `phaseUsage`), so no document points at nothing.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import { SCHEMA_LIMITS } from '../model/schema.ts';
import { stampsAt } from '../model/stamps.ts';
import type { DocumentMeta, Phase, ProjectSnapshot, Site, Uuid } from '../model/types.ts';

/** A study-design edit that cannot be made, with the reason in words for the user. */
export class StudyEditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyEditRefused';
  }
}

/** A site code as stored: trimmed, inner white space removed, upper case ("bu" and "B U" are "BU"). */
export function normaliseSiteCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** A name as stored: trimmed, inner runs of white space made one space. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** What the user gives for a site. */
export interface SiteInput {
  readonly code: string;
  readonly name: string;
}

function checkSite(sites: readonly Site[], input: SiteInput, exceptId: Uuid | null): { code: string; name: string } {
  const code = normaliseSiteCode(input.code);
  if (!code) throw new StudyEditRefused('Give the site a code, e.g. "BU".');
  if (code.length > SCHEMA_LIMITS.shortText) {
    throw new StudyEditRefused(`A site code is cited beside every quote ("${code.slice(0, 8)}… 45"): keep it to ${SCHEMA_LIMITS.shortText} characters or fewer.`);
  }
  if (!/^[\p{L}\p{N}_-]+$/u.test(code)) throw new StudyEditRefused(`A site code holds letters, digits, "-" and "_" only, not "${code}".`);
  if (sites.some((site) => site.id !== exceptId && site.code.toUpperCase() === code)) {
    throw new StudyEditRefused(`There is already a site "${code}".`);
  }
  const name = normaliseName(input.name) || code;
  if (name.length > SCHEMA_LIMITS.name) throw new StudyEditRefused('That site name is too long.');
  return { code, name };
}

function checkPhaseName(phases: readonly Phase[], raw: string, exceptId: Uuid | null): string {
  const name = normaliseName(raw);
  if (!name) throw new StudyEditRefused('Give the phase a name, e.g. "pre".');
  if (name.length > SCHEMA_LIMITS.shortText) throw new StudyEditRefused(`Keep a phase name to ${SCHEMA_LIMITS.shortText} characters or fewer.`);
  if (phases.some((phase) => phase.id !== exceptId && phase.name.toLowerCase() === name.toLowerCase())) {
    throw new StudyEditRefused(`There is already a phase "${name}".`);
  }
  return name;
}

/** Sites in the order the study lists them. */
export function sitesInOrder(sites: readonly Site[]): Site[] {
  return [...sites].sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

/** Adds a site after the last one. */
export function addSite(snapshot: ProjectSnapshot, input: SiteInput, newId: IdGenerator, now: Clock): { change: ProjectChange; site: Site } {
  const order = Math.max(0, ...snapshot.sites.map((site) => site.order)) + 1;
  const site: Site = { id: newId(), projectId: snapshot.project.id, ...checkSite(snapshot.sites, input, null), order, ...stampsAt(now()) };
  return { change: { put: { sites: [site] } }, site };
}

/** Changes a site's code or name; documents keep pointing at it (by id). */
export function updateSite(snapshot: ProjectSnapshot, siteId: Uuid, input: SiteInput, now: Clock): ProjectChange {
  const existing = snapshot.sites.find((site) => site.id === siteId);
  if (!existing) throw new StudyEditRefused('That site is no longer in the project.');
  const checked = checkSite(snapshot.sites, input, siteId);
  if (checked.code === existing.code && checked.name === existing.name) return {};
  return { put: { sites: [{ ...existing, ...checked, modifiedAt: now() }] } };
}

/** The documents tagged with a site. */
export function siteUsage<D extends DocumentMeta>(snapshot: { readonly documents: readonly D[] }, siteId: Uuid): readonly D[] {
  return snapshot.documents.filter((document) => document.attributes.siteId === siteId);
}

/** The documents tagged with a phase. */
export function phaseUsage<D extends DocumentMeta>(snapshot: { readonly documents: readonly D[] }, phaseId: Uuid): readonly D[] {
  return snapshot.documents.filter((document) => document.attributes.phaseId === phaseId);
}

/**
 * The change that removes a site or phase: refused while documents are tagged with it unless `clearDocuments`, and
 * then those documents lose it in the same change. `where` completes "1 document is ..." for the refusal.
 */
function removeDesignItem(
  snapshot: ProjectSnapshot,
  field: 'siteId' | 'phaseId',
  id: Uuid,
  where: string,
  clearDocuments: boolean,
  now: Clock,
): ProjectChange {
  const used = (field === 'siteId' ? siteUsage : phaseUsage)(snapshot, id);
  const what = field === 'siteId' ? 'site' : 'phase';
  if (used.length > 0 && !clearDocuments) {
    throw new StudyEditRefused(
      `${used.length === 1 ? '1 document is' : `${used.length} documents are`} ${where}; removing it leaves ${used.length === 1 ? 'it' : 'them'} without a ${what}.`,
    );
  }
  const at = now();
  const cleared = used.map((document) => ({ ...document, attributes: { ...document.attributes, [field]: null }, modifiedAt: at }));
  return {
    ...(cleared.length ? { put: { documents: cleared } } : {}),
    delete: field === 'siteId' ? { sites: [id] } : { phases: [id] },
  };
}

/**
 * Removes a site. When documents are tagged with it, it is refused unless `clearDocuments` is true; then those
 * documents lose their site in the same change (the caller has told the user how many).
 */
export function removeSite(snapshot: ProjectSnapshot, siteId: Uuid, clearDocuments: boolean, now: Clock): ProjectChange {
  const site = snapshot.sites.find((candidate) => candidate.id === siteId);
  if (!site) return {};
  return removeDesignItem(snapshot, 'siteId', siteId, `from site ${site.code}`, clearDocuments, now);
}

/** Adds a phase after the last one. */
export function addPhase(snapshot: ProjectSnapshot, rawName: string, newId: IdGenerator, now: Clock): { change: ProjectChange; phase: Phase } {
  const name = checkPhaseName(snapshot.phases, rawName, null);
  const order = Math.max(0, ...snapshot.phases.map((phase) => phase.order)) + 1;
  const phase: Phase = { id: newId(), projectId: snapshot.project.id, name, order, ...stampsAt(now()) };
  return { change: { put: { phases: [phase] } }, phase };
}

/** Renames a phase. */
export function renamePhase(snapshot: ProjectSnapshot, phaseId: Uuid, rawName: string, now: Clock): ProjectChange {
  const existing = snapshot.phases.find((phase) => phase.id === phaseId);
  if (!existing) throw new StudyEditRefused('That phase is no longer in the project.');
  const name = checkPhaseName(snapshot.phases, rawName, phaseId);
  if (name === existing.name) return {};
  return { put: { phases: [{ ...existing, name, modifiedAt: now() }] } };
}

/** Phases in time order. */
export function phasesInOrder(phases: readonly Phase[]): Phase[] {
  return [...phases].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** Moves a phase one step earlier (-1) or later (+1) in time; orders are renumbered 1..n (only changed ones are put). */
export function movePhase(snapshot: ProjectSnapshot, phaseId: Uuid, step: -1 | 1, now: Clock): ProjectChange {
  const ordered = phasesInOrder(snapshot.phases);
  const index = ordered.findIndex((phase) => phase.id === phaseId);
  const target = index + step;
  if (index < 0 || target < 0 || target >= ordered.length) return {};
  [ordered[index], ordered[target]] = [ordered[target] as Phase, ordered[index] as Phase];
  const at = now();
  const moved = ordered.flatMap((phase, i) => (phase.order === i + 1 ? [] : [{ ...phase, order: i + 1, modifiedAt: at }]));
  return moved.length ? { put: { phases: moved } } : {};
}

/** Removes a phase; like `removeSite`, refused while documents use it unless `clearDocuments`. */
export function removePhase(snapshot: ProjectSnapshot, phaseId: Uuid, clearDocuments: boolean, now: Clock): ProjectChange {
  const phase = snapshot.phases.find((candidate) => candidate.id === phaseId);
  if (!phase) return {};
  return removeDesignItem(snapshot, 'phaseId', phaseId, `in phase ${phase.name}`, clearDocuments, now);
}
