import { describe, expect, it } from 'vitest';
import { attributesFromFileName, languageTag } from '#shared/study/file-name-attributes';
import type { Phase, Site } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';

const stamps = { projectId: 'p', ...stampsAt('2026-01-01T00:00:00.000Z') };
const sites: Site[] = [
  { id: 's-bu', code: 'BU', name: 'Butabika, Uganda', order: 1, ...stamps },
  { id: 's-ka', code: 'KA', name: 'Kampala', order: 2, ...stamps },
];
const phases: Phase[] = [
  { id: 'p-pre', name: 'pre', order: 1, ...stamps },
  { id: 'p-post', name: 'post', order: 2, ...stamps },
  { id: 'p-fu', name: 'follow-up', order: 3, ...stamps },
];

describe('attributesFromFileName', () => {
  it.each([
    ['BU_pre_FGD_EN.docx', { name: 'BU_pre_FGD_EN', siteId: 's-bu', newSiteCode: null, phaseId: 'p-pre', kind: 'transcript', language: 'English', date: null }],
    ['ka-post-FN-2024-03-12.txt', { name: 'ka-post-FN-2024-03-12', siteId: 's-ka', newSiteCode: null, phaseId: 'p-post', kind: 'field-notes', language: null, date: '2024-03-12' }],
    ['BU follow-up FGD2 Luganda.docx', { name: 'BU follow-up FGD2 Luganda', siteId: 's-bu', newSiteCode: null, phaseId: 'p-fu', kind: 'transcript', language: 'Luganda', date: null }],
    ['HD_baseline_field notes_12.03.2024.docx', { name: 'HD_baseline_field notes_12.03.2024', siteId: null, newSiteCode: 'HD', phaseId: 'p-pre', kind: 'field-notes', language: null, date: '2024-03-12' }],
    ['C:\\studies\\transcript 7.txt', { name: 'transcript 7', siteId: null, newSiteCode: null, phaseId: null, kind: 'transcript', language: null, date: null }],
    ['notes_20240230.txt', { name: 'notes_20240230', siteId: null, newSiteCode: null, phaseId: null, kind: 'field-notes', language: null, date: null }],
  ])('reads %s', (fileName, expected) => {
    expect(attributesFromFileName(fileName, sites, phases)).toEqual(expected);
  });

  it('maps a synonym only to a phase the project has', () => {
    expect(attributesFromFileName('BU_endline_FGD.docx', sites, phases).phaseId).toBe('p-post');
    expect(attributesFromFileName('BU_endline_FGD.docx', sites, [{ id: 'x', name: 'wave 1', order: 1, ...stamps }]).phaseId).toBeNull();
  });
});

describe('languageTag', () => {
  it('gives the tag of a language by its name or its code, and none for a language it does not know', () => {
    expect(languageTag('Hebrew')).toBe('he');
    expect(languageTag(' marathi ')).toBe('mr');
    expect(languageTag('Swahili')).toBe('sw');
    expect(languageTag('Kiswahili')).toBe('sw');
    expect(languageTag('HE')).toBe('he');
    expect(languageTag('Klingon')).toBeNull();
    expect(languageTag('xx')).toBeNull();
  });
});
