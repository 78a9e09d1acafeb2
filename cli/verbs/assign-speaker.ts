/**
 * `tessera assign-speaker PROJECT.tessera --document NAME --paragraphs 12-15 --speaker LABEL [--role ROLE] [-o OUT]`
 * (or `--remove` instead of `--speaker`): fixes a document's speakers by hand, as the reader's "Assign speaker" does
 * in the app, through the same code (`assignParagraphsTo`): the paragraphs (one, or a range, as cited) go to the
 * speaker with that label, which is added to the document (with --role, else the role its label suggests) when the
 * document has none; with --remove they have no speaker. The text and paragraph numbers never change.
 *
 * The project is rewritten whole (temporary file, then rename), or written to -o.
 */
import { guessSpeakerRole } from '#shared/import/speaker-label';
import { commitChange, oneOffStamp } from '#shared/model/stamps';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { SpeakerRole } from '#shared/model/types';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { assignParagraphsTo, parseParagraphRange, SPEAKER_ROLES, speakerByLabel, type SpeakerChoice } from '#shared/study/speaker-assignment';
import { StudyEditRefused } from '#shared/study/study-design';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

const ROLE_NAMES = SPEAKER_ROLES.map((role) => role.value);

/** The assign-speaker verb. */
export const assignSpeakerVerb: VerbDefinition = {
  name: 'assign-speaker',
  summary: 'Give paragraphs of a document to a speaker (added if new), or take their speaker away (--remove).',
  positionals: ['PROJECT.tessera'],
  options: {
    document: { type: 'string', placeholder: 'NAME', required: true, description: 'The document, by its name in the project.' },
    paragraphs: { type: 'string', placeholder: 'N[-M]', required: true, description: 'A paragraph number or a range, as cited, e.g. 12-15.' },
    speaker: { type: 'string', placeholder: 'LABEL', description: "The speaker's label; a label the document does not have adds that speaker." },
    role: { type: 'string', placeholder: 'ROLE', description: `Role of a new speaker: ${ROLE_NAMES.join(', ')} (default: guessed from the label).` },
    remove: { type: 'boolean', description: 'Take the paragraphs\' speaker away instead.' },
    output: { type: 'string', short: 'o', placeholder: 'OUT.tessera', description: 'Write the result here instead of rewriting the project file.' },
  },
  async run({ positionals, values }, io) {
    const projectPath = positionals[0] as string;
    const option = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const label = option('speaker');
    const remove = values.remove === true;
    if (remove === (label !== undefined)) throw new UsageError('Give either --speaker LABEL or --remove.');
    const roleOption = option('role');
    if (roleOption !== undefined && !ROLE_NAMES.includes(roleOption as SpeakerRole)) {
      throw new UsageError(`--role is one of ${ROLE_NAMES.join(', ')}, not "${roleOption}".`);
    }
    if (remove && roleOption !== undefined) throw new UsageError('--role goes with --speaker, not with --remove.');
    const paragraphsOption = option('paragraphs') as string;
    const range = parseParagraphRange(paragraphsOption);
    if (!range) throw new UsageError(`--paragraphs needs a number or a range such as 12-15, not "${paragraphsOption}".`);

    const { snapshot } = await decodeProjectFile(await io.readFile(projectPath));
    const name = option('document') as string;
    const exact = snapshot.documents.filter((document) => document.name === name);
    const matches = exact.length ? exact : snapshot.documents.filter((document) => document.name.toLowerCase() === name.trim().toLowerCase());
    if (matches.length !== 1) {
      const names = snapshot.documents.map((document) => document.name).join(', ') || '(none)';
      throw new UsageError(matches.length ? `Several documents are named "${name}".` : `The project has no document "${name}"; its documents are ${names}.`);
    }
    const document = matches[0] as (typeof matches)[number];

    let choice: SpeakerChoice = { kind: 'none' };
    if (label !== undefined) {
      const existing = speakerByLabel(document, label);
      if (existing && roleOption !== undefined && existing.role !== roleOption) {
        throw new UsageError(`${document.name} already has a speaker "${existing.label}" with role ${existing.role}; change a role in the document's details.`);
      }
      choice = existing ? { kind: 'existing', speakerId: existing.id } : { kind: 'new', label, role: (roleOption as SpeakerRole | undefined) ?? guessSpeakerRole(label.trim()) };
    }
    let assigned;
    try {
      assigned = assignParagraphsTo(snapshot, document.id, range, choice, randomUuid, systemClock);
    } catch (error) {
      if (error instanceof StudyEditRefused) throw new UsageError(`${document.name}: ${error.message}`);
      throw error;
    }
    const { snapshot: next } = commitChange(snapshot, assigned.change, oneOffStamp(snapshot, null, systemClock()));
    const output = option('output') ?? projectPath;
    await io.writeFile(output, await encodeProjectFile(next, { appVersion: APP_VERSION, savedAt: systemClock() }), { overwrite: true });

    const cited = range.from === range.to ? `paragraph ${range.from}` : `paragraphs ${range.from}-${range.to}`;
    const speaker = next.documents.find((candidate) => candidate.id === document.id)?.speakers.find((candidate) => candidate.id === assigned.speakerId);
    const what = speaker
      ? `Gave ${cited} of ${document.name} to ${speaker.label} (${speaker.role}${choice.kind === 'new' ? ', new speaker' : ''}).`
      : `Took the speaker away from ${cited} of ${document.name}.`;
    io.out(`${what} Wrote ${output}.\n`);
    return EXIT.ok;
  },
};
