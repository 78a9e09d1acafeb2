import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeProjectFile, encodeProjectFile, PROJECT_FILE_LIMITS } from '#shared/project-file/project-file';
import { ProjectFileError } from '#shared/project-file/project-file-error';
import type { ProjectSnapshot } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { CENTRAL, entriesOf, patchCentral, zip } from './zip-helpers.ts';

const snapshot: ProjectSnapshot = synthesizeStudy({ documents: 4, wordsPerDocument: 400, codes: 15, codings: 60, coders: 2, seed: 11 });
const options = { appVersion: '0.1.0', savedAt: '2025-05-01T12:00:00.000Z' };
const encoded = await encodeProjectFile(snapshot, options);
const original = entriesOf(encoded);
const manifestJson = JSON.parse(strFromU8(original['tessera.json'] as Uint8Array)) as Record<string, unknown>;

async function refusal(bytes: Uint8Array): Promise<ProjectFileError> {
  try {
    await decodeProjectFile(bytes);
  } catch (error) {
    if (error instanceof ProjectFileError) return error;
    throw error;
  }
  throw new Error('the file was not refused');
}

/** An archive with the original project and a manifest changed by `change`. */
function withManifest(change: Record<string, unknown>): Uint8Array {
  return zip({ 'tessera.json': JSON.stringify({ ...manifestJson, ...change }), 'project.json': original['project.json'] as Uint8Array });
}

/** An archive with another project.json and a manifest whose checksum fits it (so only what is inside is wrong). */
function withProjectJson(json: string): Uint8Array {
  const bytes = strToU8(json);
  const checksum = { algorithm: 'SHA-256', value: createHash('sha256').update(bytes).digest('hex') };
  return zip({ 'tessera.json': JSON.stringify({ ...manifestJson, checksum }), 'project.json': bytes });
}

describe('encodeProjectFile and decodeProjectFile', () => {
  it('round-trip a project: decoding what was encoded gives the same snapshot', async () => {
    const decoded = await decodeProjectFile(encoded);
    expect(decoded.snapshot).toEqual(snapshot);
    expect(decoded.warnings).toEqual([]);
  });

  it('write exactly the two entries, and a manifest with format, versions, counts and the SHA-256 of project.json', async () => {
    expect(Object.keys(original).sort()).toEqual(['project.json', 'tessera.json']);
    const projectBytes = original['project.json'] as Uint8Array;
    expect(manifestJson).toEqual({
      format: 'tessera-project',
      formatVersion: 3,
      appVersion: '0.1.0',
      savedAt: '2025-05-01T12:00:00.000Z',
      project: { id: snapshot.project.id, name: snapshot.project.name },
      checksum: { algorithm: 'SHA-256', value: createHash('sha256').update(projectBytes).digest('hex') },
      counts: { sites: 6, phases: 2, coders: 2, documentGroups: 0, documents: 4, codes: 15, codings: 60, memos: snapshot.memos.length, cases: 0, ratings: 0, tombstones: 0 },
    });
    expect(JSON.parse(strFromU8(projectBytes))).toEqual(snapshot);
    const { manifest } = await decodeProjectFile(encoded);
    expect(manifest).toEqual(manifestJson);
  });

  it('give the same bytes for the same project and options', async () => {
    expect(await encodeProjectFile(snapshot, options)).toEqual(encoded);
  });

  it('refuse to save an inconsistent project rather than write a file that cannot be opened', async () => {
    const broken = { ...snapshot, codings: [{ ...(snapshot.codings[0] as ProjectSnapshot['codings'][number]), codeId: snapshot.project.id }] };
    await expect(encodeProjectFile(broken, options)).rejects.toThrow(/cannot be saved: codings\[0\]\.codeId: no code with this id/);
  });
});

