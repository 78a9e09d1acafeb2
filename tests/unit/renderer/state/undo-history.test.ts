/**
 * The undo history's rules, without a browser: steps, coalescing, the limit, redo ended by a new change, and putting
 * the history back after a failed write. The property: whatever mix of changes, undos and redos a user makes,
 * undoing everything left on the stack returns the project to where it started.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, RECORD_KINDS, type ProjectChange } from '#shared/model/change';
import { stampsAt } from '#shared/model/stamps';
import type { ProjectSnapshot } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { UndoHistory } from '../../../../renderer/state/undo-history.ts';

const base = synthesizeStudy({ documents: 1, wordsPerDocument: 60, codes: 3, codings: 4, coders: 1, seed: 3 });

function byIds(snapshot: ProjectSnapshot): unknown {
  const sorted: Record<string, unknown> = { project: snapshot.project };
  for (const kind of RECORD_KINDS) sorted[kind] = [...snapshot[kind]].sort((a, b) => (a.id < b.id ? -1 : 1));
  return sorted;
}

/** A site added, renamed or removed: enough to tell steps apart. */
function siteChange(snapshot: ProjectSnapshot, kind: number, pick: number, id: string): ProjectChange {
  const stamps = { projectId: snapshot.project.id, ...stampsAt('2026-12-02T00:00:00.000Z', null) };
  const site = snapshot.sites[pick % Math.max(1, snapshot.sites.length)];
  if (kind === 0 || !site) return { put: { sites: [{ id, ...stamps, code: `S${pick}`, name: `Site ${pick}`, order: pick }] } };
  if (kind === 1) return { put: { sites: [{ ...site, name: `${site.name}!` }] } };
  return { delete: { sites: [site.id] } };
}

const change = (name: string): ProjectChange => ({ project: { ...base.project, name } });

describe('UndoHistory', () => {
  it('takes steps back and makes them again in order, naming the step each key would act on', () => {
    const history = new UndoHistory();
    expect(history.peek('undo')).toBeNull();
    history.record('first', change('one'), change('zero'));
    history.record('second', change('two'), change('one'));
    expect(history.undoLabel).toBe('second');
    expect(history.peek('undo')?.step).toEqual(change('one'));
    history.move('undo');
    expect([history.undoLabel, history.redoLabel]).toEqual(['first', 'second']);
    expect(history.peek('redo')?.step).toEqual(change('two'));
    history.move('redo');
    expect([history.undoLabel, history.redoLabel]).toEqual(['second', null]);
  });

  it('ends what could be redone when a new change is made', () => {
    const history = new UndoHistory();
    history.record('first', change('one'), change('zero'));
    history.move('undo');
    history.record('other', change('x'), change('zero'));
    expect(history.redoLabel).toBeNull();
    expect(history.undoLabel).toBe('other');
  });

  it('joins changes with the same key into one step whose undo takes back all of them', () => {
    const history = new UndoHistory();
    history.record('Edit memo', change('a'), change('zero'), { coalesceKey: 'memo-1' });
    history.record('Edit memo (more)', change('ab'), change('a'), { coalesceKey: 'memo-1' });
    history.record('Edit other', change('c'), change('ab'), { coalesceKey: 'memo-2' });
    history.move('undo');
    const joined = history.peek('undo');
    expect(joined?.entry.label).toBe('Edit memo');
    expect(joined?.step).toEqual(change('zero'));
    expect(joined?.entry.change).toEqual(change('ab'));
  });

  it('remembers a change that came stamped (a merge), so that undo and redo apply it as it is', () => {
    const history = new UndoHistory();
    history.record('Merge', change('merged'), change('zero'), { asStamped: true });
    history.record('Rename', change('renamed'), change('merged'));
    history.move('undo');
    expect(history.peek('undo')?.entry.asStamped).toBe(true);
    expect(history.peek('redo')?.entry.asStamped).toBeUndefined();
  });

  it('keeps only the newest steps beyond its limit', () => {
    const history = new UndoHistory(3);
    for (const name of ['a', 'b', 'c', 'd', 'e']) history.record(name, change(name), change('zero'));
    const labels: string[] = [];
    while (history.peek('undo')) {
      labels.push(history.undoLabel ?? '');
      history.move('undo');
    }
    expect(labels).toEqual(['e', 'd', 'c']);
  });

  it('puts back the state it had, as a failed write asks', () => {
    const history = new UndoHistory();
    history.record('kept', change('one'), change('zero'));
    const before = history.state();
    history.record('failed', change('two'), change('one'));
    history.restore(before);
    expect([history.undoLabel, history.redoLabel]).toEqual(['kept', null]);
    history.clear();
    expect([history.undoLabel, history.redoLabel]).toEqual([null, null]);
  });

  it('returns the project to where it started when every step left is undone, whatever was done before', () => {
    const op = fc.record({ op: fc.integer({ min: 0, max: 4 }), kind: fc.integer({ min: 0, max: 2 }), pick: fc.nat(20), key: fc.constantFrom(undefined, 'typing') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const history = new UndoHistory(1000);
        let current = base;
        let nextId = 0;
        for (const { op: which, kind, pick, key } of ops) {
          const direction = which === 3 ? 'undo' : which === 4 ? 'redo' : null;
          if (direction) {
            const next = history.peek(direction);
            if (!next) continue;
            current = applyChange(current, next.step);
            history.move(direction);
            continue;
          }
          const made = siteChange(current, kind, pick, `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`);
          const inverse = invertChange(current, made);
          current = applyChange(current, made);
          history.record(`step ${nextId}`, made, inverse, { coalesceKey: key });
        }
        for (let next = history.peek('undo'); next; next = history.peek('undo')) {
          current = applyChange(current, next.step);
          history.move('undo');
        }
        expect(byIds(current)).toEqual(byIds(base));
      }),
      { numRuns: 200 },
    );
  });
});
