/**
 * What a user does to the codebook, each one `changeProject` call, so that each is one step of undo (a merge too:
 * undoing it restores exactly what was there). Refusals (a move into its own subcode, a clashing name) come back
 * as error notices from the pure functions in shared/.
 */
import { UserError } from '#shared/model/user-error';
import { isRefusedFile } from '#shared/platform/preload-api';
import type { CodebookId, Uuid } from '#shared/model/types';
import { randomUuid, systemClock } from '#shared/model/ids';
import { APP_VERSION } from '#shared/platform/app-version';
import type { CodePatch } from '#shared/codebook/edit-code';
import { updateCode } from '#shared/codebook/edit-code';
import type { CodePlace } from '#shared/codebook/move-code';
import { moveCode } from '#shared/codebook/move-code';
import { mergeCode } from '#shared/codebook/merge-code';
import type { SplitRequest } from '#shared/codebook/split-code';
import { splitCode } from '#shared/codebook/split-code';
import type { DeleteChoice } from '#shared/codebook/delete-code';
import { deleteCode } from '#shared/codebook/delete-code';
import { addCodebook } from '#shared/codebooks/add-codebook';
import { builtinCodebook } from '#shared/codebooks/builtin-codebooks';
import type { CrosswalkDecision } from '#shared/codebooks/crosswalk';
import { applyCrosswalk } from '#shared/codebooks/crosswalk';
import type { RefiCodebook } from '#shared/refi/read-codebook';
import { importCodebook } from '#shared/refi/import-codebook';
import { writeQdc } from '#shared/refi/write-codebook';
import { attempt, backupBefore, changeProject, notify, selectCode, useWorkspace } from '../../state/workspace-store.ts';
import { platformApi } from '../../platform/api.ts';
import { savedFileNotice } from '../../platform/saved-file.ts';
import { plural } from '../../app/format.ts';
import { openCodebookDialog, revealCode } from './codebook-view-store.ts';

const coder = (): Uuid | null => useWorkspace.getState().currentCoderId;

function codeName(codeId: Uuid): string {
  return useWorkspace.getState().snapshot?.codes.find((c) => c.id === codeId)?.name ?? 'code';
}

/** Edits a code's fields; `label` names the step in the undo history. */
export function editCode(codeId: Uuid, patch: CodePatch, label: string): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject(label, (snapshot) => ({ change: updateCode(snapshot, codeId, patch, systemClock), result: undefined }));
  });
}

/** Renames a code. */
export function renameCode(codeId: Uuid, name: string): Promise<boolean> {
  return editCode(codeId, { name }, `Rename “${codeName(codeId)}”`);
}

/** Moves a code (with its subcodes) to a new place in the tree. */
export function moveCodeTo(codeId: Uuid, place: CodePlace): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject(`Move “${codeName(codeId)}”`, (snapshot) => ({ change: moveCode(snapshot, codeId, place, systemClock), result: undefined }));
    const codes = useWorkspace.getState().snapshot?.codes;
    if (codes) revealCode(codes, codeId);
  });
}

/** Merges a code into another: one undo step. */
export function mergeCodeInto(sourceId: Uuid, targetId: Uuid): Promise<boolean> {
  const label = `Merge “${codeName(sourceId)}” into “${codeName(targetId)}”`;
  return attempt(null, async () => {
    await backupBefore(`merge “${codeName(sourceId)}” into “${codeName(targetId)}”`);
    const outcome = await changeProject(label, (snapshot) => {
      const merged = mergeCode(snapshot, sourceId, targetId, systemClock);
      return { change: merged.change, result: merged };
    });
    if (!outcome) return;
    if (useWorkspace.getState().selectedCodeId === sourceId) selectCode(targetId);
    const parts = [`${plural(outcome.repointed, 'coding')} moved`];
    if (outcome.collapsed) parts.push(`${plural(outcome.collapsed, 'duplicate')} of the same passage collapsed`);
    if (outcome.subcodesMoved) parts.push(`${plural(outcome.subcodesMoved, 'subcode')} moved`);
    notify('info', `Merged: ${parts.join(', ')}. Ctrl+Z undoes it.`);
  });
}

/** Splits chosen codings off a code into a new code; resolves to the new code's id. */
export async function splitCodeOff(request: SplitRequest): Promise<Uuid | null> {
  let made: Uuid | null = null;
  await attempt(null, async () => {
    const outcome = await changeProject(`Split “${codeName(request.sourceId)}”`, (snapshot) => {
      const split = splitCode(snapshot, request, coder(), randomUuid, systemClock);
      return { change: split.change, result: split };
    });
    if (!outcome) return;
    made = outcome.code.id;
    const codes = useWorkspace.getState().snapshot?.codes;
    if (codes) revealCode(codes, outcome.code.id);
    selectCode(outcome.code.id);
    notify('info', `${plural(outcome.moved, 'coding')} moved to “${outcome.code.name}”.`);
  });
  return made;
}

/** Deletes a code as chosen in the dialog. */
export function deleteCodeAs(codeId: Uuid, choice: DeleteChoice): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject(`Delete “${codeName(codeId)}”`, (snapshot) => ({ change: deleteCode(snapshot, codeId, choice, systemClock), result: undefined }));
    if (useWorkspace.getState().selectedCodeId === codeId) selectCode(null);
  });
}

