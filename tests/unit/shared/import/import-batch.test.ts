import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from '#shared/model/change';
import { buildImportChange, type BatchItem } from '#shared/import/import-batch';
import { importTranscriptFile } from '#shared/import/import-file';
import { strToU8 } from 'fflate';
import { expectSound, must } from '../study/expect-sound.ts';
import { projectWithTranscript } from '../fixture-project.ts';

async function item(fileName: string, text: string, fields: Partial<BatchItem>): Promise<BatchItem> {
  const imported = await importTranscriptFile(fileName, strToU8(text));
  return { fileName, imported, name: fileName.replace(/\.[^.]+$/, ''), kind: 'transcript', siteCode: null, phaseId: null, language: '', date: '', ...fields };
}

describe('buildImportChange', () => {
  it('stores a batch in one change: new sites declared, attributes set, field notes linked to their transcript', async () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const pre = must(snapshot.phases[0]);
    const items = [
      await item('BU_pre_FGD_EN.txt', 'Moderator: Welcome.\nP1: Thanks.', { siteCode: 'bu', phaseId: pre.id, language: 'English', date: '2024-03-12' }),
      await item('BU_pre_FN.txt', 'The room was hot.', { kind: 'field-notes', siteCode: 'BU', phaseId: pre.id, link: 'auto' }),
      await item('KA_pre_FN.txt', 'Late start.', { kind: 'field-notes', siteCode: 'KA', phaseId: pre.id, link: 'auto' }),
    ];
    const { change, documents, sites } = buildImportChange(snapshot, items, [{ code: 'BU', name: 'Butabika, Uganda' }, { code: 'ka', name: '' }], newId, now);
    expect(sites.map((s) => [s.code, s.name])).toEqual([
      ['BU', 'Butabika, Uganda'],
      ['KA', 'KA'],
    ]);
    const next = applyChange(snapshot, change);
    expectSound(next);
    expect(next.documents).toHaveLength(4);
    const [transcript, notes, other] = documents;
    expect(transcript?.attributes).toEqual({ siteId: sites[0]?.id, phaseId: pre.id, language: 'English', date: '2024-03-12', extra: {} });
    expect(transcript?.speakers.map((s) => s.label)).toEqual(['Moderator', 'P1']);
    expect(notes?.linkedDocumentId).toBe(transcript?.id);
    // No transcript of KA pre: nothing to link to.
    expect(other?.linkedDocumentId).toBeNull();
    // One undo step takes the whole batch back, sites included.
    const undone = applyChange(next, invertChange(snapshot, change));
    expect(undone.documents).toHaveLength(1);
    expect(undone.sites).toEqual([]);
  });

  it('refuses an undeclared site code and a bad date, naming the file', async () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const bad = await item('XX_pre.txt', 'P1: Hi.', { siteCode: 'XX' });
    expect(() => buildImportChange(snapshot, [bad], [], newId, now)).toThrow('XX_pre.txt: site "XX" is not in the project; declare it first.');
    const late = await item('late.txt', 'P1: Hi.', { date: '2024-13-01' });
    expect(() => buildImportChange(snapshot, [late], [], newId, now)).toThrow('late.txt: "2024-13-01" is not a date (yyyy-mm-dd).');
  });
});
