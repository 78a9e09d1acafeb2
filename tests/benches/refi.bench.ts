/**
 * REFI-QDA projects (`npm run bench -- refi`): importing the NVivo for Windows sample (two transcripts of about
 * 600 kB with 303 codings in UTF-16 positions) the way the app and `tessera refi import` do it, and exporting the
 * benchmark study (200 transcripts of 20,000 words, 150 codes, 50,000 codings, 3 coders, as the workspace bench
 * makes it) to .qdpx. Targets from the issue: at most 500 ms each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUuid, systemClock } from '#shared/model/ids';
import { readRefiProject } from '#shared/refi/read-project';
import { writeQdpx } from '#shared/refi/write-project';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { formatTimingTable, measure } from './support/timing-table.ts';

const nvivo = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'unit', 'shared', 'refi', 'fixtures', 'nvivo-win-12.6_oltas0517.qdpx')));
const study = synthesizeStudy({ documents: 200, wordsPerDocument: 20000, codes: 150, codings: 50000, coders: 3, seed: 1 });
const exported = writeQdpx(study, { origin: 'Tessera bench', newId: randomUuid, level: 1 });

const rows = [
  {
    operation: `import the NVivo sample (${(nvivo.length / 1048576).toFixed(1)} MB .qdpx, 303 codings)`,
    samplesMs: await measure(() => readRefiProject(nvivo, { fileName: 'nvivo.qdpx', newId: randomUuid, now: systemClock }), 7),
    targetMs: 500,
  },
  {
    operation: `export the 50,000-coding study to .qdpx (${(exported.bytes.length / 1048576).toFixed(1)} MB)`,
    samplesMs: await measure(() => writeQdpx(study, { origin: 'Tessera bench', newId: randomUuid, level: 1 }), 5, 1),
    targetMs: 500,
  },
];
console.log(formatTimingTable('REFI-QDA projects', rows));
