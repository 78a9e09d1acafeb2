/**
 * The transcript reader: numbered paragraphs with their speakers, codings painted in their codes' colours with a
 * stripe per code in the margin, and every way of coding a selection (the quick-code box that opens on it, the
 * recent codes on keys 1 to 9, a right click, dropping a code on it, in-vivo), of selecting a coding (clicking its
 * text or its stripe, or [ and ] from the keyboard) and of changing it (its handles, keys, the inspector).
 *
 * Only the paragraphs on screen are rendered (@tanstack/react-virtual), so a transcript of 30,000 words with
 * thousands of codings opens at once. A selection must survive that: while the mouse is down, and while a
 * selection exists, the paragraphs from its anchor to its focus stay rendered, so the browser's selection never
 * loses the nodes it starts or ends in.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent, MouseEvent as ReactMouseEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import type { Code, Coding, Paragraph, TesseraDocument, Uuid } from '#shared/model/types';
import { documentLabel } from '#shared/coding/citation-labels';
import type { CodePointRange } from '#shared/text/code-points';
import { codingById, codingsOfDocument } from '#shared/index/project-index';
import { codePointMapOf } from '#shared/index/text-maps';
import { layoutStripes, type MarginStripe, type StripeLayout } from '#shared/coding/margin-stripes';
import { nextWordEdge, snapSelection } from '#shared/coding/word-snap';
import { paragraphAt } from '#shared/coding/paragraph-label';
import { paragraphCodings, type ParagraphCodings } from '#shared/coding/paragraph-codings';
import { attempt, changeProject, notify, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { codePointAtPoint, domRangeOf, selectCodePoints, selectionToCodePoints } from './dom-selection.ts';
import { MAX_LANES, ParagraphView, type ParagraphHandlers } from './paragraph-view.tsx';
import { CodingPopover, CodingsHerePopover, RecodePopover } from './coding-popovers.tsx';
import { CodingInspector } from './coding-inspector.tsx';
import { RecentCodes } from './recent-codes.tsx';
import { codeInVivo, codeRange, removeCoding, resizeCoding } from './coding-actions.ts';
import { closePopoverIfOpen, openPopover, selectCoding, setPendingSelection, useReader, type DocumentRange, type ReaderPopover } from './reader-store.ts';
import { droppedCodeId, isCodeDrag } from './code-drag.ts';
import { SpeakerDialog } from './speaker-dialog.tsx';
import { originalOf, removeOriginalChange } from '#shared/align/document-original';
import { AddOriginalDialog } from '../originals/add-original-dialog.tsx';
import { SideBySide } from '../originals/side-by-side.tsx';
import './reader.css';

const NO_CODINGS: readonly Coding[] = [];
const NO_STRIPES: readonly MarginStripe[] = [];
const NO_CODES: ReadonlyMap<Uuid, Code> = new Map();

/** The reader for the selected document. */
export function DocumentReader() {
  const documentId = useWorkspace((s) => s.selectedDocumentId);
  const document = useWorkspace((s) => (documentId ? (s.index?.documentById.get(documentId) ?? null) : null));
  if (!document) {
    return (
      <div className="reader reader-empty">
        <p className="empty">Import a transcript and open it here to read and code it.</p>
      </div>
    );
  }
  return <Reader key={document.id} document={document} />;
}

/** The last per-paragraph codings of each open document (keyed by its paragraph list), to update, not rebuild. */
const lastParagraphCodings = new WeakMap<readonly Paragraph[], ParagraphCodings>();

/** Each paragraph's codings; a paragraph whose codings did not change keeps the very same list. */
function useParagraphCodings(paragraphs: readonly Paragraph[], codings: readonly Coding[]): readonly (readonly Coding[])[] {
  return useMemo(() => {
    const next = paragraphCodings(paragraphs, codings, lastParagraphCodings.get(paragraphs) ?? null);
    lastParagraphCodings.set(paragraphs, next);
    return next.buckets;
  }, [paragraphs, codings]);
}

