import { describe, expect, it } from 'vitest';
import { formatTimingTable, quantile } from '../../benches/support/timing-table.ts';

describe('benchmark timing table', () => {
  it('takes quantiles by nearest rank', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(quantile(samples, 0.5)).toBe(5);
    expect(quantile(samples, 0.95)).toBe(10);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('prints one row per operation with its verdict', () => {
    const table = formatTimingTable('Bench', [
      { operation: 'fast', samplesMs: [1, 1, 1], targetMs: 4 },
      { operation: 'slow', samplesMs: [9, 9, 9], targetMs: 4 },
      { operation: 'untargeted', samplesMs: [2], targetMs: null },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('Bench');
    expect(lines[3]).toMatch(/^fast\s+3\s+1\.00\s+1\.00\s+4\s+yes$/);
    expect(lines[4]).toMatch(/NO$/);
    expect(lines[5]).toMatch(/-\s+-$/);
  });
});
