/**
 * Quick-code: finding the code a coder means from a few typed letters, or from a CFIR number such as "III.D", so
 * that coding a selection is a matter of a few keys and Enter.
 *
 * The ranking: the exact number or name first, then numbers that begin with what was typed (all of "III.D" for
 * "iii.d"), names that begin with it, names with a word that begins with it, names that contain it, and last names
 * that hold its letters in order ("pesu" finds "Peer support"). Ties go to the codes used most recently, then by
 * name. Only codable, visible codes are offered.
 */
import type { Code, Uuid } from '../model/types.ts';
import { codeNumbering } from '../codebooks/code-info.ts';

/** A code offered for a query, with how it matched. */
export interface QuickCodeMatch {
  readonly code: Code;
  /** The code's published numbering ("III.D"), or null. */
  readonly numbering: string | null;
  /** Lower is better. */
  readonly rank: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function normaliseNumbering(text: string): string {
  return text.toUpperCase().replace(/\s+/g, '').replace(/\.+$/, '');
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const ch of haystack) {
    if (ch === needle[at]) at++;
    if (at === needle.length) return true;
  }
  return needle.length === 0;
}

/** How well a code matches a query (lower is better), or null when it does not. */
function rankOf(code: Code, numbering: string | null, query: string): number | null {
  const needle = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!needle) return 0;
  const name = code.name.toLowerCase();
  const number = numbering ? normaliseNumbering(numbering) : null;
  const typedNumber = normaliseNumbering(query);
  if (number && number === typedNumber) return 0;
  if (name === needle) return 1;
  if (number && typedNumber.length >= 1 && number.startsWith(typedNumber) && /^[IVX]+(\.|$)/.test(typedNumber)) return 2;
  if (name.startsWith(needle)) return 3;
  if (name.split(/[\s\-/()]+/).some((word) => word.startsWith(needle))) return 4;
  if (name.includes(needle)) return 5;
  if (needle.length >= 2 && isSubsequence(needle.replace(/\s/g, ''), name)) return 6;
  return null;
}

/**
 * The codable codes matching a query, best first; `recent` lists code ids most recent first. With
 * `includeCategories`, categories (CFIR domains) are offered too, as retrieval wants them.
 */
export function quickCodeMatches(
  codes: Iterable<Code>,
  query: string,
  recent: readonly Uuid[] = [],
  options: { readonly includeCategories?: boolean } = {},
): readonly QuickCodeMatch[] {
  const recency = new Map(recent.map((id, i) => [id, i]));
  const matches: QuickCodeMatch[] = [];
  for (const code of codes) {
    if ((!code.isCodable && !options.includeCategories) || code.isHidden) continue;
    const numbering = codeNumbering(code);
    const rank = rankOf(code, numbering, query);
    if (rank !== null) matches.push({ code, numbering, rank });
  }
  return matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      (recency.get(a.code.id) ?? Infinity) - (recency.get(b.code.id) ?? Infinity) ||
      Number(a.numbering === null) - Number(b.numbering === null) ||
      collator.compare(a.numbering ?? '', b.numbering ?? '') ||
      collator.compare(a.code.name, b.code.name),
  );
}

/** A name for an in-vivo code: the selected words themselves, on one line, cut at a word near 60 characters. */
export function inVivoName(selected: string): string {
  const words = selected.replace(/\s+/gu, ' ').trim().replace(/^["'“”‘’«»]+|["'“”‘’«»,.;:!?]+$/gu, '');
  if (words.length <= 60) return words;
  const cut = words.slice(0, 60);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 30 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}
