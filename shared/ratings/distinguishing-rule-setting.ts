/**
 * The distinguishing-construct rule as a project setting: read from the project record (the default rule for a
 * project that never set one) and changed by one undoable project change, checked by the same schema that checks a
 * `.tessera` file, so a rule the app accepts is a rule the file can hold.
 */
import type { ProjectChange } from '../model/change.ts';
import type { DistinguishingRule, Project } from '../model/types.ts';
import { distinguishingRuleSchema } from '../model/schema.ts';
import { UserError } from '../model/user-error.ts';
import { DEFAULT_DISTINGUISHING_RULE } from './distinguishing-constructs.ts';

/** The rule in force in a project. */
export function projectDistinguishingRule(project: Pick<Project, 'distinguishingRule'>): DistinguishingRule {
  return project.distinguishingRule ?? DEFAULT_DISTINGUISHING_RULE;
}

/** What is wrong with a rule, as sentences for the person editing it (empty when nothing is). */
export function distinguishingRuleProblems(rule: DistinguishingRule): readonly string[] {
  const result = distinguishingRuleSchema.safeParse(rule);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.message))];
}

function sameRule(a: DistinguishingRule, b: DistinguishingRule): boolean {
  return (
    a.highOutcome === b.highOutcome &&
    a.lowOutcome === b.lowOutcome &&
    a.mixed === b.mixed &&
    a.minRatedShare === b.minRatedShare &&
    a.strongGap === b.strongGap &&
    a.strongNeedsSeparation === b.strongNeedsSeparation &&
    a.weakGap === b.weakGap
  );
}

/**
 * The change that makes `rule` the project's rule (outcome names trimmed); nothing when it already is. A rule the
 * schema refuses is refused here with the schema's own messages.
 */
export function setDistinguishingRuleChange(project: Project, rule: DistinguishingRule): ProjectChange {
  const result = distinguishingRuleSchema.safeParse(rule);
  if (!result.success) throw new UserError(distinguishingRuleProblems(rule).join(' '));
  const next: DistinguishingRule = result.data;
  if (sameRule(projectDistinguishingRule(project), next) && project.distinguishingRule !== undefined) return {};
  return { project: { ...project, distinguishingRule: next } };
}
