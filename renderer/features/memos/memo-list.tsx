/**
 * The memo list: every memo of the project, newest first, searchable, filtered by what memos are written on, and a
 * way to start a memo on the project, the document being read or the selected code. A click opens a memo beside the
 * transcript.
 */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { Coding, Memo } from '#shared/model/types';
import type { CodingLookup, MemoTargetContext, MemoTargetKind } from '#shared/memos/memos';
import { describeTarget, searchMemos } from '#shared/memos/memos';
import { codingById, type ProjectIndex } from '#shared/index/project-index';
import { useWorkspace } from '../../state/workspace-store.ts';
import { formatDateTime } from '../../app/format.ts';
import { MenuItem, PopupMenu } from '../codebook/popup-menu.tsx';
import { useReader } from '../reader/reader-store.ts';
import { newMemoOn, openMemo } from './memo-actions.ts';
import { setMemoQuery, toggleMemoKind, useMemoView } from './memo-store.ts';
import './memos.css';

const KINDS: readonly { readonly kind: MemoTargetKind; readonly label: string }[] = [
  { kind: 'project', label: 'Project' },
  { kind: 'document', label: 'Documents' },
  { kind: 'code', label: 'Codes' },
  { kind: 'coding', label: 'Codings' },
];

/** The last answer of codingsMemosAreOn, kept while the memos and their codings are the same. */
let lastMemoCodings: { memos: readonly Memo[]; index: ProjectIndex; codings: readonly (Coding | undefined)[] } | null = null;

/**
 * The codings that memos are written on, in memo order (undefined for one no longer there): the very same array
 * as last time while none of them changed, so that a coding no memo is on leaves the list as it is.
 */
function codingsMemosAreOn(memos: readonly Memo[], index: ProjectIndex): readonly (Coding | undefined)[] {
  if (lastMemoCodings?.memos === memos && lastMemoCodings.index === index) return lastMemoCodings.codings;
  const codings = memos.flatMap((memo) => (memo.target.kind === 'coding' ? [codingById(index, memo.target.id)] : []));
  const before = lastMemoCodings?.memos === memos ? lastMemoCodings.codings : null;
  const same = before !== null && before.length === codings.length && before.every((coding, i) => coding === codings[i]);
  lastMemoCodings = { memos, index, codings: same ? before : codings };
  return lastMemoCodings.codings;
}

const NO_CODINGS: readonly (Coding | undefined)[] = [];

/**
 * The memos section of the sidebar. It follows a coding a moment later, in a render of its own after the reader's
 * (as the coding tree does), since a coding changes what it shows only when a memo is on that coding.
 */
export function MemoList() {
  return <MemoListView index={useDeferredValue(useWorkspace((s) => s.index))} />;
}

