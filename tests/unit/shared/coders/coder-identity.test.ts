/** The coder of an installation (issue 14): cleaned input, kept in the settings, joining a project's coders. */
import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { newProject } from '#shared/model/new-project';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import { cleanCoderIdentity, formatCoderIdentity, joinProjectAsCoder, parseCoderIdentity } from '#shared/coders/coder-identity';
import { UserError } from '#shared/model/user-error';

const ID = '4b0c7d8e-1f2a-4c3b-9d4e-5f6a7b8c9d0e';
let n = 0;
const newId = (): string => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
const now = (): string => '2026-12-02T10:00:00.000Z';

describe('cleanCoderIdentity', () => {
  it('collapses spaces, upper-cases initials and makes them from the name when left empty', () => {
    expect(cleanCoderIdentity(ID, '  Ada   Lovelace ', '')).toEqual({ id: ID, name: 'Ada Lovelace', initials: 'AL' });
    expect(cleanCoderIdentity(ID, 'Joseph Wasswa', 'jw')).toEqual({ id: ID, name: 'Joseph Wasswa', initials: 'JW' });
    expect(cleanCoderIdentity(ID, 'Ngozi Okafor', 'nó2').initials).toBe('NÓ2');
  });

  it('refuses an empty name and initials that are not 1 to 4 letters or digits starting with a letter', () => {
    expect(() => cleanCoderIdentity(ID, '   ', 'AL')).toThrow(UserError);
    expect(() => cleanCoderIdentity(ID, 'Ada', '1A')).toThrow(/Initials are 1 to 4 letters/);
    expect(() => cleanCoderIdentity(ID, 'Ada', 'A.L.')).toThrow(/Initials/);
    expect(() => cleanCoderIdentity(ID, 'Ada', 'ABCDE')).toThrow(/Initials/);
  });
});

describe('the identity in the settings', () => {
  it('reads back what was written, and nothing from what is not an identity', () => {
    const identity = cleanCoderIdentity(ID, 'Ada Lovelace', 'AL');
    expect(parseCoderIdentity(formatCoderIdentity(identity))).toEqual(identity);
    expect(parseCoderIdentity(null)).toBeNull();
    expect(parseCoderIdentity('not json')).toBeNull();
    expect(parseCoderIdentity('{"id":1,"name":"x","initials":"X"}')).toBeNull();
    expect(parseCoderIdentity('{"id":"x","name":"","initials":"X"}')).toBeNull();
  });
});

describe('joinProjectAsCoder', () => {
  const ada = cleanCoderIdentity(ID, 'Ada Lovelace', 'AL');

  it('a project made by the coder names them with their id, so every copy of it does', () => {
    const project = newProject({ name: 'Study', coderName: 'ignored', coder: ada }, newId, now);
    expect(project.coders).toEqual([expect.objectContaining({ id: ID, name: 'Ada Lovelace', initials: 'AL', createdBy: ID })]);
    expect(joinProjectAsCoder(project, ada, now())).toEqual({});
  });

  it('adds the coder to a project made by someone else, as a valid record made by them', () => {
    const project = newProject({ name: 'Study', coderName: 'Ben Okello' }, newId, now);
    const change = joinProjectAsCoder(project, ada, '2026-12-02T11:00:00.000Z');
    const joined = applyChange(project, change);
    expect(joined.coders.map((c) => c.name)).toEqual(['Ben Okello', 'Ada Lovelace']);
    expect(joined.coders[1]).toEqual(expect.objectContaining({ id: ID, projectId: project.project.id, createdBy: ID, createdAt: '2026-12-02T11:00:00.000Z' }));
    expect(checkSnapshotIntegrity(joined)).toEqual([]);
    expect(joinProjectAsCoder(joined, ada, now())).toEqual({});
  });

  it('renames the coder in the project when their name or initials changed, keeping the record', () => {
    const project = newProject({ name: 'Study', coderName: '', coder: ada }, newId, now);
    const renamed = cleanCoderIdentity(ID, 'Ada King', 'AK');
    const change = joinProjectAsCoder(project, renamed, now());
    expect(change.put?.coders).toEqual([{ ...project.coders[0], name: 'Ada King', initials: 'AK' }]);
  });
});
