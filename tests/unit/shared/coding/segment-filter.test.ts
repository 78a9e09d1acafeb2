import { describe, expect, it } from 'vitest';
import { codingPasses, describeFilter, NO_FILTER, withUnknownRoles } from '#shared/coding/segment-filter';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

describe('filtering codings', () => {
  const study = synthesizeStudy({ documents: 12, wordsPerDocument: 400, codes: 15, codings: 200, coders: 2, seed: 5 });
  const documents = new Map(study.documents.map((d) => [d.id, d]));
  const documentOf = (id: string) => documents.get(id);
  const site = study.sites[0];
  const post = study.phases.find((p) => p.name === 'post');
  const coder = study.coders[1];
  if (!site || !post || !coder) throw new Error('the synthetic study has sites, phases and two coders');

  it('keeps every coding without a filter', () => {
    expect(study.codings.every((c) => codingPasses(NO_FILTER, c, documentOf))).toBe(true);
  });

  it('keeps the codings of one site, phase and coder, and no other', () => {
    const filter = { ...NO_FILTER, siteIds: [site.id], phaseIds: [post.id], coderIds: [coder.id] };
    const kept = study.codings.filter((c) => codingPasses(filter, c, documentOf));
    const expected = study.codings.filter((c) => {
      const d = documents.get(c.documentId);
      return d?.attributes.siteId === site.id && d.attributes.phaseId === post.id && c.createdBy === coder.id;
    });
    expect(kept).toEqual(expected);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('keeps the codings that start in a participant’s turn when filtering by role', () => {
    const filter = { ...NO_FILTER, speakerRoles: ['moderator' as const] };
    const kept = study.codings.filter((c) => codingPasses(filter, c, documentOf));
    for (const coding of kept) {
      const d = documents.get(coding.documentId);
      const paragraph = d?.paragraphs.find((p) => p.start <= coding.start && coding.start <= p.end);
      expect(d?.speakers.find((s) => s.id === paragraph?.speakerId)?.role).toBe('moderator');
    }
  });

  it('describes a filter in a few words', () => {
    expect(describeFilter(NO_FILTER, study, study.coders)).toBe('');
    const filter = { ...NO_FILTER, siteIds: [site.id], phaseIds: [post.id], kinds: ['field-notes' as const], coderIds: [coder.id] };
    expect(describeFilter(filter, study, study.coders)).toBe(`${site.code} · post · field notes · ${coder.initials}`);
  });

  it('widens a role filter to unknown speakers, so retrieval can say how many passages an unknown role leaves out', () => {
    expect(withUnknownRoles(NO_FILTER)).toBeNull();
    expect(withUnknownRoles({ ...NO_FILTER, speakerRoles: ['participant', 'unknown'] })).toBeNull();
    const participants = { ...NO_FILTER, speakerRoles: ['participant' as const] };
    const widened = withUnknownRoles(participants);
    expect(widened?.speakerRoles).toEqual(['participant', 'unknown']);
    // Mark some speakers unknown: the widened filter keeps exactly the participants' codings plus theirs.
    const unknownDocuments = new Map(
      study.documents.map((d, i) => [d.id, i % 2 === 0 ? { ...d, speakers: d.speakers.map((s) => (s.role === 'participant' ? { ...s, role: 'unknown' as const } : s)) } : d]),
    );
    const of = (id: string) => unknownDocuments.get(id);
    const kept = study.codings.filter((c) => codingPasses(participants, c, of)).length;
    const keptWidened = study.codings.filter((c) => codingPasses(widened ?? NO_FILTER, c, of)).length;
    const keptBefore = study.codings.filter((c) => codingPasses(participants, c, documentOf)).length;
    expect(kept).toBeLessThan(keptBefore);
    expect(keptWidened).toBeGreaterThanOrEqual(keptBefore);
  });
});
