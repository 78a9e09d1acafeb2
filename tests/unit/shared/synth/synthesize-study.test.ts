import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSnapshotIntegrity, parseProjectSnapshot } from '#shared/model/schema';
import type { Coding, ProjectSnapshot } from '#shared/model/types';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { DEFAULT_SYNTH_OPTIONS, synthesizeStudy } from '#shared/synth/synthesize-study';
import { sliceCodePoints } from '#shared/text/code-points';
import { entriesOf } from '../project-file/zip-helpers.ts';

const study = synthesizeStudy(DEFAULT_SYNTH_OPTIONS);
const cfir = JSON.parse(readFileSync('shared/codebooks/data/cfir-2.0.json', 'utf8')) as {
  domains: { id: string; name: string; constructs: { id: string }[] }[];
};

async function projectJsonBytes(snapshot: ProjectSnapshot): Promise<Uint8Array> {
  const file = await encodeProjectFile(snapshot, { appVersion: '0.1.0', savedAt: snapshot.project.modifiedAt });
  return entriesOf(file)['project.json'] as Uint8Array;
}

describe('synthesizeStudy: determinism', () => {
  it('gives identical project.json bytes for the same seed', async () => {
    const again = synthesizeStudy(DEFAULT_SYNTH_OPTIONS);
    expect(await projectJsonBytes(again)).toEqual(await projectJsonBytes(study));
  });

  it('gives a different study for a different seed', async () => {
    const other = synthesizeStudy({ ...DEFAULT_SYNTH_OPTIONS, seed: 2 });
    expect(await projectJsonBytes(other)).not.toEqual(await projectJsonBytes(study));
    expect(other.documents[0]?.text).not.toBe(study.documents[0]?.text);
  });
});

describe('synthesizeStudy: a valid, believable study', () => {
  it('passes the schema and the integrity check, with exactly the requested numbers of records', () => {
    expect(parseProjectSnapshot(study).ok).toBe(true);
    expect(checkSnapshotIntegrity(study)).toEqual([]);
    expect(study.documents).toHaveLength(12);
    expect(study.codes).toHaveLength(40);
    expect(study.codings).toHaveLength(600);
    expect(study.coders).toHaveLength(2);
  });

  it('has six sites, phases pre and post, and documents named site_phase_FGD', () => {
    expect(study.sites.map((s) => s.code)).toEqual(['BU', 'HH', 'BS', 'PU', 'FT', 'DA']);
    expect(study.phases.map((p) => p.name)).toEqual(['pre', 'post']);
    const transcripts = study.documents.filter((d) => d.kind === 'transcript');
    const notes = study.documents.filter((d) => d.kind === 'field-notes');
    expect(transcripts.length).toBeGreaterThan(notes.length * 3);
    expect(notes.length).toBeGreaterThan(0);
    expect(transcripts[0]?.name).toBe('BU_pre_FGD');
    for (const doc of transcripts) {
      const site = study.sites.find((s) => s.id === doc.attributes.siteId);
      const phase = study.phases.find((p) => p.id === doc.attributes.phaseId);
      expect(doc.name).toBe(`${site?.code}_${phase?.name}_FGD`);
    }
    for (const doc of notes) {
      const transcript = study.documents.find((d) => d.id === doc.linkedDocumentId);
      expect(doc.name).toBe(`${transcript?.name}_notes`);
      expect(doc.attributes.siteId).toBe(transcript?.attributes.siteId);
    }
  });

  it('has transcripts with a moderator and participants P1..P8, and field notes without speakers', () => {
    for (const doc of study.documents) {
      const labels = doc.speakers.map((s) => s.label);
      if (doc.kind === 'field-notes') {
        expect(labels).toEqual([]);
        continue;
      }
      expect(labels).toContain('Moderator');
      expect(labels.every((label) => label === 'Moderator' || /^P[1-8]$/.test(label))).toBe(true);
      expect(doc.speakers.find((s) => s.label === 'Moderator')?.role).toBe('moderator');
      const labelled = doc.paragraphs.filter((p) => p.speakerId !== null).length;
      expect(labelled).toBe(doc.paragraphs.length - 1); // all but the heading
    }
    expect(study.documents.some((d) => d.paragraphs.some((p) => p.timestamps.length > 0))).toBe(true);
  });

  it('writes English about peer support work, of about the requested length, not placeholder text', () => {
    const transcript = study.documents[0];
    if (!transcript) throw new Error('no document');
    const words = transcript.text.split(/\s+/).length;
    expect(words).toBeGreaterThan(2800);
    expect(words).toBeLessThan(3400);
    expect(transcript.text).toMatch(/peer support|supervision|nurses/);
    expect(study.documents.some((d) => /lorem|ipsum/i.test(d.text))).toBe(false);
  });

  it('builds the code tree from CFIR 2.0 domains (categories), constructs and inductive codes', () => {
    const byId = new Map(study.codes.map((c) => [c.id, c]));
    const domains = study.codes.filter((c) => c.parentId === null);
    expect(domains.map((d) => d.name)).toEqual(cfir.domains.map((d) => d.name));
    expect(domains.every((d) => !d.isCodable && d.origin.kind === 'cfir')).toBe(true);
    const constructIds = new Set(cfir.domains.flatMap((d) => d.constructs.map((c) => c.id)));
    const constructs = study.codes.filter((c) => c.origin.kind === 'cfir' && c.parentId !== null);
    expect(constructs.length).toBeGreaterThan(20);
    for (const code of constructs) {
      expect(code.isCodable).toBe(true);
      expect(code.origin.kind === 'cfir' && constructIds.has(code.origin.elementId)).toBe(true);
      // A construct sits under its own domain.
      const parent = byId.get(code.parentId as string);
      expect(code.origin.kind === 'cfir' && parent?.origin.kind === 'cfir' && code.origin.elementId.startsWith(`${parent.origin.elementId}.`)).toBe(true);
    }
    const inductive = study.codes.filter((c) => c.origin.kind === 'inductive');
    expect(inductive.length).toBeGreaterThan(0);
    expect(inductive.every((c) => c.parentId !== null && byId.get(c.parentId)?.origin.kind === 'cfir')).toBe(true);
    expect(new Set(study.codes.map((c) => c.color)).size).toBeGreaterThan(5);
  });

  it('codes passages from a sentence to a few paragraphs, with overlaps', () => {
    const docs = new Map(study.documents.map((d) => [d.id, d]));
    const lengths = study.codings.map((c) => c.end - c.start);
    expect(Math.min(...lengths)).toBeGreaterThan(10);
    expect(study.codings.some((c) => (docs.get(c.documentId)?.text ?? '').slice(c.start, c.end).includes('\n'))).toBe(true);
    const first = study.codings[0] as Coding;
    const text = sliceCodePoints(docs.get(first.documentId)?.text ?? '', first.start, first.end);
    expect(text).toMatch(/^\S.*\S$/s);
    const overlapping = study.codings.filter((a) =>
      study.codings.some((b) => b !== a && b.documentId === a.documentId && b.start < a.end && a.start < b.end),
    );
    expect(overlapping.length).toBeGreaterThan(50);
  });

  it('has a second coder who partly agrees with the first: same passages, shifted ones, other codes', () => {
    const [first, second] = study.coders;
    if (!first || !second) throw new Error('two coders');
    const byFirst = study.codings.filter((c) => c.createdBy === first.id);
    const bySecond = study.codings.filter((c) => c.createdBy === second.id);
    expect(bySecond.length).toBeGreaterThan(100);
    const key = (c: Coding, withCode: boolean): string => `${c.documentId}|${withCode ? c.codeId : ''}|${c.start}|${c.end}`;
    const firstExact = new Set(byFirst.map((c) => key(c, true)));
    const firstRanges = new Set(byFirst.map((c) => key(c, false)));
    const agreeing = bySecond.filter((c) => firstExact.has(key(c, true)));
    const otherCode = bySecond.filter((c) => !firstExact.has(key(c, true)) && firstRanges.has(key(c, false)));
    const shifted = bySecond.filter(
      (c) => !firstRanges.has(key(c, false)) && byFirst.some((f) => f.documentId === c.documentId && f.codeId === c.codeId && f.start < c.end && c.start < f.end),
    );
    expect(agreeing.length).toBeGreaterThan(20);
    expect(otherCode.length).toBeGreaterThan(10);
    expect(shifted.length).toBeGreaterThan(20);
  });

  it('has memos on the project, documents, codes and codings', () => {
    expect(new Set(study.memos.map((m) => m.target.kind))).toEqual(new Set(['project', 'document', 'code', 'coding']));
  });
});

