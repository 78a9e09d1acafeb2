/**
 * The two small panels the reader opens at the pointer: one to code a selected passage, one to see and remove the
 * codings under a click.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, RefObject } from 'react';
import type { Code, Uuid } from '#shared/model/types';
import type { CodePointRange } from '#shared/text/code-points';
import { addCode, codePassage, selectCode, uncode, useWorkspace } from '../../state/workspace-store.ts';

/** Where a popover opens, in viewport pixels. */
export interface PopoverAnchor {
  readonly x: number;
  readonly y: number;
}

/** Keeps a fixed-position panel inside the window: the style to give the panel that `ref` points to. */
function usePlacement(ref: RefObject<HTMLDivElement | null>, anchor: PopoverAnchor): CSSProperties {
  const [position, setPosition] = useState({ left: anchor.x, top: anchor.y });
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const { width, height } = panel.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.x, window.innerWidth - width - 8));
    const top = anchor.y + height > window.innerHeight - 8 ? Math.max(8, anchor.y - height - 24) : anchor.y;
    setPosition({ left, top });
  }, [ref, anchor]);
  return { left: position.left, top: position.top };
}

interface CodingPopoverProps {
  readonly documentId: Uuid;
  readonly range: CodePointRange;
  readonly anchor: PopoverAnchor;
  readonly onDone: () => void;
}

/** Offers the codable codes (the selected one first) to code a passage, and makes a new code on the spot. */
export function CodingPopover({ documentId, range, anchor, onDone }: CodingPopoverProps) {
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const selectedCodeId = useWorkspace((s) => s.selectedCodeId);
  const [filter, setFilter] = useState('');
  const panelRef = useRef<HTMLDivElement>(null);
  const placement = usePlacement(panelRef, anchor);

  const choices = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const codable = (codes ?? []).filter((c) => c.isCodable && !c.isHidden);
    const matching = needle ? codable.filter((c) => c.name.toLowerCase().includes(needle)) : codable;
    return [...matching].sort(
      (a, b) => Number(b.id === selectedCodeId) - Number(a.id === selectedCodeId) || a.name.localeCompare(b.name),
    );
  }, [codes, filter, selectedCodeId]);
  const exactMatch = choices.some((c) => c.name.toLowerCase() === filter.trim().toLowerCase());

  const apply = async (code: Code) => {
    if (await codePassage(code.id, documentId, range.start, range.end)) onDone();
  };
  const createAndApply = async () => {
    const id = await addCode({ name: filter, parentId: null });
    if (id && (await codePassage(id, documentId, range.start, range.end))) onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = choices[0];
      if (first) void apply(first);
      else if (filter.trim()) void createAndApply();
    }
    if (event.key === 'Escape') onDone();
  };

  return (
    <div className="popover" ref={panelRef} style={placement} role="dialog" aria-label="Code the selection">
      <input
        className="popover-filter"
        aria-label="Find or create a code"
        placeholder="Code with… (type to find or create)"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul className="popover-list">
        {choices.slice(0, 12).map((code) => (
          <li key={code.id}>
            <button type="button" className="popover-choice" onClick={() => void apply(code)}>
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              {code.name}
            </button>
          </li>
        ))}
        {filter.trim() && !exactMatch && (
          <li>
            <button type="button" className="popover-choice popover-create" onClick={() => void createAndApply()}>
              + New code “{filter.trim()}”
            </button>
          </li>
        )}
        {!filter.trim() && choices.length === 0 && <li className="popover-hint">Type a name to make the first code.</li>}
      </ul>
    </div>
  );
}

interface CodingsHereProps {
  readonly codingIds: readonly Uuid[];
  readonly anchor: PopoverAnchor;
  readonly onDone: () => void;
}

/** Lists the codings under a click, each with its coder, and lets the user remove one or open its code. */
export function CodingsHerePopover({ codingIds, anchor, onDone }: CodingsHereProps) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const panelRef = useRef<HTMLDivElement>(null);
  const placement = usePlacement(panelRef, anchor);
  const rows = codingIds
    .map((id) => snapshot?.codings.find((c) => c.id === id))
    .filter((coding) => coding !== undefined)
    .map((coding) => ({
      coding,
      code: snapshot?.codes.find((c) => c.id === coding.codeId),
      coder: snapshot?.coders.find((c) => c.id === coding.coderId),
    }));
  if (rows.length === 0) return null;
  return (
    <div className="popover" ref={panelRef} style={placement} role="dialog" aria-label="Codings here">
      <div className="popover-title">Coded here</div>
      <ul className="popover-list">
        {rows.map(({ coding, code, coder }) => (
          <li key={coding.id} className="coding-here">
            <button
              type="button"
              className="popover-choice"
              onClick={() => {
                selectCode(coding.codeId);
                onDone();
              }}
            >
              <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
              {code?.name ?? 'Unknown code'}
              {coder && <span className="coder-initials">{coder.initials}</span>}
            </button>
            <button
              type="button"
              className="small quiet"
              aria-label={`Remove coding ${code?.name ?? ''}`}
              onClick={() => void uncode(coding.id).then(onDone)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
