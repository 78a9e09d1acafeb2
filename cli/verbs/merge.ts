/**
 * `tessera merge BASE.tessera OTHER.tessera... -o OUT.tessera [--dry-run] [--decide newest|base|incoming]`: merges
 * project files and coders' sessions into the base as the app does (shared/merge/merge-plan.ts), prints the report
 * and writes the result with the report as a project memo. Without --decide it refuses to write when a decision is
 * needed, and names each one.
 */
import { applyChange } from '#shared/model/change';
import { randomUuid, systemClock } from '#shared/model/ids';
import { oneOffStamp } from '#shared/model/stamps';
import { applyMergePlan, MergeDecisionNeeded, mergeReportMemo, planMerge, type MergeDecisions, type MergePlan } from '#shared/merge/merge-plan';
import { UserError } from '#shared/model/user-error';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

const POLICIES = ['newest', 'base', 'incoming'] as const;
type Policy = (typeof POLICIES)[number];

/** The answers a policy gives to the decisions a plan needs. */
function decide(plan: MergePlan, policy: Policy): MergeDecisions {
  const decisions: Record<string, string> = {};
  for (const deletion of plan.deletions) {
    if (deletion.proposed !== 'ask') continue;
    const deletedInBase = deletion.tombstoneFrom.includes(0);
    // newest: the deletion is the later edit (that is why it is asked about); base/incoming: that side's state wins.
    decisions[deletion.key] = policy === 'newest' ? 'agree' : policy === 'base' ? (deletedInBase ? 'agree' : 'keep') : deletedInBase ? 'keep' : 'agree';
  }
  for (const conflict of plan.documentConflicts) decisions[conflict.key] = policy === 'base' ? 'skip' : 'keep-both';
  return decisions;
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The merge verb. */
export const mergeVerb: VerbDefinition = {
  name: 'merge',
  summary: 'Merge project files and coders\' sessions into a base project, with a report of every match and decision.',
  positionals: ['BASE.tessera', 'OTHER.tessera...'],
  variadic: true,
  options: {
    output: { type: 'string', short: 'o', placeholder: 'OUT.tessera', description: 'The merged project file to write (required unless --dry-run).' },
    'dry-run': { type: 'boolean', description: 'Print the report only; write nothing.' },
    decide: { type: 'string', placeholder: 'newest|base|incoming', description: 'Answer every decision the merge needs this way.' },
    force: { type: 'boolean', description: 'Replace the output file if it exists.' },
  },
  async run({ positionals, values }, io) {
    const policy = values.decide;
    if (policy !== undefined && !POLICIES.includes(policy as Policy)) throw new UsageError(`--decide is newest, base or incoming, not "${String(policy)}".`);
    const dryRun = values['dry-run'] === true;
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (!dryRun && !output) throw new UsageError('tessera merge needs -o OUT.tessera (or --dry-run).');
    const [basePath, ...otherPaths] = positionals as [string, ...string[]];
    const base = (await decodeProjectFile(await io.readFile(basePath))).snapshot;
    const others = [];
    for (const path of otherPaths) others.push((await decodeProjectFile(await io.readFile(path))).snapshot);

    let plan: MergePlan;
    try {
      plan = planMerge(base, others, [basePath, ...otherPaths].map(fileName));
    } catch (error) {
      if (error instanceof UserError) {
        io.err(`${error.message}\n`);
        return EXIT.failure;
      }
      throw error;
    }
    const decisions = policy === undefined ? {} : decide(plan, policy as Policy);
    let result;
    try {
      result = applyMergePlan(base, plan, decisions, { stamp: oneOffStamp(base, null, systemClock()) });
    } catch (error) {
      if (error instanceof MergeDecisionNeeded) {
        io.err(`${error.message}\nNothing was written. Answer them with --decide newest|base|incoming.\n`);
        return EXIT.failure;
      }
      throw error;
    }
    io.out(result.report);
    if (dryRun || !output) return EXIT.ok;

    // The merged records keep their own clocks (applied as they are); only the report memo is new, stamped now.
    const at = systemClock();
    const memo = mergeReportMemo(base.project.id, result.report, randomUuid(), oneOffStamp(result.snapshot, null, at));
    const merged = applyChange(result.snapshot, { put: { memos: [memo] } });
    await io.writeFile(output, await encodeProjectFile(merged, { appVersion: APP_VERSION, savedAt: at }), { overwrite: values.force === true });
    io.out(`Wrote ${output}.\n`);
    return EXIT.ok;
  },
};
