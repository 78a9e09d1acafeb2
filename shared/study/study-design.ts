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
import type { Phase, ProjectSnapshot, Site, TesseraDocument, Uuid } from '../model/types.ts';

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

function checkSite(sites: readonly Site[], input: SiteInput, exceptId: Uuid | null): Omit<Site, 'id'> {
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

function projectChange(snapshot: ProjectSnapshot, now: Clock, fields: { sites?: readonly Site[]; phases?: readonly Phase[] }): ProjectChange['project'] {
  return { ...snapshot.project, ...fields, modifiedAt: now() };
}

/** Adds a site. */
export function addSite(snapshot: ProjectSnapshot, input: SiteInput, newId: IdGenerator, now: Clock): { change: ProjectChange; site: Site } {
  const site: Site = { id: newId(), ...checkSite(snapshot.project.sites, input, null) };
  return { change: { project: projectChange(snapshot, now, { sites: [...snapshot.project.sites, site] }) }, site };
}

/** Changes a site's code or name; documents keep pointing at it (by id). */
export function updateSite(snapshot: ProjectSnapshot, siteId: Uuid, input: SiteInput, now: Clock): ProjectChange {
  const existing = snapshot.project.sites.find((site) => site.id === siteId);
  if (!existing) throw new StudyEditRefused('That site is no longer in the project.');
  const checked = checkSite(snapshot.project.sites, input, siteId);
  if (checked.code === existing.code && checked.name === existing.name) return {};
  const sites = snapshot.project.sites.map((site) => (site.id === siteId ? { ...site, ...checked } : site));
  return { project: projectChange(snapshot, now, { sites }) };
}

/** The documents tagged with a site. */
export function siteUsage(snapshot: Pick<ProjectSnapshot, 'documents'>, siteId: Uuid): readonly TesseraDocument[] {
  return snapshot.documents.filter((document) => document.attributes.siteId === siteId);
}

/** The documents tagged with a phase. */
export function phaseUsage(snapshot: Pick<ProjectSnapshot, 'documents'>, phaseId: Uuid): readonly TesseraDocument[] {
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
  remaining: { sites?: readonly Site[]; phases?: readonly Phase[] },
  clearDocuments: boolean,
  now: Clock,
): ProjectChange {
  const used = (field === 'siteId' ? siteUsage : phaseUsage)(snapshot, id);
  if (used.length > 0 && !clearDocuments) {
    const what = field === 'siteId' ? 'site' : 'phase';
    throw new StudyEditRefused(
      `${used.length === 1 ? '1 document is' : `${used.length} documents are`} ${where}; removing it leaves ${used.length === 1 ? 'it' : 'them'} without a ${what}.`,
    );
  }
  const at = now();
  const cleared = used.map((document) => ({ ...document, attributes: { ...document.attributes, [field]: null }, modifiedAt: at }));
  return {
    project: { ...snapshot.project, ...remaining, modifiedAt: at },
    ...(cleared.length ? { put: { documents: cleared } } : {}),
  };
}

/**
 * Removes a site. When documents are tagged with it, it is refused unless `clearDocuments` is true; then those
 * documents lose their site in the same change (the caller has told the user how many).
 */
export function removeSite(snapshot: ProjectSnapshot, siteId: Uuid, clearDocuments: boolean, now: Clock): ProjectChange {
  const site = snapshot.project.sites.find((candidate) => candidate.id === siteId);
  if (!site) return {};
  const sites = snapshot.project.sites.filter((candidate) => candidate.id !== siteId);
  return removeDesignItem(snapshot, 'siteId', siteId, `from site ${site.code}`, { sites }, clearDocuments, now);
}

/** Adds a phase after the last one. */
export function addPhase(snapshot: ProjectSnapshot, rawName: string, newId: IdGenerator, now: Clock): { change: ProjectChange; phase: Phase } {
  const name = checkPhaseName(snapshot.project.phases, rawName, null);
  const order = Math.max(0, ...snapshot.project.phases.map((phase) => phase.order)) + 1;
  const phase: Phase = { id: newId(), name, order };
  return { change: { project: projectChange(snapshot, now, { phases: [...snapshot.project.phases, phase] }) }, phase };
}

/** Renames a phase. */
export function renamePhase(snapshot: ProjectSnapshot, phaseId: Uuid, rawName: string, now: Clock): ProjectChange {
  const existing = snapshot.project.phases.find((phase) => phase.id === phaseId);
  if (!existing) throw new StudyEditRefused('That phase is no longer in the project.');
  const name = checkPhaseName(snapshot.project.phases, rawName, phaseId);
  if (name === existing.name) return {};
  return { project: projectChange(snapshot, now, { phases: snapshot.project.phases.map((phase) => (phase.id === phaseId ? { ...phase, name } : phase)) }) };
}

/** Phases in time order. */
export function phasesInOrder(phases: readonly Phase[]): Phase[] {
  return [...phases].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** Moves a phase one step earlier (-1) or later (+1) in time; orders are renumbered 1..n. */
export function movePhase(snapshot: ProjectSnapshot, phaseId: Uuid, step: -1 | 1, now: Clock): ProjectChange {
  const ordered = phasesInOrder(snapshot.project.phases);
  const index = ordered.findIndex((phase) => phase.id === phaseId);
  const target = index + step;
  if (index < 0 || target < 0 || target >= ordered.length) return {};
  [ordered[index], ordered[target]] = [ordered[target] as Phase, ordered[index] as Phase];
  return { project: projectChange(snapshot, now, { phases: ordered.map((phase, i) => ({ ...phase, order: i + 1 })) }) };
}

/** Removes a phase; like `removeSite`, refused while documents use it unless `clearDocuments`. */
export function removePhase(snapshot: ProjectSnapshot, phaseId: Uuid, clearDocuments: boolean, now: Clock): ProjectChange {
  const phase = snapshot.project.phases.find((candidate) => candidate.id === phaseId);
  if (!phase) return {};
  const phases = snapshot.project.phases.filter((candidate) => candidate.id !== phaseId);
  return removeDesignItem(snapshot, 'phaseId', phaseId, `in phase ${phase.name}`, { phases }, clearDocuments, now);
}
