/**
 * Alignment speed (`npm run bench align`): a 30,000-word original and its translation (synthetic, with a known
 * alignment: tests/fixtures/align/synthetic-bilingual.ts), about a thousand paragraphs a side, aligned the way the
 * app and `tessera align` align them (two runs of the dynamic programme, in a band around the diagonal). The target
 * is ours: an alignment that the user waits for after importing an original should take under half a second.
 */
import { alignParagraphs } from '#shared/align/align-paragraphs';
import { runAsParagraphNumbers } from '#shared/align/aligned-pairs';
import { alignmentParagraphsOfImport } from '#shared/align/alignment-paragraphs';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { syntheticBilingual } from '../fixtures/align/synthetic-bilingual.ts';
import { formatTimingTable, measure } from './support/timing-table.ts';

const RUNS = 7;
const texts = syntheticBilingual({ seed: 7, words: 30_000, timestamps: 'original', speakerLabels: true, lengthSpread: 0.2 });
const original = alignmentParagraphsOfImport(recogniseTranscript(texts.original));
const translation = alignmentParagraphsOfImport(recogniseTranscript(texts.translation));
const words = texts.original.join(' ').split(/\s+/).length;

const probe = alignParagraphs({ original, translation });
const found = new Set(probe.pairs.map((pair) => JSON.stringify({ translation: runAsParagraphNumbers(pair.translation), original: runAsParagraphNumbers(pair.original) })));
const correct = texts.expected.filter((pair) => found.has(JSON.stringify(pair))).length;

console.log(
  `${words.toLocaleString('en')} words; ${original.length} original and ${translation.length} translation paragraphs; ` +
    `${correct} of ${texts.expected.length} true pairs found (${((100 * correct) / texts.expected.length).toFixed(1)}%).`,
);
console.log(
  formatTimingTable('Paragraph alignment', [
    {
      operation: `Align ${words.toLocaleString('en')}-word transcripts (2 runs, banded)`,
      samplesMs: await measure(() => alignParagraphs({ original, translation }), RUNS, 1),
      targetMs: 500,
    },
  ]),
);
