/**
 * The merge review's state and actions: merge one or several .tessera files (coders' sessions or copies of the
 * project) into the open project. The plan (shared/merge/merge-plan.ts) is shown first; nothing is written until the
 * user confirms. Then a snapshot of the project is kept (the desktop app's backup; in a browser a copy offered as a
 * download), and the merge is applied as ONE change through the workspace's change path, with the records' own
 * stamps (never re-stamped), so it undoes in one step; its report is kept as a project memo.
 */
import { savedFileNotice } from '../../platform/saved-file.ts';
import { create } from 'zustand';
import { composeChanges } from '#shared/model/change';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { ProjectSnapshot } from '#shared/model/types';
import { UserError } from '#shared/model/user-error';
import { APP_VERSION } from '#shared/platform/app-version';
import { isRefusedFile } from '#shared/platform/preload-api';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { applyMergePlan, mergeReportMemo, planMerge, type MergeDecisions, type MergePlan } from '#shared/merge/merge-plan';
import { platformApi } from '../../platform/api.ts';
import { describeError } from '../../state/describe-error.ts';
import { attempt, changeProject, nextStamp, notify, useWorkspace, whenSaved } from '../../state/workspace-store.ts';

interface MergeState {
  /** The merge under review, or null when none is. */
  readonly plan: MergePlan | null;
  /** The incoming snapshots and their file names, to plan again if the project changes while the review is open. */
  readonly incoming: readonly ProjectSnapshot[];
  readonly decisions: MergeDecisions;
  /** The review is set aside (the user went to a passage); a bar brings it back. */
  readonly minimised: boolean;
  /** The report of the merge just written, shown until the dialog is closed. */
  readonly report: string | null;
}

/** The merge store. Use with a selector. */
export const useMerge = create<MergeState>()(() => ({ plan: null, incoming: [], decisions: {}, minimised: false, report: null }));

const fileNameOf = (name: string): string => name.split(/[\\/]/).pop() ?? name;

/** Plans merging `incoming` into the open project and opens the review. */
export function reviewMerge(incoming: readonly ProjectSnapshot[], fileNames: readonly string[]): void {
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  const plan = planMerge(snapshot, incoming, [`${snapshot.project.name} (this project)`, ...fileNames.map(fileNameOf)]);
  useMerge.setState({ plan, incoming, decisions: {}, minimised: false, report: null });
}

/** Lets the user pick one or several .tessera files and opens the review of merging them into the open project. */
export function pickFilesToMerge(): void {
  const picking = platformApi().openFiles({
    title: 'Merge coders’ sessions or copies of this project',
    filters: [{ name: 'Tessera project or session', extensions: ['tessera'] }],
    allowMultiple: true,
  });
  void attempt(null, async () => {
    const files = await picking;
    if (files.length === 0) return;
    const snapshots: ProjectSnapshot[] = [];
    for (const file of files) {
      if (isRefusedFile(file)) throw new UserError(`${file.name}: ${file.refusal} Nothing was merged.`);
      try {
        snapshots.push((await decodeProjectFile(file.bytes)).snapshot);
      } catch (error) {
        throw new UserError(`${file.name}: ${describeError(error)} Nothing was merged.`, { cause: error });
      }
    }
    reviewMerge(snapshots, files.map((file) => file.name));
  });
}

/** Records the user's answer to one decision of the review. */
export function decide(key: string, answer: string): void {
  useMerge.setState((state) => ({ decisions: { ...state.decisions, [key]: answer } }));
}

/** Sets the review aside (to look at a passage) or brings it back. */
export function setReviewMinimised(minimised: boolean): void {
  useMerge.setState({ minimised });
}

/** Closes the review without merging (or after it, once the report is read). */
export function closeMergeReview(): void {
  useMerge.setState({ plan: null, incoming: [], decisions: {}, minimised: false, report: null });
}

/**
 * Keeps a copy of the project as it is before the merge: the desktop app writes a backup generation; a browser, which
 * cannot write files by itself, offers the copy as a download.
 */
async function snapshotBeforeMerge(snapshot: ProjectSnapshot): Promise<string> {
  const bytes = await encodeProjectFile(snapshot, { appVersion: APP_VERSION, savedAt: systemClock() });
  const backup = await platformApi().backupProject({ projectId: snapshot.project.id, projectName: snapshot.project.name, bytes });
  if (backup.status === 'written') return backup.location;
  const safeName = snapshot.project.name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'project';
  const saved = await platformApi().saveFile({
    title: 'Keep a copy of the project from before the merge',
    suggestedName: `${safeName} (before merge).tessera`,
    filters: [{ name: 'Tessera project', extensions: ['tessera'] }],
    bytes,
  });
  if (saved.status === 'cancelled') throw new UserError('The merge was not made: a copy of the project must be kept before it, and none was saved.');
  // A browser hands the copy over as a download; the report says so rather than claiming where it was saved.
  return saved.status === 'saved' ? saved.location : `the download “${saved.fileName}” (check your browser’s downloads)`;
}

/** Writes the merge with the answers given: a snapshot first, then one undoable change with the report memo. */
export async function confirmMerge(): Promise<boolean> {
  return attempt('Merging…', async () => {
    await whenSaved();
    const { incoming, decisions } = useMerge.getState();
    let plan = useMerge.getState().plan;
    const snapshot = useWorkspace.getState().snapshot;
    if (!plan || !snapshot) return;
    if (plan.inputs[0] !== snapshot) {
      // The project changed while the review was open (a coding made meanwhile): plan again, on the project as it is.
      plan = planMerge(snapshot, incoming, plan.sourceNames);
      useMerge.setState({ plan });
      const unanswered = plan.needed.filter((key) => decisions[key] === undefined);
      if (unanswered.length) throw new UserError('The project changed while the review was open, and the merge now needs more answers: see the review.');
    }
    const location = await snapshotBeforeMerge(snapshot);
    const sources = plan.sourceNames.slice(1).join(', ');
    const report = await changeProject(
      `Merge ${sources}`,
      (current) => {
        const stamp = nextStamp();
        const result = applyMergePlan(current, plan, decisions, { stamp });
        const text = `${result.report}\nA copy of the project as it was before the merge: ${location}.\n`;
        const memo = mergeReportMemo(current.project.id, text, randomUuid(), stamp);
        return { change: composeChanges(result.change, { put: { memos: [memo] } }), result: text };
      },
      { asStamped: true },
    );
    useMerge.setState({ report: report ?? null, minimised: false });
    notify('info', `Merged ${sources}. The report is kept as a project memo; Undo takes the whole merge back.`);
  });
}

/** Saves the report of the merge just written as a Markdown file. */
export async function saveMergeReport(): Promise<void> {
  const report = useMerge.getState().report;
  const name = useWorkspace.getState().snapshot?.project.name ?? 'project';
  if (!report) return;
  await attempt(null, async () => {
    const result = await platformApi().saveFile({
      title: 'Save the merge report',
      suggestedName: `${name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'project'} merge report.md`,
      filters: [{ name: 'Markdown', extensions: ['md'] }],
      bytes: new TextEncoder().encode(report),
    });
    if (result.status !== 'cancelled') notify('info', savedFileNotice('The merge report', result));
  });
}