const MemoListView = memo(function MemoListView({ index }: { readonly index: ProjectIndex | null }) {
  // The parts of the project the list shows, each unchanged by a coding (the project record itself is not: its
  // modification time moves at every change).
  const memosOfProject = useWorkspace((s) => s.snapshot?.memos);
  const documents = useWorkspace((s) => s.snapshot?.documents);
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const coderList = useWorkspace((s) => s.snapshot?.coders);
  const projectName = useWorkspace((s) => s.snapshot?.project.name);
  const sites = useWorkspace((s) => s.snapshot?.sites);
  const phases = useWorkspace((s) => s.snapshot?.phases);
  const memoCodings = memosOfProject && index ? codingsMemosAreOn(memosOfProject, index) : NO_CODINGS;
  const selectedDocument = useWorkspace((s) => (s.selectedDocumentId ? s.index?.documentById.get(s.selectedDocumentId) : undefined));
  const selectedCode = useWorkspace((s) => (s.selectedCodeId ? s.index?.codeById.get(s.selectedCodeId) : undefined));
  const selectedCodingId = useReader((s) => s.selectedCodingId);
  const selectedCoding = useWorkspace((s) => (selectedCodingId && s.index ? codingById(s.index, selectedCodingId) : undefined));
  const query = useMemoView((s) => s.query);
  const kinds = useMemoView((s) => s.kinds);
  const openId = useMemoView((s) => s.open?.memoId ?? null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const context = useMemo<MemoTargetContext | null>(
    () => (documents && codes && sites && phases && projectName !== undefined ? { project: { name: projectName }, sites, phases, documents, codes } : null),
    [documents, codes, sites, phases, projectName],
  );
  const findCoding = useMemo<CodingLookup>(() => {
    const byId = new Map(memoCodings.flatMap((coding) => (coding ? [[coding.id, coding] as const] : [])));
    return (id) => byId.get(id);
  }, [memoCodings]);
  const memos = useMemo(
    () => (context && memosOfProject ? searchMemos({ ...context, memos: memosOfProject }, { text: query, kinds }, findCoding) : []),
    [context, memosOfProject, query, kinds, findCoding],
  );
  const coders = useMemo(() => new Map((coderList ?? []).map((c) => [c.id, c])), [coderList]);
  // The rows are made again only when what they show changes, not at each render of the list.
  const rows = useMemo(
    () =>
      context &&
      memos.map((memo) => {
        const target = describeTarget(context, memo.target, findCoding);
        const author = memo.createdBy ? coders.get(memo.createdBy) : undefined;
        return (
          <li key={memo.id}>
            <button type="button" className={`memo-row${memo.id === openId ? ' selected' : ''}`} onClick={() => openMemo(memo.id)}>
              <span className="memo-row-title" dir="auto">
                {memo.title || memo.text.split('\n')[0]?.slice(0, 80) || 'Untitled memo'}
              </span>
              <span className="memo-row-target" dir="auto">
                {target.kind}: {target.text}
              </span>
              <span className="memo-row-meta">
                {author?.initials ?? '?'} · {formatDateTime(memo.modifiedAt)}
              </span>
            </button>
          </li>
        );
      }),
    [context, memos, findCoding, coders, openId],
  );
  if (!context || !memosOfProject) return null;
  const total = memosOfProject.length;

  return (
    <section className="sidebar-section sidebar-memos" aria-labelledby="memos-heading">
      <div className="section-head">
        <h2 id="memos-heading">Memos{total ? ` (${total})` : ''}</h2>
        <button
          type="button"
          className="small"
          aria-haspopup="menu"
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            setMenu({ x: box.left, y: box.bottom + 4 });
          }}
        >
          New memo…
        </button>
      </div>
      {menu && (
        <PopupMenu x={menu.x} y={menu.y} label="New memo on" onClose={() => setMenu(null)}>
          <MenuItem onSelect={() => (setMenu(null), newMemoOn({ kind: 'project' }))}>On the project</MenuItem>
          <MenuItem disabled={!selectedDocument} onSelect={() => (setMenu(null), selectedDocument && newMemoOn({ kind: 'document', id: selectedDocument.id }))}>
            On the document{selectedDocument ? ` “${selectedDocument.name}”` : ' (open one first)'}
          </MenuItem>
          <MenuItem disabled={!selectedCode} onSelect={() => (setMenu(null), selectedCode && newMemoOn({ kind: 'code', id: selectedCode.id }))}>
            On the code{selectedCode ? ` “${selectedCode.name}”` : ' (select one first)'}
          </MenuItem>
          <MenuItem disabled={!selectedCoding} onSelect={() => (setMenu(null), selectedCoding && newMemoOn({ kind: 'coding', id: selectedCoding.id }))}>
            {selectedCoding ? `On the selected coding (${describeTarget(context, { kind: 'coding', id: selectedCoding.id }, () => selectedCoding).text})` : 'On a coding (click a coded passage first)'}
          </MenuItem>
        </PopupMenu>
      )}
      {total > 0 && (
        <>
          <input
            className="memo-search"
            type="search"
            aria-label="Search memos"
            placeholder="Search memos…"
            value={query}
            onChange={(e) => setMemoQuery(e.target.value)}
          />
          <div className="memo-kinds" role="group" aria-label="Show memos on">
            {KINDS.map(({ kind, label }) => (
              <button
                key={kind}
                type="button"
                className={`chip${kinds.includes(kind) ? ' chip-on' : ''}`}
                aria-pressed={kinds.includes(kind)}
                onClick={() => toggleMemoKind(kind)}
              >
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      {total === 0 ? (
        <p className="empty">No memos yet. Write one on the project, a document, a code, or a coded passage.</p>
      ) : memos.length === 0 ? (
        <p className="empty">No memo matches.</p>
      ) : (
        <ul className="memo-list" aria-label="Memos">
          {rows}
        </ul>
      )}
    </section>
  );
});
