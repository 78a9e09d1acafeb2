/**
 * The search panel's state: the query and its options, the filters, the latest results, the hits the coder
 * chose, and how "code all hits" widens them. A search runs on every change of the query or its options, in the
 * search worker; the worker gets the project's texts on the first search and again when documents change.
 */
import { create } from 'zustand';
import type { Code, TesseraDocument, Uuid } from '#shared/model/types';
import { NO_FILTER, type SegmentFilter } from '#shared/coding/segment-filter';
import type { PassagesByDocument, SearchDocument, SearchHits, SearchMode, SearchRequest } from '#shared/search/text-search';
import type { ProjectIndex } from '#shared/index/project-index';
import { passagesCodedBy } from '#shared/search/coded-passages';
import { passagesForHits, type HitWidth, type Passage } from '#shared/search/hit-context';
import { useWorkspace } from '../../state/workspace-store.ts';
import { codeManyPassages } from '../reader/coding-actions.ts';
import { SearchClient, type IndexingReport } from './search-client.ts';

/** Hits returned by a search at most (the rest are counted). */
export const MAX_HITS = 5000;
/** Counting stops here. */
export const COUNT_LIMIT = 100_000;

/** The results of the latest search, with the documents its hit indexes refer to. */
export interface SearchResult {
  readonly hits: SearchHits;
  readonly documents: readonly TesseraDocument[];
  readonly query: string;
  readonly elapsedMs: number;
}

interface SearchState {
  readonly query: string;
  readonly mode: SearchMode;
  readonly caseSensitive: boolean;
  readonly filter: SegmentFilter;
  readonly searching: boolean;
  readonly error: string | null;
  readonly result: SearchResult | null;
  /** Indexes of the hits the coder chose (to code only those). */
  readonly chosen: ReadonlySet<number>;
  readonly width: HitWidth;
  readonly codeId: Uuid | null;
}

const initial: SearchState = {
  query: '',
  mode: 'words',
  caseSensitive: false,
  filter: NO_FILTER,
  searching: false,
  error: null,
  result: null,
  chosen: new Set(),
  width: 'hit',
  codeId: null,
};

/** The search store. */
export const useSearch = create<SearchState>()(() => initial);

let client: SearchClient | null = null;
let corpusDocuments: readonly TesseraDocument[] | null = null;
let corpusSource: ReadonlyMap<Uuid, TesseraDocument> | null = null;

function searchDocumentOf(document: TesseraDocument): SearchDocument {
  return {
    id: document.id,
    text: document.text,
    kind: document.kind,
    attributes: { siteId: document.attributes.siteId, phaseId: document.attributes.phaseId },
    paragraphs: document.paragraphs,
    speakers: document.speakers,
  };
}

/** The search client with the open project's texts, creating the worker on first use. */
function readyClient(): { client: SearchClient; documents: readonly TesseraDocument[]; replaced: boolean } | null {
  const documentById = useWorkspace.getState().index?.documentById;
  if (!documentById) return null;
  // One worker per core, at most four: the window's thread only waits while they search.
  const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
  client ??= new SearchClient(() => new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'tessera-search' }), workers);
  if (corpusSource === documentById && corpusDocuments) return { client, documents: corpusDocuments, replaced: false };
  corpusSource = documentById;
  corpusDocuments = [...documentById.values()];
  client.setCorpus(corpusDocuments.map(searchDocumentOf));
  return { client, documents: corpusDocuments, replaced: true };
}

/**
 * Hands the project's texts to the search workers ahead of the first search (when the search panel opens). If the
 * documents changed since the results shown were found, it searches again, so that they name today's documents.
 */
export function prepareSearch(): void {
  if (readyClient()?.replaced && useSearch.getState().query.trim()) void runSearch();
}

/** Resolves once the search workers have indexed the open project's words (null when no project is open). */
export function whenSearchIndexed(): Promise<IndexingReport> | null {
  return readyClient()?.client.whenIndexed() ?? null;
}

/** The last passages computed for a coder filter, kept while the codings and the coders chosen stay the same. */
let passagesCache: { index: ProjectIndex; coderKey: string; passages: PassagesByDocument } | null = null;

