/**
 * The study design dialog's state and actions: sites and phases of the open project. Each action is one change of the
 * project (one undo step), computed by `shared/study/study-design.ts`.
 */
import { create } from 'zustand';
import type { ProjectChange } from '#shared/model/change';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { ProjectSnapshot, Uuid } from '#shared/model/types';
import {
  addPhase,
  addSite,
  movePhase,
  removePhase,
  removeSite,
  renamePhase,
  updateSite,
  type SiteInput,
} from '#shared/study/study-design';
import { attempt, changeProject } from '../../state/workspace-store.ts';

interface StudyState {
  readonly open: boolean;
}

/** Whether the study dialog is open. */
export const useStudy = create<StudyState>()(() => ({ open: false }));

/** Opens the study dialog (sites and phases). */
export function openStudyDialog(): void {
  useStudy.setState({ open: true });
}

/** Closes the study dialog. */
export function closeStudyDialog(): void {
  useStudy.setState({ open: false });
}

/**
 * Runs one study-design change; a refusal (a duplicate code, an empty name) is shown as it is. Resolves to whether it
 * was made.
 */
export function changeStudy(label: string, compute: (snapshot: ProjectSnapshot) => ProjectChange): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject(label, (snapshot) => ({ change: compute(snapshot), result: undefined }));
  });
}

/** Adds a site. */
export function createSite(input: SiteInput): Promise<boolean> {
  return changeStudy(`New site ${input.code.trim().toUpperCase()}`, (s) => addSite(s, input, randomUuid, systemClock).change);
}

/** Changes a site's code and name. */
export function saveSite(siteId: Uuid, input: SiteInput): Promise<boolean> {
  return changeStudy(`Edit site ${input.code.trim().toUpperCase()}`, (s) => updateSite(s, siteId, input, systemClock));
}

/** Removes a site; `clearDocuments` after the user agreed that the documents using it lose it. */
export function deleteSite(siteId: Uuid, code: string, clearDocuments: boolean): Promise<boolean> {
  return changeStudy(`Remove site ${code}`, (s) => removeSite(s, siteId, clearDocuments, systemClock));
}

/** Adds a phase at the end. */
export function createPhase(name: string): Promise<boolean> {
  return changeStudy(`New phase ${name.trim()}`, (s) => addPhase(s, name, randomUuid, systemClock).change);
}

/** Renames a phase. */
export function savePhase(phaseId: Uuid, name: string): Promise<boolean> {
  return changeStudy(`Rename phase ${name.trim()}`, (s) => renamePhase(s, phaseId, name, systemClock));
}

/** Moves a phase earlier or later. */
export function shiftPhase(phaseId: Uuid, step: -1 | 1): Promise<boolean> {
  return changeStudy('Reorder phases', (s) => movePhase(s, phaseId, step, systemClock));
}

/** Removes a phase; `clearDocuments` as for sites. */
export function deletePhase(phaseId: Uuid, name: string, clearDocuments: boolean): Promise<boolean> {
  return changeStudy(`Remove phase ${name}`, (s) => removePhase(s, phaseId, clearDocuments, systemClock));
}
