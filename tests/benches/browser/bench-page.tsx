/**
 * The workspace benchmark, inside Chromium: the real app (React, the workspace store, the project store on
 * IndexedDB through Dexie, the project index, the search worker) on a synthetic study from `tessera synth`.
 *
 * The Node side (tests/benches/workspace.bench.ts) serves this page with the study files next to it, calls
 * `window.tesseraBench.run()`, and prints the timings it returns. Every timed operation goes through the same code
 * a click or a keystroke does, and ends when the screen shows its result:
 *
 * - opening a transcript: from selecting it to the first frame painted after React put its paragraphs in the page;
 * - applying a code: from the coding action (the reader's own) to its highlight in the page (the in-memory project
 *   and index, and React), and on to the end of its strict-durability IndexedDB write, when the app reports it saved;
 * - retrieval: from setting the site filter to the segments listed;
 * - a search keystroke: from the query change to the hits listed, through the search worker;
 * - code all hits: from the action to the notice that the 500 passages are coded (one IndexedDB transaction).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Code, Coding, Paragraph, ProjectSnapshot, TesseraDocument, Uuid } from '#shared/model/types';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { remapProjectIds } from '#shared/project-file/remap-ids';
import { buildProjectIndex, codingsOfCode, codingsOfDocument, recordLookup, updateProjectIndex } from '#shared/index/project-index';
import { applyChange, invertChange } from '#shared/model/change';
import { applyCode } from '#shared/coding/apply-code';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { App } from '#renderer/app/app.tsx';
import { DocumentReader } from '#renderer/features/reader/document-reader.tsx';
import { CodePanel } from '#renderer/features/codes/code-panel.tsx';
import { openProject, selectCode, selectDocument, startWorkspace, undo, useWorkspace } from '#renderer/state/workspace-store.ts';
import { projectStore } from '#renderer/state/project-store-instance.ts';
import { codeManyPassages, codeRange } from '#renderer/features/reader/coding-actions.ts';
import { passagesOf, updateSearch, useSearch, whenSearchIndexed } from '#renderer/features/search/search-store.ts';
import { showTab, useRetrieval } from '#renderer/features/retrieval/retrieval-store.ts';
import '#renderer/styles/app.css';
import { stampsAt } from '#shared/model/stamps';

/** One measured operation, as the Node side prints it. */
export interface BenchRow {
  readonly operation: string;
  readonly samplesMs: readonly number[];
  readonly targetMs: number | null;
}

/** What the page reports. */
export interface BenchReport {
  readonly views: 'all' | 'coding';
  readonly rows: readonly BenchRow[];
  readonly facts: readonly string[];
}

declare global {
  interface Window {
    tesseraBench?: { run(): Promise<BenchReport> };
  }
}

const log = (text: string): void => console.log(`bench: ${text}`);

/**
 * `?views=coding` mounts only the coding workspace's own views (the reader and the right pane with retrieval and
 * search) in the app's layout, leaving out the other panels (documents, coding tree, memos): what the workspace
 * itself costs, apart from what the rest of the app adds on every change.
 */
const codingViewsOnly = new URLSearchParams(window.location.search).get('views') === 'coding';

