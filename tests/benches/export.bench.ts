/**
 * Export speed (`npm run bench`): 5,000 coded extracts of a synthetic study exported to Word the way the app and
 * `tessera export-word` do it (choose, cite and lay out the extracts, then write the .docx), with the selection alone
 * and the CSV beside it. Target from issue 13: the whole Word export of 5,000 extracts in at most 500 ms of work.
 */
import { buildProjectIndex } from '#shared/index/project-index';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { ALL_EXTRACTS, selectExtracts } from '#shared/export/extract-selection';
import { extractsDocx } from '#shared/export/extracts-docx';
import { extractsCsv } from '#shared/export/extracts-csv';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { formatTimingTable, measure } from './support/timing-table.ts';

const RUNS = 7;
const snapshot = synthesizeStudy({ documents: 24, wordsPerDocument: 3000, codes: 60, codings: 5000, coders: 2, seed: 5 });
const index = buildProjectIndex(snapshot);
const selection = selectExtracts(snapshot, ALL_EXTRACTS, index);
const options = { title: 'Coded extracts: bench', subtitle: 'Exported for the benchmark.', context: false, memos: true, definitions: true, ratings: false } as const;
const bytes = await extractsDocx(snapshot, selection, options);

const rows = [
  {
    operation: `Word export of ${selection.extracts.length.toLocaleString('en')} extracts (select, cite, lay out, write .docx)`,
    samplesMs: await measure(() => extractsDocx(snapshot, selectExtracts(snapshot, ALL_EXTRACTS, index), options), RUNS),
    targetMs: 500,
  },
  {
    // What the docx package alone takes for the same quotes, one plain paragraph each: the floor of any Word export.
    operation: 'docx package alone: the same quotes, one plain paragraph each',
    samplesMs: await measure(
      () =>
        Packer.toArrayBuffer(
          new Document({ sections: [{ children: selection.extracts.map((e) => new Paragraph({ children: [new TextRun(e.text), new TextRun({ text: ` (${e.citation})`, bold: true })] })) }] }),
        ),
      RUNS,
    ),
    targetMs: null,
  },
  {
    operation: 'Selecting, citing and laying out the extracts alone',
    samplesMs: await measure(() => selectExtracts(snapshot, ALL_EXTRACTS, index), RUNS),
    targetMs: null,
  },
  {
    operation: 'CSV of the same extracts',
    samplesMs: await measure(() => extractsCsv(selectExtracts(snapshot, ALL_EXTRACTS, index)), RUNS),
    targetMs: null,
  },
];

console.log(`${snapshot.documents.length} documents, ${selection.outline.length - selection.extracts.length} headings; ${(bytes.length / 1024).toFixed(0)} KB .docx.`);
console.log(formatTimingTable('Coded extracts export', rows));
