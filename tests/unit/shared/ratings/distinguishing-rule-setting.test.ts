/** The distinguishing rule as a project setting: default, change and undo, refusal of bad rules, the .tessera file. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, invertChange } from '#shared/model/change';
import type { DistinguishingRule, ProjectSnapshot } from '#shared/model/types';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { parseProjectSnapshot } from '#shared/model/schema';
import { DEFAULT_DISTINGUISHING_RULE } from '#shared/ratings/distinguishing-constructs';
import { distinguishingRuleProblems, projectDistinguishingRule, setDistinguishingRuleChange } from '#shared/ratings/distinguishing-rule-setting';
import { smallStudy } from '../compare/small-study.ts';

const strict: DistinguishingRule = { highOutcome: 'implemented', lowOutcome: 'not implemented', mixed: 'as-zero', minRatedShare: 1, strongGap: 3, strongNeedsSeparation: false, weakGap: 1.5 };

describe('the distinguishing rule of a project', () => {
  it('is the default rule for a project that never set one', () => {
    const { snapshot } = smallStudy();
    expect(snapshot.project.distinguishingRule).toBeUndefined();
    expect(projectDistinguishingRule(snapshot.project)).toEqual(DEFAULT_DISTINGUISHING_RULE);
  });

  it('is set by one change, which undo takes back; setting it again changes nothing', () => {
    const { snapshot } = smallStudy();
    const change = setDistinguishingRuleChange(snapshot.project, { ...strict, highOutcome: '  implemented ' });
    const after = applyChange(snapshot, change);
    expect(projectDistinguishingRule(after.project)).toEqual(strict);
    expect(setDistinguishingRuleChange(after.project, strict)).toEqual({});
    const undone = applyChange(after, invertChange(snapshot, change));
    expect(projectDistinguishingRule(undone.project)).toEqual(DEFAULT_DISTINGUISHING_RULE);
  });

  it('refuses a rule with sentences for the person editing it', () => {
    const { snapshot } = smallStudy();
    expect(distinguishingRuleProblems({ ...strict, lowOutcome: 'implemented' })).toEqual(['The two outcome groups need different names.']);
    expect(distinguishingRuleProblems({ ...strict, weakGap: 3.5 })).toEqual(['The gap for weakly distinguishing cannot exceed the gap for strongly distinguishing.']);
    expect(distinguishingRuleProblems({ ...strict, strongGap: 5, weakGap: 1 })).toEqual(['The gap for strongly distinguishing is at most 4.']);
    expect(distinguishingRuleProblems({ ...strict, minRatedShare: 1.2 })).toEqual(['The share of cases rated is from 0% to 100%.']);
    expect(distinguishingRuleProblems({ ...strict, highOutcome: ' ' })).toEqual(['Name the outcome of the cases that did well.']);
    expect(() => setDistinguishingRuleChange(snapshot.project, { ...strict, weakGap: 0 })).toThrow('The gap for weakly distinguishing is above 0.');
  });

  it('accepts exactly the rules the file schema accepts', () => {
    const { snapshot } = smallStudy();
    const rules = fc.record({
      highOutcome: fc.constantFrom('high', 'low', ' ', 'H'),
      lowOutcome: fc.constantFrom('low', 'high', ''),
      mixed: fc.constantFrom('exclude' as const, 'as-zero' as const),
      minRatedShare: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      strongGap: fc.double({ min: -1, max: 5, noNaN: true }),
      strongNeedsSeparation: fc.boolean(),
      weakGap: fc.double({ min: -1, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(rules, (rule) => {
        const problems = distinguishingRuleProblems(rule);
        const inFile = parseProjectSnapshot({ ...snapshot, project: { ...snapshot.project, distinguishingRule: rule } });
        expect(inFile.ok).toBe(problems.length === 0);
        if (problems.length === 0) expect(rule.weakGap).toBeLessThanOrEqual(rule.strongGap);
      }),
    );
  });

  it('is saved in the .tessera file, and a file without one reads as the default rule', async () => {
    const { snapshot } = smallStudy();
    const ruled: ProjectSnapshot = applyChange(snapshot, setDistinguishingRuleChange(snapshot.project, strict));
    const options = { appVersion: '0.1.0', savedAt: '2026-03-01T10:00:00.000Z' };
    const reread = await decodeProjectFile(await encodeProjectFile(ruled, options));
    expect(reread.snapshot.project.distinguishingRule).toEqual(strict);
    const plain = await decodeProjectFile(await encodeProjectFile(snapshot, options));
    expect(projectDistinguishingRule(plain.snapshot.project)).toEqual(DEFAULT_DISTINGUISHING_RULE);
  });
});
