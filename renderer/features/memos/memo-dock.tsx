/**
 * The memo editor beside the transcript: what the memo is written on (a click goes there), its title and text,
 * who wrote it and when. Typing is saved after a short pause, when the editor loses focus and when it closes, so no
 * typing is lost; one editing session is one step of undo.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Memo, MemoTarget, ProjectSnapshot } from '#shared/model/types';
import { describeTarget, scanCodings } from '#shared/memos/memos';
import { codingById } from '#shared/index/project-index';
import { jumpTo, registerDraft, selectCode, selectDocument, useWorkspace } from '../../state/workspace-store.ts';
import { formatDateTime } from '../../app/format.ts';
import { deleteMemo, memoSession } from './memo-actions.ts';
import type { MemoSession } from './memo-actions.ts';
import type { OpenMemo } from './memo-store.ts';
import { hideMemo, useMemoView } from './memo-store.ts';
import './memos.css';

/** How long typing pauses before it is saved. */
const SAVE_PAUSE_MS = 600;

/** Goes to what a memo is written on: the passage of a coding, the document, or the code. */
export function goToTarget(snapshot: ProjectSnapshot, target: MemoTarget): void {
  if (target.kind === 'coding') {
    const coding = snapshot.codings.find((c) => c.id === target.id);
    if (coding) jumpTo(coding.documentId, coding.start, coding.end);
  } else if (target.kind === 'document') {
    selectDocument(target.id);
  } else if (target.kind === 'code') {
    selectCode(target.id);
  }
}

/** The memo editor, shown while a memo is open. */
export function MemoDock() {
  const open = useMemoView((s) => s.open);
  if (!open) return null;
  return <MemoEditor key={open.session} open={open} />;
}

function MemoEditor({ open }: { readonly open: OpenMemo }) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const currentCoderId = useWorkspace((s) => s.currentCoderId);
  const index = useWorkspace((s) => s.index);
  const coders = snapshot?.coders;
  // One session per opened memo: its saves are one step of undo.
  const [session] = useState<MemoSession>(() => memoSession(open.memoId, open.target));
  const memoId = open.memoId;
  const memo: Memo | null = (memoId && snapshot?.memos.find((m) => m.id === memoId)) || null;
  const [title, setTitle] = useState(memo?.title ?? '');
  const [text, setText] = useState(memo?.text ?? '');
  const [status, setStatus] = useState<'saved' | 'saving' | 'unsaved' | 'failed'>('saved');
  // What is typed, for saving from timers and on close (refs are written in handlers, read in effects).
  const draft = useRef({ title: memo?.title ?? '', text: memo?.text ?? '', dirty: false });
  // The save under way, for whoever must wait until what was typed is written.
  const saving = useRef<Promise<boolean>>(Promise.resolve(true));

  const flush = useCallback((): Promise<boolean> => {
    const current = draft.current;
    if (!current.dirty) return saving.current;
    draft.current = { ...current, dirty: false };
    setStatus('saving');
    saving.current = session.save({ title: current.title, text: current.text }).then((ok) => {
      if (!ok) {
        // Not written (a notice said why): the text stays here, and is saved again on leaving the field, on
        // closing the memo or the project, not by the pause timer (which would repeat the notice while nobody types).
        draft.current = { ...draft.current, dirty: true };
        setStatus('failed');
      } else if (!draft.current.dirty) setStatus('saved');
      return ok;
    });
    return saving.current;
  }, [session]);

  // Leaving the project, saving it or closing the window writes what is typed first.
  useEffect(() => registerDraft({ isDirty: () => draft.current.dirty, flush }), [flush]);

  // Save after a pause in typing.
  useEffect(() => {
    if (status !== 'unsaved') return;
    const timer = setTimeout(flush, SAVE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [title, text, status, flush]);

  // Save whatever is left when the editor goes (closed, another memo opened, project closed), and when the window
  // is hidden or about to go, the last moments in which a save can still start.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  // An undo or redo changed the stored memo while nothing was being typed: show the stored version.
  useEffect(() => {
    if (!memo || status !== 'saved' || draft.current.dirty) return;
    if (memo.title !== draft.current.title || memo.text !== draft.current.text) {
      draft.current = { title: memo.title, text: memo.text, dirty: false };
      setTitle(memo.title);
      setText(memo.text);
    }
  }, [memo, status]);

  if (!snapshot) return null;
  const removed = memoId !== null && memo === null;
  const target = describeTarget(snapshot, open.target, index ? (id) => codingById(index, id) : scanCodings(snapshot));
  const author = coders?.find((c) => c.id === (memo?.createdBy ?? currentCoderId));
  const edit = (next: { title?: string; text?: string }): void => {
    draft.current = { title: next.title ?? draft.current.title, text: next.text ?? draft.current.text, dirty: true };
    setStatus('unsaved');
    if (next.title !== undefined) setTitle(next.title);
    if (next.text !== undefined) setText(next.text);
  };
  const close = (): void => {
    // A memo that could not be written stays open with its text, rather than closing on it.
    void flush().then((written) => {
      if (written) hideMemo();
    });
  };

  return (
    <section className="memo-dock" aria-label="Memo" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="memo-dock-head">
        <h2>{memo ? 'Memo' : 'New memo'}</h2>
        <span className={`memo-status memo-status-${status}`} aria-live="polite">
          {removed ? '' : status === 'saved' ? (memo ? 'Saved' : '') : status === 'saving' ? 'Saving…' : status === 'failed' ? 'Not saved' : 'Not saved yet'}
        </span>
        <button type="button" className="quiet small" onClick={close}>
          Close
        </button>
      </div>
      <button type="button" className="memo-target" onClick={() => goToTarget(snapshot, open.target)} title="Go there">
        <span className="memo-target-kind">{target.kind}</span>
        <span className="memo-target-text" dir="auto">
          {target.text}
        </span>
      </button>
      {removed ? (
        <p className="empty">This memo is no longer in the project (it was undone or deleted).</p>
      ) : (
        <>
          <input
            className="memo-title"
            aria-label="Memo title"
            placeholder="Title"
            value={title}
            onChange={(e) => edit({ title: e.target.value })}
            onBlur={() => void flush()}
            dir="auto"
          />
          <textarea
            className="memo-text"
            aria-label="Memo text"
            placeholder="Write your thoughts…"
            value={text}
            onChange={(e) => edit({ text: e.target.value })}
            onBlur={() => void flush()}
            dir="auto"
            autoFocus={!memo}
          />
          <div className="memo-meta">
            <span>{author ? `${author.name} (${author.initials})` : 'Unknown author'}</span>
            {memo && (
              <span>
                written {formatDateTime(memo.createdAt)}
                {memo.modifiedAt !== memo.createdAt && ` · changed ${formatDateTime(memo.modifiedAt)}`}
              </span>
            )}
            {memo && (
              <button type="button" className="quiet small danger-text" onClick={() => void deleteMemo(memo.id)}>
                Delete memo
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
