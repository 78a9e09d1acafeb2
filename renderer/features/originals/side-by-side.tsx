/**
 * The translation and its original side by side, one row per aligned pair, so the two scroll together pair by pair.
 * The original is laid out in its own direction and language (right to left for Hebrew or Arabic, with the fonts the
 * browser picks for its `lang`). Each coding of the translation shows on the original paragraphs its passage is
 * aligned with, as a paragraph-level mark in its code's colour (`carriedMarks`: words do not align across
 * languages). Pairs are corrected here (join with the next, split, move a boundary) and the aligner can be run again
 * keeping the corrections; each is one saved, undoable change.
 *
 * Only the rows on screen are rendered (@tanstack/react-virtual, as the reader does), so a transcript of a thousand
 * paragraphs scrolls as easily as a short one.
 */
import { memo, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AlignedPair, Code, Coding, DocumentOriginal, Paragraph, TesseraDocument, Uuid } from '#shared/model/types';
import type { ProjectChange } from '#shared/model/change';
import { buildCodePointMap, sliceCodePoints, type CodePointMap } from '#shared/text/code-points';
import { codePointMapOf } from '#shared/index/text-maps';
import { carriedMarks } from '#shared/align/carry-codings';
import { describePair, samePair } from '#shared/align/aligned-pairs';
import { joinWithNext, moveBoundary, splitPair, type CorrectedAlignment } from '#shared/align/correct-alignment';
import { correctAlignmentChange, originalOf, realignChange } from '#shared/align/document-original';
import { codeLabel } from '#shared/codebooks/code-info';
import { languageTag } from '#shared/study/file-name-attributes';
import { attempt, changeProject } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import './originals.css';

const NO_CODES: readonly Code[] = [];

/** What the view is drawn from. */
export interface SideBySideProps {
  readonly document: TesseraDocument;
  readonly original: DocumentOriginal;
  /** The translation's codings shown in the reader (the coder's own only, under blind coding). */
  readonly codings: readonly Coding[];
  /** Each translation paragraph's codings, by paragraph index. */
  readonly paragraphCodings: readonly (readonly Coding[])[];
  readonly codeById: ReadonlyMap<Uuid, Code>;
}

/** The distinct codes of some codings, in the order they first come. */
function codesOf(codings: readonly Coding[], codeById: ReadonlyMap<Uuid, Code>): readonly Code[] {
  if (codings.length === 0) return NO_CODES;
  const seen = new Map<Uuid, Code>();
  for (const coding of codings) {
    const code = codeById.get(coding.codeId);
    if (code && !seen.has(code.id)) seen.set(code.id, code);
  }
  return [...seen.values()];
}

/** A rough height of a pair before it is measured: its longer side over the characters a line of half the width holds. */
function estimatePairHeight(pair: AlignedPair | undefined, original: readonly Paragraph[], translation: readonly Paragraph[]): number {
  if (!pair) return 40;
  const lines = (paragraphs: readonly Paragraph[], start: number, end: number): number => {
    let total = 0;
    for (let i = start; i < end; i++) {
      const paragraph = paragraphs[i];
      if (paragraph) total += Math.max(1, Math.ceil((paragraph.end - paragraph.start) / 48)) + 1;
    }
    return total;
  };
  return 24 + 22 * Math.max(1, lines(original, pair.original.start, pair.original.end), lines(translation, pair.translation.start, pair.translation.end));
}

/** The codes marked on a paragraph: a swatch of each code's colour with its name. */
function CodeMarks({ codes, carried }: { readonly codes: readonly Code[]; readonly carried: boolean }) {
  if (codes.length === 0) return null;
  return (
    <ul className="pair-marks" dir="ltr" aria-label={carried ? 'Codes carried from the translation' : 'Codes'}>
      {codes.map((code) => (
        <li key={code.id} className="pair-mark" style={{ borderColor: code.color, backgroundColor: `${code.color}22` }}>
          <span className="pair-mark-swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
          {codeLabel(code)}
        </li>
      ))}
    </ul>
  );
}

