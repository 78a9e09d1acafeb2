import { describe, expect, it } from 'vitest';
import { codingPasses, describeFilter, NO_FILTER } from '#shared/coding/segment-filter';
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
});
