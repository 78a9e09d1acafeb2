import { describe, expect, it } from 'vitest';
import { inVivoName, quickCodeMatches } from '#shared/coding/quick-code';
import type { Code, CodeOrigin } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';

function code(id: string, name: string, origin: CodeOrigin = { kind: 'inductive' }, isCodable = true): Code {
  return {
    id,
    projectId: 'p',
    parentId: null,
    name,
    color: '#3366cc',
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    order: 0,
    origin,
    isCodable,
    isHidden: false,
    ...stampsAt('2026-01-01T00:00:00.000Z', null),
  };
}

const codes = [
  code('d', 'Inner Setting', { kind: 'cfir', version: '2.0', elementId: '2.0.III' }, false),
  code('c1', 'Relational Connections', { kind: 'cfir', version: '2.0', elementId: '2.0.III.B' }),
  code('c2', 'Communications', { kind: 'cfir', version: '2.0', elementId: '2.0.III.C' }),
  code('c3', 'Culture', { kind: 'cfir', version: '2.0', elementId: '2.0.III.D' }),
  code('i1', 'Peer support'),
  code('i2', 'Trust in peers'),
  code('i3', 'Distrust'),
];

const names = (query: string, recent: string[] = []) => quickCodeMatches(codes, query, recent).map((m) => m.code.name);

describe('quick-code', () => {
  it('finds a CFIR construct by its number, however it is typed', () => {
    expect(names('III.D')[0]).toBe('Culture');
    expect(names('iii.d')[0]).toBe('Culture');
    expect(names('III.D.')[0]).toBe('Culture');
    // A domain number offers its constructs (the domain itself is a category and is not codable).
    expect(names('III')).toEqual(['Relational Connections', 'Communications', 'Culture']);
  });

  it('ranks name matches: start, word start, inside, then letters in order', () => {
    expect(names('trust')).toEqual(['Trust in peers', 'Distrust']);
    expect(names('pe')).toEqual(['Peer support', 'Trust in peers']);
    expect(names('pesu')).toEqual(['Peer support']);
    expect(names('zzz')).toEqual([]);
  });

  it('prefers recently used codes among equals, and offers everything codable for an empty query', () => {
    expect(names('c', ['c3'])).toEqual(['Culture', 'Communications', 'Relational Connections']);
    expect(names('')).toHaveLength(6);
  });

  it('names an in-vivo code after the selected words', () => {
    expect(inVivoName('  “we were   family”, ')).toBe('we were family');
    const long = inVivoName('the peer workers came to every ward round and they never once missed a meeting with us');
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(61);
  });
});