interface SideProps {
  readonly paragraphs: readonly Paragraph[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly map: CodePointMap;
  readonly codesAt: (index: number) => readonly Code[];
  readonly carried: boolean;
}

/** One side of a pair: its paragraphs with their numbers and marks, or a note that the other text has none here. */
function PairSide({ paragraphs, start, end, text, map, codesAt, carried }: SideProps) {
  if (start === end) return <p className="pair-none">{carried ? 'Not in the original' : 'Not in the translation'}</p>;
  const shown: number[] = [];
  for (let i = start; i < end; i++) shown.push(i);
  return (
    <>
      {shown.map((index) => {
        const paragraph = paragraphs[index] as Paragraph;
        const codes = codesAt(index);
        return (
          <div
            key={index}
            className={`pair-para${codes.length ? ' pair-para-coded' : ''}`}
            style={codes[0] ? { borderInlineStartColor: codes[0].color } : undefined}
            data-n={paragraph.n}
          >
            <span className="pair-para-n" dir="ltr">
              {paragraph.n}
            </span>
            <p className="pair-para-text">{sliceCodePoints(text, paragraph.start, paragraph.end, map)}</p>
            <CodeMarks codes={codes} carried={carried} />
          </div>
        );
      })}
    </>
  );
}

const MemoPairSide = memo(PairSide);

/** The view; the original must belong to the document. */
export function SideBySide({ document, original, codings, paragraphCodings, codeById }: SideBySideProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const pairs = original.alignment.pairs;
  const [current, setCurrent] = useState(0);
  const at = Math.min(current, pairs.length - 1);
  const translationMap = useMemo(() => codePointMapOf(document), [document]);
  const originalMap = useMemo(() => buildCodePointMap(original.text), [original.text]);
  const tag = languageTag(original.language);

  // Each original paragraph's carried codings, by paragraph index.
  const carried = useMemo(() => {
    const byParagraph = new Map<number, Coding[]>();
    for (const mark of carriedMarks(codings, 'translation', document.paragraphs, original.paragraphs, pairs)) {
      for (const run of mark.paragraphs) {
        for (let i = run.start; i < run.end; i++) {
          const list = byParagraph.get(i);
          if (list) list.push(mark.coding);
          else byParagraph.set(i, [mark.coding]);
        }
      }
    }
    return byParagraph;
  }, [codings, document.paragraphs, original.paragraphs, pairs]);

  const translationCodesAt = useMemo(() => (index: number) => codesOf(paragraphCodings[index] ?? [], codeById), [paragraphCodings, codeById]);
  const originalCodesAt = useMemo(() => (index: number) => codesOf(carried.get(index) ?? [], codeById), [carried, codeById]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, never memoised on
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: pairs.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: (i) => estimatePairHeight(pairs[i], original.paragraphs, document.paragraphs),
    overscan: 6,
    paddingStart: 8,
    paddingEnd: 48,
  });

