/**
 * Case folding that agrees with JavaScript's case-insensitive Unicode regular expressions (the `iu` flags).
 *
 * The search indexes words folded with `foldCase` and then confirms each candidate with a case-insensitive regular
 * expression, so two words must fold alike exactly when such an expression takes one for the other. `toLowerCase`
 * alone does not do that: it leaves "ſ" (long s), "ς" (final sigma) and the Greek and Cyrillic letter variants
 * unfolded, and lower-cases "İ" into two characters, while the expression compares characters one to one by
 * Unicode's simple case folding. Folding each character through its upper case and back to lower case gives the
 * expression's classes, but for the few characters listed below. A unit test checks every code point against the
 * regular-expression engine.
 */

/** Characters the upper-then-lower round trip folds differently from the regular-expression engine. */
const FOLD_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  // Dotless i has no simple case folding: a case-insensitive "i" does not match it.
  ['\u0131', '\u0131'],
  // Greek letters with dialytika and tonos that Unicode folds onto their older twins.
  ['\u1fd3', '\u0390'],
  ['\u1fe3', '\u03b0'],
  // The two "st" ligatures fold onto one another.
  ['\ufb05', '\ufb06'],
]);

const ASCII = /^[\0-\x7f]*$/u;

/** Whether a string is exactly one code point. */
function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && (text.codePointAt(0) as number) > 0xffff);
}

const foldedCharacters = new Map<string, string>();

/** The case fold of one character (one code point). */
export function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = FOLD_EXCEPTIONS.get(character);
    if (folded === undefined) {
      const upper = character.toUpperCase();
      const lowerOfUpper = isOneCodePoint(upper) ? upper.toLowerCase() : '';
      const lower = character.toLowerCase();
      folded = isOneCodePoint(lowerOfUpper) ? lowerOfUpper : isOneCodePoint(lower) ? lower : character;
    }
    foldedCharacters.set(character, folded);
  }
  return folded;
}

/** The case fold of a text, character by character: as long as the text, in code points. */
export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let folded = '';
  for (const character of text) folded += foldCharacter(character);
  return folded;
}
