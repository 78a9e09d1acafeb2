/**
 * The project's citation style: what tells a site's documents apart (phase, kind, focus-group number, a short label
 * the user sets) and whether the phase follows the paragraphs, on the export test study; the setting is a change of
 * the project record (undoable, saved in the .tessera file); and labels stay unique in every style (property).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CITATION_DISTINCTIONS,
  CITATION_LABEL_ATTRIBUTE,
  DEFAULT_CITATION_STYLE,
  changeCitationStyle,
  citationLabels,
  describeCitationStyle,
  exportCitation,
} from '#shared/coding/citation-labels';
import { applyChange, invertChange } from '#shared/model/change';
import type { CitationStyle, DocumentKind, ProjectSnapshot, TesseraDocument } from '#shared/model/types';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { ALL_EXTRACTS, selectExtracts } from '#shared/export/extract-selection';
import { retrieveSegments } from '#shared/coding/retrieve-segments';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { exportStudy } from '../export/export-study.ts';

const { snapshot, documents } = exportStudy();
const withStyle = (s: ProjectSnapshot, style: CitationStyle): ProjectSnapshot => applyChange(s, changeCitationStyle(s, style, () => '2026-12-02T21:00:00.000Z'));

/** How paragraph 12 to 13 of each test document is cited in exports and in the app, under a style. */
function cited(style: CitationStyle, docs: readonly TesseraDocument[] = snapshot.documents) {
  const s = withStyle(snapshot, style);
  const labels = citationLabels(s, docs);
  return Object.fromEntries(
    docs.map((d) => {
      const label = labels.get(d.id);
      if (!label) throw new Error(`${d.name} has no citation`);
      return [d.name, [exportCitation(label, 12, 13), label.label]];
    }),
  );
}

