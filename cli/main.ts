/**
 * The `tessera` command line: the app's pure core (`shared/`) driven headless from Node, for scripting, checking files
 * and generating test data. `cli/tessera.mjs` starts it; every verb lives in `verbs/` and is listed in one table.
 *
 * Exit codes: 0 done; 1 a file could not be read, imported or opened (the reason is printed on stderr); 2 the command
 * line makes no sense (usage is printed on stderr).
 */
import { parseArgs } from 'node:util';
import { ImportError } from '#shared/import/import-error';
import { APP_VERSION } from '#shared/platform/app-version';
import { ProjectFileError } from '#shared/project-file/project-file-error';
import { CliFileError, type CliIo } from './cli-io.ts';
import { EXIT, UsageError, type VerbDefinition } from './verb.ts';

export { nodeCliIo } from './cli-io.ts';

function verbSynopsis(verb: VerbDefinition): string {
  const options = Object.entries(verb.options).map(([name, option]) =>
    option.type === 'string'
      ? option.required
        ? `${option.short ? `-${option.short}` : `--${name}`} ${option.placeholder ?? 'VALUE'}`
        : `[--${name} ${option.placeholder ?? 'VALUE'}${option.multiple ? ' ...' : ''}]`
      : `[--${name}]`,
  );
  const optional = (verb.optionalPositionals ?? []).map((name) => `[${name}]`);
  return ['tessera', verb.name, ...verb.positionals, ...optional, ...options].join(' ');
}

/** The general help: what the command is and which verbs it has. */
export function generalUsage(verbTable: readonly VerbDefinition[]): string {
  const width = Math.max(...verbTable.map((verb) => verb.name.length)) + 2;
  const verbs = verbTable.map((verb) => `  ${verb.name.padEnd(width)}${verb.summary}`).join('\n');
  return (
    `Tessera ${APP_VERSION}: qualitative coding of focus-group transcripts, from the command line.\n\n` +
    `Usage: tessera <command> [arguments]\n\nCommands:\n${verbs}\n\n` +
    'Run "tessera <command> --help" for the arguments of a command; "tessera --version" prints the version.\n'
  );
}

/** The help of one verb: its synopsis and options. */
export function verbUsage(verb: VerbDefinition): string {
  const options = Object.entries(verb.options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` ${option.placeholder ?? 'VALUE'}` : ''}`;
    return { flag, description: option.description };
  });
  const width = Math.max(0, ...options.map((option) => option.flag.length)) + 2;
  const lines = options.map((option) => `  ${option.flag.padEnd(width)}${option.description}`).join('\n');
  return `${verb.summary}\n\nUsage: ${verbSynopsis(verb)}\n${lines ? `\nOptions:\n${lines}\n` : ''}`;
}

/** Runs the command line with the given arguments (without "node" and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    io.out(`tessera ${APP_VERSION}\n`);
    return EXIT.ok;
  }
  // The verbs (and the libraries they use: mammoth, docx, ...) load only when a verb or the help needs them, so that
  // `--version` answers at once (in the built command they are a separate chunk).
  const { VERBS } = await import('./verbs/index.ts');
  if (first === undefined) {
    io.err(generalUsage(VERBS));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const verb = VERBS.find((candidate) => candidate.name === rest[0]);
    if (rest[0] !== undefined && !verb) return unknownVerb(rest[0], io, VERBS);
    io.out(verb ? verbUsage(verb) : generalUsage(VERBS));
    return EXIT.ok;
  }
  const verb = VERBS.find((candidate) => candidate.name === first);
  if (!verb) return unknownVerb(first, io, VERBS);

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: {
        ...Object.fromEntries(
          Object.entries(verb.options).map(([name, option]) => [
            name,
            { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) },
          ]),
        ),
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageFailure(verb, error instanceof Error ? error.message : String(error), io);
  }
  if (parsed.values.help === true) {
    io.out(verbUsage(verb));
    return EXIT.ok;
  }
  const positionalCount = parsed.positionals.length;
  const mostPositionals = verb.positionals.length + (verb.optionalPositionals?.length ?? 0);
  if (verb.variadic ? positionalCount < verb.positionals.length : positionalCount < verb.positionals.length || positionalCount > mostPositionals) {
    const named = [...verb.positionals, ...(verb.optionalPositionals ?? []).map((name) => `[${name}]`)];
    const expected = named.length === 0 ? 'no arguments' : named.join(' ');
    return usageFailure(verb, `tessera ${verb.name} takes ${expected}.`, io);
  }
  const values: Record<string, string | boolean | readonly string[] | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'boolean') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((item): item is string => typeof item === 'string');
  }
  const missing = Object.entries(verb.options).find(([name, option]) => option.required && !values[name]);
  if (missing) {
    const [name, option] = missing;
    return usageFailure(verb, `tessera ${verb.name} needs --${name} ${option.placeholder ?? 'VALUE'}.`, io);
  }

  try {
    return await verb.run({ positionals: parsed.positionals, values }, io);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(verb, error.message, io);
    if (error instanceof ImportError || error instanceof ProjectFileError || error instanceof CliFileError) {
      io.err(`${error.message}\n`);
      return EXIT.failure;
    }
    io.err(`tessera ${verb.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}

function unknownVerb(name: string, io: CliIo, verbs: readonly VerbDefinition[]): number {
  io.err(`Unknown command "${name}".\n\n${generalUsage(verbs)}`);
  return EXIT.usage;
}

function usageFailure(verb: VerbDefinition, message: string, io: CliIo): number {
  io.err(`${message}\n\n${verbUsage(verb)}`);
  return EXIT.usage;
}
