/**
 * The transcript reader: numbered paragraphs with speaker labels, codings painted in their codes' colours.
 * Selecting a passage offers the codes to apply; clicking a coded passage shows the codings there.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { Code, Coding, Paragraph, TesseraDocument, Uuid } from '#shared/model/types';
import type { CodePointMap, CodePointRange } from '#shared/text/code-points';
import { buildCodePointMap, codePointToUtf16 } from '#shared/text/code-points';
import { highlightRuns } from '#shared/coding/highlight-runs';
import { paragraphAt } from '#shared/coding/paragraph-label';
import { siteCodeOf } from '#shared/coding/retrieval';
import { useWorkspace } from '../../state/workspace-store.ts';
import { selectCodePoints, selectionToCodePoints } from './dom-selection.ts';
import { CodingPopover, CodingsHerePopover } from './coding-popovers.tsx';
import type { PopoverAnchor } from './coding-popovers.tsx';
import { plural } from '../../app/format.ts';

type ReaderPopover =
  | { readonly kind: 'apply'; readonly range: CodePointRange; readonly anchor: PopoverAnchor }
  | { readonly kind: 'inspect'; readonly codingIds: readonly Uuid[]; readonly anchor: PopoverAnchor };

/** The reader for the selected document. */
export function DocumentReader() {
  const documentId = useWorkspace((s) => s.selectedDocumentId);
  const document = useWorkspace((s) => s.snapshot?.documents.find((d) => d.id === documentId) ?? null);
  if (!document) {
    return (
      <div className="reader reader-empty">
        <p className="empty">Import a transcript and open it here to read and code it.</p>
      </div>
    );
  }
  return <Reader key={document.id} document={document} />;
}

/** Codings of one document grouped by the paragraphs they touch. */
function codingsByParagraph(document: TesseraDocument, codings: readonly Coding[]): ReadonlyMap<number, Coding[]> {
  const buckets = new Map<number, Coding[]>();
  for (const coding of codings) {
    if (coding.documentId !== document.id) continue;
    const first = paragraphAt(document.paragraphs, coding.start)?.n ?? 1;
    const last = paragraphAt(document.paragraphs, Math.max(coding.start, coding.end - 1))?.n ?? first;
    for (let n = first; n <= last; n++) {
      const bucket = buckets.get(n);
      if (bucket) bucket.push(coding);
      else buckets.set(n, [coding]);
    }
  }
  return buckets;
}

const NO_CODINGS: readonly Coding[] = [];

function Reader({ document }: { readonly document: TesseraDocument }) {
  const codings = useWorkspace((s) => s.snapshot?.codings) ?? NO_CODINGS;
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const snapshot = useWorkspace((s) => s.snapshot);
  const jumpTarget = useWorkspace((s) => s.jumpTarget);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [popover, setPopover] = useState<ReaderPopover | null>(null);

  const map = useMemo(() => buildCodePointMap(document.text), [document.text]);
  const buckets = useMemo(() => codingsByParagraph(document, codings), [document, codings]);
  const codesById = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const speakers = useMemo(() => new Map(document.speakers.map((s) => [s.id, s])), [document.speakers]);
  const documentCodings = useMemo(() => codings.filter((c) => c.documentId === document.id).length, [codings, document.id]);
  const site = snapshot ? siteCodeOf(snapshot, document) : null;

  // Bring a jumped-to passage into view, select it and flash its paragraph.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!jumpTarget || jumpTarget.documentId !== document.id || !body) return;
    const paragraph = paragraphAt(document.paragraphs, jumpTarget.start);
    if (!paragraph) return;
    const element = body.querySelector(`#para-${paragraph.n}`);
    element?.scrollIntoView({ block: 'center' });
    selectCodePoints(body, map, jumpTarget);
    // The flash is a passing mark on the page, not state: set and clear the class on the element itself.
    element?.classList.add('flash');
    const timer = setTimeout(() => element?.classList.remove('flash'), 1600);
    return () => {
      clearTimeout(timer);
      element?.classList.remove('flash');
    };
  }, [jumpTarget, document, map]);

  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPopover(null);
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, []);

  const onMouseUp = (event: ReactMouseEvent) => {
    const body = bodyRef.current;
    if (!body) return;
    const range = selectionToCodePoints(body, map);
    if (range) {
      const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
      setPopover({ kind: 'apply', range, anchor: { x: rect?.left ?? event.clientX, y: (rect?.bottom ?? event.clientY) + 6 } });
      return;
    }
    const run = (event.target as HTMLElement).closest<HTMLElement>('[data-codings]');
    const ids = run?.dataset.codings?.split(' ').filter(Boolean) ?? [];
    setPopover(ids.length ? { kind: 'inspect', codingIds: ids, anchor: { x: event.clientX, y: event.clientY + 12 } } : null);
  };

  return (
    <div className="reader">
      <header className="reader-head">
        <h2 className="reader-title">{document.name}</h2>
        <span className="reader-meta">
          {plural(document.paragraphs.length, 'paragraph')} · {plural(document.speakers.length, 'speaker')} ·{' '}
          {plural(documentCodings, 'coding')}
        </span>
      </header>
      <div
        className="reader-body"
        ref={bodyRef}
        onMouseUp={onMouseUp}
        role="document"
        aria-label={`Text of ${document.name}`}
      >
        {document.paragraphs.map((paragraph) => (
          <ParagraphView
            key={paragraph.n}
            paragraph={paragraph}
            text={document.text}
            map={map}
            codings={buckets.get(paragraph.n) ?? NO_CODINGS}
            codesById={codesById}
            speakerLabel={speakers.get(paragraph.speakerId ?? '')?.label ?? null}
            site={site}
          />
        ))}
      </div>
      {popover?.kind === 'apply' && (
        <CodingPopover
          documentId={document.id}
          range={popover.range}
          anchor={popover.anchor}
          onDone={() => {
            setPopover(null);
            window.getSelection()?.removeAllRanges();
          }}
        />
      )}
      {popover?.kind === 'inspect' && (
        <CodingsHerePopover codingIds={popover.codingIds} anchor={popover.anchor} onDone={() => setPopover(null)} />
      )}
    </div>
  );
}

