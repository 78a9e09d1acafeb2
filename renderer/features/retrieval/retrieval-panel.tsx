/**
 * Retrieval: every passage coded with the selected code, or several codes, or a whole CFIR domain with the codes
 * beneath it, each cited the way papers cite quotes ("BU 45") with its document, speaker and coder; filtered by
 * site, phase, document kind, speaker and coder, in document order or by site then phase. A segment opens to show
 * its paragraph, and a click opens the transcript there. Served from the project index: one code's segments come
 * back in milliseconds among 50,000 codings, and only the rows on screen are rendered.
 */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Code, Coding, Uuid } from '#shared/model/types';
import { childCodes, codeWithDescendants, codingsOfCode } from '#shared/index/project-index';
import { useShallow } from 'zustand/react/shallow';
import { passageContext, retrieveSegments, segmentText, type RetrievedSegment, type SegmentOrder } from '#shared/coding/retrieve-segments';
import { codeLabel } from '#shared/codebooks/code-info';
import { jumpTo, selectCode, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { withUnknownRoles } from '#shared/coding/segment-filter';
import { FilterBar } from './filter-bar.tsx';
import { CodeFinder } from './code-finder.tsx';
import { addRetrievedCode, removeRetrievedCode, useRetrieval } from './retrieval-store.ts';
import './retrieval.css';

const NO_CODINGS: readonly Coding[] = [];

/** The retrieval panel. */
export function RetrievalPanel() {
  // The parts of the index retrieval reads, each keeping its identity while unchanged, so that a coding of another
  // code neither re-renders the panel nor retrieves again.
  const codeById = useWorkspace((s) => s.index?.codeById);
  const documentById = useWorkspace((s) => s.index?.documentById);
  const tree = useWorkspace((s) => s.index?.childCodes);
  const sites = useWorkspace((s) => s.snapshot?.sites);
  const phases = useWorkspace((s) => s.snapshot?.phases);
  const citationStyle = useWorkspace((s) => s.snapshot?.project.citationStyle);
  const selectedCodeId = useWorkspace((s) => s.selectedCodeId);
  const extraCodeIds = useRetrieval((s) => s.extraCodeIds);
  const withDescendants = useRetrieval((s) => s.withDescendants);
  const filter = useRetrieval((s) => s.filter);
  const order = useRetrieval((s) => s.order);

  const chosen = useMemo(() => {
    const ids = [...new Set([selectedCodeId, ...extraCodeIds].filter((id): id is Uuid => Boolean(id)))];
    return ids.map((id) => codeById?.get(id)).filter((code): code is Code => code !== undefined);
  }, [codeById, selectedCodeId, extraCodeIds]);
  const hasChildren = tree !== undefined && chosen.some((code) => childCodes({ childCodes: tree }, code.id).length > 0);
  const codeIds = useMemo(() => {
    if (!codeById || !tree) return [];
    // A category has no codings of its own: its codes beneath always count.
    const expand = (code: Code) =>
      withDescendants || !code.isCodable ? codeWithDescendants({ codeById, childCodes: tree }, code.id).map((c) => c.id) : [code.id];
    return [...new Set(chosen.flatMap(expand))];
  }, [codeById, tree, chosen, withDescendants]);
  const codingLists = useWorkspace(useShallow((s) => codeIds.map((id) => (s.index ? codingsOfCode(s.index, id) : NO_CODINGS))));
  const segments = useMemo(() => {
    if (!codeById || !documentById || !sites || !phases) return [];
    const codingsByCode = new Map(codeIds.map((id, i) => [id, codingLists[i] ?? NO_CODINGS]));
    return retrieveSegments({ codeById, documentById, codingsByCode }, { sites, phases, project: { citationStyle } }, { codeIds, filter, order });
  }, [codeById, documentById, sites, phases, citationStyle, codeIds, codingLists, filter, order]);
  // How many segments the role filter drops only because their speaker's role is unknown: said, never silent.
  const unknownLeftOut = useMemo(() => {
    const widened = withUnknownRoles(filter);
    if (!widened || !codeById || !documentById || !sites || !phases) return 0;
    const codingsByCode = new Map(codeIds.map((id, i) => [id, codingLists[i] ?? NO_CODINGS]));
    return retrieveSegments({ codeById, documentById, codingsByCode }, { sites, phases, project: { citationStyle } }, { codeIds, filter: widened, order }).length - segments.length;
  }, [codeById, documentById, sites, phases, citationStyle, codeIds, codingLists, filter, order, segments]);

  if (!codeById || chosen.length === 0) {
    return (
      <div className="panel-empty">
        <h2>Coded segments</h2>
        <p className="empty">Select a code in the tree to see every passage coded with it.</p>
      </div>
    );
  }
  const primary = chosen[0] as Code;
  const documentCount = new Set(segments.map((s) => s.document.id)).size;
  return (
    <section className="code-panel retrieval" aria-labelledby="code-panel-heading">
      <div className="code-panel-head">
        <span className="swatch swatch-large" style={{ background: primary.color }} aria-hidden="true" />
        <h2 id="code-panel-heading">{chosen.length === 1 ? primary.name : `${primary.name} and ${plural(chosen.length - 1, 'other code')}`}</h2>
      </div>
      {chosen.length === 1 && primary.description && <p className="code-description">{primary.description}</p>}
      <div className="retrieval-codes">
        <ul className="retrieval-chips" aria-label="Codes retrieved">
          {chosen.map((code) => (
            <li key={code.id} className="retrieval-chip">
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              <span>{codeLabel(code)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Stop retrieving ${code.name}`}
                onClick={() => (code.id === selectedCodeId ? selectCode(extraCodeIds[0] ?? null) : removeRetrievedCode(code.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <CodeFinder
          ariaLabel="Add a code to retrieve"
          placeholder="+ Add a code or domain…"
          includeCategories
          exclude={chosen.map((c) => c.id)}
          onPick={(code) => addRetrievedCode(code.id)}
        />
        {hasChildren && (
          <label className="retrieval-option">
            <input type="checkbox" checked={withDescendants} onChange={(e) => useRetrieval.setState({ withDescendants: e.target.checked })} />
            with the codes beneath
          </label>
        )}
      </div>
      <FilterBar filter={filter} onChange={(next) => useRetrieval.setState({ filter: next })} coderKeeps="codings" />
      <div className="retrieval-summary">
        <p className="code-summary">
          {plural(segments.length, 'coded segment')} in {plural(documentCount, 'document')}
          {unknownLeftOut > 0 &&
            ` · ${plural(unknownLeftOut, 'more segment')} left out because the speaker's role is unknown or there is no speaker (set roles in the document's details)`}
        </p>
        <select aria-label="Order" value={order} onChange={(e) => useRetrieval.setState({ order: e.target.value as SegmentOrder })}>
          <option value="document">Document order</option>
          <option value="site-phase">By site, then phase</option>
        </select>
      </div>
      <SegmentList segments={segments} multipleCodes={codeIds.length > 1} label={`Segments coded ${primary.name}`} />
    </section>
  );
}

/** The segments, rendered as they scroll into view. */
function SegmentList({ segments, multipleCodes, label }: { readonly segments: readonly RetrievedSegment[]; readonly multipleCodes: boolean; readonly label: string }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<Uuid>>(new Set());
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, never memoised on
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: segments.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => 92,
    overscan: 6,
    getItemKey: (i) => segments[i]?.coding.id ?? i,
  });
  const toggle = (id: Uuid) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="segment-list" ref={listRef}>
      <ol className="segments" aria-label={label} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const segment = segments[item.index] as RetrievedSegment;
          return (
            <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="segment-item" style={{ top: `${item.start}px` }}>
              <SegmentRow segment={segment} showCode={multipleCodes} expanded={expanded.has(segment.coding.id)} onToggle={() => toggle(segment.coding.id)} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function SegmentRow({ segment, showCode, expanded, onToggle }: { readonly segment: RetrievedSegment; readonly showCode: boolean; readonly expanded: boolean; readonly onToggle: () => void }) {
  const coder = useWorkspace((s) => (segment.coding.createdBy ? s.index?.coderById.get(segment.coding.createdBy) : undefined));
  const context = expanded ? passageContext(segment.document, segment.coding.start, segment.coding.end) : null;
  return (
    <>
      <button type="button" className="segment" onClick={() => jumpTo(segment.document.id, segment.coding.start, segment.coding.end)}>
        <span className="segment-head">
          <span className="segment-citation">{segment.citation}</span>
          <span className="segment-document">{segment.document.name}</span>
          <span className="segment-paragraph">¶ {segment.firstParagraph}</span>
          {segment.speaker && <span className="segment-speaker">{segment.speaker.label}</span>}
          {coder && (
            <span className="segment-coder" title={coder.name}>
              {coder.initials}
            </span>
          )}
        </span>
        {showCode && (
          <span className="segment-code">
            <span className="swatch" style={{ background: segment.code.color }} aria-hidden="true" />
            {segment.code.name}
          </span>
        )}
        <span className="segment-text" dir="auto">
          {segmentText(segment)}
        </span>
      </button>
      <button type="button" className="segment-expand small quiet" aria-expanded={expanded} onClick={onToggle}>
        {expanded ? 'Hide paragraph' : 'Show paragraph'}
      </button>
      {context && (
        <p className="segment-context" dir="auto">
          {context.before}
          <mark>{context.passage}</mark>
          {context.after}
        </p>
      )}
    </>
  );
}
