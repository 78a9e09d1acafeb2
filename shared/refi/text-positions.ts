/**
 * Text positions of other tools, brought to Tessera's: code points into the stored text (LF, one paragraph a line).
 *
 * A REFI-QDA file counts positions in the plain-text file as delivered (BOM stripped, CRLF kept). Tools count
 * differently (shared/refi-qda/NOTES.md §3): the standard says code points; NVivo counts UTF-16 units; ATLAS.ti
 * counts a CRLF as one position. The stored text differs from the delivered one too: line ends become LF, trailing
 * white space and blank lines go (transcript-structure.ts). So a position goes delivered-text position (in the
 * tool's units) -> UTF-16 index into the delivered text -> UTF-16 index into the stored text -> code point.
 */
import { buildCodePointMap, utf16ToCodePoint } from '../text/code-points.ts';

/** How a tool counts positions in a text. */
export type PositionCounting = 'code-points' | 'utf16' | 'crlf-as-one';

/** What each way of counting means, for reports. */
export const POSITION_COUNTING_WORDS: Readonly<Record<PositionCounting, string>> = {
  'code-points': 'Unicode code points (as the standard says)',
  utf16: 'UTF-16 units (as NVivo counts them)',
  'crlf-as-one': 'code points with each CRLF line end counted once (as ATLAS.ti counts them)',
};

/** How the tool that wrote a file counts, from its `origin` and the text (NOTES.md §3, "Import"). */
export function positionCountingOf(origin: string | null, deliveredText: string): PositionCounting {
  if (origin && /^\s*nvivo/i.test(origin)) return 'utf16';
  if (origin && /atlas\.ti/i.test(origin) && deliveredText.includes('\r\n')) return 'crlf-as-one';
  return 'code-points';
}

/** Converts a tool's positions in a delivered text to code points in the stored text. */
export interface PositionConverter {
  /** The delivered text's length in the tool's units. */
  readonly length: number;
  /** A position (clamped to [0, length]) as a code point of the stored text. */
  readonly toStored: (position: number) => number;
}

/**
 * The converter for one text. `delivered` is the decoded file without its BOM; `stored` is what recognition made of
 * it. Characters of `stored` that `delivered` lacks (the space that joins a lone timestamp to its turn) map nowhere;
 * characters of `delivered` that `stored` lacks (CR, trailing blanks, blank lines) map to the stored position where
 * they stood.
 */
export function positionConverter(delivered: string, stored: string, counting: PositionCounting): PositionConverter {
  // Tool position -> UTF-16 index of the delivered text. Typed arrays: a transcript has a million characters.
  const toolToDelivered = new Int32Array(delivered.length + 1);
  let length = 0;
  for (let i = 0; i < delivered.length; ) {
    const unit = delivered.charCodeAt(i);
    const astral = unit >= 0xd800 && unit <= 0xdbff && i + 1 < delivered.length && (delivered.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    toolToDelivered[length++] = i;
    if (counting === 'utf16' && astral) toolToDelivered[length++] = i + 1;
    i += astral || (counting === 'crlf-as-one' && unit === 0x0d && delivered.charCodeAt(i + 1) === 0x0a) ? 2 : 1;
  }
  toolToDelivered[length] = delivered.length;

  // UTF-16 index of the delivered text -> UTF-16 index of the stored text (greedy alignment, see above).
  const deliveredToStored = new Int32Array(delivered.length + 1);
  let j = 0;
  let i = 0;
  while (i < delivered.length) {
    const d = delivered.charCodeAt(i);
    const s = j < stored.length ? stored.charCodeAt(j) : -1;
    if (d === s) {
      deliveredToStored[i] = j;
      i += 1;
      j += 1;
    } else if (isWhiteSpace(d)) {
      deliveredToStored[i] = j;
      i += 1;
    } else if (s !== -1 && isWhiteSpace(s)) {
      j += 1;
    } else {
      throw new Error(`The stored text does not follow the delivered one at ${i} (an importer bug).`);
    }
  }
  deliveredToStored[delivered.length] = Math.min(j, stored.length);
  const storedMap = buildCodePointMap(stored);
  return {
    length,
    toStored: (position) => {
      const tool = Math.max(0, Math.min(Math.trunc(position), length));
      return utf16ToCodePoint(storedMap, deliveredToStored[toolToDelivered[tool] as number] as number);
    },
  };
}

/** Whether a UTF-16 unit is white space as JavaScript's \s knows it (what recognition trims and splits at). */
function isWhiteSpace(unit: number): boolean {
  return unit <= 0xff ? unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) || unit === 0xa0 || unit === 0x85 : /\s/.test(String.fromCharCode(unit));
}
