/**
 * The selected coding, docked under the text: its code, who coded it and when, where it is cited, the memos on
 * it, and how to change it (re-code, remove; resizing is done on its handles in the text or from the keyboard).
 */
import { useRef } from 'react';
import type { Coding } from '#shared/model/types';
import { documentLabel } from '#shared/coding/citation-labels';
import { codeLabel } from '#shared/codebooks/code-info';
import { memosFor } from '#shared/memos/memos';
import { paragraphSpan } from '#shared/coding/paragraph-label';
import { documentSlice } from '#shared/index/text-maps';
import { useWorkspace } from '../../state/workspace-store.ts';
import { formatDateTime } from '../../app/format.ts';
import { removeCoding } from './coding-actions.ts';
import { openPopover, selectCoding } from './reader-store.ts';

/** The longest excerpt of the coded text shown in the inspector. */
const EXCERPT = 160;

/** The inspector of the selected coding. */
export function CodingInspector({ coding }: { readonly coding: Coding }) {
  const code = useWorkspace((s) => s.index?.codeById.get(coding.codeId));
  const coder = useWorkspace((s) => (coding.createdBy ? s.index?.coderById.get(coding.createdBy) : undefined));
  const document = useWorkspace((s) => s.index?.documentById.get(coding.documentId));
  const label = useWorkspace((s) => (s.snapshot && document ? documentLabel(s.snapshot, s.snapshot.documents, document.id) : null));
  const memos = useWorkspace((s) => s.snapshot?.memos);
  const recodeButton = useRef<HTMLButtonElement>(null);
  const onCoding = memos ? memosFor({ memos }, { kind: 'coding', id: coding.id }) : [];
  const text = document ? documentSlice(document, coding.start, coding.end) : '';
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
  const citation = document ? paragraphSpan(document.paragraphs, coding.start, coding.end, label) : null;

  return (
    <section className="coding-inspector" aria-label="Selected coding">
      <div className="inspector-main">
        <div className="inspector-head">
          <span className="swatch swatch-large" style={{ background: code?.color }} aria-hidden="true" />
          <strong className="inspector-code">{code ? codeLabel(code) : 'Unknown code'}</strong>
          {citation && <span className="inspector-citation">{citation}</span>}
          <span className="inspector-meta">
            {coder ? `${coder.name} (${coder.initials})` : 'No coder'} · {formatDateTime(coding.createdAt)}
            {coding.modifiedAt !== coding.createdAt && ` · changed ${formatDateTime(coding.modifiedAt)}`}
          </span>
        </div>
        <p className="inspector-text" dir="auto">
          {excerpt}
        </p>
        {onCoding.length > 0 && (
          <ul className="inspector-memos" aria-label="Memos on this coding">
            {onCoding.map((memo) => (
              <li key={memo.id}>
                {memo.title && <strong>{memo.title}: </strong>}
                {memo.text}
              </li>
            ))}
          </ul>
        )}
        <p className="inspector-hint">
          Drag its handles in the text, or <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> moves the end and <kbd>Alt</kbd>+
          <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> the start by a word. <kbd>[</kbd> <kbd>]</kbd> step through codings.
        </p>
      </div>
      <div className="inspector-actions">
        <button
          type="button"
          ref={recodeButton}
          onClick={() => {
            const rect = recodeButton.current?.getBoundingClientRect();
            openPopover({ kind: 'recode', codingId: coding.id, anchor: { x: rect?.left ?? 0, y: (rect?.top ?? 300) - 320 } });
          }}
        >
          Change code… <kbd>R</kbd>
        </button>
        <button type="button" className="danger" onClick={() => void removeCoding(coding.id)}>
          Remove <kbd>Del</kbd>
        </button>
        <button type="button" className="quiet" aria-label="Close the coding" onClick={() => selectCoding(null)}>
          ×
        </button>
      </div>
    </section>
  );
}
