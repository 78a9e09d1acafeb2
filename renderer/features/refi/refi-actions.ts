/**
 * REFI-QDA projects in the app: importing a .qdpx (or .qde) from NVivo, MAXQDA, ATLAS.ti or QualCoder as a new
 * project, read off the UI thread, with its report shown; and exporting the open project to .qdpx with the report
 * of what REFI-QDA cannot carry. The same reader and writer as `tessera refi`.
 */
import { savedFileNotice } from '../../platform/saved-file.ts';
import { UserError } from '#shared/model/user-error';
import { randomUuid } from '#shared/model/ids';
import { isRefusedFile } from '#shared/platform/preload-api';
import { APP_VERSION } from '#shared/platform/app-version';
import { remapProjectIds } from '#shared/project-file/remap-ids';
import { attempt, notify, storeOpenedProject, useWorkspace, whenSaved } from '../../state/workspace-store.ts';
import { platformApi } from '../../platform/api.ts';
import { readRefiProjectOffThread } from './refi-runner.ts';
import { reviewMerge } from '../merge/merge-store.ts';
import { refiImportAsSession } from '#shared/refi/merge-input';

/** Report lines for the notice: what was not carried, then the deviations. */
function reportLines(report: { readonly positions: readonly string[]; readonly notCarried: readonly string[]; readonly deviations: readonly string[] }): string[] {
  return [...report.positions, ...report.notCarried.map((line) => `Not carried: ${line}`), ...report.deviations];
}

type RefiRead = Extract<Awaited<ReturnType<typeof readRefiProjectOffThread>>, { ok: true }>;

/**
 * Lets the user pick one .qdpx or .qde, reads it in the worker (showing `busyText`), and hands what it read to
 * `use`. A refused or unreadable file ends with one message that says nothing was `outcomeWord` ("imported").
 */
function withPickedRefiProject(title: string, busyText: string, outcomeWord: string, use: (read: RefiRead, fileName: string) => Promise<void> | void): void {
  const picking = platformApi().openFiles({ title, filters: [{ name: 'REFI-QDA project', extensions: ['qdpx', 'qde'] }], allowMultiple: false });
  void attempt(null, async () => {
    const [file] = await picking;
    if (!file) return;
    if (isRefusedFile(file)) throw new UserError(`${file.refusal} Nothing was ${outcomeWord}.`);
    await attempt(busyText, async () => {
      const outcome = await readRefiProjectOffThread(file.name, file.bytes);
      if (!outcome.ok) throw new UserError(`${outcome.message.replace(/\s*Nothing was imported\.?$/, '')} Nothing was ${outcomeWord}.`);
      await use(outcome, file.name);
    });
  });
}

/** Lets the user pick a .qdpx or .qde and imports it as a new project (nothing is stored unless all of it reads). */
export function importRefiProjectFile(): void {
  withPickedRefiProject('Import a REFI-QDA project', 'Importing the REFI-QDA project…', 'imported', async (outcome, fileName) => {
    // Record ids are the file's GUIDs; the store keys records across projects, so the new project gets its own.
    const snapshot = remapProjectIds(outcome.snapshot, randomUuid);
    const c = outcome.report.counts;
    await storeOpenedProject(snapshot, [
      `Imported from ${fileName}${outcome.report.origin ? ` (${outcome.report.origin})` : ''}: ${c.documents} documents, ${c.codes} codes, ${c.codings} codings, ${c.memos} memos, ${c.coders} coders.`,
      ...reportLines(outcome.report),
    ]);
  });
}

/**
 * Lets the user pick a .qdpx or .qde and opens the merge review of bringing it into the open project: its records
 * are matched as a coder's session is (by id, documents by identical text, codes by CFIR element or name), and
 * nothing is written until the user confirms the merge (which keeps a copy of the project first).
 */
export function mergeRefiProjectFile(): void {
  withPickedRefiProject('Merge a REFI-QDA project into this one', 'Reading the REFI-QDA project…', 'merged', (outcome, fileName) => {
    const open = useWorkspace.getState().snapshot;
    if (!open) return;
    const lines = reportLines(outcome.report);
    if (lines.length) notify('info', `Read ${fileName}; what it could not carry is listed below. Review the merge before anything is written.`, lines);
    reviewMerge([refiImportAsSession(open, outcome.snapshot)], [fileName]);
  });
}

/** Exports the open project to a .qdpx, with what REFI-QDA cannot carry said in the notice. */
export async function exportRefiProject(): Promise<void> {
  await whenSaved();
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  await attempt('Exporting to REFI-QDA…', async () => {
    const { writeQdpx } = await import('#shared/refi/write-project');
    const result = writeQdpx(snapshot, { origin: `Tessera ${APP_VERSION}`, newId: randomUuid });
    // eslint-disable-next-line no-control-regex
    const safeName = snapshot.project.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'project';
    const saved = await platformApi().saveFile({
      title: 'Export the project to REFI-QDA (.qdpx)',
      suggestedName: `${safeName}.qdpx`,
      filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }],
      bytes: result.bytes,
    });
    if (saved.status !== 'cancelled') {
      notify('info', `${savedFileNotice('The REFI-QDA project', saved)} Text positions are in Unicode code points.`, [...result.notCarried.map((line) => `Not carried: ${line}`), ...result.notes]);
    }
  });
}
