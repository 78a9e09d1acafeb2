/**
 * The one place where text positions are converted between Unicode code points and JavaScript's UTF-16 indices.
 *
 * Tessera stores every position as a code-point offset with an exclusive end, as REFI-QDA defines them, so that a
 * coding made here lands on the same characters in NVivo, MAXQDA or ATLAS.ti. JavaScript strings index UTF-16
 * units, which differ from code points after any character outside the Basic Multilingual Plane (emoji, some CJK).
 * Nothing else in the code base does index arithmetic across that boundary.
 */

/** A range of code points: start inclusive, end exclusive. */
export interface CodePointRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A precomputed map of where a text's astral characters (two UTF-16 units each) stand, so that conversions on a long
 * transcript cost a binary search rather than a scan. Build it once per text.
 */
export interface CodePointMap {
  /** Length of the text in UTF-16 units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  readonly astralUtf16Starts: readonly number[];
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Builds the code-point map of a text. */
export function buildCodePointMap(text: string): CodePointMap {
  const astralUtf16Starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      astralUtf16Starts.push(i);
      i++;
    }
  }
  return {
    utf16Length: text.length,
    codePointLength: text.length - astralUtf16Starts.length,
    astralUtf16Starts,
  };
}

/** Number of entries of a sorted array that are strictly below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Converts a UTF-16 index to a code-point offset. An index that falls between the two halves of a surrogate pair is
 * moved back to the start of that character, so a selection can never split an emoji.
 */
export function utf16ToCodePoint(map: CodePointMap, utf16Index: number): number {
  const index = Math.max(0, Math.min(utf16Index, map.utf16Length));
  // Astral characters that start before `index` each took one extra unit. One starting at index-1 is split by it.
  const before = countBelow(map.astralUtf16Starts, index);
  const splitsPair = before > 0 && map.astralUtf16Starts[before - 1] === index - 1;
  return splitsPair ? index - 1 - (before - 1) : index - before;
}

/** Converts a code-point offset to a UTF-16 index. Offsets past the end are clamped to the end. */
export function codePointToUtf16(map: CodePointMap, codePoint: number): number {
  const offset = Math.max(0, Math.min(codePoint, map.codePointLength));
  // The k-th astral character (0-based) starts at code point astralUtf16Starts[k] - k.
  let low = 0;
  let high = map.astralUtf16Starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((map.astralUtf16Starts[mid] as number) - mid < offset) low = mid + 1;
    else high = mid;
  }
  return offset + low;
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  return buildCodePointMap(text).codePointLength;
}

/** The substring between two code-point offsets (start inclusive, end exclusive). */
export function sliceCodePoints(text: string, start: number, end: number, map = buildCodePointMap(text)): string {
  return text.slice(codePointToUtf16(map, start), codePointToUtf16(map, end));
}

/** Converts a UTF-16 range, as a browser selection gives it, to a code-point range. */
export function utf16RangeToCodePoints(map: CodePointMap, start: number, end: number): CodePointRange {
  const a = utf16ToCodePoint(map, Math.min(start, end));
  // An end inside a surrogate pair takes in the whole character rather than cutting it.
  const rawEnd = Math.max(start, end);
  const endCodePoint = utf16ToCodePoint(map, rawEnd);
  const endSplitsPair = codePointToUtf16(map, endCodePoint) < rawEnd;
  return { start: a, end: endSplitsPair ? endCodePoint + 1 : endCodePoint };
}
