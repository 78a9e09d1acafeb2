import { describe, expect, it } from 'vitest';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { buildProjectIndex, codeWithDescendants } from '#shared/index/project-index';
import { passageContext, retrieveSegments, segmentText } from '#shared/coding/retrieve-segments';
import { NO_FILTER, documentPasses, speakerAttributeOptions, speakerPasses, speakerAt } from '#shared/coding/segment-filter';
import { codedSegments } from '#shared/coding/retrieval';
import { paragraphSpan } from '#shared/coding/paragraph-label';
import { citationLabels, documentLabel } from '#shared/coding/citation-labels';
import type { Code } from '#shared/model/types';

const snapshot = synthesizeStudy({ documents: 10, wordsPerDocument: 800, codes: 30, codings: 600, coders: 3, seed: 9 });
const index = buildProjectIndex(snapshot);

/** The code with the most codings, so that filters have something to keep and something to drop. */
function busiestCode(): Code {
  const counts = new Map<string, number>();
  for (const c of snapshot.codings) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const code = snapshot.codes.find((c) => c.id === id);
  if (!code) throw new Error('no codings');
  return code;
}

describe('retrieving segments', () => {
  it('returns what the plain retrieval returns, with the same citations, speakers and texts', () => {
    const code = busiestCode();
    const mine = retrieveSegments(index, snapshot, { codeIds: [code.id], filter: NO_FILTER, order: 'document' });
    const plain = codedSegments(snapshot, [code.id]);
    // The same segments, each with the same citation, speaker and text (the order is checked below).
    const row = (id: string, citation: string, speaker: string | null, text: string) => ({ id, citation, speaker, text });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(mine.map((s) => row(s.coding.id, s.citation, s.speaker?.label ?? null, segmentText(s))).sort(byId)).toEqual(
      plain.map((s) => row(s.coding.id, s.citation, s.speaker, s.text)).sort(byId),
    );
    // Document order: by name with numbers compared as numbers, then by position.
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    for (let i = 1; i < mine.length; i++) {
      const a = mine[i - 1];
      const b = mine[i];
      if (!a || !b) continue;
      const byName = collator.compare(a.document.name, b.document.name);
      expect(byName < 0 || (byName === 0 && a.coding.start <= b.coding.start)).toBe(true);
    }
  });

  it('filters by site, phase, kind, speaker role and coder, exactly as the predicates say', () => {
    const code = busiestCode();
    const [site] = snapshot.sites;
    const [, post] = snapshot.phases;
    const coder = snapshot.coders[1];
    if (!site || !post || !coder) throw new Error('the study has sites, phases and coders');
    const filter = { ...NO_FILTER, siteIds: [site.id], phaseIds: [post.id], kinds: ['transcript' as const], speakerRoles: ['participant' as const], coderIds: [coder.id] };
    const expected = snapshot.codings.filter((coding) => {
      const document = snapshot.documents.find((d) => d.id === coding.documentId);
      return (
        coding.codeId === code.id &&
        coding.createdBy === coder.id &&
        document !== undefined &&
        documentPasses(filter, document) &&
        speakerPasses(filter, speakerAt(document, coding.start))
      );
    });
    const broad = retrieveSegments(index, snapshot, { codeIds: [code.id], filter: { ...NO_FILTER, siteIds: [site.id] }, order: 'document' });
    expect(broad.length).toBeGreaterThan(0);
    expect(broad.every((s) => s.document.attributes.siteId === site.id)).toBe(true);
    const narrow = retrieveSegments(index, snapshot, { codeIds: [code.id], filter, order: 'document' });
    expect(new Set(narrow.map((s) => s.coding.id))).toEqual(new Set(expected.map((c) => c.id)));
    expect(narrow.every((s) => s.speaker?.role === 'participant')).toBe(true);
  });

  it('retrieves a whole domain with its children, sorted by site then phase', () => {
    const domain = snapshot.codes.find((c) => !c.isCodable && c.parentId === null);
    if (!domain) throw new Error('the study has domains');
    const family = codeWithDescendants(index, domain.id).map((c) => c.id);
    const segments = retrieveSegments(index, snapshot, { codeIds: family, filter: NO_FILTER, order: 'site-phase' });
    const familySet = new Set(family);
    expect(segments.length).toBe(snapshot.codings.filter((c) => familySet.has(c.codeId)).length);
    const siteOrder = snapshot.sites.map((s) => s.id);
    const phaseOrder = new Map(snapshot.phases.map((p) => [p.id, p.order]));
    const keys = segments.map((s) => [siteOrder.indexOf(s.document.attributes.siteId ?? ''), phaseOrder.get(s.document.attributes.phaseId ?? '') ?? 0]);
    const sorted = [...keys].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
    expect(keys).toEqual(sorted);
  });

  it('cuts the paragraph around a passage into before, passage and after', () => {
    const coding = snapshot.codings[3];
    const document = snapshot.documents.find((d) => d.id === coding?.documentId);
    if (!coding || !document) throw new Error('no coding');
    const context = passageContext(document, coding.start, coding.end);
    const whole = context.before + context.passage + context.after;
    expect(document.text.includes(whole)).toBe(true);
    expect(context.passage).toBe(segmentText({ document, coding }));
    expect(context.before.includes('\n')).toBe(false);
  });

  it('lists speaker attributes with their values', () => {
    const withAttributes = [{ speakers: [{ id: 's', label: 'P1', role: 'participant' as const, attributes: { profession: 'nurse', gender: '' } }] }, { speakers: [{ id: 't', label: 'P2', role: 'participant' as const, attributes: { profession: 'doctor' } }] }];
    expect([...speakerAttributeOptions(withAttributes)]).toEqual([['profession', ['doctor', 'nurse']]]);
  });
});

