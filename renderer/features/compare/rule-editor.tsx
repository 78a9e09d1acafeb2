/**
 * The project's distinguishing-construct rule, edited under the rating matrix: the two outcome groups, how X counts,
 * the share of cases that must be rated and the mean gaps for strongly and weakly distinguishing. "Apply rule" is one
 * undoable project change; the matrix, its labels and every export then follow the new rule.
 */
import { useId, useState } from 'react';
import type { DistinguishingRule } from '#shared/model/types';
import { MAX_RATING_GAP } from '#shared/model/schema';
import { distinguishingRuleProblems, setDistinguishingRuleChange } from '#shared/ratings/distinguishing-rule-setting';
import { changeProject } from '../../state/workspace-store.ts';

function applyRule(rule: DistinguishingRule): Promise<unknown> {
  return changeProject('Change the rule for distinguishing constructs', (snapshot) => ({ change: setDistinguishingRuleChange(snapshot.project, rule), result: undefined }));
}

/** The rule form; `rule` is the project's rule in force. */
export function RuleEditor({ rule }: { rule: DistinguishingRule }) {
  const [draft, setDraft] = useState(rule);
  const [sharePercent, setSharePercent] = useState(String(Math.round(rule.minRatedShare * 100)));
  const [error, setError] = useState('');
  const id = useId();
  const edited: DistinguishingRule = { ...draft, minRatedShare: Number(sharePercent) / 100 };
  const set = (patch: Partial<DistinguishingRule>) => setDraft((current) => ({ ...current, ...patch }));
  const number = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  return (
    <details className="rule-editor">
      <summary>Change the rule</summary>
      <form
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          const problems = Number.isFinite(edited.minRatedShare) ? distinguishingRuleProblems(edited) : ['The share of cases rated is a number from 0 to 100.'];
          if (problems.length) {
            setError(problems.join(' '));
            return;
          }
          setError('');
          applyRule(edited).catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
        }}
      >
        <p id={`${id}-title`} className="rule-editor-title">
          Rule for distinguishing constructs (saved with the project)
        </p>
        <div className="rule-editor-fields">
          <label>
            Outcome of cases that did well
            <input type="text" value={draft.highOutcome} onChange={(e) => set({ highOutcome: e.target.value })} />
          </label>
          <label>
            Outcome of cases that did not
            <input type="text" value={draft.lowOutcome} onChange={(e) => set({ lowOutcome: e.target.value })} />
          </label>
          <label>
            X (mixed) ratings
            <select value={draft.mixed} onChange={(e) => set({ mixed: e.target.value === 'as-zero' ? 'as-zero' : 'exclude' })}>
              <option value="exclude">left out, like M</option>
              <option value="as-zero">counted as 0</option>
            </select>
          </label>
          <label>
            Least share of each group rated (%)
            <input type="number" min={0} max={100} step={5} value={sharePercent} onChange={(e) => setSharePercent(e.target.value)} />
          </label>
          <label>
            Mean gap for strongly distinguishing
            <input type="number" min={0} max={MAX_RATING_GAP} step={0.25} value={Number.isNaN(draft.strongGap) ? '' : draft.strongGap} onChange={(e) => set({ strongGap: number(e.target.value) })} />
          </label>
          <label className="rule-editor-check">
            <input type="checkbox" checked={draft.strongNeedsSeparation} onChange={(e) => set({ strongNeedsSeparation: e.target.checked })} />
            Strongly distinguishing also needs every rated high case above every rated low case
          </label>
          <label>
            Mean gap for weakly distinguishing
            <input type="number" min={0} max={MAX_RATING_GAP} step={0.25} value={Number.isNaN(draft.weakGap) ? '' : draft.weakGap} onChange={(e) => set({ weakGap: number(e.target.value) })} />
          </label>
        </div>
        {error && (
          <p role="alert" className="rating-error">
            {error}
          </p>
        )}
        <button type="submit">Apply rule</button>
      </form>
    </details>
  );
}
