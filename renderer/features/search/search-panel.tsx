/**
 * Full-text search across the project's transcripts: words, "exact phrases", words by their beginning (nurs*), or
 * regular expressions, optionally matching case, with the filters of retrieval; results come while typing, each
 * hit in its context with its citation, and a click opens the transcript there. "Code all hits" codes every hit
 * (or the chosen ones), each widened to its sentence or paragraph if asked, as one step of undo.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Code } from '#shared/model/types';
import { documentLabel } from '#shared/coding/citation-labels';
import { hitContext, type HitWidth } from '#shared/search/hit-context';
import { citationLabel } from '#shared/coding/paragraph-label';
import { jumpTo, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { FilterBar } from '../retrieval/filter-bar.tsx';
import { CodeFinder } from '../retrieval/code-finder.tsx';
import { codeHits, COUNT_LIMIT, MAX_HITS, prepareSearch, toggleHit, updateSearch, useSearch, type SearchResult } from './search-store.ts';
import './search.css';

const WIDTHS: readonly { value: HitWidth; label: string }[] = [
  { value: 'hit', label: 'the words found' },
  { value: 'sentence', label: 'their sentences' },
  { value: 'paragraph', label: 'their paragraphs' },
];

/** The search panel; `focusNonce` changing focuses the search box (Ctrl+F). */
export function SearchPanel({ focusNonce }: { readonly focusNonce: number }) {
  const query = useSearch((s) => s.query);
  const mode = useSearch((s) => s.mode);
  const caseSensitive = useSearch((s) => s.caseSensitive);
  const filter = useSearch((s) => s.filter);
  const searching = useSearch((s) => s.searching);
  const error = useSearch((s) => s.error);
  const result = useSearch((s) => s.result);
  const chosen = useSearch((s) => s.chosen);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusNonce]);
  useEffect(() => prepareSearch(), []);

  return (
    <section className="search-panel" aria-label="Search">
      <div className="search-box">
        <input
          ref={inputRef}
          type="search"
          aria-label="Search the transcripts"
          placeholder={mode === 'regex' ? 'Regular expression, e.g. nurs(e|ing)' : 'Words, "exact phrase", nurs*'}
          value={query}
          onChange={(e) => void updateSearch({ query: e.target.value })}
          spellCheck={false}
        />
        <div className="search-options">
          <label>
            <input type="checkbox" checked={mode === 'regex'} onChange={(e) => void updateSearch({ mode: e.target.checked ? 'regex' : 'words' })} />
            Regular expression
          </label>
          <label>
            <input type="checkbox" checked={caseSensitive} onChange={(e) => void updateSearch({ caseSensitive: e.target.checked })} />
            Match case
          </label>
        </div>
      </div>
      <FilterBar filter={filter} onChange={(next) => void updateSearch({ filter: next })} coderKeeps="hits in coded passages" />
      {error && (
        <p className="search-error" role="alert">
          {error}
        </p>
      )}
      {result && !error && <SearchSummary result={result} searching={searching} />}
      {result && result.hits.count > 0 && !error && <CodeHitsBar result={result} chosen={chosen} />}
      {result && !error && <HitList result={result} chosen={chosen} />}
      {!result && !error && (
        <p className="empty">
          Type to search every transcript. Bare words match whole words, “quoted words” an exact phrase, and a trailing * any word
          that begins so.
        </p>
      )}
    </section>
  );
}

function SearchSummary({ result, searching }: { readonly result: SearchResult; readonly searching: boolean }) {
  const documentCount = useMemo(() => new Set(result.hits.documentIndex).size, [result]);
  const { total, count, complete } = result.hits;
  return (
    <p className={`code-summary search-summary${searching ? ' searching' : ''}`} aria-live="polite">
      {complete ? plural(total, 'hit') : `More than ${COUNT_LIMIT.toLocaleString('en')} hits`}
      {count > 0 && ` in ${plural(documentCount, 'document')}${count < total ? ` (the first ${count.toLocaleString('en')} shown)` : ''}`}
      <span className="search-time"> · {Math.round(result.elapsedMs)} ms</span>
    </p>
  );
}

