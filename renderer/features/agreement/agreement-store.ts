/**
 * The agreement view's state and actions: which coders, unit and tab it shows, the disagreement filters, exports of
 * the table (CSV, Word) and settling a disagreement into the consensus coder, one change (one undo step) each.
 */
import { create } from 'zustand';
import { agreementCsv } from '#shared/agreement/agreement-report';
import { settleDisagreement, type ConsensusDecision, type Disagreement } from '#shared/agreement/disagreements';
import type { AgreementExtras } from '#shared/agreement/agreement-report';
import type { AgreementResult, AgreementUnit } from '#shared/agreement/project-agreement';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { Uuid } from '#shared/model/types';
import { APP_VERSION } from '#shared/platform/app-version';
import { platformApi } from '../../platform/api.ts';
import { savedFileNotice } from '../../platform/saved-file.ts';
import { attempt, changeProject, jumpTo, notify, useWorkspace } from '../../state/workspace-store.ts';
import { AgreementClient, type AgreementWorkerLike } from './agreement-client.ts';

export type AgreementTab = 'table' | 'disagreements';
export type SettlementFilter = 'open' | 'all';

interface AgreementViewState {
  readonly open: boolean;
  readonly tab: AgreementTab;
  /** The coders compared, two or more, in the project's order. */
  readonly coderIds: readonly Uuid[];
  /** The pair whose disagreements are listed (two of the chosen coders). */
  readonly pair: readonly [Uuid, Uuid] | null;
  /** The disagreement shown in its transcript (by key), or null for the first listed. */
  readonly selectedKey: string | null;
  readonly unit: AgreementUnit;
  /** Disagreement filters: one code, one document (null: all) and whether settled ones show. */
  readonly codeId: Uuid | null;
  readonly documentId: Uuid | null;
  readonly show: SettlementFilter;
}

/** The agreement view's state; it keeps its choices when closed, so a passage opened in the reader is one step away. */
export const useAgreementView = create<AgreementViewState>()(() => ({
  open: false,
  tab: 'table',
  coderIds: [],
  pair: null,
  selectedKey: null,
  unit: 'character',
  codeId: null,
  documentId: null,
  show: 'open',
}));

/** Opens the agreement view; the first two coders are chosen when none (still in the project) are yet. */
export function openAgreementView(): void {
  const coders = useWorkspace.getState().snapshot?.coders ?? [];
  const state = useAgreementView.getState();
  const known = state.coderIds.filter((id) => coders.some((c) => c.id === id));
  const coderIds = known.length >= 2 ? known : coders.slice(0, 2).map((c) => c.id);
  useAgreementView.setState({ open: true, coderIds, pair: pairWithin(state.pair, coderIds) });
}

/** The pair kept when both are still chosen, else the first two chosen coders. */
function pairWithin(pair: readonly [Uuid, Uuid] | null, coderIds: readonly Uuid[]): readonly [Uuid, Uuid] | null {
  if (pair && coderIds.includes(pair[0]) && coderIds.includes(pair[1])) return pair;
  return coderIds.length >= 2 ? [coderIds[0] as Uuid, coderIds[1] as Uuid] : null;
}

/** Adds or removes a coder from those compared, keeping the project's order of coders. */
export function toggleAgreementCoder(coderId: Uuid, chosen: boolean): void {
  const coders = useWorkspace.getState().snapshot?.coders ?? [];
  const state = useAgreementView.getState();
  const wanted = new Set(state.coderIds);
  if (chosen) wanted.add(coderId);
  else wanted.delete(coderId);
  const coderIds = coders.map((c) => c.id).filter((id) => wanted.has(id));
  useAgreementView.setState({ coderIds, pair: pairWithin(state.pair, coderIds), selectedKey: null });
}

export function closeAgreementView(): void {
  useAgreementView.setState({ open: false });
  // The worker holds a copy of the project's codings: let it go with the view.
  agreementClient?.dispose();
  agreementClient = null;
}

let agreementClient: AgreementClient | null = null;

/** The agreement worker's client, made when the view first computes. */
export function agreementWorker(): AgreementClient {
  agreementClient ??= new AgreementClient(() => new Worker(new URL('./agreement-worker.ts', import.meta.url), { type: 'module', name: 'tessera-agreement' }) as unknown as AgreementWorkerLike);
  return agreementClient;
}

export function setAgreementView(patch: Partial<Omit<AgreementViewState, 'open'>>): void {
  useAgreementView.setState(patch);
}

/** Closes the view and opens the passage in the reader. */
export function openPassage(disagreement: Disagreement): void {
  useAgreementView.setState({ open: false });
  jumpTo(disagreement.documentId, disagreement.start, disagreement.end);
}

const DECISION_LABELS: Readonly<Record<ConsensusDecision, string>> = {
  accept: 'Accept into consensus',
  reject: 'Reject from consensus',
  'adjust-extent': 'Adjust consensus to both coders’ extent',
  'adjust-overlap': 'Adjust consensus to the coders’ overlap',
};

/** Settles a disagreement into the consensus coder; resolves to whether it was done. */
export async function settle(disagreement: Disagreement, decision: ConsensusDecision): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject(DECISION_LABELS[decision], (snapshot) => ({
      change: settleDisagreement(snapshot, disagreement, decision, randomUuid, systemClock),
      result: undefined,
    }));
  });
}

function fileBase(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'agreement';
}

/** Saves the agreement table with its method as CSV. */
export async function exportAgreementCsv(result: AgreementResult, extras: AgreementExtras): Promise<void> {
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  await attempt(null, async () => {
    // A byte-order mark, so that spreadsheet programs read the file as UTF-8 (κ, α, ›).
    const bytes = new TextEncoder().encode(`\ufeff${agreementCsv(result, extras)}`);
    const saved = await platformApi().saveFile({
      title: 'Export the agreement table (CSV)',
      suggestedName: `${fileBase(snapshot.project.name)} agreement (${result.unit}).csv`,
      filters: [{ name: 'CSV table', extensions: ['csv'] }],
      bytes,
    });
    if (saved.status !== 'cancelled') notify('info', savedFileNotice('Agreement table', saved));
  });
}

/** Saves the agreement table with its method as a Word document. */
export async function exportAgreementDocx(result: AgreementResult, extras: AgreementExtras): Promise<void> {
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  await attempt('Writing the Word document…', async () => {
    const today = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
    // Loaded when first used, like the codebook's Word export: the docx package is large.
    const { agreementDocx } = await import('#shared/export/agreement-docx');
    const bytes = await agreementDocx(result, {
      title: `Intercoder agreement: ${snapshot.project.name}`,
      subtitle: `${result.coders.map((c) => c.name).join(', ')}; ${result.unit} units. Exported from Tessera ${APP_VERSION} on ${today}.`,
    }, extras);
    const saved = await platformApi().saveFile({
      title: 'Export the agreement table (Word)',
      suggestedName: `${fileBase(snapshot.project.name)} agreement (${result.unit}).docx`,
      filters: [{ name: 'Word document', extensions: ['docx'] }],
      bytes,
    });
    if (saved.status !== 'cancelled') notify('info', savedFileNotice('Agreement table', saved));
  });
}
