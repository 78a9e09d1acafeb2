/**
 * The renderer's state: the project list, the open project held in memory, and the actions users take on it.
 *
 * IndexedDB is the store of record. Every action computes a `ProjectChange` with a pure function from `shared/` and
 * applies it at once to the in-memory project and its index, so the screen follows the user without waiting on the
 * disk; the change is then written to the store in one strict-durability transaction, in order (save-queue.ts). An
 * action is reported done (its promise, its notice, the save status) only once written; a write that fails puts the
 * screen back as it was before that change, and says so. Components read this store through narrow selectors.
 */
import { UserError } from '#shared/model/user-error';
import { create } from 'zustand';
import type { ProjectChange } from '#shared/model/change';
import { applyChange, composeChanges, invertChange, isEmptyChange } from '#shared/model/change';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { CodebookId, ProjectSnapshot, Uuid } from '#shared/model/types';
import { newProject } from '#shared/model/new-project';
import { buildProjectIndex, recordLookup, updateProjectIndex, type ProjectIndex } from '#shared/index/project-index';
import type { NewCodeInput } from '#shared/codebook/create-code';
import { createCode } from '#shared/codebook/create-code';
import { withCodebooks } from '#shared/codebooks/add-codebook';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { remapProjectIds } from '#shared/project-file/remap-ids';
import type { OpenedFile } from '#shared/platform/preload-api';
import { isRefusedFile } from '#shared/platform/preload-api';
import type { ProjectSummary } from '../db/project-store-api.ts';
import { projectStore } from './project-store-instance.ts';
import { requestPersistentStorage, TESSERA_DB_NAME } from '../db/tessera-db.ts';
import { snapshotsBeforeUpgrade } from '../db/pre-upgrade-snapshot.ts';
import { platformApi } from '../platform/api.ts';
import { describeError } from './describe-error.ts';
import { ChangeTakenBack, SaveQueue, type SaveFailure } from './save-queue.ts';
import { HybridLogicalClock, randomClockNode } from '#shared/model/clock';
import { latestClock, recordFinder, stampChange, type ChangeStamp } from '#shared/model/stamps';

/** A message shown to the user until dismissed (errors) or for a few seconds (information). */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
}

/** A place in a document the reader should bring into view and mark, e.g. after a click on a coded segment. */
export interface JumpTarget {
  readonly documentId: Uuid;
  readonly start: number;
  readonly end: number;
  /** Changes on every jump, so jumping to the same place twice still scrolls. */
  readonly nonce: number;
}

/** A project file that holds a project already in this store: the user chooses what to do with it. */
export interface PendingProjectFile {
  readonly snapshot: ProjectSnapshot;
  readonly fileName: string;
  /** What reading the file noticed (its manifest disagreeing with the project it holds), said once it is opened. */
  readonly warnings: readonly string[];
}