/** The background of a run: its code's colour, light; several codes share the height in bands. */
function runStyle(colors: readonly string[]): React.CSSProperties | undefined {
  if (colors.length === 0) return undefined;
  if (colors.length === 1) return { backgroundColor: `${colors[0]}40`, borderBottom: `2px solid ${colors[0]}` };
  const band = 100 / colors.length;
  const stops = colors.map((c, i) => `${c}4d ${i * band}% ${(i + 1) * band}%`).join(', ');
  return { backgroundImage: `linear-gradient(to bottom, ${stops})`, borderBottom: `2px solid ${colors[colors.length - 1]}` };
}

interface ParagraphViewProps {
  readonly paragraph: Paragraph;
  readonly text: string;
  readonly map: CodePointMap;
  readonly codings: readonly Coding[];
  readonly codesById: ReadonlyMap<Uuid, Code>;
  readonly speakerLabel: string | null;
  readonly site: string | null;
}

/** One paragraph; re-renders only when its own codings (or the codes' looks) change. */
const ParagraphView = memo(function ParagraphView(props: ParagraphViewProps) {
  const { paragraph, text, map, codings, codesById, speakerLabel, site } = props;
  const pieces = [
    { start: paragraph.start, end: paragraph.utteranceStart, isLabel: true },
    { start: paragraph.utteranceStart, end: paragraph.end, isLabel: false },
  ].filter((piece) => piece.end > piece.start);
  return (
    <div
      className="para"
      id={`para-${paragraph.n}`}
      data-n={paragraph.n}
      title={site ? `${site} ${paragraph.n}` : undefined}
    >
      <span className="para-n" aria-label={`Paragraph ${paragraph.n}`}>
        {paragraph.n}
      </span>
      <div className="para-text" dir="auto">
        {pieces.map((piece) =>
          highlightRuns(piece, codings).map((run) => {
            const colors = run.codingIds
              .map((id) => codings.find((c) => c.id === id))
              .map((coding) => (coding ? codesById.get(coding.codeId)?.color : undefined))
              .filter((color): color is string => Boolean(color));
            const slice = text.slice(codePointToUtf16(map, run.start), codePointToUtf16(map, run.end));
            return (
              <span
                key={`${run.start}`}
                data-cp={run.start}
                data-codings={run.codingIds.length ? run.codingIds.join(' ') : undefined}
                className={`${piece.isLabel ? 'speaker-label' : ''}${run.codingIds.length ? ' coded' : ''}`.trim() || undefined}
                style={runStyle(colors)}
                title={piece.isLabel && speakerLabel ? `Speaker: ${speakerLabel}` : undefined}
              >
                {slice}
              </span>
            );
          }),
        )}
      </div>
    </div>
  );
});
