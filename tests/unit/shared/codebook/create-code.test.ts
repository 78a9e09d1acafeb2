import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, CodeRefused, createCode, nextCodeColor } from '#shared/codebook/create-code';
import { applyChange } from '#shared/model/change';
import { initialsOf, newProject } from '#shared/model/new-project';
import { projectWithTranscript, testIds } from '../fixture-project.ts';

describe('creating codes', () => {
  it('appends a code under its parent with the next order and an unused colour', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const parent = createCode(snapshot, { name: 'Inner setting', parentId: null, isCodable: false }, null, newId, now);
    const s1 = applyChange(snapshot, parent.change);
    const c1 = createCode(s1, { name: '  Culture  ', parentId: parent.code.id }, null, newId, now);
    const s2 = applyChange(s1, c1.change);
    const c2 = createCode(s2, { name: 'Climate', parentId: parent.code.id }, null, newId, now);
    expect(c1.code).toMatchObject({ name: 'Culture', parentId: parent.code.id, order: 0, origin: { kind: 'inductive' } });
    expect(c2.code.order).toBe(1);
    expect(new Set([parent.code.color, c1.code.color, c2.code.color]).size).toBe(3);
  });

  it('refuses an empty name, a sibling with the same name and a missing parent', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    expect(() => createCode(snapshot, { name: '   ', parentId: null }, null, newId, now)).toThrow(CodeRefused);
    const a = createCode(snapshot, { name: 'Trust', parentId: null }, null, newId, now);
    const s = applyChange(snapshot, a.change);
    expect(() => createCode(s, { name: 'trust', parentId: null }, null, newId, now)).toThrow(/already a code/);
    expect(() => createCode(s, { name: 'X', parentId: newId() }, null, newId, now)).toThrow(/parent/);
    // The same name under another parent is fine.
    expect(createCode(s, { name: 'Trust', parentId: a.code.id }, null, newId, now).code.parentId).toBe(a.code.id);
  });

  it('cycles through the palette before reusing a colour', () => {
    expect(nextCodeColor([])).toBe(CODE_PALETTE[0]);
  });
});

describe('new projects', () => {
  it('starts with pre and post phases and its creator as coder', () => {
    const { newId, now } = testIds();
    const snapshot = newProject({ name: ' UPSIDES  key informants ', coderName: 'Ada Lovelace' }, newId, now);
    expect(snapshot.project.name).toBe('UPSIDES key informants');
    expect(snapshot.phases.map((p) => p.name)).toEqual(['pre', 'post']);
    expect(snapshot.coders).toHaveLength(1);
    expect(snapshot.coders[0]).toMatchObject({ name: 'Ada Lovelace', initials: 'AL', projectId: snapshot.project.id });
  });

  it('makes initials from one or more names', () => {
    expect(initialsOf('Ada')).toBe('AD');
    expect(initialsOf('Mary Ann Evans')).toBe('MAE');
    expect(initialsOf('  ')).toBe('?');
  });
});
