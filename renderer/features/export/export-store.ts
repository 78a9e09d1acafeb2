/**
 * The export dialog's state and actions: what to export (the same choices as `tessera export-word`), and the export
 * running in the worker with its progress. The finished file is saved through the platform API: the native save
 * dialog and an atomic write in the desktop app, a download in the browser.
 */
import { create } from 'zustand';
import type { DocumentKind, SpeakerRole, Uuid } from '#shared/model/types';
import type { ExtractChoices, ExtractGrouping } from '#shared/export/extract-selection';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { APP_VERSION } from '#shared/platform/app-version';
import { notify, useWorkspace } from '../../state/workspace-store.ts';
import { describeError } from '../../state/describe-error.ts';
import { platformApi } from '../../platform/api.ts';
import { savedFileNotice } from '../../platform/saved-file.ts';
import { useRetrieval } from '../retrieval/retrieval-store.ts';
import type { ExportJob, ExportProgress } from './export-jobs.ts';
import { ExportCancelled, startExport, type RunningExport } from './export-runner.ts';

/** Which kind of file to make. */
export type ExportOutput = 'word' | 'csv' | 'site-packs' | 'transcript';

/** Everything the dialog lets the user choose. */
export interface ExportForm {
  readonly output: ExportOutput;
  readonly codeIds: readonly Uuid[];
  readonly documentIds: readonly Uuid[];
  readonly caseIds: readonly Uuid[];
  readonly siteIds: readonly Uuid[];
  readonly phaseIds: readonly Uuid[];
  readonly kinds: readonly DocumentKind[];
  readonly coderIds: readonly Uuid[];
  readonly speakerRoles: readonly SpeakerRole[];
  readonly grouping: ExtractGrouping;
  readonly context: boolean;
  readonly memos: boolean;
  readonly definitions: boolean;
  readonly ratings: boolean;
  readonly includeHidden: boolean;
  readonly transcriptId: Uuid | null;
}

interface ExportState {
  readonly open: boolean;
  readonly form: ExportForm;
  /** The export under way, with how far it has got; null when none runs. */
  readonly progress: ExportProgress | null;
}

const EMPTY_FORM: ExportForm = {
  output: 'word',
  codeIds: [],
  documentIds: [],
  caseIds: [],
  siteIds: [],
  phaseIds: [],
  kinds: [],
  coderIds: [],
  speakerRoles: [],
  grouping: 'code-phase-site',
  context: false,
  memos: true,
  definitions: true,
  ratings: false,
  includeHidden: false,
  transcriptId: null,
};

/** The export dialog's store. */
export const useExport = create<ExportState>()(() => ({ open: false, form: EMPTY_FORM, progress: null }));

let running: RunningExport | null = null;

/** Opens the export dialog (its choices are kept while the project is open). */
export function openExportDialog(): void {
  useExport.setState({ open: true });
}

/** Closes the dialog, cancelling an export under way. */
export function closeExportDialog(): void {
  cancelExport();
  useExport.setState({ open: false });
}

/** Changes some of the choices. */
export function setExportForm(change: Partial<ExportForm>): void {
  useExport.setState((s) => ({ form: { ...s.form, ...change } }));
}

/** Takes the codes and filters of the retrieval panel (the code selected in the tree and those added to it). */
export function takeRetrievalChoices(): void {
  const { extraCodeIds, filter } = useRetrieval.getState();
  const selected = useWorkspace.getState().selectedCodeId;
  const codeIds = [...new Set([...(selected ? [selected] : []), ...extraCodeIds])];
  setExportForm({
    codeIds,
    siteIds: filter.siteIds,
    phaseIds: filter.phaseIds,
    kinds: filter.kinds,
    speakerRoles: filter.speakerRoles,
    coderIds: filter.coderIds,
  });
}

/** The shared choices the form stands for. */
export function choicesOf(form: ExportForm): ExtractChoices {
  return {
    codeIds: form.codeIds,
    documentIds: form.documentIds,
    caseIds: form.caseIds,
    filter: { ...NO_FILTER, siteIds: form.siteIds, phaseIds: form.phaseIds, kinds: form.kinds, speakerRoles: form.speakerRoles, coderIds: form.coderIds },
    grouping: form.grouping,
    includeHidden: form.includeHidden,
  };
}

function jobOf(form: ExportForm): ExportJob | null {
  const choices = choicesOf(form);
  switch (form.output) {
    case 'word':
      return { kind: 'word', choices, context: form.context, memos: form.memos, definitions: form.definitions, ratings: form.ratings };
    case 'csv':
      return { kind: 'csv', choices };
    case 'site-packs':
      return { kind: 'site-packs', choices };
    case 'transcript':
      return form.transcriptId ? { kind: 'transcript', documentId: form.transcriptId, coderIds: form.coderIds, includeHidden: form.includeHidden } : null;
  }
}

/** Makes the export in the worker, then saves it; Cancel (or closing the dialog) stops it and writes nothing. */
export async function runExport(): Promise<void> {
  const snapshot = useWorkspace.getState().snapshot;
  const job = jobOf(useExport.getState().form);
  if (!snapshot || !job || running) return;
  const today = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  const current = startExport(snapshot, job, `Exported from Tessera ${APP_VERSION} on ${today}.`, (progress) => {
    if (running === current) useExport.setState({ progress });
  });
  running = current;
  useExport.setState({ progress: { stage: 'Starting the export…', fraction: 0 } });
  try {
    const result = await current.result;
    useExport.setState({ progress: { stage: 'Saving…', fraction: 1 } });
    const saved = await platformApi().saveFile({
      title: 'Export coded extracts',
      suggestedName: result.fileName,
      filters: [{ name: result.filter.name, extensions: [...result.filter.extensions] }],
      bytes: result.bytes,
    });
    if (saved.status !== 'cancelled') {
      notify('info', `Exported ${result.summary}. ${savedFileNotice('The file', saved)}`);
      useExport.setState({ open: false });
    }
  } catch (error) {
    if (error instanceof ExportCancelled) notify('info', 'Export cancelled; no file was written.');
    else notify('error', `The export failed: ${describeError(error)}`);
  } finally {
    if (running === current) running = null;
    useExport.setState({ progress: null });
  }
}

/** Stops the export under way, if any; nothing is written. */
export function cancelExport(): void {
  running?.cancel();
}

// Another project starts with the default choices.
useWorkspace.subscribe((state, previous) => {
  if (state.snapshot?.project.id !== previous.snapshot?.project.id) {
    closeExportDialog();
    useExport.setState({ form: EMPTY_FORM });
  }
});
