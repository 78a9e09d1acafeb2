/**
 * A passage said in a few words, for a screen reader's announcement ("Coded “P6: The doctors decide…” with
 * Leadership Engagement"): the first words of the passage, white space (line breaks too) as single spaces, and an
 * ellipsis when words were left out. Counted in code points, so a surrogate pair is never cut.
 */

/** The first `maxWords` words of `text` (at most `maxCodePoints` code points), with "…" when there was more. */
export function passageGist(text: string, maxWords = 6, maxCodePoints = 60): string {
  const words = text.split(/[\s\u2028\u2029]+/u).filter(Boolean);
  let gist = '';
  let taken = 0;
  for (const word of words) {
    if (taken === maxWords) break;
    const next = gist ? `${gist} ${word}` : word;
    if ([...next].length > maxCodePoints) {
      // A first word longer than the limit is cut, so the announcement stays short.
      if (!gist) gist = [...word].slice(0, maxCodePoints).join('');
      break;
    }
    gist = next;
    taken++;
  }
  const whole = words.join(' ');
  return gist === whole ? gist : `${gist}…`;
}
