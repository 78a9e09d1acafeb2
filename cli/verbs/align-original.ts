/**
 * `tessera align-original PROJECT.tessera --document NAME (--join PAIR | --split PAIR [--at O,T] | --move PAIR
 * --side original|translation --direction earlier|later | --realign) [-o OUT.tessera]`: corrects the alignment of a
 * document with its original as the side-by-side view does (shared/align/correct-alignment.ts and
 * `realignChange`, which keeps the user's corrections), committed as the app commits it. Pairs are numbered from 1
 * as the view and `tessera align` show them. Prints the alignment after the correction; --json as `tessera align`.
 */
import { joinWithNext, moveBoundary, splitPair, type CorrectedAlignment } from '#shared/align/correct-alignment';
import { correctAlignmentChange, originalOf, realignChange } from '#shared/align/document-original';
import { describePair } from '#shared/align/aligned-pairs';
import { systemClock } from '#shared/model/ids';
import { commitChange, oneOffStamp } from '#shared/model/stamps';
import type { ProjectChange } from '#shared/model/change';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, integerOption, UsageError, type VerbDefinition } from '../verb.ts';
import { pairsJson } from './align.ts';

/** The align-original verb. */
export const alignOriginalVerb: VerbDefinition = {
  name: 'align-original',
  summary: 'Correct how a document\'s paragraphs pair with its original\'s (join, split, move a boundary, align again).',
  positionals: ['PROJECT.tessera'],
  options: {
    document: { type: 'string', placeholder: 'NAME', required: true, description: 'The translated document, by name.' },
    join: { type: 'string', placeholder: 'PAIR', description: 'Join pair PAIR with the next one.' },
    split: { type: 'string', placeholder: 'PAIR', description: 'Split pair PAIR in two (after its first paragraph on each side, or --at).' },
    at: { type: 'string', placeholder: 'O,T', description: 'With --split: how many original and translation paragraphs the first part keeps.' },
    move: { type: 'string', placeholder: 'PAIR', description: 'Move the boundary between pair PAIR and the next (with --side and --direction).' },
    side: { type: 'string', placeholder: 'SIDE', description: 'With --move: original or translation.' },
    direction: { type: 'string', placeholder: 'WAY', description: 'With --move: later (the next pair gives a paragraph) or earlier.' },
    realign: { type: 'boolean', description: 'Align again with the aligner, keeping every corrected pair.' },
    output: { type: 'string', short: 'o', placeholder: 'OUT.tessera', description: 'The project file to write (default: the project file itself).' },
    json: { type: 'boolean', description: 'Print the pairs as tessera align --json does.' },
  },
  async run({ positionals, values }, io) {
    const projectPath = positionals[0] as string;
    const chosen = ['join', 'split', 'move', 'realign'].filter((name) => values[name] !== undefined && values[name] !== false);
    if (chosen.length !== 1) throw new UsageError('Give exactly one of --join, --split, --move or --realign.');
    const { snapshot } = await decodeProjectFile(await io.readFile(projectPath));
    const name = String(values.document).trim();
    const document = snapshot.documents.find((d) => d.name === name) ?? snapshot.documents.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!document) throw new UsageError(`The project has no document "${name}".`);
    const original = originalOf(snapshot, document.id);
    if (!original) throw new UsageError(`"${document.name}" has no original-language transcript; add one with tessera add-original.`);
    const alignment: CorrectedAlignment = original.alignment;
    const pairIndex = (option: string): number => {
      const n = integerOption(values, option, 0);
      if (n < 1 || n > alignment.pairs.length) throw new UsageError(`--${option} needs a pair number from 1 to ${alignment.pairs.length}, not ${n}.`);
      return n - 1;
    };
    let change: ProjectChange;
    let said: string;
    if (chosen[0] === 'realign') {
      change = realignChange(original, document);
      said = `Aligned "${document.name}" again, keeping ${alignment.fixed.length} corrected ${alignment.fixed.length === 1 ? 'pair' : 'pairs'}`;
    } else {
      let corrected: CorrectedAlignment;
      if (chosen[0] === 'join') {
        const index = pairIndex('join');
        corrected = joinWithNext(alignment, index);
        said = `Joined pair ${index + 1} with the next`;
      } else if (chosen[0] === 'split') {
        const index = pairIndex('split');
        const at = typeof values.at === 'string' ? values.at.split(',').map((part) => part.trim()) : ['1', '1'];
        if (at.length !== 2 || at.some((part) => !/^\d{1,6}$/.test(part))) throw new UsageError(`--at needs two whole numbers as O,T, not "${String(values.at)}".`);
        corrected = splitPair(alignment, index, Number(at[0]), Number(at[1]));
        said = `Split pair ${index + 1}`;
      } else {
        const index = pairIndex('move');
        const side = values.side;
        const direction = values.direction;
        if (side !== 'original' && side !== 'translation') throw new UsageError('--move needs --side original or --side translation.');
        if (direction !== 'earlier' && direction !== 'later') throw new UsageError('--move needs --direction earlier or --direction later.');
        corrected = moveBoundary(alignment, index, side, direction);
        said = `Moved the ${side} boundary after pair ${index + 1} ${direction}`;
      }
      change = correctAlignmentChange(original, corrected);
    }
    const { snapshot: next } = commitChange(snapshot, change, oneOffStamp(snapshot, null, systemClock()));
    const output = typeof values.output === 'string' ? values.output : projectPath;
    await io.writeFile(output, await encodeProjectFile(next, { appVersion: APP_VERSION, savedAt: systemClock() }), { overwrite: true });
    const after = originalOf(next, document.id);
    const pairs = after?.alignment.pairs ?? [];
    if (values.json) {
      io.out(`${pairsJson(pairs)}\n`);
      return EXIT.ok;
    }
    io.out(`${said}. Wrote ${output}: ${pairs.length} pairs.\n${pairs.map((pair, i) => `  ${String(i + 1).padStart(4)}  ${describePair(pair)}`).join('\n')}\n`);
    return EXIT.ok;
  },
};
