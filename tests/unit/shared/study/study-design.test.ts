import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import {
  addPhase,
  addSite,
  movePhase,
  phasesInOrder,
  removePhase,
  removeSite,
  siteUsage,
  StudyEditRefused,
  updateSite,
} from '#shared/study/study-design';
import { expectSound, must } from './expect-sound.ts';
import { projectWithTranscript } from '../fixture-project.ts';

describe('sites', () => {
  it('adds sites with normalised codes and names, refusing duplicates and bad codes', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const { change, site } = addSite(snapshot, { code: ' bu ', name: '  Butabika,   Uganda ' }, newId, now);
    expect(site).toMatchObject({ code: 'BU', name: 'Butabika, Uganda' });
    const next = applyChange(snapshot, change);
    expect(next.sites).toEqual([site]);
    expectSound(next);
    expect(() => addSite(next, { code: 'Bu', name: 'Again' }, newId, now)).toThrow(new StudyEditRefused('There is already a site "BU".'));
    expect(() => addSite(next, { code: '', name: 'x' }, newId, now)).toThrow(/Give the site a code/);
    expect(() => addSite(next, { code: 'B/U', name: 'x' }, newId, now)).toThrow(/letters, digits/);
    // A site without a name is named by its code.
    expect(addSite(next, { code: 'KA', name: ' ' }, newId, now).site.name).toBe('KA');
  });

  it('renames a site without touching its documents', () => {
    const { snapshot, newId, now, document } = projectWithTranscript();
    const { change, site } = addSite(snapshot, { code: 'BU', name: 'Butabika' }, newId, now);
    let next = applyChange(snapshot, change);
    next = { ...next, documents: [{ ...document, attributes: { ...document.attributes, siteId: site.id } }] };
    const renamed = updateSite(next, site.id, { code: 'BUT', name: 'Butabika Hospital' }, now);
    expect(renamed.put?.documents).toBeUndefined();
    const after = applyChange(next, renamed);
    expect(after.sites).toMatchObject([{ id: site.id, code: 'BUT', name: 'Butabika Hospital' }]);
    expect(after.documents[0]?.attributes.siteId).toBe(site.id);
    expect(updateSite(after, site.id, { code: 'but', name: 'Butabika Hospital' }, now)).toEqual({});
  });

  it('refuses to remove a site that documents use, saying how many, and clears it from them when told to', () => {
    const { snapshot, newId, now, document } = projectWithTranscript();
    const { change, site } = addSite(snapshot, { code: 'BU', name: 'Butabika' }, newId, now);
    const next = { ...applyChange(snapshot, change), documents: [{ ...document, attributes: { ...document.attributes, siteId: site.id } }] };
    expect(siteUsage(next, site.id)).toHaveLength(1);
    expect(() => removeSite(next, site.id, false, now)).toThrow('1 document is from site BU; removing it leaves it without a site.');
    const removed = applyChange(next, removeSite(next, site.id, true, now));
    expect(removed.sites).toEqual([]);
    expect(removed.documents[0]?.attributes.siteId).toBeNull();
    expectSound(removed);
  });
});

describe('phases', () => {
  it('starts with pre and post, adds, renames, reorders and removes phases', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    expect(phasesInOrder(snapshot.phases).map((p) => p.name)).toEqual(['pre', 'post']);
    const { change, phase } = addPhase(snapshot, 'follow-up', newId, now);
    let next = applyChange(snapshot, change);
    expect(phase.order).toBe(3);
    expect(() => addPhase(next, 'PRE', newId, now)).toThrow('There is already a phase "PRE".');
    next = applyChange(next, movePhase(next, phase.id, -1, now));
    expect(phasesInOrder(next.phases).map((p) => [p.name, p.order])).toEqual([
      ['pre', 1],
      ['follow-up', 2],
      ['post', 3],
    ]);
    expect(movePhase(next, must(phasesInOrder(next.phases)[0]).id, -1, now)).toEqual({});
    const pre = must(next.phases.find((p) => p.name === 'pre'));
    const document = must(next.documents[0]);
    next = { ...next, documents: [{ ...document, attributes: { ...document.attributes, phaseId: pre.id } }] };
    expect(() => removePhase(next, pre.id, false, now)).toThrow('1 document is in phase pre; removing it leaves it without a phase.');
    next = applyChange(next, removePhase(next, pre.id, true, now));
    expect(next.phases.map((p) => p.name).sort()).toEqual(['follow-up', 'post']);
    expect(next.documents[0]?.attributes.phaseId).toBeNull();
    expectSound(next);
  });
});
