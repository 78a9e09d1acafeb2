/**
 * One paragraph of the reader: its number and speaker in a gutter that stays in view while the paragraph scrolls,
 * the margin stripes of the codes on it (one per code, beside the lines it covers, its name on hover; a click selects
 * the coding), and its text cut into runs painted in the codes' colours.
 *
 * A paragraph re-renders only when something of its own changes: its codings (compared one by one, since the
 * reader cuts new lists after every change), its stripes, the selected coding when that touches it, or the codes'
 * looks. The stripes' heights come from where the browser laid out the coded text, measured after layout and set on
 * the stripe elements directly, and again whenever the paragraph's width changes.
 */
import { colorName } from '#shared/codebook/color-names';
import { Fragment, memo, useLayoutEffect, useRef } from 'react';
import type { CSSProperties, MouseEvent as ReactMouseEvent } from 'react';
import type { Code, Coding, Paragraph, Uuid } from '#shared/model/types';
import type { CodePointMap } from '#shared/text/code-points';
import { codePointToUtf16 } from '#shared/text/code-points';
import { highlightRuns } from '#shared/coding/highlight-runs';
import type { MarginStripe } from '#shared/coding/margin-stripes';
import { codeLabel } from '#shared/codebooks/code-info';
import { citationLabel } from '#shared/coding/paragraph-label';
import { domRangeOf } from './dom-selection.ts';

/** Lanes drawn at most; stripes in further lanes are summed up in a "+n" mark. */
export const MAX_LANES = 8;
/** Width of one lane in pixels. */
export const LANE_WIDTH = 6;
/** Paragraphs longer than this (in code points) repeat their speaker in the gutter. */
const LONG_PARAGRAPH = 280;

/** What a paragraph tells the reader about pointer actions on its margin and handles. */
export interface ParagraphHandlers {
  readonly onStripeClick: (stripe: MarginStripe, event: ReactMouseEvent) => void;
  readonly onStripeHover: (stripe: MarginStripe | null) => void;
  readonly onHandleDown: (edge: 'start' | 'end', event: ReactMouseEvent) => void;
}

/** What a paragraph is drawn from. */
export interface ParagraphViewProps {
  readonly paragraph: Paragraph;
  readonly text: string;
  readonly map: CodePointMap;
  /** The codings that touch this paragraph, by position. */
  readonly codings: readonly Coding[];
  /** The margin stripes beside this paragraph. */
  readonly stripes: readonly MarginStripe[];
  /** Lanes of the whole document (capped at MAX_LANES), so every paragraph's margin has the same width. */
  readonly lanes: number;
  readonly codeById: ReadonlyMap<Uuid, Code>;
  readonly speakerLabel: string | null;
  /** The document's unique citation label ("KS pre"), or null/empty for a document cited by paragraph alone. */
  readonly documentLabel: string | null;
  /** The selected coding, when it touches this paragraph. */
  readonly selectedCoding: Coding | null;
  readonly flash: boolean;
  readonly focused: boolean;
  /** In the range of paragraphs picked with Shift+Up/Down. */
  readonly picked: boolean;
  readonly handlers: ParagraphHandlers;
}

/**
 * The look of a run. One code: a light tint of its colour, underlined in it. Several: a neutral tint that deepens
 * with their number and a double underline; their colours are in the margin stripes, where each stays apart, since
 * bands of several colours in one line of text are hard to read.
 */
function runStyle(colors: readonly string[]): CSSProperties | undefined {
  if (colors.length === 0) return undefined;
  if (colors.length === 1) return { backgroundColor: `${colors[0]}33`, borderBottom: `2px solid ${colors[0]}` };
  const depth = 0.04 + 0.025 * Math.min(colors.length, 5);
  return { backgroundColor: `rgba(52, 64, 84, ${depth.toFixed(3)})`, borderBottom: '3px double #98a2b3' };
}

/** Top and bottom (relative to `origin`) of the lines a DOM range covers. */
function verticalExtent(range: Range, origin: DOMRect): { top: number; height: number } | null {
  const rects = [...range.getClientRects()].filter((rect) => rect.height > 0);
  if (rects.length === 0) return null;
  const top = Math.min(...rects.map((rect) => rect.top));
  const bottom = Math.max(...rects.map((rect) => rect.bottom));
  return { top: top - origin.top, height: bottom - top };
}

