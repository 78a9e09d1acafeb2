/**
 * The model's clock: a hybrid logical clock (Kulkarni et al., 2014), the one rule by which Tessera orders edits made
 * on different machines.
 *
 * Why not wall-clock times alone: coders work offline on laptops whose clocks are wrong by minutes or years, so "the
 * newest edit wins" by wall clock would let a laptop set to 2030 win every conflict for ever. A hybrid logical clock
 * stays close to the wall clock but never goes backwards: each reading is later than every reading this machine has
 * made or seen (an opened file or a merged session moves it past their records' clocks), so an edit made after
 * seeing another always sorts after it, whatever the clocks say.
 *
 * A reading is a string that sorts as the clock does: `<ms>:<counter>:<node>`, with the milliseconds since 1970 and
 * the counter in fixed-width base 36, and the node (an installation's id) breaking the last ties. Comparing two
 * readings is comparing the strings, the same on every machine.
 *
 * The rule, in one place: when two versions of one record meet (a merge, a replication), the one whose `clock` is
 * greater wins; a tombstone is a version too, so a deletion wins over an older edit and loses to a newer one.
 */
import type { HlcTimestamp, IsoDateTime } from './types.ts';

const MS_WIDTH = 9; // base 36: up to 101,559,956,668,415 ms, past the year 5000
const COUNTER_WIDTH = 4; // base 36: 1,679,616 readings within one millisecond
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
/** Node ids are short lowercase letters and digits, so that they sort and never contain the separator. */
const NODE_PATTERN = /^[0-9a-z]{1,32}$/;

/** The node of clocks derived from stored times (records written before the model had a clock). */
export const LEGACY_NODE = '0';

/** The parts of a reading. */
export interface HlcParts {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

/** Writes a reading. */
export function formatHlc(parts: HlcParts): HlcTimestamp {
  if (!NODE_PATTERN.test(parts.node)) throw new Error(`A clock node must be 1-32 lowercase letters or digits: "${parts.node}".`);
  const ms = Math.max(0, Math.floor(parts.ms));
  return `${ms.toString(36).padStart(MS_WIDTH, '0')}:${parts.counter.toString(36).padStart(COUNTER_WIDTH, '0')}:${parts.node}`;
}

const READING_PATTERN = new RegExp(`^([0-9a-z]{${MS_WIDTH}}):([0-9a-z]{${COUNTER_WIDTH}}):([0-9a-z]{1,32})$`);

/** Whether a string is a clock reading. */
export function isHlc(value: string): boolean {
  return READING_PATTERN.test(value);
}

/** Reads a reading, or null when the string is not one. */
export function parseHlc(value: string): HlcParts | null {
  const match = READING_PATTERN.exec(value);
  if (!match) return null;
  return { ms: parseInt(match[1] as string, 36), counter: parseInt(match[2] as string, 36), node: match[3] as string };
}

/** The reading that stands for a stored wall-clock time, for records that predate the clock (format 1). */
export function hlcFromIsoTime(time: IsoDateTime, node = LEGACY_NODE): HlcTimestamp {
  const ms = Date.parse(time);
  return formatHlc({ ms: Number.isFinite(ms) ? ms : 0, counter: 0, node });
}

/** The later of two readings. */
export function laterHlc(a: HlcTimestamp, b: HlcTimestamp): HlcTimestamp {
  return a >= b ? a : b;
}

/** A fresh node id for an installation: 12 random base-36 characters. */
export function randomClockNode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}

/**
 * One machine's clock. `now()` gives a reading later than every earlier reading and every reading `receive`d;
 * `wallMs` is injectable so that tests and `tessera synth` are reproducible.
 */
export class HybridLogicalClock {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly wallMs: () => number = () => Date.now(),
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`A clock node must be 1-32 lowercase letters or digits: "${node}".`);
  }

  /** A new reading, later than every reading made or received so far. */
  now(): HlcTimestamp {
    const wall = this.wallMs();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter++;
    } else {
      // A million readings in one millisecond: borrow the next millisecond rather than repeat a reading.
      this.ms++;
      this.counter = 0;
    }
    return formatHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }

  /** Moves the clock past a reading seen elsewhere (a record of an opened file or a merged session). */
  receive(reading: HlcTimestamp): void {
    const parts = parseHlc(reading);
    if (!parts) return;
    if (parts.ms > this.ms || (parts.ms === this.ms && parts.counter > this.counter)) {
      this.ms = parts.ms;
      this.counter = parts.counter;
    }
  }
}