/** The app's workspace layout with only the reader and the right pane. */
function CodingViews() {
  const ready = useWorkspace((s) => s.phase === 'ready' && s.snapshot !== null);
  if (!ready) return <div className="app" />;
  return (
    <div className="app">
      <div className="workspace">
        <div className="panes">
          <aside className="pane pane-left" aria-label="Left out of this benchmark" />
          <main className="pane pane-center">
            <DocumentReader />
          </main>
          <aside className="pane pane-right">
            <CodePanel />
          </aside>
        </div>
      </div>
    </div>
  );
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Resolves when `ready()` holds, checking after every change to the page (and at once). */
function waitFor(ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`Timed out waiting for ${what}`));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Resolves after the next frame has been painted (the task after the frame's animation callbacks). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Lets the page settle between runs (pending renders, the search worker, garbage). */
async function settle(): Promise<void> {
  await nextPaint();
  await new Promise((resolve) => setTimeout(resolve, 30));
}

/**
 * Resolves once the page has been idle for a while (timers firing on time): opening a project starts work in the
 * background (the automatic backup encodes the whole project), which must not be timed as part of what follows.
 */
async function quiet(): Promise<void> {
  let calm = 0;
  const deadline = performance.now() + 60_000;
  while (calm < 10 && performance.now() < deadline) {
    const before = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    calm = performance.now() - before < 70 ? calm + 1 : 0;
  }
}

/** Runs `measure` `warmup + runs` times and keeps the last `runs` durations. */
async function sample(runs: number, warmup: number, measure: (i: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ms = await measure(i);
    if (i >= warmup) samples.push(ms);
    await settle();
  }
  return samples;
}

/** The study with the densely coded 30,000-word transcript added: its codings re-pointed to the study's codes. */
function withDenseTranscript(study: ProjectSnapshot, dense: ProjectSnapshot): { snapshot: ProjectSnapshot; document: TesseraDocument } {
  const source = dense.documents[0];
  if (!source) throw new Error('The dense study has no document.');
  const codable = study.codes.filter((c) => c.isCodable);
  const denseCodable = dense.codes.filter((c) => c.isCodable);
  const document: TesseraDocument = {
    ...source,
    projectId: study.project.id,
    name: 'ZZ_dense_30k_words',
    attributes: { ...source.attributes, siteId: study.sites[0]?.id ?? null, phaseId: study.phases[0]?.id ?? null },
  };
  const codings: Coding[] = dense.codings.map((coding) => ({
    ...coding,
    projectId: study.project.id,
    codeId: (codable[Math.max(0, denseCodable.findIndex((c) => c.id === coding.codeId)) % codable.length] as Code).id,
    coderId: study.coders[dense.coders.findIndex((c) => c.id === coding.createdBy)]?.id ?? study.coders[0]?.id ?? null,
  }));
  return { snapshot: { ...study, documents: [...study.documents, document], codings: [...study.codings, ...codings] }, document };
}

/** The same study with every tenth coding (5,000 of 50,000) under new ids, to see that coding cost does not grow. */
function smallerStudy(study: ProjectSnapshot): ProjectSnapshot {
  const copy = remapProjectIds(study, () => crypto.randomUUID());
  const codings = copy.codings.filter((_, i) => i % 10 === 0);
  const kept = new Set(codings.map((c) => c.id));
  return {
    ...copy,
    project: { ...copy.project, name: `${copy.project.name} (5,000 codings)` },
    codings,
    memos: copy.memos.filter((m) => m.target.kind !== 'coding' || kept.has(m.target.id)),
  };
}

/** A word-aligned passage of a few words inside a paragraph that is rendered on screen now. */
function passageOnScreen(document: TesseraDocument, run: number): { start: number; end: number } {
  const rows = [...window.document.querySelectorAll<HTMLElement>('.para-row')].map((row) => Number(row.dataset.index));
  const candidates = rows.map((i) => document.paragraphs[i]).filter((p): p is Paragraph => p !== undefined && p.end - p.utteranceStart > 80);
  const paragraph = candidates[run % candidates.length];
  if (!paragraph) throw new Error('No paragraph on screen to code.');
  // Offsets step through the paragraph so that no two runs make the same coding (the app refuses duplicates).
  const start = paragraph.utteranceStart + ((run * 7) % Math.max(1, paragraph.end - paragraph.utteranceStart - 40));
  return { start, end: Math.min(paragraph.end, start + 24 + (run % 9)) };
}

async function openAndWait(projectId: Uuid): Promise<void> {
  await openProject(projectId);
  await waitFor(() => window.document.querySelector('.para') !== null, 'the first transcript');
  await quiet();
}

async function openDocument(document: TesseraDocument): Promise<number> {
  const started = performance.now();
  selectDocument(document.id);
  await waitFor(
    () => window.document.querySelector('.reader-title')?.textContent === document.name && window.document.querySelector('.para') !== null,
    `${document.name} in the reader`,
  );
  await nextPaint();
  return performance.now() - started;
}

/**
 * Applies a code as the reader does. The coding is on screen before its write to IndexedDB ends (the app reports it
 * saved only then): returns the time to its highlight in the page, and to its write done.
 */
async function applyOneCode(document: TesseraDocument, code: Code, run: number): Promise<{ shownMs: number; savedMs: number }> {
  const range = passageOnScreen(document, run);
  const started = performance.now();
  const saving = codeRange(code.id, { documentId: document.id, ...range });
  // codeRange puts the coding in the project and its index before it returns.
  const index = useWorkspace.getState().index;
  const coding = index && codingsOfDocument(index, document.id).find((c) => c.codeId === code.id && c.start === range.start && c.end === range.end);
  if (!coding) throw new Error('The coding was refused.');
  await waitFor(() => window.document.querySelector(`[data-codings~="${coding.id}"]`) !== null, 'the new coding in the page');
  const shownMs = performance.now() - started;
  if ((await saving) !== coding.id) throw new Error('The coding was not saved.');
  return { shownMs, savedMs: performance.now() - started };
}

async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const facts: string[] = [];
  const row = (operation: string, samplesMs: readonly number[], targetMs: number | null) => {
    rows.push({ operation, samplesMs, targetMs });
    const sorted = [...samplesMs].sort((a, b) => a - b);
    log(`${operation}: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms`);
  };

  /** Two rows for applying a code `runs` times: until its highlight shows, and until its write is done. */
  const codingRows = async (operation: string, measure: (i: number) => Promise<{ shownMs: number; savedMs: number }>) => {
    const saved: number[] = [];
    const shown = await sample(40, 5, async (i) => {
      const times = await measure(i);
      if (i >= 5) saved.push(times.savedMs);
      return times.shownMs;
    });
    row(`${operation}: on screen`, shown, 4);
    row('  and written to IndexedDB (reported saved)', saved, null);
  };

  log('reading the study files');
  const [mainBytes, denseBytes] = await Promise.all([fetchBytes('./study.tessera'), fetchBytes('./dense.tessera')]);
  const study = (await decodeProjectFile(mainBytes)).snapshot;
  const dense = (await decodeProjectFile(denseBytes)).snapshot;
  const { snapshot: large, document: denseDocument } = withDenseTranscript(study, dense);
  const small = smallerStudy(study);
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  facts.push(
    `study: ${large.documents.length} documents (${study.documents.length} of about ${words(study.documents[0]?.text ?? '')} words, ` +
      `plus one of ${words(denseDocument.text)} words with ${dense.codings.length} codings), ${large.codes.length} codes, ` +
      `${large.codings.length} codings; the smaller copy has ${small.codings.length} codings`,
  );

  log('storing both projects in IndexedDB');
  let started = performance.now();
  await projectStore().createProject(large);
  await projectStore().createProject(small);
  facts.push(`storing both projects: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  createRoot(window.document.getElementById('root') as HTMLElement).render(
    <StrictMode>{codingViewsOnly ? <CodingViews /> : <App />}</StrictMode>,
  );
  await startWorkspace();

  // Applying a code in the smaller project.
  log('opening the 5,000-coding project');
  await openAndWait(small.project.id);
  const codable = small.codes.filter((c) => c.isCodable);
  const smallDocument = useWorkspace.getState().index?.documentById.get(small.documents[3]?.id ?? '') as TesseraDocument;
  await openDocument(smallDocument);
  await codingRows('apply one code (project of 5,000 codings)', (i) => applyOneCode(smallDocument, codable[i % codable.length] as Code, i));

  // Reading the large project back and indexing it.
  log('opening the 53,000-coding project');
  const openSamples: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    const loaded = await projectStore().loadProject(large.project.id);
    buildProjectIndex(loaded);
    openSamples.push(performance.now() - started);
  }
  row('read a whole project from IndexedDB and index it', openSamples, null);
  // What the user waits for: from choosing the project (another one open) to its transcript in the reader.
  const windowSamples: number[] = [];
  for (let i = 0; i < 3; i++) {
    await openAndWait(small.project.id);
    started = performance.now();
    await openProject(large.project.id);
    await waitFor(() => window.document.querySelector('.para') !== null, 'the first transcript');
    windowSamples.push(performance.now() - started);
    await quiet();
  }
  row('open the 53,000-coding project to a usable window', windowSamples, 1000);

  const largeCodable = large.codes.filter((c) => c.isCodable);
  const ordinary = large.documents[3] as TesseraDocument;
  const other = large.documents[7] as TesseraDocument;
  row(
    'open the 30,000-word transcript (3,000 codings) to first paint',
    await sample(12, 2, async () => {
      await openDocument(other);
      await settle();
      return openDocument(denseDocument);
    }),
    120,
  );
  await codingRows('apply one code in the 30,000-word transcript', (i) => applyOneCode(denseDocument, largeCodable[i % largeCodable.length] as Code, i));
  await openDocument(ordinary);
  await codingRows('apply one code (project of 53,000 codings)', (i) => applyOneCode(ordinary, largeCodable[(i * 3) % largeCodable.length] as Code, i + 100));

  // Where the time of applying a code goes: the IndexedDB write alone (written, then deleted unmeasured), and the
  // pure part (the change computed, applied to the project and its index, and its undo step made).
  const projectId = large.project.id;
  row(
    '  of which the IndexedDB write (strict durability)',
    await sample(40, 5, async (i) => {
      const coding: Coding = {
        id: crypto.randomUUID(),
        projectId,
        documentId: ordinary.id,
        codeId: (largeCodable[i % largeCodable.length] as Code).id,
        start: 10 + i,
        end: 30 + i,
        ...stampsAt(new Date().toISOString(), large.coders[0]?.id ?? null),
      };
      const begun = performance.now();
      await projectStore().commit(projectId, { put: { codings: [coding] } }, new Date().toISOString());
      const elapsed = performance.now() - begun;
      await projectStore().commit(projectId, { delete: { codings: [coding.id] } }, new Date().toISOString());
      return elapsed;
    }),
    null,
  );
  row(
    '  of which computing it and updating the project and index in memory',
    await sample(40, 5, async (i) => {
      const { snapshot, index } = useWorkspace.getState();
      if (!snapshot || !index) throw new Error('No project.');
      const begun = performance.now();
      const made = applyCode(
        snapshot,
        { documentId: ordinary.id, codeId: (largeCodable[i % largeCodable.length] as Code).id, start: 40 + i, end: 70 + i, coderId: null },
        () => crypto.randomUUID(),
        () => new Date().toISOString(),
        codingsOfDocument(index, ordinary.id),
      );
      applyChange(snapshot, made.change, recordLookup(index));
      invertChange(snapshot, made.change, recordLookup(index));
      updateProjectIndex(index, made.change);
      return performance.now() - begun;
    }),
    null,
  );

  // Retrieval: the most used code's segments, the site filter switching between sites.
  const index = useWorkspace.getState().index;
  if (!index) throw new Error('No index.');
  const busiest = [...index.codeById.values()].sort((a, b) => codingsOfCode(index, b.id).length - codingsOfCode(index, a.id).length)[0] as Code;
  selectCode(busiest.id);
  showTab('segments');
  await waitFor(() => window.document.querySelector('#code-panel-heading')?.textContent === busiest.name, 'the retrieval panel');
  facts.push(`retrieval: "${busiest.name}", ${codingsOfCode(index, busiest.id).length} segments before filtering`);
  const sites = large.sites;
  row(
    "retrieve one code's segments with a site filter",
    await sample(20, 3, async (i) => {
      const site = sites[i % sites.length];
      if (!site) throw new Error('The study has no sites.');
      const before = window.document.querySelector('.code-summary')?.textContent;
      const begun = performance.now();
      useRetrieval.setState({ filter: { ...NO_FILTER, siteIds: [site.id] } });
      await waitFor(() => window.document.querySelector('.code-summary')?.textContent !== before, 'the filtered segments');
      return performance.now() - begun;
    }),
    30,
  );
  useRetrieval.setState({ filter: NO_FILTER });

  // Search: one keystroke's search over every transcript, through the worker, to the hits listed.
  showTab('search');
  await waitFor(() => window.document.querySelector('.search-panel') !== null, 'the search panel');
  // The workers index the words after the project opens, in the background; keystrokes are timed once they have.
  const indexing = await whenSearchIndexed();
  if (!indexing) throw new Error('No project open to search.');
  facts.push(`search index: the words of ${indexing.documents} documents, built in ${Math.round(indexing.elapsedMs)} ms by the slowest search worker`);
  const queries = ['nurses', 'supervision', '"peer support"', 'transport', 'confidential*', 'ward manager', 'stigma', 'training', 'families', 'boundaries'];
  await updateSearch({ query: 'warm' });
  const workerMs: number[] = [];
  row(
    'full-text search, one keystroke (200 x 20,000 words)',
    await sample(20, 3, async (i) => {
      const query = `${queries[i % queries.length]}${i >= queries.length ? ' ' : ''}`;
      const begun = performance.now();
      await updateSearch({ query });
      const found = useSearch.getState().result;
      if (!found) throw new Error(`No result for ${query}: ${useSearch.getState().error ?? ''}`);
      await nextPaint();
      if (i >= 3) workerMs.push(found.elapsedMs);
      return performance.now() - begun;
    }),
    50,
  );
  row('  of which the search itself, in the worker', workerMs, null);
  const lastSearch = useSearch.getState().result;
  facts.push(`search: ${lastSearch?.hits.total ?? 0} hits for the last query, ${Math.round(lastSearch?.elapsedMs ?? 0)} ms of it in the worker`);

  // Code all hits: 500 hits of a common word, widened to nothing, coded as one change; undone after each run.
  await updateSearch({ query: 'nurses' });
  const result = useSearch.getState().result;
  if (!result || result.hits.count < 500) throw new Error('Too few hits to code 500.');
  const first500 = new Set(Array.from({ length: 500 }, (_, i) => i));
  const passages = passagesOf(result, first500, 'hit');
  row(
    'code all hits (500 hits, one undoable change)',
    await sample(8, 1, async (i) => {
      const code = largeCodable[(i * 5 + 1) % largeCodable.length] as Code;
      const begun = performance.now();
      const made = await codeManyPassages(code, passages);
      if (made !== 500) throw new Error(`Coded ${made} of 500 passages.`);
      await nextPaint();
      const elapsed = performance.now() - begun;
      await undo();
      return elapsed;
    }),
    null,
  );
  facts.push(`codings at the end: ${useWorkspace.getState().index?.codingCount ?? 0}`);
  return { views: codingViewsOnly ? 'coding' : 'all', rows, facts };
}

window.tesseraBench = { run };