describe('synthesizeStudy: sizes', () => {
  it('handles a study without codes or codings, and refuses options that make no sense', () => {
    const bare = synthesizeStudy({ documents: 2, wordsPerDocument: 50, codes: 0, codings: 0, coders: 0, seed: 4 });
    expect(checkSnapshotIntegrity(bare)).toEqual([]);
    expect(bare.codes).toEqual([]);
    expect(() => synthesizeStudy({ ...DEFAULT_SYNTH_OPTIONS, codes: 0 })).toThrow(RangeError);
    expect(() => synthesizeStudy({ ...DEFAULT_SYNTH_OPTIONS, documents: -1 })).toThrow(RangeError);
    expect(() => synthesizeStudy({ ...DEFAULT_SYNTH_OPTIONS, seed: 1.5 })).toThrow(RangeError);
  });

  it('handles very few codes (no categories) and many coders', () => {
    const small = synthesizeStudy({ documents: 3, wordsPerDocument: 200, codes: 3, codings: 30, coders: 4, seed: 8 });
    expect(checkSnapshotIntegrity(small)).toEqual([]);
    expect(small.codes.every((c) => c.isCodable && c.parentId === null)).toBe(true);
    expect(small.codings).toHaveLength(30);
  });

  it('generates 200 documents of 20,000 words with 50,000 codings in seconds', () => {
    const started = performance.now();
    const big = synthesizeStudy({ documents: 200, wordsPerDocument: 20_000, codes: 120, codings: 50_000, coders: 3, seed: 9 });
    const elapsed = performance.now() - started;
    expect(big.documents).toHaveLength(200);
    expect(big.codings).toHaveLength(50_000);
    expect(checkSnapshotIntegrity(big)).toEqual([]);
    // About 1.5 s on a 2-core machine; the bound leaves room for a busy test run.
    expect(elapsed).toBeLessThan(10_000);
  });
});
