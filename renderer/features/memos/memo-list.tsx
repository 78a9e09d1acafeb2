/**
 * The memo list: every memo of the project, newest first, searchable, filtered by what memos are written on, and a
 * way to start a memo on the project, the document being read or the selected code. A click opens a memo beside the
 * transcript.
 */
import { useMemo, useState } from 'react';
import type { MemoTargetKind } from '#shared/memos/memos';
import { describeTarget, searchMemos } from '#shared/memos/memos';
import { codingById } from '#shared/index/project-index';
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

/** The memos section of the sidebar. */
export function MemoList() {
  const snapshot = useWorkspace((s) => s.snapshot);
  const selectedDocumentId = useWorkspace((s) => s.selectedDocumentId);
  const selectedCodeId = useWorkspace((s) => s.selectedCodeId);
  const selectedCodingId = useReader((s) => s.selectedCodingId);
  const query = useMemoView((s) => s.query);
  const kinds = useMemoView((s) => s.kinds);
  const openId = useMemoView((s) => s.open?.memoId ?? null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const index = useWorkspace((s) => s.index);
  const findCoding = useMemo(() => (index ? (id: string) => codingById(index, id) : undefined), [index]);
  const memos = useMemo(
    () => (snapshot ? searchMemos(snapshot, { text: query, kinds }, findCoding) : []),
    [snapshot, query, kinds, findCoding],
  );
  if (!snapshot) return null;
  const total = snapshot.memos.length;
  const selectedCode = snapshot.codes.find((c) => c.id === selectedCodeId);
  const selectedDocument = snapshot.documents.find((d) => d.id === selectedDocumentId);
  const selectedCoding = selectedCodingId && index ? codingById(index, selectedCodingId) : undefined;
  const coders = new Map(snapshot.coders.map((c) => [c.id, c]));

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
            {selectedCoding ? `On the selected coding (${describeTarget(snapshot, { kind: 'coding', id: selectedCoding.id }, findCoding).text})` : 'On a coding (click a coded passage first)'}
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
          {memos.map((memo) => {
            const target = describeTarget(snapshot, memo.target, findCoding);
            const author = memo.authorId ? coders.get(memo.authorId) : undefined;
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
          })}
        </ul>
      )}
    </section>
  );
}
