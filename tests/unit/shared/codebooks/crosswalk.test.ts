import { describe, expect, it } from 'vitest';
import { applyChange, composeChanges, invertChange } from '#shared/model/change';
import type { Code, ProjectSnapshot, Uuid } from '#shared/model/types';
import { projectSnapshotSchema } from '#shared/model/schema';
import { withCodebooks } from '#shared/codebooks/add-codebook';
import { cfirElement } from '#shared/codebooks/cfir-data';
import type { CrosswalkDecision } from '#shared/codebooks/crosswalk';
import { applyCrosswalk, candidateTargets, crosswalkRows, isUncertain, planCrosswalk, undecidedRows } from '#shared/codebooks/crosswalk';
import { applyCode } from '#shared/coding/apply-code';
import { createCode } from '#shared/codebook/create-code';
import { updateCode } from '#shared/codebook/edit-code';
import { createMemo } from '#shared/memos/memos';
import { projectWithTranscript } from '../fixture-project.ts';

describe('the shipped crosswalk', () => {
  it('has a row for every 2009 construct and subconstruct, pointing only at CFIR 2.0 elements that exist', () => {
    const rows = crosswalkRows();
    expect(rows).toHaveLength(26 + 13);
    for (const row of rows) {
      expect(cfirElement('2009', row.from), row.from).toBeDefined();
      for (const id of row.to) expect(cfirElement('2.0', id), id).toBeDefined();
    }
    const source = rows.find((r) => r.from === '2009.I.A');
    expect(source).toMatchObject({ to: ['2.0.I.A'], verification: 'mapping-file-row-seen' });
    expect(isUncertain(source as (typeof rows)[number])).toBe(false);
  });

  it('offers the targets of the rows below a dropped grouping level', () => {
    const climate = crosswalkRows().find((r) => r.from === '2009.III.D');
    expect(climate?.to).toEqual([]);
    expect(candidateTargets(climate as NonNullable<typeof climate>)).toEqual(expect.arrayContaining(['2.0.III.E', '2.0.III.F', '2.0.III.G']));
  });
});

/** A project coded with CFIR 2009: codings on a certain row, an uncertain one-to-many row, two rows merged in 2.0. */
function project2009() {
  const { snapshot, document, newId, now } = projectWithTranscript();
  let s = withCodebooks(snapshot, ['cfir-2009'], null, newId, now);
  const code = (elementId: string): Code => s.codes.find((c) => c.origin.kind === 'cfir' && c.origin.elementId === elementId) as Code;
  const coder = s.coders[0]?.id ?? null;
  const coding = (codeId: Uuid, start: number, end: number) => {
    const made = applyCode(s, { documentId: document.id, codeId, start, end, coderId: coder }, newId, now);
    s = applyChange(s, made.change);
    return made.coding;
  };
  const source = coding(code('2009.I.A').id, 30, 34); // Intervention Source -> 2.0.I.A (row seen in the file)
  const patient = coding(code('2009.II.A').id, 11, 25); // Patient Needs -> three 2.0 targets (one-to-many)
  const knowledge = coding(code('2009.IV.B').id, 30, 40); // Self-efficacy -> 2.0.IV.K
  const attributes = coding(code('2009.IV.E').id, 30, 40); // Other Personal Attributes -> IV.K and IV.M: IV.K duplicate
  const inductive = createCode(s, { name: 'Peer trust', parentId: code('2009.I.A').id }, null, newId, now);
  s = applyChange(s, inductive.change);
  s = applyChange(s, updateCode(s, code('2009.I.A').id, { description: 'Who owns the PSW programme.' }, now));
  const memo = createMemo(s, { target: { kind: 'code', id: code('2009.I.A').id }, title: 'Source memo', text: '' }, null, newId, now);
  s = applyChange(s, memo.change);
  return { s, code, newId, now, codings: { source, patient, knowledge, attributes }, inductive: inductive.code, memo: memo.memo };
}

