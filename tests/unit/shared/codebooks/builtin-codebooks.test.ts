import { describe, expect, it } from 'vitest';
import { cfirElement, cfirElements } from '#shared/codebooks/cfir-data';
import { BUILTIN_CODEBOOK_IDS, builtinCodebook, builtinElement } from '#shared/codebooks/builtin-codebooks';
import { codeLabel, codeNumbering, officialDefinition, originLabel } from '#shared/codebooks/code-info';
import { addCodebook, withCodebooks } from '#shared/codebooks/add-codebook';
import { applyChange } from '#shared/model/change';
import { codeSchema } from '#shared/model/schema';
import type { Code } from '#shared/model/types';
import { projectWithTranscript } from '../fixture-project.ts';

const countLevels = (version: '2.0' | '2009') => {
  const elements = cfirElements(version);
  return {
    domains: elements.filter((e) => e.level === 'domain').length,
    constructs: elements.filter((e) => e.level === 'construct').length,
    subconstructs: elements.filter((e) => e.level === 'subconstruct').length,
  };
};

describe('the shipped CFIR data', () => {
  it('has the published counts: 2.0 has 5 domains, 48 constructs, 19 subconstructs; 2009 has 5, 26, 13', () => {
    expect(countLevels('2.0')).toEqual({ domains: 5, constructs: 48, subconstructs: 19 });
    expect(countLevels('2009')).toEqual({ domains: 5, constructs: 26, subconstructs: 13 });
  });

  it('keeps stable ids, numbering and definitions, and a unique id per element', () => {
    expect(cfirElement('2.0', '2.0.II.G.2')).toMatchObject({ label: 'II.G.2', name: 'Market Pressure', level: 'subconstruct', parentId: '2.0.II.G' });
    expect(cfirElement('2009', '2009.III.D.1')).toMatchObject({ label: 'III.D.1', name: 'Tension for Change' });
    expect(cfirElement('2.0', '2.0.IV.A')?.subdomain).toBe('Roles');
    for (const version of ['2.0', '2009'] as const) {
      const elements = cfirElements(version);
      expect(new Set(elements.map((e) => e.id)).size).toBe(elements.length);
      for (const e of elements) {
        expect(e.id).toBe(`${version}.${e.label}`);
        if (e.level !== 'domain') expect(e.definition?.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('the peer-support frameworks', () => {
  it('ships Ibrahim et al. 2019 with its 14 influences, facilitators, barriers and suggested CFIR constructs', () => {
    const book = builtinCodebook('ibrahim-2019');
    expect(book.elements.map((e) => e.id)).toEqual(Array.from({ length: 14 }, (_, i) => `IB19.${i + 1}`));
    const culture = builtinElement('ibrahim-2019', 'IB19.1');
    expect(culture?.name).toBe('Organisational culture');
    expect(culture?.notes.map((n) => n.label)).toEqual(expect.arrayContaining(['Facilitators', 'Barriers', 'CFIR domains in the paper (2009)']));
    expect(culture?.suggestedCfir.map((s) => s.id)).toContain('2.0.III.D');
  });

  it('ships Mirbahaeddin & Chreim 2022: 3 levels, 9 factors, 31 sub-factors and 13 interlevel interactions', () => {
    const elements = builtinCodebook('mirbahaeddin-2022').elements;
    const count = (kind: string) => elements.filter((e) => e.kind === kind).length;
    expect([count('level'), count('factor'), count('sub-factor'), count('interlevel interaction')]).toEqual([3, 9, 31, 13]);
    expect(elements.filter((e) => !e.isCodable).map((e) => e.name)).toEqual(['Macro', 'Meso', 'Micro', 'Interlevel interactions']);
  });

  it('suggests only CFIR 2.0 constructs that exist in the shipped CFIR 2.0 data', () => {
    for (const id of ['ibrahim-2019', 'mirbahaeddin-2022'] as const) {
      for (const element of builtinCodebook(id).elements) {
        for (const suggestion of element.suggestedCfir) expect(cfirElement('2.0', suggestion.id), suggestion.id).toBeDefined();
      }
    }
  });
});

describe('labels and definitions of codes', () => {
  const cfirCode = { name: 'Peer pressure here', origin: { kind: 'cfir', version: '2.0', elementId: '2.0.II.G.2' } } as const;

  it('shows a CFIR code with its numbering from the data, whatever the code is named', () => {
    expect(codeNumbering(cfirCode)).toBe('II.G.2');
    expect(codeLabel(cfirCode)).toBe('II.G.2 Peer pressure here');
    expect(codeLabel({ name: 'Trust', origin: { kind: 'inductive' } })).toBe('Trust');
    expect(originLabel(cfirCode.origin)).toBe('CFIR 2.0 subconstruct');
  });

  it('gives the shipped definition with its id and numbering, and suggested CFIR constructs for framework codes', () => {
    const definition = officialDefinition(cfirCode);
    expect(definition).toMatchObject({ source: 'CFIR 2.0', elementId: '2.0.II.G.2', numbering: 'II.G.2', officialName: 'Market Pressure' });
    expect(definition?.definition).toMatch(/peer organizations/);
    expect(definition?.note).toMatch(/paraphrase/i);
    const framework = officialDefinition({ origin: { kind: 'framework', frameworkId: 'ibrahim-2019', elementId: 'IB19.5' } });
    expect(framework?.suggestedCfir[0]).toMatchObject({ numbering: expect.stringMatching(/^[IV]+\.[A-M]/) });
    expect(framework?.suggestedCfir[0]?.definition).toBeTruthy();
    expect(officialDefinition({ origin: { kind: 'inductive' } })).toBeNull();
  });
});

describe('adding a built-in codebook', () => {
  it('makes one valid code per CFIR 2.0 element, domains as categories at the top, and records the codebook', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const { change, codes } = addCodebook(snapshot, 'cfir-2.0', null, newId, now);
    expect(codes).toHaveLength(5 + 48 + 19);
    expect(change.project?.codebooks).toEqual(['cfir-2.0']);
    for (const code of codes) expect(codeSchema.safeParse(code).success).toBe(true);
    const domains = codes.filter((c) => c.parentId === null);
    expect(domains.map((c) => c.name)).toEqual(['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process']);
    expect(domains.every((c) => !c.isCodable)).toBe(true);
    const byElement = new Map(codes.map((c) => [c.origin.kind === 'cfir' ? c.origin.elementId : '', c]));
    const market = byElement.get('2.0.II.G.2') as Code;
    expect(market.isCodable).toBe(true);
    expect(market.parentId).toBe(byElement.get('2.0.II.G')?.id);
    expect(byElement.get('2.0.II.G')?.parentId).toBe(byElement.get('2.0.II')?.id);
    expect(market.description).toBe('');
  });

  it('puts a second CFIR version and each framework under a category named after it, and refuses adding one twice', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const with20 = withCodebooks(snapshot, ['cfir-2.0'], null, newId, now);
    const both = withCodebooks(with20, ['cfir-2009', 'ibrahim-2019'], null, newId, now);
    const roots = both.codes.filter((c) => c.parentId === null).map((c) => c.name);
    expect(roots).toEqual(['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process', 'CFIR 2009', 'Ibrahim et al. 2019']);
    const group2009 = both.codes.find((c) => c.name === 'CFIR 2009') as Code;
    expect(both.codes.filter((c) => c.parentId === group2009.id)).toHaveLength(5);
    expect(both.codes).toHaveLength(72 + 1 + 44 + 1 + 14);
    expect(both.project.codebooks).toEqual(['cfir-2.0', 'cfir-2009', 'ibrahim-2019']);
    expect(() => addCodebook(both, 'cfir-2009', null, newId, now)).toThrow(/already in this project/);
  });

  it('does not make a second code for an element that already has one', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const first = applyChange(snapshot, addCodebook(snapshot, 'cfir-2.0', null, newId, now).change);
    const forgotten = { ...first, project: { ...first.project, codebooks: [] } };
    const again = addCodebook(forgotten, 'cfir-2.0', null, newId, now);
    expect(again.codes).toHaveLength(0);
    expect(again.change.project?.codebooks).toEqual(['cfir-2.0']);
  });

  it('lists every built-in codebook', () => {
    expect(BUILTIN_CODEBOOK_IDS.map((id) => builtinCodebook(id).title)).toEqual(['CFIR 2.0', 'CFIR 2009', 'Ibrahim et al. 2019', 'Mirbahaeddin & Chreim 2022']);
  });
});
