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
import { applyChange, invertChange, isEmptyChange } from '#shared/model/change';
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
import type { BackupResult, OpenedFile } from '#shared/platform/preload-api';
import { isRefusedFile } from '#shared/platform/preload-api';
import type { ProjectSummary } from '../db/project-store-api.ts';
import { projectStore } from './project-store-instance.ts';
import { requestPersistentStorage, TESSERA_DB_NAME } from '../db/tessera-db.ts';
import { snapshotsBeforeUpgrade } from '../db/pre-upgrade-snapshot.ts';
import { platformApi } from '../platform/api.ts';
import { savedFileNotice } from '../platform/saved-file.ts';
import { describeError } from './describe-error.ts';
import { encodeProjectFileOffPage } from './project-file-encoder.ts';
import { ChangeTakenBack, SaveQueue, type SaveFailure } from './save-queue.ts';
import { UndoHistory, type HistoryDirection, type HistoryState } from './undo-history.ts';
import { HybridLogicalClock, randomClockNode } from '#shared/model/clock';
import { latestClock, recordFinder, stampChange, type ChangeStamp } from '#shared/model/stamps';
import { RECORD_KINDS } from '#shared/model/record-kinds';
import { cleanCoderIdentity, formatCoderIdentity, joinProjectAsCoder, parseCoderIdentity, type CoderIdentity } from '#shared/coders/coder-identity';
import { announce } from '../app/announcer.tsx';

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
  /** Who codes on this computer (asked at first start, kept in the settings); null until they say. */
  readonly coderIdentity: CoderIdentity | null;
  /** Blind double-coding: the reader shows only the current coder's codings (kept in the settings). */
  readonly blindCoding: boolean;
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
const CODER_IDENTITY_SETTING = 'coderIdentity';
const BLIND_CODING_SETTING = 'blindCoding';
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
  coderIdentity: null,
  blindCoding: false,
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

const history = new UndoHistory();

function publishHistory(): void {
  set({ undoLabel: history.undoLabel, redoLabel: history.redoLabel });
}