/** The passages the chosen coders coded, for a search to keep only the hits in them; computed once per change. */
function cachedPassagesCodedBy(index: ProjectIndex, coderIds: readonly Uuid[]): PassagesByDocument {
  const coderKey = coderIds.join(' ');
  if (passagesCache?.index !== index || passagesCache.coderKey !== coderKey) passagesCache = { index, coderKey, passages: passagesCodedBy(index, coderIds) };
  return passagesCache.passages;
}

/** Runs the search the state describes (an empty query clears the results). */
export async function runSearch(): Promise<void> {
  const state = useSearch.getState();
  if (!state.query.trim()) {
    useSearch.setState({ result: null, error: null, searching: false, chosen: new Set() });
    return;
  }
  const ready = readyClient();
  if (!ready) return;
  const index = useWorkspace.getState().index;
  const request: SearchRequest = {
    query: state.query,
    mode: state.mode,
    caseSensitive: state.caseSensitive,
    filter: state.filter,
    maxHits: MAX_HITS,
    countLimit: COUNT_LIMIT,
    within: state.filter.coderIds.length > 0 && index ? cachedPassagesCodedBy(index, state.filter.coderIds) : null,
  };
  useSearch.setState({ searching: true });
  const outcome = await ready.client.search(request);
  if (outcome.kind === 'superseded') return;
  if (outcome.kind === 'error') {
    useSearch.setState({ searching: false, error: outcome.message, result: null, chosen: new Set() });
    return;
  }
  useSearch.setState({
    searching: false,
    error: null,
    result: { hits: outcome.hits, documents: ready.documents, query: state.query, elapsedMs: outcome.elapsedMs },
    chosen: new Set(),
  });
}

/** Changes the query or its options and searches again. */
export function updateSearch(patch: Partial<Pick<SearchState, 'query' | 'mode' | 'caseSensitive' | 'filter'>>): Promise<void> {
  useSearch.setState(patch);
  return runSearch();
}

/** Chooses or unchooses a hit. */
export function toggleHit(hit: number): void {
  useSearch.setState((s) => {
    const chosen = new Set(s.chosen);
    if (chosen.has(hit)) chosen.delete(hit);
    else chosen.add(hit);
    return { chosen };
  });
}

/** The passages to code for the given hits (all when `only` is null), widened as the state says. */
export function passagesOf(result: SearchResult, only: ReadonlySet<number> | null, width: HitWidth): readonly Passage[] {
  const byDocument = new Map<number, { start: number; end: number }[]>();
  for (let i = 0; i < result.hits.count; i++) {
    if (only && !only.has(i)) continue;
    const d = result.hits.documentIndex[i] as number;
    let list = byDocument.get(d);
    if (!list) byDocument.set(d, (list = []));
    list.push({ start: result.hits.start[i] as number, end: result.hits.end[i] as number });
  }
  const passages: Passage[] = [];
  for (const [d, hits] of byDocument) {
    const document = result.documents[d];
    if (document) passages.push(...passagesForHits(document, hits, width));
  }
  return passages;
}

/** Codes all hits (or the chosen ones) with a code, as one step of undo. Resolves to the codings made, or null. */
export async function codeHits(code: Code, onlyChosen: boolean): Promise<number | null> {
  const { result, chosen, width } = useSearch.getState();
  if (!result) return null;
  const passages = passagesOf(result, onlyChosen ? chosen : null, width);
  if (passages.length === 0) return 0;
  return codeManyPassages(code, passages);
}

/**
 * A new project starts a new search (the old results name another project's documents). Its texts go to the
 * search workers as soon as the window is idle after opening, so that their words are indexed by the first search;
 * closing the project ends the workers and frees the texts they held.
 */
useWorkspace.subscribe((state, previous) => {
  const projectId = state.snapshot?.project.id;
  if (projectId === previous.snapshot?.project.id) return;
  corpusDocuments = null;
  corpusSource = null;
  useSearch.setState(initial);
  if (!projectId) {
    client?.dispose();
    client = null;
    return;
  }
  const prepareIfStillOpen = () => {
    if (useWorkspace.getState().snapshot?.project.id === projectId) prepareSearch();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prepareIfStillOpen, { timeout: 3000 });
  else setTimeout(prepareIfStillOpen, 1000);
});