/** The last stripe layout of each open document (keyed by its paragraph list), to keep unchanged paragraphs' lists. */
const lastStripeLayout = new WeakMap<readonly Paragraph[], StripeLayout>();

/** The margin stripes; a paragraph whose stripes did not change keeps the very same list (and is not redrawn). */
function useStripeLayout(paragraphs: readonly Paragraph[], codings: readonly Coding[]): StripeLayout {
  return useMemo(() => {
    const next = layoutStripes(paragraphs, codings, lastStripeLayout.get(paragraphs) ?? null);
    lastStripeLayout.set(paragraphs, next);
    return next;
  }, [paragraphs, codings]);
}

/** A rough height for a paragraph before it is measured: its length over the characters a line holds. */
function estimateHeight(paragraph: Paragraph | undefined): number {
  const length = paragraph ? paragraph.end - paragraph.start : 0;
  return 10 + Math.max(1, Math.ceil(length / 88)) * 26;
}

/** The paragraph index a DOM node is in, from the rendered row around it. */
function rowIndexOf(node: Node | null): number | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const row = element?.closest<HTMLElement>('[data-index]');
  return row ? Number(row.dataset.index) : null;
}

/** Sets (or clears) a named CSS highlight over a DOM range; browsers without the Highlight API just skip it. */
function paintHighlight(name: string, range: globalThis.Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (range) CSS.highlights.set(name, new Highlight(range));
  else CSS.highlights.delete(name);
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function Reader({ document }: { readonly document: TesseraDocument }) {
  // Narrow selections of the index, each keeping its identity while what it covers is unchanged: a coding made in
  // another document does not re-render this reader.
  const documentCodings = useWorkspace((s) => (s.index ? codingsOfDocument(s.index, document.id) : NO_CODINGS));
  // Blind double-coding: only the current coder's codings are shown (and stepped through) while it is on.
  const blindCoding = useWorkspace((s) => s.blindCoding);
  const currentCoderId = useWorkspace((s) => s.currentCoderId);
  const codings = useMemo(
    () => (blindCoding ? documentCodings.filter((coding) => coding.createdBy === currentCoderId) : documentCodings),
    [blindCoding, currentCoderId, documentCodings],
  );
  const codeById = useWorkspace((s) => s.index?.codeById ?? NO_CODES);
  const jumpTarget = useWorkspace((s) => s.jumpTarget);
  const selectedCodingId = useReader((s) => s.selectedCodingId);
  const pendingSelection = useReader((s) => s.pendingSelection);
  const popover = useReader((s) => s.popover);
  const recentCodeIds = useReader((s) => s.recentCodeIds);
  const bodyRef = useRef<HTMLDivElement>(null);
  const original = useWorkspace((s) => (s.snapshot ? originalOf(s.snapshot, document.id) : undefined));
  const [showOriginal, setShowOriginal] = useState(false);
  const [addingOriginal, setAddingOriginal] = useState(false);
  const sideBySide = showOriginal && original !== undefined;

  const removeOriginal = (): void => {
    void attempt(null, async () => {
      await changeProject(`Remove the original of ${document.name}`, (snapshot) => {
        const stored = originalOf(snapshot, document.id);
        return { change: stored ? removeOriginalChange(stored) : {}, result: undefined };
      });
      setShowOriginal(false);
      notify('info', `The original of “${document.name}” is removed; its codings stay. Ctrl+Z brings it back.`);
    });
  };

  const map = useMemo(() => codePointMapOf(document), [document]);
  const paragraphs = document.paragraphs;
  const paragraphCodings = useParagraphCodings(paragraphs, codings);
  const layout = useStripeLayout(paragraphs, codings);
  const speakers = useMemo(() => new Map(document.speakers.map((s) => [s.id, s.label])), [document.speakers]);
  const label = useWorkspace((s) => (s.snapshot ? documentLabel(s.snapshot, s.snapshot.documents, document.id) : null));
  const selectedCoding = useWorkspace((s) => {
    const coding = s.index && selectedCodingId ? codingById(s.index, selectedCodingId) : undefined;
    return coding && coding.documentId === document.id ? coding : null;
  });

  // Paragraphs kept rendered outside the visible window: those a selection runs over (see the module comment).
  const [pin, setPin] = useState<{ from: number; to: number } | null>(null);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  /** Where a range of paragraphs picked with Shift+Up/Down began (an index), or null when none is being picked. */
  const [rangeAnchor, setRangeAnchor] = useState<number | null>(null);
  const [flash, setFlash] = useState<number | null>(null);
  const mouseDown = useRef(false);

  // A new function whenever the pin changes, so the virtualizer recomputes which rows to render.
  const rangeExtractor = useCallback(
    (range: VirtualRange) => {
      const base = defaultRangeExtractor(range);
      if (!pin) return base;
      const all = new Set(base);
      for (let i = pin.from; i <= pin.to && i < range.count; i++) all.add(i);
      return [...all].sort((a, b) => a - b);
    },
    [pin],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, never memoised on
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: paragraphs.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: (i) => estimateHeight(paragraphs[i]),
    overscan: 8,
    rangeExtractor,
    getItemKey: (i) => paragraphs[i]?.n ?? i,
    paddingStart: 16,
    paddingEnd: 64,
  });

  // The pin follows the browser's selection.
  useEffect(() => {
    const onSelectionChange = () => {
      const selection = window.getSelection();
      const body = bodyRef.current;
      if (!body || !selection || selection.rangeCount === 0) {
        if (!mouseDown.current) setPin(null);
        return;
      }
      const anchor = body.contains(selection.anchorNode) ? rowIndexOf(selection.anchorNode) : null;
      const focus = body.contains(selection.focusNode) ? rowIndexOf(selection.focusNode) : null;
      if (anchor === null || focus === null || (selection.isCollapsed && !mouseDown.current)) {
        if (!mouseDown.current) setPin((old) => (old === null ? old : null));
        return;
      }
      const from = Math.min(anchor, focus);
      const to = Math.max(anchor, focus);
      setPin((old) => (old && old.from === from && old.to === to ? old : { from, to }));
    };
    window.document.addEventListener('selectionchange', onSelectionChange);
    return () => window.document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  // The remembered selection stays marked even when the browser's own selection is gone (a drag from the code
  // tree, the quick-code box taking the focus).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const mine = pendingSelection?.documentId === document.id ? pendingSelection : null;
    paintHighlight('tessera-pending', body && mine ? domRangeOf(body, map, mine) : null);
  });
  useEffect(() => () => paintHighlight('tessera-pending', null), []);

  // Jumps (from retrieval and search): scroll the paragraph into view, then select the passage and flash it.
  const pendingJump = useRef<{ target: CodePointRange; index: number } | null>(null);
  useEffect(() => {
    if (!jumpTarget || jumpTarget.documentId !== document.id) return;
    const paragraph = paragraphAt(paragraphs, jumpTarget.start);
    if (!paragraph) return;
    const at = paragraphs.indexOf(paragraph);
    pendingJump.current = { target: jumpTarget, index: at };
    setPin({ from: at, to: Math.max(at, paragraphs.indexOf(paragraphAt(paragraphs, Math.max(jumpTarget.start, jumpTarget.end - 1)) ?? paragraph)) });
    virtualizer.scrollToIndex(at, { align: 'center' });
    setFocusedIndex(at);
    setFlash(paragraph.n);
    const timer = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(timer);
  }, [jumpTarget, document.id, paragraphs, virtualizer]);
  useLayoutEffect(() => {
    const jump = pendingJump.current;
    const body = bodyRef.current;
    if (!jump || !body || !body.querySelector(`[data-index="${jump.index}"]`)) return;
    pendingJump.current = null;
    if (selectCodePoints(body, map, jump.target)) setPendingSelection({ documentId: document.id, ...jump.target });
  });

  const visibleIndexes = virtualizer.getVirtualItems();

  const currentSelection = useCallback((snapWords: boolean): DocumentRange | null => {
    const body = bodyRef.current;
    if (!body) return null;
    const raw = selectionToCodePoints(body, map);
    if (!raw) return null;
    const snapped = snapSelection(document.text, map, raw, { snapWords });
    return snapped ? { documentId: document.id, ...snapped } : null;
  }, [document, map]);

  const clearSelection = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setPendingSelection(null);
  }, []);

  /** A panel is done (`coded`: its selection was coded): it closes, unless the user has opened another since. */
  const finishPopover = useCallback(
    (which: ReaderPopover, coded = false) => {
      if (!closePopoverIfOpen(which)) return;
      if (coded) clearSelection();
      bodyRef.current?.focus({ preventScroll: true });
    },
    [clearSelection],
  );

  /** The selection to act on: the browser's, else the one remembered for this document. */
  const actionRange = useCallback((): DocumentRange | null => {
    const live = currentSelection(true);
    if (live) return live;
    const pending = useReader.getState().pendingSelection;
    return pending?.documentId === document.id ? pending : null;
  }, [currentSelection, document.id]);

  /**
   * Once a passage is coded (the promise gives the coding, or null when refused): its selection is cleared and the
   * panel open when coding began is closed, unless the user has already selected something else or opened another
   * panel (the coding shows at once; the promise settles when it is saved, a few milliseconds later).
   */
  const afterCoding = useCallback(
    (range: DocumentRange, coding: Promise<Uuid | null>) => {
      const panel = useReader.getState().popover;
      void coding.then((id) => {
        if (!id) return;
        const now = actionRange();
        if (now && now.documentId === range.documentId && now.start === range.start && now.end === range.end) clearSelection();
        if (panel) closePopoverIfOpen(panel);
      });
    },
    [actionRange, clearSelection],
  );

  const anchorOfSelection = (fallback: { x: number; y: number }) => {
    const selection = window.getSelection();
    const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
    return rect && rect.width + rect.height > 0 ? { x: rect.left, y: rect.bottom + 6, above: rect.top } : fallback;
  };

  const selectedCodingRef = useRef(selectedCoding);
  useLayoutEffect(() => {
    selectedCodingRef.current = selectedCoding;
  });

  // Dragging a coding's edge: follow the pointer, show where the edge would go, commit on release.
  const edgeDrag = useRef<{ edge: 'start' | 'end'; coding: Coding; at: number } | null>(null);
  const handlers = useMemo<ParagraphHandlers>(
    () => ({
      onStripeClick: (stripe, event) => {
        event.stopPropagation();
        const id = stripe.codingIds[0];
        if (!id) return;
        selectCoding(id);
        openPopover(stripe.codingIds.length > 1 ? { kind: 'inspect', codingIds: stripe.codingIds, anchor: { x: event.clientX + 12, y: event.clientY } } : null);
      },
      onStripeHover: (stripe) => {
        const body = bodyRef.current;
        paintHighlight('tessera-hover', body && stripe ? domRangeOf(body, map, stripe) : null);
      },
      onHandleDown: (edge, event) => {
        const coding = selectedCodingRef.current;
        if (!coding || event.button !== 0) return;
        event.preventDefault();
        event.stopPropagation();
        edgeDrag.current = { edge, coding, at: edge === 'start' ? coding.start : coding.end };
        const body = bodyRef.current;
        const onMove = (move: MouseEvent) => {
          const drag = edgeDrag.current;
          if (!drag || !body) return;
          const point = codePointAtPoint(body, map, move.clientX, move.clientY);
          if (point === null) return;
          const other = drag.edge === 'start' ? drag.coding.end : drag.coding.start;
          drag.at = drag.edge === 'start' ? Math.min(point, other - 1) : Math.max(point, other + 1);
          const preview = drag.edge === 'start' ? { start: drag.at, end: other } : { start: other, end: drag.at };
          paintHighlight('tessera-resize', domRangeOf(body, map, preview));
        };
        const onUp = (up: MouseEvent) => {
          window.removeEventListener('mousemove', onMove);
          window.removeEventListener('mouseup', onUp);
          const drag = edgeDrag.current;
          edgeDrag.current = null;
          paintHighlight('tessera-resize', null);
          if (!drag) return;
          const raw = drag.edge === 'start' ? { start: drag.at, end: drag.coding.end } : { start: drag.coding.start, end: drag.at };
          const snapped = snapSelection(document.text, map, raw, { snapWords: !up.altKey }) ?? raw;
          // Only the dragged edge moves; the other stays exactly where it was.
          const next = drag.edge === 'start' ? { start: snapped.start, end: drag.coding.end } : { start: drag.coding.start, end: snapped.end };
          if (next.start !== drag.coding.start || next.end !== drag.coding.end) void resizeCoding(drag.coding.id, next.start, next.end);
        };
        window.addEventListener('mousemove', onMove);
        window.addEventListener('mouseup', onUp);
      },
    }),
    [document, map],
  );
  const onMouseDown = (event: ReactMouseEvent) => {
    if (event.button !== 0) return;
    mouseDown.current = true;
    const at = rowIndexOf(event.target as Node);
    if (at !== null) setPin({ from: at, to: at });
    const release = () => {
      mouseDown.current = false;
      window.removeEventListener('mouseup', release);
    };
    window.addEventListener('mouseup', release);
  };

  const onMouseUp = (event: ReactMouseEvent) => {
    if (event.button !== 0 || edgeDrag.current) return;
    const body = bodyRef.current;
    if (!body) return;
    const raw = selectionToCodePoints(body, map);
    if (raw) {
      // Word snapping unless Alt is held; characters are never split either way.
      const snapped = snapSelection(document.text, map, raw, { snapWords: !event.altKey });
      if (!snapped) {
        clearSelection();
        return;
      }
      if (snapped.start !== raw.start || snapped.end !== raw.end) selectCodePoints(body, map, snapped);
      const range = { documentId: document.id, ...snapped };
      setPendingSelection(range);
      openPopover({ kind: 'apply', range, anchor: anchorOfSelection({ x: event.clientX, y: event.clientY + 12 }) });
      return;
    }
    setPendingSelection(null);
    const run = (event.target as HTMLElement).closest<HTMLElement>('[data-codings]');
    const ids = run?.dataset.codings?.split(' ').filter(Boolean) ?? [];
    if (ids.length) {
      openPopover({ kind: 'inspect', codingIds: ids, anchor: { x: event.clientX, y: event.clientY + 12 } });
    } else if (!(event.target as HTMLElement).closest('.stripe, .coding-handle')) {
      openPopover(null);
      selectCoding(null);
    }
  };

  const onContextMenu = (event: ReactMouseEvent) => {
    const range = actionRange();
    const target = event.target as HTMLElement;
    // A right click on a paragraph's number: who said it (this paragraph, or the range picked around it).
    if (target.closest('.para-gutter')) {
      event.preventDefault();
      const at = rowIndexOf(target);
      if (at !== null) setFocusedIndex(at);
      openSpeakerDialog(at);
      return;
    }
    if (range) {
      event.preventDefault();
      openPopover({ kind: 'apply', range, anchor: { x: event.clientX, y: event.clientY + 4 } });
      return;
    }
    const ids = target.closest<HTMLElement>('[data-codings]')?.dataset.codings?.split(' ').filter(Boolean) ?? [];
    if (ids.length) {
      event.preventDefault();
      openPopover({ kind: 'inspect', codingIds: ids, anchor: { x: event.clientX, y: event.clientY + 4 } });
    }
  };

  const [dropping, setDropping] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!isCodeDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const codeId = droppedCodeId(event);
    if (!codeId) return;
    event.preventDefault();
    const range = actionRange();
    if (!range) {
      notify('info', 'Select a passage first, then drop the code on it.');
      return;
    }
    void codeRange(codeId, range).then((id) => {
      if (id) {
        clearSelection();
        openPopover(null);
      }
    });
  };

  /** Whether the paragraph holding an offset is laid out right to left (its text decides, dir="auto"). */
  const isRightToLeftAt = (offset: number): boolean => {
    const paragraph = paragraphAt(paragraphs, offset);
    const element = paragraph ? bodyRef.current?.querySelector(`#para-${paragraph.n} .para-text`) : null;
    return element ? getComputedStyle(element).direction === 'rtl' : false;
  };

  const moveFocus = (to: number) => {
    const next = Math.max(0, Math.min(paragraphs.length - 1, to));
    setFocusedIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  /** The coding after (or before) the selected one, or after the focused paragraph's start, in document order. */
  const stepCoding = (direction: 1 | -1) => {
    if (codings.length === 0) return;
    let at: number;
    if (selectedCoding) at = codings.indexOf(selectedCoding) + direction;
    else {
      const from = paragraphs[focusedIndex ?? 0]?.start ?? 0;
      at = direction === 1 ? codings.findIndex((c) => c.start >= from) : codings.findLastIndex((c) => c.start < from);
      if (at < 0) at = direction === 1 ? 0 : codings.length - 1;
    }
    const coding = codings[Math.max(0, Math.min(codings.length - 1, at))];
    if (!coding) return;
    selectCoding(coding.id);
    const paragraph = paragraphAt(paragraphs, coding.start);
    if (paragraph) moveFocus(paragraphs.indexOf(paragraph));
  };

  /** The paragraphs picked with Shift+Up/Down, as indexes, or null. */
  const pickedRange = (): { from: number; to: number } | null =>
    rangeAnchor !== null && focusedIndex !== null ? { from: Math.min(rangeAnchor, focusedIndex), to: Math.max(rangeAnchor, focusedIndex) } : null;

  /**
   * Opens "Assign speaker" for the paragraphs a text selection runs over, else those picked with Shift+Up/Down, else
   * the paragraph at `index` (the one right-clicked, or the focused one).
   */
  const openSpeakerDialog = (index: number | null) => {
    const selection = currentSelection(false);
    let from: number | null = null;
    let to: number | null = null;
    const picked = pickedRange();
    if (selection) {
      from = paragraphAt(paragraphs, selection.start)?.n ?? null;
      to = paragraphAt(paragraphs, Math.max(selection.start, selection.end - 1))?.n ?? from;
    } else if (picked && (index === null || (index >= picked.from && index <= picked.to))) {
      from = picked.from + 1;
      to = picked.to + 1;
    } else if (index !== null) {
      from = to = index + 1;
    }
    if (from === null || to === null) {
      notify('info', 'Go to a paragraph first (arrow keys), or select some text, then press S.');
      return;
    }
    openPopover({ kind: 'speaker', documentId: document.id, from, to });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTextField(event.target) || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    const hasSelection = actionRange() !== null;
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (key === 'Escape') {
      if (popover) openPopover(null);
      else if (rangeAnchor !== null) setRangeAnchor(null);
      else if (hasSelection) clearSelection();
      else selectCoding(null);
      return handled();
    }
    if ((key === 'ArrowDown' || key === 'j') && !event.shiftKey && !event.altKey) {
      setRangeAnchor(null);
      moveFocus((focusedIndex ?? -1) + 1);
      return handled();
    }
    if ((key === 'ArrowUp' || key === 'k') && !event.shiftKey && !event.altKey) {
      setRangeAnchor(null);
      moveFocus((focusedIndex ?? 1) - 1);
      return handled();
    }
    // Shift+Down/Up pick a range of paragraphs (for "Assign speaker"), from the focused one.
    if ((key === 'ArrowDown' || key === 'ArrowUp') && event.shiftKey && !event.altKey) {
      const from = focusedIndex ?? 0;
      if (rangeAnchor === null) setRangeAnchor(from);
      moveFocus(focusedIndex === null ? 0 : from + (key === 'ArrowDown' ? 1 : -1));
      return handled();
    }
    if ((key === 's' || key === 'S') && !event.altKey) {
      openSpeakerDialog(focusedIndex);
      return handled();
    }
    if ((key === 'ArrowRight' || key === 'ArrowLeft') && event.shiftKey) {
      if (selectedCoding && !hasSelection) {
        // Move an edge of the selected coding by a word: the end, or the start with Alt. The arrows go the way the
        // text runs: in a right-to-left paragraph, the right arrow goes back in the text.
        const edge = event.altKey ? 'start' : 'end';
        const from = edge === 'start' ? selectedCoding.start : selectedCoding.end;
        const forward = (key === 'ArrowRight') !== isRightToLeftAt(from);
        const to = nextWordEdge(document.text, map, from, forward ? 'forward' : 'backward', edge);
        const next = edge === 'start' ? { start: Math.min(to, selectedCoding.end - 1), end: selectedCoding.end } : { start: selectedCoding.start, end: Math.max(to, selectedCoding.start + 1) };
        if (next.start !== selectedCoding.start || next.end !== selectedCoding.end) void resizeCoding(selectedCoding.id, next.start, next.end);
        return handled();
      }
      // Extend the text selection by a word, starting at the focused paragraph's words when there is none.
      const body = bodyRef.current;
      const selection = window.getSelection();
      if (!body || !selection) return;
      if (!hasSelection || selection.rangeCount === 0 || !body.contains(selection.anchorNode)) {
        const paragraph = paragraphs[focusedIndex ?? 0];
        if (!paragraph) return;
        moveFocus(paragraphs.indexOf(paragraph));
        selectCodePoints(body, map, { start: paragraph.utteranceStart, end: paragraph.utteranceStart });
      }
      // Visual directions, so the arrows follow right-to-left text as they look.
      selection.modify('extend', key === 'ArrowRight' ? 'right' : 'left', 'word');
      const range = currentSelection(true);
      setPendingSelection(range);
      return handled();
    }
    if (key === 'Enter') {
      const range = actionRange();
      const body = bodyRef.current;
      if (range) {
        openPopover({ kind: 'apply', range, anchor: anchorOfSelection({ x: body?.getBoundingClientRect().left ?? 0, y: 120 }) });
      } else if (body && focusedIndex !== null) {
        // Select the focused paragraph's words (without its speaker label), ready to code.
        const paragraph = paragraphs[focusedIndex];
        if (paragraph && paragraph.end > paragraph.utteranceStart) {
          const whole = { start: paragraph.utteranceStart, end: paragraph.end };
          selectCodePoints(body, map, whole);
          setPendingSelection({ documentId: document.id, ...whole });
        }
      }
      return handled();
    }
    if (/^[1-9]$/.test(key) && !event.altKey) {
      const range = actionRange();
      const codeId = recentCodeIds.filter((id) => codeById.get(id)?.isCodable)[Number(key) - 1];
      if (range && codeId) {
        afterCoding(range, codeRange(codeId, range));
        return handled();
      }
      return;
    }
    if (key === 'v' && !event.altKey) {
      const range = actionRange();
      if (range) {
        afterCoding(range, codeInVivo(range));
        return handled();
      }
      return;
    }
    if (key === ']' || key === '[') {
      stepCoding(key === ']' ? 1 : -1);
      return handled();
    }
    if ((key === 'Delete' || key === 'Backspace') && selectedCoding) {
      void removeCoding(selectedCoding.id);
      return handled();
    }
    if (key === 'r' && selectedCoding) {
      const rect = bodyRef.current?.getBoundingClientRect();
      openPopover({ kind: 'recode', codingId: selectedCoding.id, anchor: { x: (rect?.left ?? 0) + 40, y: (rect?.bottom ?? 400) - 340 } });
      return handled();
    }
  };

  // The selected coding comes into view (after a click in the inspector, or [ and ]).
  useEffect(() => {
    if (!selectedCoding) return;
    const paragraph = paragraphAt(paragraphs, selectedCoding.start);
    if (paragraph) virtualizer.scrollToIndex(paragraphs.indexOf(paragraph), { align: 'auto' });
  }, [selectedCoding, paragraphs, virtualizer]);

  const lanes = Math.min(layout.laneCount, MAX_LANES);
  return (
    <div className="reader">
      <header className="reader-head">
        <h2 className="reader-title">{document.name}</h2>
        <span className="reader-meta">
          {plural(paragraphs.length, 'paragraph')} · {plural(document.speakers.length, 'speaker')} · {plural(codings.length, 'coding')}
          {blindCoding && ` (yours only: ${plural(documentCodings.length - codings.length, 'coding')} of others hidden)`}
        </span>
        <button
          type="button"
          className="small quiet"
          aria-keyshortcuts="S"
          title="Give the focused or picked paragraphs (Shift+Up/Down) to a speaker (S; also a right click on a paragraph number)"
          onClick={() => openSpeakerDialog(focusedIndex)}
        >
          Assign speaker…
        </button>
        {original ? (
          <>
            <button type="button" className="small quiet" aria-pressed={sideBySide} onClick={() => setShowOriginal(!sideBySide)}>
              Show original ({original.language})
            </button>
            <button type="button" className="small quiet" onClick={removeOriginal}>
              Remove original
            </button>
          </>
        ) : (
          <button type="button" className="small quiet" onClick={() => setAddingOriginal(true)}>
            Add original-language transcript…
          </button>
        )}
        <RecentCodes
          onApply={(codeId) => {
            const range = actionRange();
            if (!range) {
              useWorkspace.setState({ selectedCodeId: codeId });
              return;
            }
            afterCoding(range, codeRange(codeId, range));
          }}
        />
      </header>
      {sideBySide && original && (
        <SideBySide document={document} original={original} codings={codings} paragraphCodings={paragraphCodings} codeById={codeById} />
      )}
      <div
        hidden={sideBySide}
        className={`reader-body${dropping ? ' reader-dropping' : ''}`}
        ref={bodyRef}
        tabIndex={0}
        onMouseDown={onMouseDown}
        onMouseUp={onMouseUp}
        onContextMenu={onContextMenu}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
        role="document"
        aria-label={`Text of ${document.name}`}
        aria-keyshortcuts="ArrowUp ArrowDown Shift+ArrowUp Shift+ArrowDown Shift+ArrowRight Shift+ArrowLeft Enter 1 2 3 4 5 6 7 8 9 v [ ] Delete r s Escape"
      >
        <div className="reader-rows" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {visibleIndexes.map((item) => {
            const paragraph = paragraphs[item.index] as Paragraph;
            const own = paragraphCodings[item.index] ?? NO_CODINGS;
            const touchesSelected = selectedCoding !== null && own.includes(selectedCoding);
            const picked = pickedRange();
            return (
              <div
                key={item.key}
                className="para-row"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ top: `${item.start}px` }}
              >
                <ParagraphView
                  paragraph={paragraph}
                  text={document.text}
                  map={map}
                  codings={own}
                  stripes={layout.byParagraph.get(item.index) ?? NO_STRIPES}
                  lanes={lanes}
                  codeById={codeById}
                  speakerLabel={paragraph.speakerId ? (speakers.get(paragraph.speakerId) ?? null) : null}
                  documentLabel={label}
                  selectedCoding={touchesSelected ? selectedCoding : null}
                  flash={flash === paragraph.n}
                  focused={focusedIndex === item.index}
                  picked={picked !== null && item.index >= picked.from && item.index <= picked.to}
                  handlers={handlers}
                />
              </div>
            );
          })}
        </div>
      </div>
      {addingOriginal && (
        <AddOriginalDialog
          document={document}
          onDone={() => {
            setAddingOriginal(false);
            setShowOriginal(true);
          }}
        />
      )}
      {selectedCoding && <CodingInspector coding={selectedCoding} />}
      {popover?.kind === 'apply' && popover.range.documentId === document.id && (
        <CodingPopover
          range={popover.range}
          anchor={popover.anchor}
          onDone={(coded) => finishPopover(popover, coded)}
        />
      )}
      {popover?.kind === 'inspect' && (
        <CodingsHerePopover codingIds={popover.codingIds} anchor={popover.anchor} onDone={() => finishPopover(popover)} />
      )}
      {popover?.kind === 'recode' && <RecodePopover codingId={popover.codingId} anchor={popover.anchor} onDone={() => finishPopover(popover)} />}
      {popover?.kind === 'speaker' && popover.documentId === document.id && (
        <SpeakerDialog
          document={document}
          range={{ from: popover.from, to: popover.to }}
          onDone={() => {
            setRangeAnchor(null);
            finishPopover(popover);
          }}
        />
      )}
    </div>
  );
}
