/**
 * `npm run bench merge`: merging a coder's session of 5,000 codings into a project of 50,000 (the benchmark study of
 * 200 transcripts of 20,000 words, 150 codes, from the same generator as `tessera synth`), in Node, review included:
 * planning the merge (what the review shows: added, same, changed, deletions, matches, conflicts) and turning it with
 * the answers into the one change the app applies, with its report. Target from issue 14: <= 200 ms.
 * The session also renames codes, deletes codings of its own coder and of another, so that every part of the plan
 * has work to do.
 */
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { applyChange } from '#shared/model/change';
import { formatHlc } from '#shared/model/clock';
import type { Coding, ProjectSnapshot, Tombstone } from '#shared/model/types';
import { applyMergePlan, planMerge, type MergeDecisions } from '#shared/merge/merge-plan';
import { exportSession } from '#shared/merge/export-session';
import { formatTimingTable, measure, type TimingRow } from './support/timing-table.ts';

/**
 * The base study and the session file one of its coders would send (exportSession, as `tessera export-session`
 * writes it): 5,000 codings made apart, 20 codes renamed and 200 codings deleted, with what they refer to.
 */
function benchInputs(): { readonly base: ProjectSnapshot; readonly session: ProjectSnapshot } {
  const base = synthesizeStudy({ documents: 200, wordsPerDocument: 20000, codes: 150, codings: 50000, coders: 3, seed: 1 });
  const coder = base.coders[0]?.id ?? null;
  const codable = base.codes.filter((code) => code.isCodable);
  let n = 0;
  const stamps = () => {
    const ms = Date.parse('2030-01-01T00:00:00.000Z') + ++n * 1000;
    const at = new Date(ms).toISOString();
    return { createdAt: at, createdBy: coder, modifiedAt: at, modifiedBy: coder, clock: formatHlc({ ms, counter: 0, node: 'session' }) };
  };
  const id = (i: number): string => `5e5510e0-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const codings: Coding[] = [];
  for (let i = 0; i < 5000; i++) {
    const document = base.documents[i % base.documents.length];
    const code = codable[i % codable.length];
    if (!document || !code) throw new Error('the benchmark study has no documents or codes');
    const start = (i * 37) % Math.max(1, document.length - 200);
    codings.push({ id: id(i + 1), projectId: base.project.id, documentId: document.id, codeId: code.id, start, end: start + 120, ...stamps() });
  }
  const renamed = codable.slice(0, 20).map((code) => ({ ...code, name: `${code.name} (renamed)`, ...stamps(), createdAt: code.createdAt, createdBy: code.createdBy }));
  const deleted = base.codings.slice(0, 200);
  const tombstones: Tombstone[] = deleted.map((coding) => ({ id: coding.id, projectId: base.project.id, kind: 'codings', ...stamps() }));
  const laptop = applyChange(base, { put: { codings, codes: renamed, tombstones }, delete: { codings: deleted.map((c) => c.id) } });
  const session = exportSession(laptop, coder ?? '', '2030-01-01T00:00:00.000Z');
  return { base, session };
}

/** What the review does: plan, answer every question (agree with every deletion), build the change and report. */
export function mergeWithReview(base: ProjectSnapshot, session: ProjectSnapshot): number {
  const plan = planMerge(base, [session], ['project.tessera', 'session.tessera']);
  const decisions: Record<string, string> = {};
  for (const key of plan.needed) decisions[key] = key.startsWith('delete:') ? 'agree' : 'keep-both';
  const result = applyMergePlan(base, plan, decisions as MergeDecisions);
  return result.report.length;
}

async function main(): Promise<void> {
  const started = performance.now();
  const { base, session } = benchInputs();
  console.log(`Project: ${base.codings.length} codings, ${base.codes.length} codes, ${base.documents.length} documents; session: ${session.codings.length} codings, ${session.codes.length} codes (20 renamed), ${session.tombstones.length} deletions (made in ${((performance.now() - started) / 1000).toFixed(1)} s).`);
  const cpuBefore = process.cpuUsage();
  const rows: TimingRow[] = [
    {
      operation: 'merge a 5,000-coding session into a 50,000-coding project, review included',
      samplesMs: await measure(() => mergeWithReview(base, session), 10),
      targetMs: 200,
    },
  ];
  const cpu = process.cpuUsage(cpuBefore);
  console.log(formatTimingTable('Merge (Node, review included: plan, answers, one change and its report)', rows));
  // On a shared machine the wall time counts the time other processes hold the cores; the process's own CPU time
  // (user + system, garbage collection included, 12 runs with the 2 warm-up runs) does not.
  console.log(`  CPU time of this process per run: ${((cpu.user + cpu.system) / 1000 / 12).toFixed(0)} ms (wall time above includes waiting for a core).`);
}

export { benchInputs };
if (process.argv[1]?.endsWith('merge.bench.ts')) await main();
