import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, formatHlc, hlcFromIsoTime, isHlc, parseHlc } from '#shared/model/clock';

describe('the hybrid logical clock', () => {
  it('writes readings that sort as the clock does, and reads them back', () => {
    fc.assert(
      fc.property(
        fc.record({ ms: fc.nat({ max: 4_102_444_800_000 }), counter: fc.nat({ max: 1_000 }), node: fc.stringMatching(/^[0-9a-z]{1,8}$/) }),
        fc.record({ ms: fc.nat({ max: 4_102_444_800_000 }), counter: fc.nat({ max: 1_000 }), node: fc.stringMatching(/^[0-9a-z]{1,8}$/) }),
        (a, b) => {
          const [ra, rb] = [formatHlc(a), formatHlc(b)];
          expect(isHlc(ra)).toBe(true);
          expect(parseHlc(ra)).toEqual(a);
          const byParts = a.ms - b.ms || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
          expect(Math.sign(ra < rb ? -1 : ra > rb ? 1 : 0)).toBe(Math.sign(byParts));
        },
      ),
    );
  });

  it('never goes backwards, even when the wall clock does', () => {
    const walls = [1000, 1000, 900, 5000, 10, 10];
    let i = 0;
    const clock = new HybridLogicalClock('laptop', () => walls[i++] ?? 0);
    const readings = walls.map(() => clock.now());
    expect([...readings].sort()).toEqual(readings);
    expect(new Set(readings).size).toBe(readings.length);
  });

  it('orders an edit made after seeing another after it, whatever the two wall clocks say', () => {
    const ahead = new HybridLogicalClock('ahead', () => Date.parse('2031-01-01T00:00:00Z'));
    const behind = new HybridLogicalClock('behind', () => Date.parse('2019-01-01T00:00:00Z'));
    const seen = ahead.now();
    behind.receive(seen);
    expect(behind.now() > seen).toBe(true);
  });

  it('stands for a stored wall-clock time on the legacy node', () => {
    expect(hlcFromIsoTime('2026-03-02T09:00:00.000Z')).toBe(formatHlc({ ms: Date.parse('2026-03-02T09:00:00.000Z'), counter: 0, node: '0' }));
    expect(hlcFromIsoTime('2026-03-02T09:00:00.000Z') < hlcFromIsoTime('2026-03-02T09:00:00.001Z')).toBe(true);
  });
});