describe('decodeProjectFile refusals', () => {
  it('an empty file', async () => {
    expect((await refusal(new Uint8Array(0))).reason).toBe('empty');
  });

  it('a file that is not a zip, naming what it is when known', async () => {
    const pdf = await refusal(new Uint8Array(readFileSync('tests/fixtures/text/pdf-renamed.txt')));
    expect(pdf.reason).toBe('not-a-project-file');
    expect(pdf.message).toBe('This is a PDF document, not a Tessera project file.');
    const text = await refusal(strToU8('Moderator: Welcome'));
    expect(text.message).toBe('This file is not a Tessera project file (it is not a zip archive).');
  });

  it('a zip that is not a project file (a Word document)', async () => {
    const error = await refusal(new Uint8Array(readFileSync('tests/fixtures/text/transcript.docx')));
    expect(error.reason).toBe('not-a-project-file');
  });

  it('a truncated file', async () => {
    const error = await refusal(encoded.subarray(0, encoded.length - 30));
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/damaged or incomplete/);
  });

  it('a file with one byte changed anywhere in its data', async () => {
    for (const at of [40, Math.floor(encoded.length / 2), encoded.length - 200]) {
      const tampered = encoded.slice();
      tampered[at] = (tampered[at] as number) ^ 0x55;
      const error = await refusal(tampered);
      expect(['damaged', 'unexpected-content', 'not-a-project-file', 'too-large']).toContain(error.reason);
    }
  });

  it('a project that does not match its checksum (changed after saving)', async () => {
    const changed = strFromU8(original['project.json'] as Uint8Array).replace('seed 11)', 'seed 12)');
    expect(changed).not.toBe(strFromU8(original['project.json'] as Uint8Array));
    const error = await refusal(zip({ 'tessera.json': original['tessera.json'] as Uint8Array, 'project.json': changed }));
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/does not match its checksum/);
  });

  it('a newer format version, telling which Tessera wrote it and what to do', async () => {
    const error = await refusal(withManifest({ formatVersion: 4, appVersion: '0.9.0', somethingNew: true }));
    expect(error.reason).toBe('newer-format');
    expect(error.message).toBe(
      'This file was saved by Tessera 0.9.0 with format version 4; this version reads up to 3. Update Tessera to open it.',
    );
  });

  it('a format version older than the oldest readable one', async () => {
    const error = await refusal(withManifest({ formatVersion: 0 }));
    expect(error.reason).toBe('older-format');
  });

  it('a manifest of another format', async () => {
    expect((await refusal(withManifest({ format: 'something-else' }))).reason).toBe('not-a-project-file');
  });

  it('an entry with a path-like name such as ../evil', async () => {
    const error = await refusal(zip({ ...original, '../evil': 'x' }));
    expect(error.reason).toBe('unexpected-content');
    expect(error.message).toMatch(/path-like name \("\.\.\/evil"\)/);
    for (const name of ['/etc/passwd', 'C:/x', 'sub/project.json', '..\\x']) {
      expect((await refusal(zip({ ...original, [name]: 'x' }))).reason).toBe('unexpected-content');
    }
  });

  it('an unknown extra entry', async () => {
    const error = await refusal(zip({ ...original, 'notes.txt': 'hello' }));
    expect(error.message).toBe('This project file holds an unexpected entry ("notes.txt"); it was not opened.');
  });

  it('a missing project', async () => {
    expect((await refusal(zip({ 'tessera.json': original['tessera.json'] as Uint8Array }))).reason).toBe('damaged');
  });

  it('an entry that declares a size over budget, refused before anything is inflated', async () => {
    const huge = patchCentral(encoded, 'project.json', CENTRAL.uncompressedSize, PROJECT_FILE_LIMITS.projectBytes + 1, 4);
    const error = await refusal(huge);
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/declares 1\.0 GB, more than the 1\.0 GB Tessera accepts/);
  });

  it('a manifest over its budget (a highly compressible zip bomb)', async () => {
    const bomb = zip({ 'tessera.json': ' '.repeat(PROJECT_FILE_LIMITS.manifestBytes + 1), 'project.json': original['project.json'] as Uint8Array });
    expect(zip({ 'tessera.json': ' '.repeat(PROJECT_FILE_LIMITS.manifestBytes + 1) }).length).toBeLessThan(1000);
    expect((await refusal(bomb)).reason).toBe('too-large');
  });

  it('an entry that inflates to more than it declares', async () => {
    const lying = patchCentral(encoded, 'project.json', CENTRAL.uncompressedSize, 100, 4);
    const error = await refusal(lying);
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/larger than it says/);
  });

  it('project.json that is not JSON, or not a project, or not consistent', async () => {
    expect((await refusal(withProjectJson('{"project": '))).message).toBe('This project file is damaged: it is not valid JSON.');
    const notProject = await refusal(withProjectJson(JSON.stringify({ ...snapshot, codings: 'none' })));
    expect(notProject.reason).toBe('invalid-project');
    expect(notProject.message).toMatch(/^This project file holds data that Tessera does not accept: codings:/);
    const dangling = { ...snapshot, codings: snapshot.codings.map((c, i) => (i === 0 ? { ...c, documentId: snapshot.project.id } : c)) };
    const inconsistent = await refusal(withProjectJson(JSON.stringify(dangling)));
    expect(inconsistent.reason).toBe('invalid-project');
    expect(inconsistent.message).toBe('This project file is inconsistent: codings[0].documentId: no document with this id.');
  });

  it('opens a file whose manifest counts are off, with a warning', async () => {
    const decoded = await decodeProjectFile(withManifest({ counts: { ...(manifestJson.counts as object), codings: 1 } }));
    expect(decoded.snapshot).toEqual(snapshot);
    expect(decoded.warnings).toEqual([
      "The file's manifest states other numbers of codings than the project holds; the project itself is intact.",
    ]);
  });
});
