/**
 * Mapping between the browser's selection and code-point offsets of the document.
 *
 * The reader renders the text as runs, each a `<span data-cp="N">` holding exactly the characters of the document
 * from code point N on. A selection boundary inside a run's text node is a UTF-16 offset into that run; together
 * with the run's start it gives a UTF-16 position in the document, which the document's code-point map converts.
 * Nothing else (paragraph numbers, labels) is selectable text, so no other element needs counting.
 */
import type { CodePointMap, CodePointRange } from '#shared/text/code-points';
import { codePointToUtf16, utf16ToCodePoint } from '#shared/text/code-points';

const RUN_SELECTOR = '[data-cp]';

function runOf(node: Node | null): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>(RUN_SELECTOR) ?? null;
}

/** The run elements of a container, in document order. */
function runsIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(RUN_SELECTOR)];
}

/** The code point where a run element starts. */
function runStart(run: HTMLElement): number {
  return Number(run.dataset.cp);
}

/**
 * The document code point of a selection boundary, or null when it is outside the text. A boundary between
 * elements (not inside a text node) resolves to the start of the next run, or the end of the previous one.
 */
export function boundaryToCodePoint(
  container: HTMLElement,
  map: CodePointMap,
  node: Node,
  offset: number,
): number | null {
  if (!container.contains(node)) return null;
  const run = runOf(node);
  if (run && node.nodeType === Node.TEXT_NODE) {
    const utf16 = codePointToUtf16(map, runStart(run)) + offset;
    return utf16ToCodePoint(map, utf16);
  }
  // The boundary sits between nodes: find the first run at or after that point.
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const candidate of runsIn(container)) {
    if (probe.comparePoint(candidate, 0) >= 0) return runStart(candidate);
  }
  const runs = runsIn(container);
  const last = runs[runs.length - 1];
  if (!last) return null;
  return utf16ToCodePoint(map, codePointToUtf16(map, runStart(last)) + (last.textContent ?? '').length);
}

/** The current selection inside the container as a code-point range, or null when there is none there. */
export function selectionToCodePoints(container: HTMLElement, map: CodePointMap): CodePointRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = boundaryToCodePoint(container, map, range.startContainer, range.startOffset);
  const end = boundaryToCodePoint(container, map, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Selects [start, end) of the document in the page, e.g. to show where a jump landed. */
export function selectCodePoints(container: HTMLElement, map: CodePointMap, target: CodePointRange): boolean {
  const locate = (codePoint: number): { node: Node; offset: number } | null => {
    let chosen: HTMLElement | null = null;
    for (const run of runsIn(container)) {
      if (runStart(run) <= codePoint) chosen = run;
      else break;
    }
    const text = chosen?.firstChild;
    if (!chosen || !text) return null;
    const offset = codePointToUtf16(map, codePoint) - codePointToUtf16(map, runStart(chosen));
    return { node: text, offset: Math.min(offset, (text.textContent ?? '').length) };
  };
  const from = locate(target.start);
  const to = locate(target.end);
  const selection = window.getSelection();
  if (!from || !to || !selection) return false;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** The node and offset of a code point among the rendered runs of a container, or null when it is not rendered. */
function locateCodePoint(container: HTMLElement, map: CodePointMap, codePoint: number, preferNext: boolean): { node: Node; offset: number } | null {
  let chosen: HTMLElement | null = null;
  for (const run of runsIn(container)) {
    const start = runStart(run);
    // An offset at the boundary of two runs goes into the next one for a start, the previous one for an end.
    if (start < codePoint || (preferNext && start === codePoint)) chosen = run;
    else if (start === codePoint && !chosen) chosen = run;
    else break;
  }
  const text = chosen?.firstChild;
  if (!chosen || !text) return null;
  const offset = codePointToUtf16(map, codePoint) - codePointToUtf16(map, runStart(chosen));
  return { node: text, offset: Math.max(0, Math.min(offset, (text.textContent ?? '').length)) };
}

/**
 * A DOM range over [start, end) of the document, clipped to the runs rendered in the container (the reader renders
 * only the paragraphs on screen), or null when none of it is rendered.
 */
export function domRangeOf(container: HTMLElement, map: CodePointMap, target: CodePointRange): Range | null {
  const runs = runsIn(container);
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!first || !last) return null;
  const lastEnd = utf16ToCodePoint(map, codePointToUtf16(map, runStart(last)) + (last.textContent ?? '').length);
  const start = Math.max(target.start, runStart(first));
  const end = Math.min(target.end, lastEnd);
  if (end <= start) return null;
  const from = locateCodePoint(container, map, start, true);
  const to = locateCodePoint(container, map, end, false);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The document code point under a point of the window (for dragging a coding's edge), or null off the text. */
export function codePointAtPoint(container: HTMLElement, map: CodePointMap, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return boundaryToCodePoint(container, map, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? boundaryToCodePoint(container, map, range.startContainer, range.startOffset) : null;
}