  const goTo = (index: number): void => {
    const next = Math.max(0, Math.min(pairs.length - 1, index));
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  /** Commits a correction of the current pair; a refusal (no pair after the last) is told, and nothing changes. */
  const correct = (label: string, compute: (alignment: CorrectedAlignment, original: DocumentOriginal) => ProjectChange): void => {
    void attempt(null, async () => {
      await changeProject(label, (snapshot) => {
        const stored = originalOf(snapshot, document.id);
        if (!stored) throw new Error(`“${document.name}” no longer has an original.`);
        return { change: compute(stored.alignment, stored), result: undefined };
      });
    });
  };
  const pair = pairs[at];
  const isFixed = (candidate: AlignedPair): boolean => original.alignment.fixed.some((fixed) => samePair(fixed, candidate));
  const number = at + 1;
  const splitCounts = (candidate: AlignedPair): [number, number] => [
    Math.min(1, candidate.original.end - candidate.original.start),
    Math.min(1, candidate.translation.end - candidate.translation.start),
  ];

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5 };
    if (event.key in moves) {
      goTo(at + (moves[event.key] ?? 0));
      event.preventDefault();
    } else if (event.key === 'Home' || event.key === 'End') {
      goTo(event.key === 'Home' ? 0 : pairs.length - 1);
      event.preventDefault();
    }
  };

  const fixedCount = original.alignment.fixed.length;
  return (
    <div className="side-by-side">
      <div className="pair-tools" role="toolbar" aria-label="Correct the alignment">
        <span className="pair-tools-at" aria-live="polite">
          Pair {number} of {pairs.length}
          {pair && `: ${describePair(pair)}`}
          {pair && isFixed(pair) && ' (corrected)'}
        </span>
        <button type="button" className="small" disabled={at + 1 >= pairs.length} onClick={() => correct(`Join pair ${number} with the next`, (a, o) => correctAlignmentChange(o, joinWithNext(a, at)))}>
          Join with next
        </button>
        <button
          type="button"
          className="small"
          title="The pair's first paragraph on each side stays; the rest becomes a pair of its own"
          onClick={() => correct(`Split pair ${number}`, (a, o) => correctAlignmentChange(o, splitPair(a, at, ...splitCounts(a.pairs[at] ?? (pair as AlignedPair)))))}
        >
          Split
        </button>
        <span className="pair-tools-group" role="group" aria-label="Move the boundary with the next pair">
          <span aria-hidden="true">Boundary:</span>
          {(['translation', 'original'] as const).map((side) => (
            <span key={side} className="pair-tools-side">
              <button
                type="button"
                className="small quiet"
                disabled={at + 1 >= pairs.length}
                aria-label={`Give this pair's last ${side} paragraph to the next pair`}
                title={`Give this pair's last ${side} paragraph to the next pair`}
                onClick={() => correct(`Move the ${side} boundary after pair ${number} up`, (a, o) => correctAlignmentChange(o, moveBoundary(a, at, side, 'earlier')))}
              >
                {side} ↑
              </button>
              <button
                type="button"
                className="small quiet"
                disabled={at + 1 >= pairs.length}
                aria-label={`Take the next pair's first ${side} paragraph into this pair`}
                title={`Take the next pair's first ${side} paragraph into this pair`}
                onClick={() => correct(`Move the ${side} boundary after pair ${number} down`, (a, o) => correctAlignmentChange(o, moveBoundary(a, at, side, 'later')))}
              >
                {side} ↓
              </button>
            </span>
          ))}
        </span>
        <button type="button" className="small" onClick={() => correct(`Align ${document.name} again`, (_a, o) => realignChange(o, document))}>
          Align again (keeps your corrections)
        </button>
        <span className="pair-tools-note">{fixedCount > 0 ? `${plural(fixedCount, 'corrected pair')} kept` : 'No pair corrected yet'}</span>
      </div>
      <div className="pair-head" aria-hidden="true">
        <span />
        <span>Translation</span>
        <span>Original ({original.language})</span>
      </div>
      <div
        className="pair-body"
        ref={bodyRef}
        tabIndex={0}
        role="region"
        aria-label={`${document.name} beside its ${original.language} original, one aligned pair a row`}
        aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Home End"
        onKeyDown={onKeyDown}
      >
        <div className="pair-rows" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = pairs[item.index] as AlignedPair;
            const fixed = isFixed(row);
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={`pair-row${item.index === at ? ' pair-current' : ''}${fixed ? ' pair-fixed' : ''}`}
                style={{ top: `${item.start}px` }}
                onClick={() => setCurrent(item.index)}
              >
                <span className="pair-n" title={fixed ? 'You corrected this pair' : undefined}>
                  {item.index + 1}
                  {fixed && <span className="pair-fixed-mark" aria-label="corrected" role="img">✓</span>}
                </span>
                <div className="pair-side pair-translation">
                  <MemoPairSide
                    paragraphs={document.paragraphs}
                    start={row.translation.start}
                    end={row.translation.end}
                    text={document.text}
                    map={translationMap}
                    codesAt={translationCodesAt}
                    carried={false}
                  />
                </div>
                <div className="pair-side pair-original" dir={original.direction} lang={tag ?? undefined}>
                  <MemoPairSide
                    paragraphs={original.paragraphs}
                    start={row.original.start}
                    end={row.original.end}
                    text={original.text}
                    map={originalMap}
                    codesAt={originalCodesAt}
                    carried={true}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
