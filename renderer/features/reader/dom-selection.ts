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
