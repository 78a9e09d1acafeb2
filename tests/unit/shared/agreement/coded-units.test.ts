/**
 * Interval unions as agreement counts them: the union, its length, intersections and differences agree with a
 * code point by code point count over the same text, for few intervals (sorted in place) and many (sorted by index),
 * and so does one coder's union picked out of several coders' grouped codings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coderIntervalUnion, intersectionLength, intervalDifference, intervalUnion, unionLength } from '#shared/agreement/coded-units';

const LENGTH = 120;

/** Which code points of [0, LENGTH) the intervals cover, one flag each: the slow, obvious way. */
function covered(flat: readonly number[]): boolean[] {
  const flags = new Array<boolean>(LENGTH).fill(false);
  for (let i = 0; i + 1 < flat.length; i += 2) for (let p = Math.max(0, flat[i] as number); p < Math.min(LENGTH, flat[i + 1] as number); p++) flags[p] = true;
  return flags;
}

/** Flags back to sorted, disjoint, non-adjacent intervals. */
function runs(flags: readonly boolean[]): number[] {
  const out: number[] = [];
  flags.forEach((on, p) => {
    if (!on) return;
    if (out.length > 0 && out[out.length - 1] === p) out[out.length - 1] = p + 1;
    else out.push(p, p + 1);
  });
  return out;
}

const intervals = (maxPairs: number) =>
  fc.array(fc.tuple(fc.integer({ min: -5, max: LENGTH + 5 }), fc.integer({ min: 0, max: 40 })), { maxLength: maxPairs }).map((pairs) => pairs.flatMap(([start, size]) => [start, start + size]));

describe('interval unions', () => {
  it('are the runs of covered code points, with a few intervals and with many', () => {
    for (const maxPairs of [6, 120]) {
      fc.assert(
        fc.property(intervals(maxPairs), (flat) => {
          expect([...intervalUnion(flat, LENGTH)]).toEqual(runs(covered(flat)));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('measure lengths, intersections and differences as counting code points does', () => {
    fc.assert(
      fc.property(intervals(40), intervals(40), (flatA, flatB) => {
        const a = intervalUnion(flatA, LENGTH);
        const b = intervalUnion(flatB, LENGTH);
        const inA = covered(flatA);
        const inB = covered(flatB);
        expect(unionLength(a)).toBe(inA.filter(Boolean).length);
        expect(intersectionLength(a, b)).toBe(inA.filter((on, p) => on && inB[p]).length);
        expect([...intervalDifference(a, b)]).toEqual(runs(inA.map((on, p) => on && !inB[p])));
      }),
      { numRuns: 300 },
    );
  });

  it('of one coder, from several coders’ (coder, start, end) triples, are the runs of that coder’s intervals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -5, max: LENGTH + 5 }), fc.integer({ min: 0, max: 40 })), { maxLength: 60 }), (codings) => {
        const triples = codings.flatMap(([coder, start, size]) => [coder, start, start + size]);
        for (const coder of [0, 1, 2]) {
          const own = codings.filter(([c]) => c === coder).flatMap(([, start, size]) => [start, start + size]);
          expect([...coderIntervalUnion(triples, coder, LENGTH)]).toEqual(runs(covered(own)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merges touching and nested intervals given out of order', () => {
    expect(intervalUnion([10, 20, 0, 5, 5, 8, 12, 15, 30, 200], 100)).toEqual([0, 8, 10, 20, 30, 100]);
  });
});