describe('the citation style', () => {
  it('by default tells a site’s documents apart by phase, then kind, and prints the phase after the paragraphs', () => {
    expect(cited(DEFAULT_CITATION_STYLE)).toEqual({
      BU_pre_FGD: ['BU 12–13, pre', 'BU pre'],
      BU_post_FGD: ['BU 12–13, post', 'BU post'],
      KS_pre_FGD: ['KS 12–13, pre', 'KS'],
      KS_pre_notes: ['KS FN 12–13, pre', 'KS FN'],
      TA_pre_FGD: ['TA 12–13, pre', 'TA'],
    });
  });

  it('leaves the phase out of exports when asked, keeping it in the label where it tells documents apart', () => {
    expect(cited({ distinguishBy: 'phase', phaseAfterParagraph: false })).toEqual({
      BU_pre_FGD: ['BU pre 12–13', 'BU pre'],
      BU_post_FGD: ['BU post 12–13', 'BU post'],
      KS_pre_FGD: ['KS 12–13', 'KS'],
      KS_pre_notes: ['KS FN 12–13', 'KS FN'],
      TA_pre_FGD: ['TA 12–13', 'TA'],
    });
  });

  it('numbers a site’s focus groups by date, then name, in the group style', () => {
    const dated = snapshot.documents.map((d) => (d.id === documents.buPost.id ? { ...d, attributes: { ...d.attributes, date: '2024-01-05' } } : d));
    expect(cited({ distinguishBy: 'group', phaseAfterParagraph: true }, dated)).toEqual({
      BU_pre_FGD: ['BU G2 12–13, pre', 'BU G2'],
      BU_post_FGD: ['BU G1 12–13, post', 'BU G1'],
      KS_pre_FGD: ['KS G1 12–13, pre', 'KS G1'],
      KS_pre_notes: ['KS G2 12–13, pre', 'KS G2'],
      TA_pre_FGD: ['TA 12–13, pre', 'TA'],
    });
  });

  it('puts the kind first in the kind style, and the user’s short labels first in the label style', () => {
    expect(cited({ distinguishBy: 'kind', phaseAfterParagraph: true })['KS_pre_notes']).toEqual(['KS FN 12–13, pre', 'KS FN']);
    const labelled = snapshot.documents.map((d) =>
      d.id === documents.buPre.id || d.id === documents.buPost.id ? { ...d, attributes: { ...d.attributes, extra: { [CITATION_LABEL_ATTRIBUTE]: d.id === documents.buPre.id ? 'A' : 'B' } } } : d,
    );
    const byLabel = cited({ distinguishBy: 'label', phaseAfterParagraph: true }, labelled);
    expect(byLabel['BU_pre_FGD']).toEqual(['BU A 12–13, pre', 'BU A']);
    expect(byLabel['BU_post_FGD']).toEqual(['BU B 12–13, post', 'BU B']);
    // KS has no labels: the phase does not tell its documents apart, the kind does.
    expect(byLabel['KS_pre_notes']).toEqual(['KS FN 12–13, pre', 'KS FN']);
  });

  it('is one change of the project record: undone by its inverse, kept in the .tessera file, used by retrieval and exports', async () => {
    const style: CitationStyle = { distinguishBy: 'group', phaseAfterParagraph: false };
    const change = changeCitationStyle(snapshot, style, () => '2026-12-02T21:00:00.000Z');
    expect(Object.keys(change)).toEqual(['project']);
    const after = applyChange(snapshot, change);
    expect(after.project.citationStyle).toEqual(style);
    expect(applyChange(after, invertChange(snapshot, change)).project).toEqual(snapshot.project);
    // Setting the style the project already has changes nothing.
    expect(changeCitationStyle(after, style, () => '')).toEqual({});

    const reopened = (await decodeProjectFile(await encodeProjectFile(after, { appVersion: 'test', savedAt: '2026-12-02T21:00:00.000Z' }))).snapshot;
    expect(reopened.project.citationStyle).toEqual(style);

    const index = buildProjectIndex(reopened);
    const segment = retrieveSegments(index, reopened, { codeIds: reopened.codes.map((c) => c.id), filter: NO_FILTER, order: 'site-phase' }).find(
      (s) => s.document.id === documents.buPost.id,
    );
    expect(segment?.citation).toBe('BU G1 2');
    const extract = selectExtracts(reopened, ALL_EXTRACTS, index).extracts.find((e) => e.document.id === documents.buPost.id);
    expect(extract?.citation).toBe('BU G1 2');
    expect(describeCitationStyle(style)).toMatch(/focus-group number/);
    expect(describeCitationStyle(DEFAULT_CITATION_STYLE)).toMatch(/\(BU 45, pre\)/);
  });

  it('never gives two documents the same label, nor the same export citation, in any style (property)', () => {
    const sites = snapshot.sites;
    const phases = snapshot.phases;
    const documentArb = fc.record({
      site: fc.option(fc.constantFrom(...sites.map((s) => s.id)), { nil: null }),
      phase: fc.option(fc.constantFrom(...phases.map((p) => p.id)), { nil: null }),
      kind: fc.constantFrom<DocumentKind>('transcript', 'field-notes'),
      name: fc.constantFrom('a', 'b', 'BU', 'KS', 'pre', 'x 1', 'FN'),
      // Short labels that collide with each other, with phase names, kinds and numbers on purpose.
      own: fc.constantFrom('', 'A', 'B', 'pre', 'FN', '1', 'A 1', 'G1'),
      date: fc.constantFrom('', '2024-01-01', '2024-02-01'),
    });
    const styleArb = fc.record({ distinguishBy: fc.constantFrom(...CITATION_DISTINCTIONS.map((d) => d.id)), phaseAfterParagraph: fc.boolean() });
    fc.assert(
      fc.property(fc.array(documentArb, { maxLength: 12 }), styleArb, (list, style) => {
        const docs = list.map((d, i) => ({
          id: `doc-${i}`,
          name: d.name,
          kind: d.kind,
          attributes: { siteId: d.site, phaseId: d.phase, language: '', date: d.date as string, extra: (d.own ? { [CITATION_LABEL_ATTRIBUTE]: d.own } : {}) as Record<string, string> },
        }));
        const labels = citationLabels({ ...snapshot, project: { ...snapshot.project, citationStyle: style } }, docs);
        expect(labels.size).toBe(docs.length);
        const values = [...labels.values()];
        expect(new Set(values.map((l) => l.label)).size).toBe(values.length);
        expect(new Set(values.map((l) => exportCitation(l, 12, 12))).size).toBe(values.length);
      }),
      { numRuns: 500 },
    );
  });
});
