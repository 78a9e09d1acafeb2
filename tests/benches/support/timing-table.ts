/**
 * Timing and the table every benchmark prints: each operation run a number of times, reported as median and 95th
 * percentile against its target.
 */

/** One measured operation. */
export interface TimingRow {
  readonly operation: string;
  readonly samplesMs: readonly number[];
  /** The target the issue sets, in milliseconds, for the p95 (or null when there is none). */
  readonly targetMs: number | null;
}

/** The q-quantile (0..1) of samples, by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Runs `operation` `runs` times after `warmup` unmeasured runs and returns the durations in ms. */
export async function measure(operation: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await operation();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await operation();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The rows as a fixed-width text table. */
export function formatTimingTable(title: string, rows: readonly TimingRow[]): string {
  const header = ['operation', 'runs', 'median ms', 'p95 ms', 'target p95 ms', 'within target'];
  const body = rows.map((row) => {
    const p95 = quantile(row.samplesMs, 0.95);
    return [
      row.operation,
      String(row.samplesMs.length),
      quantile(row.samplesMs, 0.5).toFixed(2),
      p95.toFixed(2),
      row.targetMs === null ? '-' : String(row.targetMs),
      row.targetMs === null ? '-' : p95 <= row.targetMs ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
