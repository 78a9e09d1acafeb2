/**
 * Import speed (`npm run bench`): a 30,000-word Word transcript with bold speaker labels and timestamps, built with
 * the docx package, imported the way the app and the CLI import it (archive checks, mammoth, speaker recognition);
 * mammoth alone beside it for comparison; and a 30,000-word text file. Target from the issue: the whole Word import
 * of 30,000 words in at most 100 ms.
 */
import mammoth from 'mammoth';
import { importTranscriptFile } from '#shared/import/import-file';
import { longTranscript } from '../fixtures/docx/docx-fixtures.ts';
import { formatTimingTable, measure } from './support/timing-table.ts';

const WORDS = 30_000;
const RUNS = 15;

const docx = await longTranscript(WORDS);
const probe = await importTranscriptFile('bench.docx', docx);
const words = probe.text.split(/\s+/).filter(Boolean).length;
const text = new TextEncoder().encode(probe.text);

const rows = [
  {
    operation: `Word import, ${words.toLocaleString('en')} words (checks + mammoth + speakers)`,
    samplesMs: await measure(() => importTranscriptFile('bench.docx', docx), RUNS),
    targetMs: 100,
  },
  {
    operation: 'mammoth.convertToHtml alone, same file',
    samplesMs: await measure(() => mammoth.convertToHtml({ buffer: Buffer.from(docx) }), RUNS),
    targetMs: null,
  },
  {
    operation: `Text import, same ${words.toLocaleString('en')} words (.txt)`,
    samplesMs: await measure(() => importTranscriptFile('bench.txt', text), RUNS),
    targetMs: null,
  },
];

console.log(
  `${(docx.length / 1024).toFixed(0)} KB .docx; ${probe.paragraphs.length} paragraphs, ${probe.speakers.length} speakers, ` +
    `${probe.paragraphs.filter((p) => p.timestamps.length > 0).length} timestamped.`,
);
console.log(formatTimingTable('Transcript import', rows));
