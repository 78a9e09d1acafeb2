/**
 * Codebook import at scale (`npm run bench -- codebook-import`): a REFI-QDA .qdc of 20,000 codes (200 groups of
 * 99), read and added to a project the way the app does it (readQdc, then importCodebook), and the same codebook
 * imported again (every code then already there). Before the import looked codes up in maps, this took 18 s.
 */
import { readQdc } from '#shared/refi/read-codebook';
import { importCodebook } from '#shared/refi/import-codebook';
import { applyChange } from '#shared/model/change';
import { projectWithTranscript } from '../unit/shared/fixture-project.ts';
import { formatTimingTable, measure } from './support/timing-table.ts';

const RUNS = 5;
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
let next = 0;
const groups = Array.from({ length: 200 }, (_, group) => {
  const children = Array.from({ length: 99 }, (_, child) => `<Code guid="${guid(++next)}" name="Code ${group}.${child}" isCodable="true"/>`);
  return `<Code guid="${guid(++next)}" name="Group ${group}" isCodable="true">${children.join('')}</Code>`;
});
const qdc = new TextEncoder().encode(
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${groups.join('')}</Codes></CodeBook>`,
);
const { snapshot, newId, now } = projectWithTranscript();
const codebook = readQdc(qdc);
const imported = applyChange(snapshot, importCodebook(snapshot, codebook, null, null, newId, now).change);

const rows = [
  { operation: `read a .qdc of 20,000 codes (${(qdc.length / 1024 / 1024).toFixed(1)} MB)`, samplesMs: await measure(() => readQdc(qdc), RUNS, 1), targetMs: null },
  { operation: 'add its 20,000 codes to a project (one change)', samplesMs: await measure(() => importCodebook(snapshot, codebook, null, null, newId, now), RUNS, 1), targetMs: 1000 },
  { operation: 'import it again (all 20,000 already there)', samplesMs: await measure(() => importCodebook(imported, codebook, null, null, newId, now), RUNS, 1), targetMs: null },
];
console.log(formatTimingTable('Codebook import, 20,000 codes', rows));
