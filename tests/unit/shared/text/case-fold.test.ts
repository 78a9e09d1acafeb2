import { describe, expect, it } from 'vitest';
import { foldCase, foldCharacter } from '#shared/text/case-fold';

/** Escapes a character for a regular expression with the `u` flag (which allows escaping only syntax characters). */
const escape = (character: string): string => character.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');

function everyCharacter(): string[] {
  const characters: string[] = [];
  for (let c = 0; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) characters.push(String.fromCodePoint(c));
  return characters;
}

describe('case folding', () => {
  it('folds words as case-insensitive regular expressions compare them, keeping their length', () => {
    expect(foldCase('NURSES')).toBe('nurses');
    expect(foldCase('ΟΔΟΣ')).toBe(foldCase('οδοσ'));
    expect(foldCase('ΟΔΟΣ')).toBe(foldCase('οδος'));
    expect(foldCase('ſtraße')).toBe('straße');
    expect(foldCase('STRAẞE')).toBe('straße');
    expect(foldCase('İstanbul')).toHaveLength('İstanbul'.length);
    expect(foldCase('ılık')).not.toBe(foldCase('ilik'));
  });

  it('agrees with the regular-expression engine on every code point, keeping lengths', () => {
    const characters = everyCharacter();
    // The characters that take part in case at all; every other one folds to itself.
    const cased = characters.filter((c) => c.toLowerCase() !== c || c.toUpperCase() !== c || foldCharacter(c) !== c);
    const problems: string[] = [];
    for (const c of cased) {
      const folded = foldCharacter(c);
      if (!new RegExp(`^${escape(c)}$`, 'iu').test(folded)) problems.push(`${c} folds to ${folded}, which /${c}/iu does not match`);
      // The search takes a folded word to be as long as the word found in the text.
      if (folded.length !== c.length) problems.push(`${c} folds to ${folded}, of another length in UTF-16`);
    }
    // Each character's class under the engine holds exactly the cased characters that fold as it does.
    const all = cased.join('');
    const byFold = new Map<string, string[]>();
    for (const c of cased) byFold.set(foldCharacter(c), [...(byFold.get(foldCharacter(c)) ?? []), c]);
    for (const c of cased) {
      const matched = [...all.matchAll(new RegExp(escape(c), 'giu'))].map((m) => m[0]).sort().join('');
      const sameFold = [...(byFold.get(foldCharacter(c)) ?? [])].sort().join('');
      if (matched !== sameFold) problems.push(`/${c}/iu matches ${matched} but ${sameFold} fold alike`);
    }
    // No character outside them matches any of them.
    const isCased = new Set(cased);
    const anyCased = new RegExp(`[${cased.map(escape).join('')}]`, 'iu');
    for (const c of characters) if (!isCased.has(c) && anyCased.test(c)) problems.push(`${c} matches a cased character`);
    expect(problems).toEqual([]);
  });
});