interface WorkspaceState {
  readonly phase: 'starting' | 'ready' | 'unavailable';
  readonly unavailableReason: string | null;
  readonly projects: readonly ProjectSummary[];
  readonly snapshot: ProjectSnapshot | null;
  /** The open project's in-memory index (codings by document, code and id), kept in step with `snapshot`. */
  readonly index: ProjectIndex | null;
  readonly currentCoderId: Uuid | null;
  readonly selectedDocumentId: Uuid | null;
  readonly selectedCodeId: Uuid | null;
  readonly jumpTarget: JumpTarget | null;
  readonly notices: readonly Notice[];
  readonly busy: string | null;
  readonly pendingProjectFile: PendingProjectFile | null;
  /** What Ctrl+Z would take back, or null. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

const LAST_PROJECT_SETTING = 'lastProjectId';
const coderSetting = (projectId: Uuid): string => `currentCoder:${projectId}`;

let noticeCounter = 0;
let jumpCounter = 0;

const initialState: WorkspaceState = {
  phase: 'starting',
  unavailableReason: null,
  projects: [],
  snapshot: null,
  index: null,
  currentCoderId: null,
  selectedDocumentId: null,
  selectedCodeId: null,
  jumpTarget: null,
  notices: [],
  busy: null,
  pendingProjectFile: null,
  undoLabel: null,
  redoLabel: null,
};

/** The workspace store. Use with a selector: `useWorkspace((s) => s.snapshot)`. */
export const useWorkspace = create<WorkspaceState>()(() => initialState);

const set = useWorkspace.setState;
const get = useWorkspace.getState;

/** Shows a notice; information notices go away by themselves. */
export function notify(tone: Notice['tone'], text: string, details?: readonly string[]): void {
  const notice: Notice = { id: ++noticeCounter, tone, text, ...(details?.length ? { details } : {}) };
  set((state) => ({ notices: [...state.notices, notice] }));
  if (tone === 'info') setTimeout(() => dismissNotice(notice.id), 5000);
}

/** Removes a notice. */
export function dismissNotice(id: number): void {
  set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
}

async function refreshProjects(): Promise<void> {
  set({ projects: await projectStore().listProjects() });
}

/** Runs an action, turning any failure into an error notice; resolves to whether it succeeded. */
export async function attempt(busyText: string | null, action: () => Promise<void>): Promise<boolean> {
  if (busyText) set({ busy: busyText });
  try {
    await action();
    return true;
  } catch (error) {
    // A change taken back after a failed write has been reported once already, by the save queue's owner.
    if (!(error instanceof ChangeTakenBack)) notify('error', describeError(error));
    return false;
  } finally {
    if (busyText) set({ busy: null });
  }
}

/** One undoable step: the change made and the change that takes it back. */
interface HistoryEntry {
  readonly label: string;
  readonly change: ProjectChange;
  readonly inverse: ProjectChange;
  /** Changes made with the same key one after the other become this one step (e.g. typing in one memo). */
  readonly coalesceKey?: string;
}

const HISTORY_LIMIT = 200;
let undoStack: HistoryEntry[] = [];
let redoStack: HistoryEntry[] = [];

function publishHistory(): void {
  set({
    undoLabel: undoStack[undoStack.length - 1]?.label ?? null,
    redoLabel: redoStack[redoStack.length - 1]?.label ?? null,
  });
}

function clearHistory(): void {
  undoStack = [];
  redoStack = [];
  publishHistory();
}

/**
 * This installation's clock (see shared/model/clock.ts): its node id is kept in the settings, so that readings of
 * two laptops never tie. Set up when the workspace starts; moved past every record of a project when it opens.
 */
let modelClock: HybridLogicalClock | null = null;
const CLOCK_NODE_SETTING = 'clockNode';

async function startClock(): Promise<void> {
  let node = await projectStore().getSetting(CLOCK_NODE_SETTING);
  if (!node || !/^[0-9a-z]{1,32}$/.test(node)) {
    node = randomClockNode();
    await projectStore().setSetting(CLOCK_NODE_SETTING, node);
  }
  modelClock = new HybridLogicalClock(node);
}

/** The stamp of a change made now by the current coder. */
function nextStamp(): ChangeStamp {
  modelClock ??= new HybridLogicalClock(randomClockNode());
  return { by: get().currentCoderId, at: systemClock(), clock: modelClock.now() };
}

/** Whether every change on screen has been written to the store: what the project bar's save status shows. */
export const useSaveStatus = create<{ readonly unsaved: number }>()(() => ({ unsaved: 0 }));

/** What a failed write puts back: the project, its index and the history as they were before that change. */
interface ScreenBefore {
  readonly snapshot: ProjectSnapshot;
  readonly index: ProjectIndex | null;
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

const saves = new SaveQueue<ScreenBefore>((unsaved) => useSaveStatus.setState({ unsaved }), takeBack);

function takeBack(failure: SaveFailure<ScreenBefore>): void {
  const { before } = failure;
  if (get().snapshot?.project.id === before.snapshot.project.id) {
    set({ snapshot: before.snapshot, index: before.index });
    undoStack = [...before.undo];
    redoStack = [...before.redo];
    publishHistory();
  }
  const later = failure.dropped.length;
  notify(
    'error',
    `“${failure.label}” could not be saved, so it was taken back${later ? `, with ${later} later ${later === 1 ? 'change' : 'changes'}` : ''}. ` +
      describeError(failure.error),
    failure.dropped.map((label) => `Also taken back: ${label}`),
  );
}

/**
 * Text being typed that is not a change yet (a memo saved after a pause in typing). Leaving the project, saving it
 * to a file and closing the window write it first, so that nothing typed is lost.
 */
export interface Draft {
  readonly isDirty: () => boolean;
  /** Saves what is typed (or waits for the save under way); resolves to whether it is written. */
  readonly flush: () => Promise<boolean>;
}

const drafts = new Set<Draft>();

/** Registers a draft while its editor is open; returns the function that unregisters it. */
export function registerDraft(draft: Draft): () => void {
  drafts.add(draft);
  return () => drafts.delete(draft);
}

/**
 * Resolves once everything typed and every change made so far is written to the store (or taken back, and said
 * so): before a project is left.
 */
export async function whenSaved(): Promise<void> {
  await Promise.all([...drafts].map((draft) => draft.flush()));
  await saves.whenSettled();
}

/** Whether something on screen is not written yet (the window asks before closing then). */
export function hasUnsavedChanges(): boolean {
  return saves.pending > 0 || [...drafts].some((draft) => draft.isDirty());
}

/** The index of a snapshot: the store's, which is set together with the snapshot it was built for (else null). */
function indexOf(snapshot: ProjectSnapshot): ProjectIndex | null {
  const { snapshot: current, index } = get();
  return current === snapshot && index?.projectId === snapshot.project.id && index.codingCount === snapshot.codings.length ? index : null;
}

/**
 * Shows a change at once (the in-memory project and its index) and queues its write. Resolves once written; on a
 * failed write the screen, and the history, go back to how they were (see takeBack).
 */
function showAndSave(label: string, snapshot: ProjectSnapshot, change: ProjectChange): Promise<void> {
  const at = systemClock();
  const before: ScreenBefore = { snapshot, index: get().index, undo: [...undoStack], redo: [...redoStack] };
  // The index follows the same change, touching only what it touches (see shared/index/project-index.ts), and
  // finds the records the change replaces, so that a coding added to 50,000 is not looked for among them.
  const index = indexOf(snapshot);
  const next = applyChange(snapshot, change, index ? recordLookup(index) : {});
  set({
    snapshot: { ...next, project: { ...next.project, modifiedAt: at } },
    index: index ? updateProjectIndex(index, change) : buildProjectIndex(next),
  });
  const written = saves.enqueue(label, () => projectStore().commit(snapshot.project.id, change, at), before);
  void written.then(() => scheduleBackup(), () => undefined);
  return written;
}

/**
 * Changes the open project: the one way every feature does. `compute` runs at once, on the project as the screen
 * shows it; its change is shown, written to the store in one transaction (after the changes before it), and becomes
 * one step of undo named `label`. Resolves, once written, to what `compute` returned alongside the change, or to
 * undefined when there was no project; rejects when `compute` refused, or with ChangeTakenBack when the write failed.
 */
export function changeProject<T>(
  label: string,
  compute: (snapshot: ProjectSnapshot) => { readonly change: ProjectChange; readonly result: T },
  options: { readonly coalesceKey?: string } = {},
): Promise<T | undefined> {
  const snapshot = get().snapshot;
  if (!snapshot) return Promise.resolve(undefined);
  let computed: { readonly change: ProjectChange; readonly result: T };
  try {
    computed = compute(snapshot);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const { change, result } = computed;
  if (isEmptyChange(change)) return Promise.resolve(result);
  const indexBefore = indexOf(snapshot);
  const lookup = indexBefore ? recordLookup(indexBefore) : {};
  // Stamped once, here: who made the change, when, and the model's clock; deletions leave tombstones.
  const stamped = stampChange(change, recordFinder(snapshot, lookup), nextStamp());
  const inverse = invertChange(snapshot, stamped, lookup);
  const written = showAndSave(label, snapshot, stamped);
  const top = undoStack[undoStack.length - 1];
  if (options.coalesceKey && top?.coalesceKey === options.coalesceKey) {
    // Undoing the merged step undoes this change, then the earlier ones.
    undoStack[undoStack.length - 1] = {
      label: top.label,
      change: composeChanges(top.change, stamped),
      inverse: composeChanges(inverse, top.inverse),
      coalesceKey: options.coalesceKey,
    };
  } else {
    undoStack.push({ label, change: stamped, inverse, ...(options.coalesceKey ? { coalesceKey: options.coalesceKey } : {}) });
  }
  if (undoStack.length > HISTORY_LIMIT) undoStack.shift();
  redoStack = [];
  publishHistory();
  return written.then(() => result);
}

function stepHistory(direction: 'undo' | 'redo'): Promise<boolean> {
  const [from, to] = direction === 'undo' ? [undoStack, redoStack] : [redoStack, undoStack];
  const snapshot = get().snapshot;
  const entry = from[from.length - 1];
  if (!snapshot || !entry) return Promise.resolve(false);
  const step = direction === 'undo' ? entry.inverse : entry.change;
  // Undo and redo are changes too: stamped anew, so that a merge sees them as the newest edits of their records.
  const index = indexOf(snapshot);
  const stamped = stampChange(step, recordFinder(snapshot, index ? recordLookup(index) : {}), nextStamp());
  const written = showAndSave(`${direction === 'undo' ? 'Undo' : 'Redo'} ${entry.label}`, snapshot, stamped);
  from.pop();
  to.push(entry);
  publishHistory();
  return attempt(null, async () => {
    await written;
    notify('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${entry.label}.`);
  });
}

/** Takes back the last change (Ctrl+Z). */
export function undo(): Promise<boolean> {
  return stepHistory('undo');
}

/** Makes again the last change taken back (Ctrl+Shift+Z). */
export function redo(): Promise<boolean> {
  return stepHistory('redo');
}

let backupTimer: ReturnType<typeof setTimeout> | null = null;
let backupsAvailable: Promise<boolean> | null = null;

/** Whether this platform keeps backups on disk (the desktop app does; a web page cannot write files). */
function platformKeepsBackups(): Promise<boolean> {
  backupsAvailable ??= platformApi()
    .appInfo()
    .then((info) => info.platform === 'electron')
    .catch(() => false);
  return backupsAvailable;
}

/** Backup delays: after the last change, and after opening a project (so that opening itself stays quick). */
const BACKUP_AFTER_CHANGE_MS = 60_000;
const BACKUP_AFTER_OPEN_MS = 10_000;

/** Keeps an on-disk backup generation a while after the last change, or after opening (desktop only). */
function scheduleBackup(delayMs = BACKUP_AFTER_CHANGE_MS): void {
  if (backupTimer) clearTimeout(backupTimer);
  backupTimer = setTimeout(() => {
    backupTimer = null;
    void backupNow();
  }, delayMs);
}

async function backupNow(): Promise<void> {
  // A backup holds what is stored, never a change that could still be taken back.
  await whenSaved();
  const snapshot = get().snapshot;
  if (!snapshot || !(await platformKeepsBackups())) return;
  try {
    const bytes = await encodeProjectFile(snapshot, { appVersion: APP_VERSION, savedAt: systemClock() });
    await platformApi().backupProject({ projectId: snapshot.project.id, projectName: snapshot.project.name, bytes });
  } catch (error) {
    notify('error', `The automatic backup failed: ${describeError(error)}`);
  }
}

/** Opens the store and the project that was open last time. */
export async function startWorkspace(): Promise<void> {
  // Ask the browser not to evict the projects under storage pressure; it may say no, and the app works either way.
  void requestPersistentStorage().then((granted) => console.info(`Persistent storage granted: ${String(granted)}`));
  try {
    await keepProjectsBeforeUpgrade();
    await refreshProjects();
    await startClock();
    const last = await projectStore().getSetting(LAST_PROJECT_SETTING);
    set({ phase: 'ready' });
    if (last && get().projects.some((p) => p.id === last)) await openProject(last);
  } catch (error) {
    set({ phase: 'unavailable', unavailableReason: describeError(error) });
  }
}

/**
 * When this Tessera is about to upgrade the project store (a store of an older version), first writes each project
 * as it is stored, as a file of its old format: on the desktop a backup file, in a browser a download offered. On the
 * desktop a backup that cannot be written stops the upgrade (the store is then left as it is, and said so).
 */
async function keepProjectsBeforeUpgrade(): Promise<void> {
  const pending = await snapshotsBeforeUpgrade(TESSERA_DB_NAME, { appVersion: APP_VERSION, savedAt: systemClock() });
  if (!pending || pending.files.length === 0) return;
  const desktop = await platformKeepsBackups();
  for (const file of pending.files) {
    if (desktop) {
      const result = await platformApi().backupProject({ projectId: file.projectId, projectName: file.projectName, bytes: file.bytes });
      if (result.status !== 'written') {
        throw new UserError(
          `Tessera needs to upgrade your project store (version ${pending.from} to ${pending.to}) but could not first write a ` +
            `backup of “${file.projectName}” (${result.reason}), so it changed nothing. Free some disk space and start Tessera again.`,
        );
      }
    } else {
      await platformApi().saveFile({
        title: 'Keep a copy of the project from before the upgrade',
        suggestedName: projectFileName(`${file.projectName} (before upgrade)`),
        filters: [{ name: 'Tessera project', extensions: ['tessera'] }],
        bytes: file.bytes,
      });
    }
  }
  notify(
    'info',
    `Tessera upgraded its project store (version ${pending.from} to ${pending.to}). A copy of ${pending.files.length === 1 ? 'your project' : `each of your ${pending.files.length} projects`} ` +
      `as it was was ${desktop ? 'written to the backups folder' : 'offered as a download'} first.`,
  );
}

/** Creates a project and opens it. */
export async function createProject(name: string, coderName: string, codebooks: readonly CodebookId[] = []): Promise<boolean> {
  return attempt('Creating the project…', async () => {
    const empty = newProject({ name, coderName }, randomUuid, systemClock);
    // The chosen codebooks (CFIR 2.0 or 2009) are part of the new project, not a first undoable step.
    const snapshot = withCodebooks(empty, codebooks, empty.coders[0]?.id ?? null, randomUuid, systemClock);
    await projectStore().createProject(snapshot);
    await refreshProjects();
    await showProject(snapshot);
  });
}

async function showProject(snapshot: ProjectSnapshot): Promise<void> {
  // The project on screen is left only once all its changes are written (or taken back, and said so).
  await whenSaved();
  const store = projectStore();
  const savedCoder = await store.getSetting(coderSetting(snapshot.project.id));
  const coderId = snapshot.coders.some((c) => c.id === savedCoder) ? savedCoder : (snapshot.coders[0]?.id ?? null);
  await store.setSetting(LAST_PROJECT_SETTING, snapshot.project.id);
  modelClock ??= new HybridLogicalClock(randomClockNode());
  modelClock.receive(latestClock(snapshot));
  clearHistory();
  set({
    snapshot,
    index: buildProjectIndex(snapshot),
    currentCoderId: coderId,
    selectedDocumentId: snapshot.documents[0]?.id ?? null,
    selectedCodeId: null,
    jumpTarget: null,
  });
}

/** Opens a project from the store. */
export async function openProject(projectId: Uuid): Promise<boolean> {
  return attempt('Opening the project…', async () => {
    await showProject(await projectStore().loadProject(projectId));
    // A backup generation of each project as it was opened, like MAXQDA's backup on open.
    scheduleBackup(BACKUP_AFTER_OPEN_MS);
  });
}

/** Closes the open project and goes back to the project list. */
export async function closeProject(): Promise<void> {
  if (backupTimer) {
    clearTimeout(backupTimer);
    backupTimer = null;
    await backupNow();
  }
  await whenSaved();
  await attempt(null, async () => {
    await projectStore().setSetting(LAST_PROJECT_SETTING, null);
    await refreshProjects();
  });
  clearHistory();
  set({ snapshot: null, index: null, selectedDocumentId: null, selectedCodeId: null, jumpTarget: null });
}

/** Deletes a project from this computer. */
export async function deleteProject(projectId: Uuid): Promise<boolean> {
  return attempt('Deleting the project…', async () => {
    await projectStore().deleteProject(projectId);
    await refreshProjects();
  });
}

/** Makes a coder the one whose codings and memos this session records. */
export async function setCurrentCoder(coderId: Uuid): Promise<void> {
  const snapshot = get().snapshot;
  if (!snapshot) return;
  await attempt(null, async () => {
    await projectStore().setSetting(coderSetting(snapshot.project.id), coderId);
    set({ currentCoderId: coderId });
  });
}

/** Creates a code; resolves to its id, or null when it was refused. */
export async function addCode(input: NewCodeInput): Promise<Uuid | null> {
  let codeId: Uuid | null = null;
  await attempt(null, async () => {
    const code = await changeProject(`New code “${input.name.trim()}”`, (snapshot) => {
      const made = createCode(snapshot, input, get().currentCoderId, randomUuid, systemClock);
      return { change: made.change, result: made.code };
    });
    if (code) {
      codeId = code.id;
      set({ selectedCodeId: code.id });
    }
  });
  return codeId;
}

/** Shows a document in the reader. */
export function selectDocument(documentId: Uuid): void {
  set({ selectedDocumentId: documentId });
}

/** Shows a code's details and coded segments. */
export function selectCode(codeId: Uuid | null): void {
  set({ selectedCodeId: codeId });
}

/** Opens a document at a passage and marks it. */
export function jumpTo(documentId: Uuid, start: number, end: number): void {
  set({ selectedDocumentId: documentId, jumpTarget: { documentId, start, end, nonce: ++jumpCounter } });
}

/** File name for a project file: the project's name made safe for every file system. */
function projectFileName(name: string): string {
  const printable = [...name].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'project';
  return `${safe}.tessera`;
}

/** Saves the open project as one .tessera file. */
export async function saveProjectFile(): Promise<void> {
  // The file holds what is stored, never a change that could still be taken back.
  await whenSaved();
  const snapshot = get().snapshot;
  if (!snapshot) return;
  await attempt('Saving the project file…', async () => {
    const bytes = await encodeProjectFile(snapshot, { appVersion: APP_VERSION, savedAt: systemClock() });
    const result = await platformApi().saveFile({
      title: 'Save the project as a file',
      suggestedName: projectFileName(snapshot.project.name),
      filters: [{ name: 'Tessera project', extensions: ['tessera'] }],
      bytes,
    });
    if (result.status === 'saved') notify('info', `Project saved to ${result.location}.`);
  });
}

/** Lets the user pick a .tessera file and opens the project in it. */
export function openProjectFile(): void {
  const picking = platformApi().openFiles({
    title: 'Open a project file',
    filters: [{ name: 'Tessera project', extensions: ['tessera'] }],
    allowMultiple: false,
  });
  void attempt(null, async () => {
    const [file] = await picking;
    if (file && isRefusedFile(file)) throw new UserError(file.refusal);
    if (file) await openProjectFileBytes(file);
  });
}

/** Reads a project file and stores its project, or asks what to do when that project is already here. */
export async function openProjectFileBytes(file: OpenedFile): Promise<void> {
  await attempt('Opening the project file…', async () => {
    let decoded;
    try {
      decoded = await decodeProjectFile(file.bytes);
    } catch (error) {
      throw new UserError(`${file.name}: ${describeError(error)}`, { cause: error });
    }
    const { snapshot, warnings } = decoded;
    if (get().projects.some((p) => p.id === snapshot.project.id)) {
      set({ pendingProjectFile: { snapshot, fileName: file.name, warnings } });
      return;
    }
    await storeOpenedProject(snapshot, warnings);
  });
}

/** Stores a project made elsewhere (a file opened, a REFI-QDA project imported) as a new project and opens it. */
export async function storeOpenedProject(snapshot: ProjectSnapshot, warnings: readonly string[], replace = false): Promise<void> {
  await projectStore().createProject(snapshot, { replace });
  await refreshProjects();
  await showProject(snapshot);
  notify('info', `Opened "${snapshot.project.name}".`, warnings);
}

/** Settles a project file whose project is already here: keep both (the file's as a copy), replace, or cancel. */
export async function resolvePendingProjectFile(choice: 'copy' | 'replace' | 'cancel'): Promise<void> {
  const pending = get().pendingProjectFile;
  set({ pendingProjectFile: null });
  if (!pending || choice === 'cancel') return;
  await attempt('Opening the project file…', async () => {
    if (choice === 'replace') {
      await storeOpenedProject(pending.snapshot, pending.warnings, true);
    } else {
      const copy = remapProjectIds(pending.snapshot, randomUuid);
      await storeOpenedProject({ ...copy, project: { ...copy.project, name: `${copy.project.name} (copy)` } }, pending.warnings);
    }
  });
}
