/**
 * The shape of a `tessera` verb. Verbs are listed in one table (`verbs/index.ts`), so a new verb is one new module
 * and one line there; parsing, help and exit codes are handled once, in `main.ts`.
 */
import type { CliIo } from './cli-io.ts';

/** An option a verb takes, as node:util `parseArgs` declares it. */
export interface VerbOption {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help, e.g. "N" (string options). */
  readonly placeholder?: string;
  /** A string option the verb cannot run without (checked before the verb runs). */
  readonly required?: boolean;
  /** A string option that may be given more than once (`--site BU --site KS`); its value is a list. */
  readonly multiple?: boolean;
  readonly description: string;
}

/** What a verb is given: its positional arguments and option values, already checked against its declaration. */
export interface VerbInput {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
}

/** A verb of the command line. */
export interface VerbDefinition {
  readonly name: string;
  /** One line for the list of verbs. */
  readonly summary: string;
  /** Names of the positional arguments, all required, e.g. ["FILE"]. */
  readonly positionals: readonly string[];
  /** The last positional takes one or more arguments (e.g. "FILES..."). */
  readonly variadic?: boolean;
  /** Positional arguments that may be left out, after the required ones (shown as "[NAME]"). */
  readonly optionalPositionals?: readonly string[];
  readonly options: Readonly<Record<string, VerbOption>>;
  /** Runs the verb; resolves to the exit code. */
  readonly run: (input: VerbInput, io: CliIo) => Promise<number>;
}

/** Exit codes: success, a file or project that could not be handled, a command line that makes no sense. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A command line that makes no sense (unknown option value, missing argument): answered with usage and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The values of a repeatable option (`multiple`), each comma-separated list split, blanks dropped; [] when absent. */
export function listOption(values: VerbInput['values'], name: string): readonly string[] {
  const raw = values[name];
  const items = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? (raw as readonly string[]) : [];
  return items.flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
}

/** Reads a whole non-negative number option (or the default), refusing anything else as a usage error. */
export function integerOption(values: VerbInput['values'], name: string, fallback: number, allowNegative = false): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const pattern = allowNegative ? /^-?\d{1,15}$/ : /^\d{1,15}$/;
  if (typeof raw !== 'string' || !pattern.test(raw)) {
    throw new UsageError(`--${name} needs a whole number${allowNegative ? '' : ' (0 or more)'}, not "${String(raw)}".`);
  }
  return Number(raw);
}