function ParagraphViewImpl(props: ParagraphViewProps) {
  const { paragraph, text, map, codings, stripes, lanes, codeById, speakerLabel, documentLabel, selectedCoding, flash, focused, picked, handlers } = props;
  const rowRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  // Place the stripes and the selected coding's handles beside the lines they belong to, before the frame is painted
  // and on every resize.
  useLayoutEffect(() => {
    const row = rowRef.current;
    const textElement = textRef.current;
    if (!row || !textElement) return;
    const place = () => {
      const origin = row.getBoundingClientRect();
      const placements: [HTMLElement, CSSProperties][] = [];
      for (const element of row.querySelectorAll<HTMLElement>('[data-stripe-start]')) {
        const start = Math.max(Number(element.dataset.stripeStart), paragraph.start);
        const end = Math.min(Number(element.dataset.stripeEnd), paragraph.end);
        const range = domRangeOf(textElement, map, { start, end });
        const extent = range && verticalExtent(range, origin);
        if (extent) placements.push([element, { top: `${extent.top}px`, height: `${extent.height}px`, display: '' }]);
        else placements.push([element, { display: 'none' }]);
      }
      for (const element of row.querySelectorAll<HTMLElement>('[data-handle]')) {
        const at = Number(element.dataset.at);
        const range = domRangeOf(textElement, map, element.dataset.handle === 'start' ? { start: at, end: at + 1 } : { start: at - 1, end: at });
        const rects = range ? [...range.getClientRects()].filter((rect) => rect.height > 0) : [];
        const rect = element.dataset.handle === 'start' ? rects[0] : rects[rects.length - 1];
        if (!rect) {
          placements.push([element, { display: 'none' }]);
          continue;
        }
        // The handle sits on the edge of the coded text: before its first character, after its last.
        const rtl = getComputedStyle(textElement).direction === 'rtl';
        const x = element.dataset.handle === 'start' ? (rtl ? rect.right : rect.left) : rtl ? rect.left : rect.right;
        placements.push([element, { left: `${x - origin.left - 4}px`, top: `${rect.top - origin.top}px`, height: `${rect.height}px`, display: '' }]);
      }
      // All measuring above, all writing below: one layout for the paragraph, not one per stripe.
      for (const [element, style] of placements) Object.assign(element.style, style);
    };
    // No measuring here: reading geometry in a layout effect forces a layout of the whole page in the middle of the
    // commit. A ResizeObserver reports each observed element once as soon as it starts observing, and calls back
    // after the browser's own layout and before it paints, so the stripes are in place in the very frame that shows
    // them, and again whenever the paragraph's lines reflow.
    const observer = new ResizeObserver(place);
    observer.observe(textElement);
    return () => observer.disconnect();
  }, [paragraph, map, stripes, selectedCoding, codings]);

  const labelInText = paragraph.utteranceStart > paragraph.start;
  const headingLevel = paragraph.headingLevel;
  const pieces = [
    { start: paragraph.start, end: paragraph.utteranceStart, isLabel: true },
    { start: paragraph.utteranceStart, end: paragraph.end, isLabel: false },
  ].filter((piece) => piece.end > piece.start);
  const codingById = new Map(codings.map((coding) => [coding.id, coding]));
  const visibleStripes = stripes.filter((stripe) => stripe.lane < MAX_LANES);
  const hiddenStripes = stripes.filter((stripe) => stripe.lane >= MAX_LANES);
  const stripeTitle = (stripe: MarginStripe): string => {
    const code = codeById.get(stripe.codeId);
    // The colour in words, so a coder who cannot tell two stripes apart by colour can by name.
    const label = code ? `${codeLabel(code)}, ${colorName(code.color)}` : 'Unknown code';
    return stripe.codingIds.length > 1 ? `${label} (${stripe.codingIds.length} codings)` : label;
  };

  return (
    <div
      ref={rowRef}
      className={`para${flash ? ' flash' : ''}${focused ? ' para-focused' : ''}${picked ? ' para-picked' : ''}`}
      id={`para-${paragraph.n}`}
      data-n={paragraph.n}
      style={{ gridTemplateColumns: `44px ${Math.max(lanes, 1) * LANE_WIDTH + 6}px minmax(0, 1fr)` }}
    >
      <div className="para-gutter" title={documentLabel ? citationLabel(documentLabel, paragraph.n) : `Paragraph ${paragraph.n}`}>
        <span className="para-n" aria-label={`Paragraph ${paragraph.n}${speakerLabel && !labelInText ? `, ${speakerLabel}` : ''}`}>
          {paragraph.n}
        </span>
        {/* A long turn's speaker label scrolls away with its first line; the gutter keeps it in view. A paragraph whose
            text has no label of its own (a turn's next paragraph, a speaker assigned by hand) shows its speaker there. */}
        {speakerLabel && (!labelInText || paragraph.end - paragraph.start > LONG_PARAGRAPH) && (
          <span className="para-speaker" aria-hidden="true">
            {speakerLabel}
          </span>
        )}
      </div>
      <div className="para-stripes" aria-hidden="true">
        {visibleStripes.map((stripe) => {
          const color = codeById.get(stripe.codeId)?.color ?? '#98a2b3';
          const selected = selectedCoding !== null && stripe.codingIds.includes(selectedCoding.id);
          return (
            <button
              key={`${stripe.codeId}:${stripe.start}`}
              type="button"
              tabIndex={-1}
              className={`stripe${selected ? ' stripe-selected' : ''}`}
              data-stripe-start={stripe.start}
              data-stripe-end={stripe.end}
              data-code-id={stripe.codeId}
              style={{ left: `${stripe.lane * LANE_WIDTH}px`, background: color, display: 'none' }}
              title={stripeTitle(stripe)}
              onClick={(event) => handlers.onStripeClick(stripe, event)}
              onMouseEnter={() => handlers.onStripeHover(stripe)}
              onMouseLeave={() => handlers.onStripeHover(null)}
            />
          );
        })}
        {hiddenStripes.length > 0 && (
          <span className="stripe-more" title={hiddenStripes.map(stripeTitle).join('\n')}>
            +{hiddenStripes.length}
          </span>
        )}
      </div>
      <div
        className={`para-text${headingLevel ? ` para-heading para-heading-${headingLevel}` : ''}`}
        dir="auto"
        ref={textRef}
        // A heading of the delivered file (a topic guide's question, a section of field notes) is a heading on the
        // page, under the reader's title (a level-2 heading): its level counts from 3.
        {...(headingLevel ? { role: 'heading', 'aria-level': Math.min(headingLevel + 2, 6) } : {})}
      >
        {pieces.map((piece) =>
          highlightRuns(piece, codings).map((run) => {
            const colors: string[] = [];
            for (const id of run.codingIds) {
              const color = codeById.get(codingById.get(id)?.codeId ?? '')?.color;
              if (color) colors.push(color);
            }
            const slice = text.slice(codePointToUtf16(map, run.start), codePointToUtf16(map, run.end));
            const inSelected = selectedCoding !== null && run.codingIds.includes(selectedCoding.id);
            const className = [piece.isLabel ? 'speaker-label' : '', run.codingIds.length ? 'coded' : '', inSelected ? 'coded-selected' : '']
              .filter(Boolean)
              .join(' ');
            // A soft line break (U+2028, see TesseraDocument.text) is kept in the run's text, so selection offsets
            // stay exact, and shown by a <br> after it, since browsers do not break a line there by themselves.
            return linesOfRun(slice, run.start).map((line) => (
              <Fragment key={`${line.start}`}>
                <span
                  data-cp={line.start}
                  data-codings={run.codingIds.length ? run.codingIds.join(' ') : undefined}
                  className={className || undefined}
                  style={runStyle(colors)}
                  title={piece.isLabel && speakerLabel ? `Speaker: ${speakerLabel}` : undefined}
                >
                  {line.text}
                </span>
                {line.text.endsWith(LINE_SEPARATOR) && <br />}
              </Fragment>
            ));
          }),
        )}
      </div>
      {selectedCoding && selectedCoding.start >= paragraph.start && selectedCoding.start < paragraph.end && (
        <span
          className="coding-handle coding-handle-start"
          data-handle="start"
          data-at={selectedCoding.start}
          style={{ display: 'none' }}
          title="Drag to move the start of this coding"
          onMouseDown={(event) => handlers.onHandleDown('start', event)}
        />
      )}
      {selectedCoding && selectedCoding.end > paragraph.start && selectedCoding.end <= paragraph.end && (
        <span
          className="coding-handle coding-handle-end"
          data-handle="end"
          data-at={selectedCoding.end}
          style={{ display: 'none' }}
          title="Drag to move the end of this coding"
          onMouseDown={(event) => handlers.onHandleDown('end', event)}
        />
      )}
    </div>
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameStripes(a: readonly MarginStripe[], b: readonly MarginStripe[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((stripe, i) => {
    const other = b[i] as MarginStripe;
    return stripe.codeId === other.codeId && stripe.start === other.start && stripe.end === other.end && stripe.lane === other.lane && sameItems(stripe.codingIds, other.codingIds);
  });
}

/** A paragraph; see the module comment for when it re-renders. */
export const ParagraphView = memo(ParagraphViewImpl, (before, after) => {
  for (const key of Object.keys(after) as (keyof ParagraphViewProps)[]) {
    if (key === 'codings') {
      if (!sameItems(before.codings, after.codings)) return false;
    } else if (key === 'stripes') {
      if (!sameStripes(before.stripes, after.stripes)) return false;
    } else if (before[key] !== after[key]) return false;
  }
  return true;
});

const LINE_SEPARATOR = '\u2028';

/** A run's text cut after each line separator, each piece with the code point it starts at. */
function linesOfRun(text: string, start: number): { readonly text: string; readonly start: number }[] {
  if (!text.includes(LINE_SEPARATOR)) return [{ text, start }];
  const out: { text: string; start: number }[] = [];
  let at = start;
  for (const piece of text.split(/(?<=\u2028)/)) {
    if (piece.length === 0) continue;
    out.push({ text: piece, start: at });
    at += [...piece].length;
  }
  return out;
}
