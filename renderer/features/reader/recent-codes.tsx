/**
 * The recently used codes above the text, numbered 1 to 9 like their keys: a click codes the selection with one,
 * and each can be dragged onto a selection.
 */
import type { Code, Uuid } from '#shared/model/types';
import { codeLabel } from '#shared/codebooks/code-info';
import { useWorkspace } from '../../state/workspace-store.ts';
import { useReader } from './reader-store.ts';
import { startCodeDrag } from './code-drag.ts';

/** The recent codes bar. `onApply` codes the current selection with a code. */
export function RecentCodes({ onApply }: { readonly onApply: (codeId: Uuid) => void }) {
  const recentCodeIds = useReader((s) => s.recentCodeIds);
  const codeById = useWorkspace((s) => s.index?.codeById);
  const recent = recentCodeIds.map((id) => codeById?.get(id)).filter((code): code is Code => code !== undefined && code.isCodable);
  if (recent.length === 0) return null;
  return (
    <ol className="recent-codes" aria-label="Recent codes">
      {recent.map((code, i) => (
        <li key={code.id}>
          <button
            type="button"
            className="recent-code"
            draggable
            onDragStart={(event) => startCodeDrag(event, code)}
            onClick={() => onApply(code.id)}
            title={`${codeLabel(code)}: click or press ${i + 1} to code the selection, or drag it onto a selection`}
          >
            <kbd>{i + 1}</kbd>
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            <span className="recent-name">{code.name}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