/** Adds a built-in codebook (CFIR 2.0, CFIR 2009 or a framework) to the open project. */
export function addBuiltinCodebook(id: CodebookId): Promise<boolean> {
  const book = builtinCodebook(id);
  return attempt(`Adding ${book.title}…`, async () => {
    const codes = await changeProject(`Add ${book.title}`, (snapshot) => {
      const added = addCodebook(snapshot, id, coder(), randomUuid, systemClock);
      return { change: added.change, result: added.codes };
    });
    if (codes) notify('info', `Added ${book.title}: ${plural(codes.length, 'code')}.`);
  });
}

/** Maps the project's CFIR 2009 codes onto CFIR 2.0 as decided in the preview: one undo step. */
export function mapCfir2009To20(decisions: ReadonlyMap<string, CrosswalkDecision>, removeEmpty2009: boolean): Promise<boolean> {
  return attempt('Mapping CFIR 2009 to 2.0…', async () => {
    await backupBefore('map CFIR 2009 to 2.0');
    const outcome = await changeProject('Map CFIR 2009 to 2.0', (snapshot) => {
      const mapped = applyCrosswalk(snapshot, decisions, { removeEmpty2009 }, coder(), randomUuid, systemClock);
      return { change: mapped.change, result: mapped };
    });
    if (!outcome) return;
    const parts = [`${plural(outcome.mappedCodes, 'code')} mapped`, `${plural(outcome.codingsMoved, 'coding')} moved`];
    if (outcome.codingsCopied) parts.push(`${plural(outcome.codingsCopied, 'coding')} copied to further constructs`);
    if (outcome.collapsed) parts.push(`${plural(outcome.collapsed, 'duplicate')} collapsed`);
    if (outcome.removedCodes) parts.push(`${plural(outcome.removedCodes, 'empty 2009 code')} removed`);
    notify('info', `${outcome.added20 ? 'Added CFIR 2.0. ' : ''}${parts.join(', ')}. Ctrl+Z undoes it.`);
    openCodebookDialog(null);
  });
}

/** Lets the user pick a .qdc or .qdpx, reads its codebook, and opens the import preview (nothing changes yet). */
export function chooseCodebookFile(): void {
  const picking = platformApi().openFiles({
    title: 'Import a codebook',
    filters: [{ name: 'REFI-QDA codebook or project', extensions: ['qdc', 'qdpx'] }],
    allowMultiple: false,
  });
  void attempt(null, async () => {
    const [file] = await picking;
    if (!file) return;
    if (isRefusedFile(file)) throw new UserError(`${file.refusal} Nothing was imported.`);
    // The XML reader is loaded when a codebook is imported, not with the app.
    const { readCodebookFile } = await import('#shared/refi/read-codebook');
    let codebook: RefiCodebook;
    try {
      codebook = readCodebookFile(file.bytes);
    } catch (error) {
      throw new UserError(`${file.name}: ${error instanceof Error ? error.message : String(error)} Nothing was imported.`, { cause: error });
    }
    openCodebookDialog({ kind: 'import', fileName: file.name, codebook });
  });
}

/** Adds an imported codebook's codes to the project (one undo step). */
export function importCodebookCodes(codebook: RefiCodebook, parentId: Uuid | null, fileName: string): Promise<boolean> {
  return attempt('Importing the codebook…', async () => {
    await backupBefore(`import the codebook ${fileName}`);
    const outcome = await changeProject(`Import codebook ${fileName}`, (snapshot) => {
      const imported = importCodebook(snapshot, codebook, parentId, coder(), randomUuid, systemClock);
      return { change: imported.change, result: imported };
    });
    if (!outcome) return;
    const existing = outcome.existing ? `; ${plural(outcome.existing, 'code')} already here` : '';
    notify('info', `Imported ${plural(outcome.added, 'code')} from ${fileName}${existing}.`, outcome.warnings);
    openCodebookDialog(null);
  });
}

/** A file name from the project's name, safe on every file system. */
function fileBase(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'codebook';
}

/** Saves the project's codebook as a REFI-QDA .qdc (hidden codes left out unless shown). */
export async function exportCodebookQdc(includeHidden: boolean): Promise<void> {
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  await attempt(null, async () => {
    const bytes = new TextEncoder().encode(writeQdc(snapshot, { origin: `Tessera ${APP_VERSION}`, includeHidden }));
    const result = await platformApi().saveFile({
      title: 'Export the codebook (REFI-QDA)',
      suggestedName: `${fileBase(snapshot.project.name)} codebook.qdc`,
      filters: [{ name: 'REFI-QDA codebook', extensions: ['qdc'] }],
      bytes,
    });
    if (result.status !== 'cancelled') notify('info', savedFileNotice('Codebook', result));
  });
}

/** Saves the project's codebook as a Word document for a paper's supplement. */
export async function exportCodebookDocx(includeHidden: boolean): Promise<void> {
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  await attempt('Writing the Word document…', async () => {
    const today = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
    // The Word writer (the docx package, a fifth of the app's code) is loaded when it is first used, not at start-up.
    const { codebookDocx } = await import('#shared/export/codebook-docx');
    const bytes = await codebookDocx(snapshot, {
      title: `Codebook: ${snapshot.project.name}`,
      subtitle: `Exported from Tessera ${APP_VERSION} on ${today}.`,
      includeHidden,
      includeCounts: true,
    });
    const result = await platformApi().saveFile({
      title: 'Export the codebook (Word)',
      suggestedName: `${fileBase(snapshot.project.name)} codebook.docx`,
      filters: [{ name: 'Word document', extensions: ['docx'] }],
      bytes,
    });
    if (result.status !== 'cancelled') notify('info', savedFileNotice('Codebook', result));
  });
}