function clearHistory(): void {
  history.clear();
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

/** The stamp of a change made now by the current coder: what a change that comes stamped (a merge) is made with. */
export function nextStamp(): ChangeStamp {
  modelClock ??= new HybridLogicalClock(randomClockNode());
  return { by: get().currentCoderId, at: systemClock(), clock: modelClock.now() };
}

/** Moves this installation's clock past every reading a stamped change brings (a merged session's records). */
function receiveClocks(change: ProjectChange): void {
  modelClock ??= new HybridLogicalClock(randomClockNode());
  const clock = modelClock;
  if (change.project) clock.receive(change.project.clock);
  for (const kind of RECORD_KINDS) for (const record of change.put?.[kind] ?? []) clock.receive(record.clock);
}

/** Whether every change on screen has been written to the store: what the project bar's save status shows. */
export const useSaveStatus = create<{ readonly unsaved: number }>()(() => ({ unsaved: 0 }));

/** What a failed write puts back: the project, its index and the history as they were before that change. */
interface ScreenBefore {
  readonly snapshot: ProjectSnapshot;
  readonly index: ProjectIndex | null;
  readonly history: HistoryState;
}

const saves = new SaveQueue<ScreenBefore>((unsaved) => useSaveStatus.setState({ unsaved }), takeBack);

function takeBack(failure: SaveFailure<ScreenBefore>): void {
  const { before } = failure;
  if (get().snapshot?.project.id === before.snapshot.project.id) {
    set({ snapshot: before.snapshot, index: before.index });
    history.restore(before.history);
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
  const before: ScreenBefore = { snapshot, index: get().index, history: history.state() };
  // The index follows the same change, touching only what it touches (see shared/index/project-index.ts), and
  // finds the records the change replaces, so that a coding added to 50,000 is not looked for among them.
  const index = indexOf(snapshot);
  const next = applyChange(snapshot, change, index ? recordLookup(index) : {});
  set({
    snapshot: { ...next, project: { ...next.project, modifiedAt: at } },
    index: index ? updateProjectIndex(index, change) : buildProjectIndex(next),
  });
  const written = saves.enqueue(label, () => projectStore().commit(snapshot.project.id, change, at), before);
  void written.then(
    () => {
      changedSinceBackup = true;
      scheduleBackup();
    },
    () => undefined,
  );
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
  options: {
    readonly coalesceKey?: string;
    /**
     * The change is stamped already and carries its own tombstones (a merge: its records keep the stamps and clocks
     * they were made with elsewhere, or a record merged from a session would look newer than the session's later
     * edits). It is applied as it is, and undone and redone exactly, so undoing a merge is as if it never happened.
     */
    readonly asStamped?: boolean;
  } = {},
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
  const stamped = options.asStamped ? change : stampChange(change, recordFinder(snapshot, lookup), nextStamp());
  if (options.asStamped) receiveClocks(change);
  const inverse = invertChange(snapshot, stamped, lookup);
  const written = showAndSave(label, snapshot, stamped);
  history.record(label, stamped, inverse, { coalesceKey: options.coalesceKey, asStamped: options.asStamped });
  publishHistory();
  return written.then(() => result);
}

function stepHistory(direction: HistoryDirection): Promise<boolean> {
  const snapshot = get().snapshot;
  const next = history.peek(direction);
  if (!snapshot || !next) return Promise.resolve(false);
  const { entry, step } = next;
  // Undo and redo are changes too: stamped anew, so that a merge sees them as the newest edits of their records.
  // A change that came stamped (a merge) is taken back and made again exactly: the records as they were.
  const index = indexOf(snapshot);
  const stamped = entry.asStamped ? step : stampChange(step, recordFinder(snapshot, index ? recordLookup(index) : {}), nextStamp());
  const written = showAndSave(`${direction === 'undo' ? 'Undo' : 'Redo'} ${entry.label}`, snapshot, stamped);
  history.move(direction);
  publishHistory();
  return attempt(null, async () => {
    await written;
    notify('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${entry.label}.`);
    announce(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${entry.label}. Saved.`);
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
/** Whether a change was written since the last backup of the open project (or since it was opened). */
let changedSinceBackup = false;

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
    void backupNow().catch((error: unknown) => notify('error', `The automatic backup failed: ${describeError(error)}`));
  }, delayMs);
}

/**
 * Writes a backup generation of a project as it is stored (desktop only; resolves to null elsewhere). The main
 * process writes nothing when the newest backup already holds the same project. Encoding runs in a worker.
 */
async function backupSnapshot(snapshot: ProjectSnapshot): Promise<BackupResult | null> {
  if (!(await platformKeepsBackups())) return null;
  const bytes = await encodeProjectFileOffPage(snapshot, { appVersion: APP_VERSION, savedAt: systemClock() });
  return platformApi().backupProject({ projectId: snapshot.project.id, projectName: snapshot.project.name, bytes });
}

/** Backs up the open project now, as stored; throws when the backup could not be written. */
async function backupNow(): Promise<BackupResult | null> {
  if (backupTimer) {
    clearTimeout(backupTimer);
    backupTimer = null;
  }
  // A backup holds what is stored, never a change that could still be taken back.
  await whenSaved();
  const snapshot = get().snapshot;
  if (!snapshot) return null;
  const pendingChanges = changedSinceBackup;
  changedSinceBackup = false;
  try {
    return await backupSnapshot(snapshot);
  } catch (error) {
    changedSinceBackup ||= pendingChanges;
    throw error;
  }
}

/**
 * Backs up the open project before a step that changes much of it at once (a merge of codes, a codebook import, a
 * restore, replacing it with a file), and refuses the step when the backup cannot be written: the step is then not
 * taken, and the user is told why. Where the platform keeps no backups (a browser), the step goes ahead.
 */
export async function backupBefore(step: string): Promise<void> {
  try {
    await backupNow();
  } catch (error) {
    throw new UserError(`Tessera could not first back up the project, so it did not ${step}: ${describeError(error)}`, { cause: error });
  }
}

/** Whether closing the window now would leave changes that are in no backup yet (desktop only). */
export function backupDueBeforeClose(): boolean {
  return changedSinceBackup && get().snapshot !== null && window.tessera !== undefined;
}

/** Backs up the open project when it changed since its last backup: when the app is closing. */
export async function backupBeforeClose(): Promise<void> {
  if (!changedSinceBackup) return;
  try {
    await backupNow();
  } catch (error) {
    // The project itself is stored; only its extra copy is missing. Said, and the app still closes.
    console.error(`The backup at closing failed: ${describeError(error)}`);
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
    set({
      coderIdentity: parseCoderIdentity(await projectStore().getSetting(CODER_IDENTITY_SETTING)),
      blindCoding: (await projectStore().getSetting(BLIND_CODING_SETTING)) === 'on',
    });
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
      if (result.status === 'unavailable') {
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
    const coder = await identityForNewProject(coderName);
    const empty = newProject({ name, coderName, ...(coder ? { coder } : {}) }, randomUuid, systemClock);
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
  const identity = get().coderIdentity;
  // The coder who codes on this computer, unless another coder of the project was picked here (e.g. "Consensus").
  const coderId = snapshot.coders.some((c) => c.id === savedCoder)
    ? savedCoder
    : identity
      ? identity.id
      : (snapshot.coders[0]?.id ?? null);
  await store.setSetting(LAST_PROJECT_SETTING, snapshot.project.id);
  modelClock ??= new HybridLogicalClock(randomClockNode());
  modelClock.receive(latestClock(snapshot));
  clearHistory();
  changedSinceBackup = false;
  set({
    snapshot,
    index: buildProjectIndex(snapshot),
    currentCoderId: coderId,
    selectedDocumentId: snapshot.documents[0]?.id ?? null,
    selectedCodeId: null,
    jumpTarget: null,
  });
  if (identity) joinAsCoder(identity);
}

/**
 * Makes the installation's coder one of the open project's coders (added, or renamed to match), written like any
 * change but not an undo step: it is a fact about who works on the project, not an action to take back.
 */
function joinAsCoder(identity: CoderIdentity): void {
  const snapshot = get().snapshot;
  if (!snapshot) return;
  const change = joinProjectAsCoder(snapshot, identity, systemClock());
  if (isEmptyChange(change)) return;
  const index = indexOf(snapshot);
  const stamped = stampChange(change, recordFinder(snapshot, index ? recordLookup(index) : {}), { ...nextStamp(), by: identity.id });
  void attempt(null, () => showAndSave(`Coder ${identity.name}`, snapshot, stamped));
}

/**
 * The coder a new project is made with: the one typed in the form. A name other than this computer's coder's (or
 * the first name typed here) becomes this computer's coder; an empty field keeps the coder there is.
 */
async function identityForNewProject(coderName: string): Promise<CoderIdentity | null> {
  const current = get().coderIdentity;
  const typed = coderName.trim().replace(/\s+/g, ' ');
  if (!typed || typed === current?.name) return current;
  const identity = cleanCoderIdentity(randomUuid(), typed, '');
  await projectStore().setSetting(CODER_IDENTITY_SETTING, formatCoderIdentity(identity));
  set({ coderIdentity: identity });
  return identity;
}

/**
 * Sets who codes on this computer (asked at first start; changed from the project bar). A new name keeps the coder's
 * id (the same person, renamed) unless `newPerson`: then it is another coder, with an id of their own. The open
 * project lists them, and their changes are recorded as theirs from now on.
 */
export async function setCoderIdentity(name: string, initials: string, newPerson = false): Promise<boolean> {
  return attempt(null, async () => {
    const current = get().coderIdentity;
    const identity = cleanCoderIdentity(current && !newPerson ? current.id : randomUuid(), name, initials);
    await projectStore().setSetting(CODER_IDENTITY_SETTING, formatCoderIdentity(identity));
    set({ coderIdentity: identity });
    const snapshot = get().snapshot;
    if (!snapshot) return;
    await projectStore().setSetting(coderSetting(snapshot.project.id), identity.id);
    set({ currentCoderId: identity.id });
    joinAsCoder(identity);
  });
}

/** Blind double-coding on or off: whether the reader hides the other coders' codings (kept in the settings). */
export async function setBlindCoding(on: boolean): Promise<void> {
  await attempt(null, async () => {
    await projectStore().setSetting(BLIND_CODING_SETTING, on ? 'on' : null);
    set({ blindCoding: on });
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
  if (backupTimer || changedSinceBackup) {
    await backupNow().catch((error: unknown) => notify('error', `The automatic backup failed: ${describeError(error)}`));
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
    if (result.status !== 'cancelled') {
      const notice = savedFileNotice('Project', result);
      notify('info', notice);
      announce(notice);
    }
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

/**
 * Settles a project file whose project is already here: keep both (the file's as a copy), replace, merge it into the
 * one here (resolves to the file's project, for the merge review to plan; the project here is opened), or cancel.
 */
export async function resolvePendingProjectFile(choice: 'copy' | 'replace' | 'merge' | 'cancel'): Promise<PendingProjectFile | null> {
  const pending = get().pendingProjectFile;
  set({ pendingProjectFile: null });
  if (!pending || choice === 'cancel') return null;
  if (choice === 'merge') {
    const here = pending.snapshot.project.id;
    const opened = get().snapshot?.project.id === here || (await openProject(here));
    return opened ? pending : null;
  }
  await attempt('Opening the project file…', async () => {
    if (choice === 'replace') {
      // The project replaced is backed up first (desktop), so replacing it never destroys it.
      const replaced = await projectStore().loadProject(pending.snapshot.project.id);
      const backup = await backupSnapshot(replaced).catch((error: unknown) => {
        throw new UserError(`Tessera could not first back up “${replaced.project.name}”, so it did not replace it: ${describeError(error)}`, { cause: error });
      });
      if (backup?.status === 'unavailable') throw new UserError(backup.reason);
      await storeOpenedProject(pending.snapshot, pending.warnings, true);
    } else {
      const copy = remapProjectIds(pending.snapshot, randomUuid);
      await storeOpenedProject({ ...copy, project: { ...copy.project, name: `${copy.project.name} (copy)` } }, pending.warnings);
    }
  });
  return null;
}

/**
 * Replaces the open project with one of its backups (desktop). The backup is read whole and checked (checksum,
 * schema, integrity) first; then the project as it is now is backed up, so restoring never destroys it; only then is
 * the stored project replaced. Resolves to whether it was restored.
 */
export async function restoreBackup(fileName: string): Promise<boolean> {
  const current = get().snapshot;
  if (!current) return false;
  return attempt('Restoring the backup…', async () => {
    const bytes = await platformApi().readBackup({ projectId: current.project.id, fileName });
    let decoded;
    try {
      decoded = await decodeProjectFile(bytes);
    } catch (error) {
      throw new UserError(`The backup ${fileName} cannot be restored: ${describeError(error)} The project was not changed.`, { cause: error });
    }
    if (decoded.snapshot.project.id !== current.project.id) {
      throw new UserError(`The backup ${fileName} holds another project (“${decoded.snapshot.project.name}”); the project was not changed.`);
    }
    await backupBefore('restore the backup');
    await projectStore().createProject(decoded.snapshot, { replace: true });
    await refreshProjects();
    await showProject(decoded.snapshot);
    notify('info', `Restored the backup made ${fileName.slice(0, 10)}. The project as it was just before is kept as the newest backup.`, decoded.warnings);
  });
}