const byId = (list: readonly { readonly id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('mapping a 2009 project onto CFIR 2.0', () => {
  it('previews every 2009 code with its mapping, and lists the rows to decide', () => {
    const p = project2009();
    const plan = planCrosswalk(p.s);
    expect(plan.adds20).toBe(true);
    expect(plan.rows).toHaveLength(39);
    const row = (from: string) => plan.rows.find((r) => r.row.from === from);
    expect(row('2009.I.A')).toMatchObject({ codings: 1, reasons: [], carriesData: true });
    expect(row('2009.I.A')?.subcodes.map((c) => c.name)).toEqual(['Peer trust']);
    expect(row('2009.II.A')?.reasons).toEqual(expect.arrayContaining(['one-to-many', 'not verified (recalled)']));
    expect(row('2009.I.B')?.carriesData).toBe(false);
    expect(undecidedRows(plan, new Map()).map((r) => r.row.from)).toEqual(['2009.II.A', '2009.IV.E']);
    expect(() => applyCrosswalk(p.s, new Map(), { removeEmpty2009: true }, null, p.newId, p.now)).toThrow(/Decide these rows first: 2009.II.A/);
  });

  it('re-points, copies to further targets, collapses duplicates, moves subcodes, memos and wording, and undoes in one step', () => {
    const p = project2009();
    const decisions = new Map<string, CrosswalkDecision>([
      ['2009.II.A', { kind: 'map', targets: ['2.0.III.D.2', '2.0.IV.I'] }],
      ['2009.IV.B', { kind: 'map', targets: ['2.0.IV.K'] }],
      ['2009.IV.E', { kind: 'map', targets: ['2.0.IV.K', '2.0.IV.M'] }],
    ]);
    const outcome = applyCrosswalk(p.s, decisions, { removeEmpty2009: true }, null, p.newId, p.now);
    expect(outcome).toMatchObject({ added20: true, mappedCodes: 4, codingsMoved: 3, codingsCopied: 2, collapsed: 1 });
    const after = applyChange(p.s, outcome.change);
    expect(projectSnapshotSchema.safeParse(after).success).toBe(true);
    const code20 = (id: string) => after.codes.find((c) => c.origin.kind === 'cfir' && c.origin.version === '2.0' && c.origin.elementId === id) as Code;
    const on = (id: string) => after.codings.filter((c) => c.codeId === code20(id).id);
    expect(on('2.0.I.A').map((c) => c.id)).toEqual([p.codings.source.id]);
    expect(on('2.0.III.D.2').map((c) => c.id)).toEqual([p.codings.patient.id]);
    expect(on('2.0.IV.I')).toHaveLength(1); // a copy of the same passage
    expect(on('2.0.IV.K').map((c) => [c.start, c.end])).toEqual([[30, 40]]); // IV.B and IV.E coded the same passage
    expect(on('2.0.IV.M')).toHaveLength(1);
    expect(after.codes.find((c) => c.id === p.inductive.id)?.parentId).toBe(code20('2.0.I.A').id);
    expect(after.memos.find((m) => m.id === p.memo.id)?.target).toEqual({ kind: 'code', id: code20('2.0.I.A').id });
    expect(code20('2.0.I.A').description).toBe('Who owns the PSW programme.');
    // Every 2009 code was left empty and went; CFIR 2.0 holds the top of the tree.
    expect(after.codes.filter((c) => c.origin.kind === 'cfir' && c.origin.version === '2009')).toEqual([]);
    expect(after.project.codebooks).toEqual(['cfir-2.0']);
    expect(after.codes.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process']);

    const undone = applyChange(after, invertChange(p.s, outcome.change));
    for (const kind of ['codes', 'codings', 'memos'] as const) expect(byId(undone[kind])).toEqual(byId(p.s[kind]));
    expect(undone.project).toEqual(p.s.project);
  });

  it('keeps what the user keeps, gathering the 2009 codes left under a "CFIR 2009" category', () => {
    const p = project2009();
    const decisions = new Map<string, CrosswalkDecision>([
      ['2009.II.A', { kind: 'keep' }],
      ['2009.IV.B', { kind: 'map', targets: ['2.0.IV.K'] }],
      ['2009.IV.E', { kind: 'keep' }],
    ]);
    const after = applyChange(p.s, applyCrosswalk(p.s, decisions, { removeEmpty2009: true }, null, p.newId, p.now).change);
    const kept = after.codes.filter((c) => c.origin.kind === 'cfir' && c.origin.version === '2009');
    const group = kept.find((c) => c.name === 'CFIR 2009') as Code;
    expect(group.parentId).toBeNull();
    expect(kept.filter((c) => c.parentId === group.id).map((c) => c.name)).toEqual(['Outer Setting', 'Characteristics of Individuals']);
    expect(after.codings.find((c) => c.id === p.codings.patient.id)?.codeId).toBe(p.code('2009.II.A').id);
    expect(after.project.codebooks).toEqual(['cfir-2009', 'cfir-2.0']);
  });
});

describe('composing changes', () => {
  it('gives the same snapshot as applying both, and undoes to the start', () => {
    const p = project2009();
    const a = updateCode(p.s, p.inductive.id, { name: 'Trust in peers' }, p.now);
    const s1 = applyChange(p.s, a);
    const made = createCode(s1, { name: 'Later', parentId: null }, null, p.newId, p.now);
    const s2 = applyChange(s1, made.change);
    const b = { ...updateCode(s2, made.code.id, { color: '#123456' }, p.now), delete: { codes: [p.inductive.id] } };
    const both: ProjectSnapshot = applyChange(s2, b);
    const composed = composeChanges(composeChanges(a, made.change), b);
    expect(byId(applyChange(p.s, composed).codes)).toEqual(byId(both.codes));
    expect(byId(applyChange(both, invertChange(p.s, composed)).codes)).toEqual(byId(p.s.codes));
  });
});
