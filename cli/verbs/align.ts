/**
 * `tessera align TRANSLATION_FILE ORIGINAL_FILE`: pairs the paragraphs of a translated transcript with those of its
 * original-language transcript, reading both files with the app's importer (`importTranscriptFile`) and pairing them
 * with the app's aligner (`alignParagraphs`), so the pairs are those the app would find.
 *
 * With --json it prints exactly `{"pairs": [{"translation": [i, j], "original": [k, l]}, ...]}`: paragraph numbers as
 * the importer numbers them (from 1), inclusive ranges, `[]` for the side of a pair that has no paragraph.
 */
import { alignParagraphs, type AlignmentResult } from '#shared/align/align-paragraphs';
import { type AlignedPair, runAsParagraphNumbers } from '#shared/align/aligned-pairs';
import { alignmentParagraphsOfImport } from '#shared/align/alignment-paragraphs';
import { countPairs, describeAlignmentMethod } from '#shared/align/describe-alignment';
import { importTranscriptFile } from '#shared/import/import-file';
import type { ImportedText } from '#shared/import/imported-text';
import type { CliIo } from '../cli-io.ts';
import { EXIT, type VerbDefinition } from '../verb.ts';

async function importFile(path: string, io: CliIo): Promise<ImportedText> {
  const bytes = await io.readFile(path);
  return importTranscriptFile(path.split(/[\\/]/).pop() ?? path, bytes);
}

/** A run as `[first, last]` or `[]`, written with a space after each comma as the format shows it. */
function numbersJson(numbers: readonly number[]): string {
  return `[${numbers.join(', ')}]`;
}

/** The pairs in the verb's JSON format, exactly as documented (one line). */
export function pairsJson(pairs: readonly AlignedPair[]): string {
  const items = pairs.map(
    (pair) =>
      `{"translation": ${numbersJson(runAsParagraphNumbers(pair.translation))}, "original": ${numbersJson(runAsParagraphNumbers(pair.original))}}`,
  );
  return `{"pairs": [${items.join(', ')}]}`;
}

function runText(numbers: [] | [number, number]): string {
  if (numbers.length === 0) return '-';
  return numbers[0] === numbers[1] ? String(numbers[0]) : `${numbers[0]}-${numbers[1]}`;
}

/** The pairs as a table, with how they were found. */
function pairsTable(result: AlignmentResult, translationName: string, originalName: string, counts: readonly [number, number]): string {
  const kinds = countPairs(result.pairs);
  const rows = result.pairs.map((pair) => {
    const translation = runText(runAsParagraphNumbers(pair.translation));
    const original = runText(runAsParagraphNumbers(pair.original));
    return `  ${translation.padStart(9)}  ${original.padStart(8)}`;
  });
  return (
    `${translationName} (${counts[0]} paragraphs) and ${originalName} (${counts[1]} paragraphs): ${result.pairs.length} pairs, ` +
    `${kinds.both} with both, ${kinds.originalOnly} original only, ${kinds.translationOnly} translation only.\n` +
    `${describeAlignmentMethod(result)}\n` +
    `\n  translation  original\n${rows.join('\n')}\n`
  );
}

/** The align verb. */
export const alignVerb: VerbDefinition = {
  name: 'align',
  summary: 'Pair the paragraphs of a translated transcript with those of its original-language transcript.',
  positionals: ['TRANSLATION_FILE', 'ORIGINAL_FILE'],
  options: {
    json: { type: 'boolean', description: 'Print {"pairs": [{"translation": [i, j], "original": [k, l]}, ...]} (paragraph numbers).' },
  },
  async run({ positionals, values }, io) {
    const [translationPath, originalPath] = positionals as [string, string];
    const translation = await importFile(translationPath, io);
    const original = await importFile(originalPath, io);
    const result = alignParagraphs({
      original: alignmentParagraphsOfImport(original),
      translation: alignmentParagraphsOfImport(translation),
    });
    if (values.json) {
      io.out(`${pairsJson(result.pairs)}\n`);
      return EXIT.ok;
    }
    io.out(pairsTable(result, translationPath, originalPath, [translation.paragraphs.length, original.paragraphs.length]));
    return EXIT.ok;
  },
};