describe('citing a passage that starts on a line break', () => {
  it('cites and attributes it the same in retrieval, in memos and in the coding inspector', () => {
    const coding = snapshot.codings.find((c) => {
      const document = index.documentById.get(c.documentId);
      return document?.paragraphs.some((p, i) => i > 0 && document.paragraphs[i - 1]?.speakerId !== p.speakerId && p.end - p.start > 5) ?? false;
    });
    if (!coding) throw new Error('no coding in a document with two speakers');
    const document = index.documentById.get(coding.documentId);
    if (!document) throw new Error('no document');
    // A passage from the line break after one speaker's paragraph into the next speaker's paragraph.
    const at = document.paragraphs.findIndex((p, i) => i > 0 && document.paragraphs[i - 1]?.speakerId !== p.speakerId && p.end - p.start > 5);
    const paragraph = document.paragraphs[at];
    if (!paragraph) throw new Error('no paragraph');
    const passage = { ...coding, start: paragraph.start - 1, end: paragraph.start + 5 };
    const withPassage = { ...snapshot, codings: [...snapshot.codings.filter((c) => c.id !== coding.id), passage] };
    const label = documentLabel(snapshot, snapshot.documents, document.id);
    const inspector = paragraphSpan(document.paragraphs, passage.start, passage.end, label);
    const [retrieved] = retrieveSegments(buildProjectIndex(withPassage), snapshot, { codeIds: [coding.codeId], filter: NO_FILTER, order: 'document' }).filter(
      (s) => s.coding.id === coding.id,
    );
    const [plain] = codedSegments(withPassage, [coding.codeId]).filter((s) => s.coding.id === coding.id);
    expect(inspector).toBe(label ? `${label} ${paragraph.n}` : `¶${paragraph.n}`);
    expect(retrieved?.citation).toBe(inspector);
    expect(plain?.citation).toBe(inspector);
    const speaker = document.speakers.find((s) => s.id === paragraph.speakerId) ?? null;
    expect(retrieved?.speaker?.label ?? null).toBe(speaker?.label ?? null);
    expect(plain?.speaker).toBe(speaker?.label ?? null);
    expect(speakerAt(document, passage.start)?.id ?? null).toBe(speaker?.id ?? null);
  });
});

describe('citations in retrieval are unique in the project', () => {
  it('never gives paragraphs of two documents the same citation, though sites have several documents', () => {
    const perSite = new Map<string, number>();
    for (const d of snapshot.documents) perSite.set(d.attributes.siteId ?? '', (perSite.get(d.attributes.siteId ?? '') ?? 0) + 1);
    // The study must have a site with several documents, or this test proves nothing.
    expect(Math.max(...perSite.values())).toBeGreaterThan(1);
    const all = retrieveSegments(index, snapshot, { codeIds: snapshot.codes.map((c) => c.id), filter: NO_FILTER, order: 'document' });
    expect(all.length).toBe(snapshot.codings.length);
    const documentOf = new Map<string, string>();
    for (const segment of all) {
      // "KS pre 12–14" cites paragraphs 12 to 14; each paragraph's own citation must name one document only.
      const [label, paragraphs] = [segment.citation.replace(/^¶/, '').replace(/ ?\d+(\u2013\d+)?$/, ''), segment.citation.match(/(\d+)(\u2013(\d+))?$/)];
      const first = Number(paragraphs?.[1]);
      expect(first).toBe(segment.firstParagraph);
      expect(label).toBe(documentLabel(snapshot, snapshot.documents, segment.document.id));
      const key = `${label}\u0000${first}`;
      expect(documentOf.get(key) ?? segment.document.id).toBe(segment.document.id);
      documentOf.set(key, segment.document.id);
    }
  });

  it('computes the labels once per list of documents, sites and phases, and again when one of them changes', () => {
    const labels = citationLabels(snapshot, snapshot.documents);
    expect(citationLabels(snapshot, snapshot.documents)).toBe(labels);
    expect(citationLabels(snapshot, index.documentById)).toEqual(labels);
    const [site] = snapshot.sites;
    if (!site) throw new Error('the study has sites');
    const renamed = { ...snapshot, sites: snapshot.sites.map((s) => (s.id === site.id ? { ...s, code: 'ZZ' } : s)) };
    const relabelled = citationLabels(renamed, snapshot.documents);
    expect(relabelled).not.toBe(labels);
    const ofSite = snapshot.documents.find((d) => d.attributes.siteId === site.id);
    if (!ofSite) throw new Error('the site has documents');
    expect(relabelled.get(ofSite.id)?.label.startsWith('ZZ')).toBe(true);
  });
});
