/**
 * `tessera export-session PROJECT.tessera --coder NAME [--since DATE] -o SESSION.tessera`: one coder's work (since a
 * date) with what it refers to, as a project file small enough to e-mail, for `tessera merge` or the app's merge.
 */
import { exportSession } from '#shared/merge/export-session';
import { systemClock } from '#shared/model/ids';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

/** The export-session verb. */
export const exportSessionVerb: VerbDefinition = {
  name: 'export-session',
  summary: 'Write one coder\'s session (codings, memos, ratings, codes, deletions, since a date) as a small .tessera file.',
  positionals: ['PROJECT.tessera'],
  options: {
    coder: { type: 'string', placeholder: 'NAME', required: true, description: 'The coder, by name or initials.' },
    since: { type: 'string', placeholder: 'DATE', description: 'Only what the coder changed from this date (yyyy-mm-dd or ISO date-time).' },
    output: { type: 'string', short: 'o', placeholder: 'SESSION.tessera', required: true, description: 'The session file to write.' },
    force: { type: 'boolean', description: 'Replace the output file if it exists.' },
  },
  async run({ positionals, values }, io) {
    const { snapshot } = await decodeProjectFile(await io.readFile(positionals[0] as string));
    const wanted = String(values.coder).trim().toLowerCase();
    const coder = snapshot.coders.find((c) => c.name.trim().toLowerCase() === wanted || c.initials.trim().toLowerCase() === wanted);
    if (!coder) {
      throw new UsageError(`The project has no coder "${String(values.coder)}"; its coders are ${snapshot.coders.map((c) => `${c.name} (${c.initials})`).join(', ') || '(none)'}.`);
    }
    let since: string | null = null;
    if (typeof values.since === 'string') {
      const ms = Date.parse(values.since);
      if (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || !Number.isFinite(ms)) throw new UsageError(`--since needs a date as yyyy-mm-dd, not "${values.since}".`);
      since = new Date(ms).toISOString();
    }
    const session = exportSession(snapshot, coder.id, since);
    const output = String(values.output);
    await io.writeFile(output, await encodeProjectFile(session, { appVersion: APP_VERSION, savedAt: systemClock() }), { overwrite: values.force === true });
    io.out(
      `Wrote ${output}: the session of ${coder.name}${since ? ` since ${since}` : ''}: ${session.codings.length} codings, ` +
        `${session.memos.length} memos, ${session.ratings.length} ratings, ${session.codes.length} codes, ` +
        `${session.tombstones.length} deletions, ${session.documents.length} documents.\n`,
    );
    return EXIT.ok;
  },
};