function CodeHitsBar({ result, chosen }: { readonly result: SearchResult; readonly chosen: ReadonlySet<number> }) {
  const codeId = useSearch((s) => s.codeId);
  const width = useSearch((s) => s.width);
  const code = useWorkspace((s) => (codeId ? s.index?.codeById.get(codeId) : undefined));
  const [busy, setBusy] = useState(false);
  const truncated = result.hits.count < result.hits.total;
  const run = async (target: Code, onlyChosen: boolean) => {
    setBusy(true);
    try {
      await codeHits(target, onlyChosen);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="code-hits" role="group" aria-label="Code the hits">
      <div className="code-hits-row">
        {code ? (
          <span className="retrieval-chip">
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            <span>{code.name}</span>
            <button type="button" className="chip-remove" aria-label="Choose another code" onClick={() => useSearch.setState({ codeId: null })}>
              ×
            </button>
          </span>
        ) : (
          <CodeFinder
            ariaLabel="Code for the hits"
            placeholder="Code the hits with… (name or III.D)"
            includeCategories={false}
            onPick={(picked) => useSearch.setState({ codeId: picked.id })}
          />
        )}
        <label className="code-hits-width">
          coding
          <select aria-label="Widen each hit to" value={width} onChange={(e) => useSearch.setState({ width: e.target.value as HitWidth })}>
            {WIDTHS.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="code-hits-row">
        <button
          type="button"
          className="primary small"
          disabled={!code || busy || truncated}
          title={truncated ? `Only the first ${MAX_HITS.toLocaleString('en')} hits are listed; narrow the search to code them all.` : undefined}
          onClick={() => code && void run(code, false)}
        >
          Code all {plural(result.hits.count, 'hit')}
        </button>
        <button type="button" className="small" disabled={!code || busy || chosen.size === 0} onClick={() => code && void run(code, true)}>
          Code {chosen.size} chosen
        </button>
        {chosen.size > 0 && (
          <button type="button" className="small quiet" onClick={() => useSearch.setState({ chosen: new Set() })}>
            Clear choice
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The height of a hit in the list (its context is cut to two lines to fit). Hits all have this height, so that the
 * list never measures them: measuring a row lays out the whole page, on every keystroke that brings new hits.
 */
const HIT_HEIGHT_PX = 92;

function HitList({ result, chosen }: { readonly result: SearchResult; readonly chosen: ReadonlySet<number> }) {
  const listRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, never memoised on
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: result.hits.count,
    getScrollElement: () => listRef.current,
    estimateSize: () => HIT_HEIGHT_PX,
    overscan: 8,
  });
  return (
    <div className="segment-list hit-list" ref={listRef}>
      <ol className="segments" aria-label="Search hits" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li key={item.key} className="segment-item" style={{ top: `${item.start}px`, height: `${HIT_HEIGHT_PX}px` }}>
            <HitRow result={result} hit={item.index} chosen={chosen.has(item.index)} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function HitRow({ result, hit, chosen }: { readonly result: SearchResult; readonly hit: number; readonly chosen: boolean }) {
  const document = result.documents[result.hits.documentIndex[hit] as number];
  const label = useWorkspace((s) => (s.snapshot && document ? documentLabel(s.snapshot, s.snapshot.documents, document.id) : null));
  if (!document) return null;
  const paragraph = document.paragraphs[result.hits.paragraphIndex[hit] as number];
  const start = result.hits.start[hit] as number;
  const end = result.hits.end[hit] as number;
  const context = hitContext(document, paragraph, start, end);
  const speaker = paragraph?.speakerId ? document.speakers.find((s) => s.id === paragraph.speakerId)?.label : undefined;
  return (
    <div className={`hit${chosen ? ' hit-chosen' : ''}`}>
      <input type="checkbox" className="hit-choose" aria-label={`Choose hit ${hit + 1}`} checked={chosen} onChange={() => toggleHit(hit)} />
      <button type="button" className="segment hit-open" onClick={() => jumpTo(document.id, start, end)}>
        <span className="segment-head">
          <span className="segment-citation">{citationLabel(label, paragraph?.n ?? 1)}</span>
          <span className="segment-document">{document.name}</span>
          {speaker && <span className="segment-speaker">{speaker}</span>}
        </span>
        <span className="segment-text hit-context" dir="auto">
          {context.before}
          <mark>{context.hit}</mark>
          {context.after}
        </span>
      </button>
    </div>
  );
}
