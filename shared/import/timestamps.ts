/**
 * Recognises the recording timestamps that transcribers put into transcripts: "[00:21:47]" or "00:21:47" at the
 * start of a paragraph, "(00:21)", and notes such as "[inaudible 00:14:05]". They are listed as written so a reader
 * can go back to the recording; the text keeps them.
 *
 * A time in running prose ("we met at 10:30") is not a timestamp: only a time at the very start of a paragraph, in
 * square brackets, or in parentheses (alone there, or with seconds as in "(crosstalk 00:14:05)") counts.
 */

// h:mm, hh:mm, h:mm:ss, hh:mm:ss, optionally with a fraction of a second (".250" or ",250" as subtitle files write).
const TIME = String.raw`\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:[.,]\d{1,3})?`;
const TIME_IN_TEXT = new RegExp(String.raw`(?<![\d:.,])${TIME}(?![\d:])`, 'g');
const SQUARE_GROUP = /\[([^[\]\n]{1,120})\]/g;
const ROUND_GROUP = /\(([^()\n]{1,120})\)/g;
const ONLY_TIME = new RegExp(String.raw`^\s*${TIME}\s*$`);
const WITH_SECONDS = /:\d\d:\d\d/;
const LEADING = new RegExp(String.raw`(?:\[(${TIME})\]|\((${TIME})\)|(${TIME})(?=\s|$))[ \t]*(?:[-–—|][ \t]+)?`, 'y');

/** A timestamp at the start of a paragraph and where the text after it (and any separator) begins (UTF-16). */
export interface LeadingTimestamp {
  readonly timestamp: string;
  readonly end: number;
}

/** The timestamp that opens a paragraph at UTF-16 index `from` ("[00:21:47] ", "(00:21) ", "00:21:47 - "), or null. */
export function leadingTimestamp(paragraph: string, from = 0): LeadingTimestamp | null {
  LEADING.lastIndex = from;
  const match = LEADING.exec(paragraph);
  if (!match) return null;
  const timestamp = match[1] ?? match[2] ?? match[3] ?? '';
  return { timestamp, end: LEADING.lastIndex };
}

/** The timestamps of a paragraph as written, in the order they stand. */
export function findTimestamps(paragraph: string): string[] {
  if (!paragraph.includes(':')) return [];
  const found: { readonly at: number; readonly timestamp: string }[] = [];
  const seen = new Set<number>();
  const add = (at: number, timestamp: string): void => {
    if (seen.has(at)) return;
    seen.add(at);
    found.push({ at, timestamp });
  };
  const leading = leadingTimestamp(paragraph, paragraph.length - paragraph.trimStart().length);
  if (leading) add(paragraph.indexOf(leading.timestamp), leading.timestamp);
  for (const group of paragraph.matchAll(SQUARE_GROUP)) {
    collectTimes(group[1] ?? '', (group.index ?? 0) + 1, add);
  }
  for (const group of paragraph.matchAll(ROUND_GROUP)) {
    const content = group[1] ?? '';
    // A bare "(10:30)" is a timestamp; in a longer parenthesis only a time with seconds is, not "(back at 10:30)".
    if (ONLY_TIME.test(content) || WITH_SECONDS.test(content)) {
      collectTimes(content, (group.index ?? 0) + 1, add, !ONLY_TIME.test(content));
    }
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.timestamp);
}

function collectTimes(content: string, offset: number, add: (at: number, timestamp: string) => void, secondsOnly = false): void {
  for (const time of content.matchAll(TIME_IN_TEXT)) {
    if (secondsOnly && !WITH_SECONDS.test(time[0])) continue;
    add(offset + (time.index ?? 0), time[0]);
  }
}
