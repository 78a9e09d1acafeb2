/**
 * The small panels the reader opens at the pointer: the quick-code box on a selection ("Code the selection": type
 * a few letters of a name or a CFIR number such as III.D and press Enter, or a number key for a recent code, or
 * Shift+Enter for an in-vivo code), the codings under a click ("Codings here"), and the code chooser that re-codes
 * a coding.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, RefObject } from 'react';
import type { Code, Uuid } from '#shared/model/types';
import { quickCodeMatches, inVivoName, type QuickCodeMatch } from '#shared/coding/quick-code';
import { codingById } from '#shared/index/project-index';
import { documentSlice } from '#shared/index/text-maps';
import { addCode, selectCode, useWorkspace } from '../../state/workspace-store.ts';
import { formatDateTime } from '../../app/format.ts';
import { codeInVivo, codeRange, recodeCoding, removeCoding, resizeCoding } from './coding-actions.ts';
import { selectCoding, useReader, type DocumentRange, type PopoverAnchor } from './reader-store.ts';

/** Keeps a fixed-position panel inside the window: the style to give the panel that `ref` points to. */
function usePlacement(ref: RefObject<HTMLDivElement | null>, anchor: PopoverAnchor): CSSProperties {
  const [position, setPosition] = useState({ left: anchor.x, top: anchor.y });
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const { width, height } = panel.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.x, window.innerWidth - width - 8));
    const fitsBelow = anchor.y + height <= window.innerHeight - 8;
    const top = fitsBelow ? anchor.y : Math.max(8, (anchor.above ?? anchor.y - 18) - height - 6);
    setPosition({ left, top });
  }, [ref, anchor]);
  return { left: position.left, top: position.top };
}

/** Closes a panel when the pointer goes down outside it. */
function useOutsideClose(ref: RefObject<HTMLDivElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  useLayoutEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close.current();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, [ref]);
}

/** The choices for a filter: matches best first, or with no filter the recent codes first, then by name. */
function useChoices(filter: string, limit: number): { choices: readonly QuickCodeMatch[]; recent: readonly Uuid[] } {
  const codeById = useWorkspace((s) => s.index?.codeById);
  const recentCodeIds = useReader((s) => s.recentCodeIds);
  const recent = useMemo(() => recentCodeIds.filter((id) => codeById?.get(id)?.isCodable), [recentCodeIds, codeById]);
  const choices = useMemo(() => {
    const matches = quickCodeMatches(codeById?.values() ?? [], filter, recent);
    if (filter.trim()) return matches.slice(0, limit);
    // No filter: the recent codes in their order (keys 1-9), then the rest.
    const rank = new Map(recent.map((id, i) => [id, i]));
    return [...matches].sort((a, b) => (rank.get(a.code.id) ?? Infinity) - (rank.get(b.code.id) ?? Infinity)).slice(0, limit);
  }, [codeById, filter, recent, limit]);
  return { choices, recent };
}

/**
 * What a code-picking panel has typed and where its arrow keys are: the filter, and the active choice, which goes
 * back to the first whenever the filter changes. `commonKey` handles the keys every such panel shares (the arrows
 * move through `count` choices, Escape closes) and tells whether it took the key.
 */
function useCodeFilter(onClose: () => void) {
  const [filter, setFilterText] = useState('');
  const [active, setActive] = useState(0);
  const setFilter = (text: string): void => {
    setFilterText(text);
    setActive(0);
  };
  const commonKey = (event: KeyboardEvent, count: number): boolean => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return true;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(count - 1, i + step)));
      return true;
    }
    return false;
  };
  return { filter, active, setFilter, commonKey };
}

interface FilterFieldProps {
  readonly label: string;
  readonly placeholder: string;
  readonly filter: string;
  readonly onFilter: (text: string) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

/** The filter field at the top of a code-picking panel; it takes the focus when the panel opens. */
function FilterField({ label, placeholder, filter, onFilter, onKeyDown }: FilterFieldProps) {
  return (
    <input
      className="popover-filter"
      aria-label={label}
      placeholder={placeholder}
      value={filter}
      onChange={(e) => onFilter(e.target.value)}
      onKeyDown={onKeyDown}
      autoFocus
    />
  );
}

interface ChoiceListProps {
  readonly choices: readonly QuickCodeMatch[];
  readonly recent: readonly Uuid[];
  readonly active: number;
  readonly showKeys: boolean;
  readonly onPick: (code: Code) => void;
}

function ChoiceList({ choices, recent, active, showKeys, onPick }: ChoiceListProps) {
  return (
    <>
      {choices.map(({ code, numbering }, i) => {
        const key = recent.indexOf(code.id);
        return (
          <li key={code.id}>
            <button
              type="button"
              className={`popover-choice${i === active ? ' active' : ''}`}
              aria-label={code.name}
              onClick={() => onPick(code)}
              onMouseDown={(event) => event.preventDefault()}
            >
              <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
              {numbering && <span className="choice-number">{numbering}</span>}
              <span className="choice-name">{code.name}</span>
              {showKeys && key >= 0 && key < 9 && <kbd className="choice-key">{key + 1}</kbd>}
            </button>
          </li>
        );
      })}
    </>
  );
}

interface CodingPopoverProps {
  readonly range: DocumentRange;
  readonly anchor: PopoverAnchor;
  /** Called when the panel is done: `coded` tells whether the selection was coded (or a coding resized to it). */
  readonly onDone: (coded: boolean) => void;
}

/** The quick-code box on a selection. */
export function CodingPopover({ range, anchor, onDone }: CodingPopoverProps) {
  const { filter, active, setFilter, commonKey } = useCodeFilter(() => onDone(false));
  const panelRef = useRef<HTMLDivElement>(null);
  const placement = usePlacement(panelRef, anchor);
  useOutsideClose(panelRef, () => onDone(false));
  const { choices, recent } = useChoices(filter, 12);
  const index = useWorkspace((s) => s.index);
  const selectedCodingId = useReader((s) => s.selectedCodingId);
  const selectedCoding = index && selectedCodingId ? codingById(index, selectedCodingId) : undefined;
  // With a coding selected in this document, the selection can become its new extent.
  const resizable = selectedCoding?.documentId === range.documentId ? selectedCoding : null;
  const resizableCode = resizable ? index?.codeById.get(resizable.codeId) : undefined;
  const document = index?.documentById.get(range.documentId);
  const words = document ? inVivoName(documentSlice(document, range.start, range.end)) : '';
  const trimmed = filter.trim();
  const exactMatch = choices.some((c) => c.code.name.toLowerCase() === trimmed.toLowerCase());

  const apply = async (code: Code) => {
    if (await codeRange(code.id, range)) onDone(true);
  };
  const createAndApply = async () => {
    const id = await addCode({ name: trimmed, parentId: null });
    if (id && (await codeRange(id, range))) onDone(true);
  };
  const inVivo = async () => {
    if (await codeInVivo(range)) onDone(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (commonKey(event, choices.length)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) void inVivo();
      else if (choices[active]) void apply(choices[active].code);
      else if (trimmed) void createAndApply();
    } else if (!filter && /^[1-9]$/.test(event.key)) {
      // With nothing typed yet, a number key takes the recent code with that number.
      const codeId = recent[Number(event.key) - 1];
      const code = choices.find((c) => c.code.id === codeId)?.code;
      if (code) {
        event.preventDefault();
        void apply(code);
      }
    }
  };

  return (
    <div className="popover" ref={panelRef} style={placement} role="dialog" aria-label="Code the selection">
      <FilterField
        label="Find or create a code"
        placeholder="Code with… name or number (III.D)"
        filter={filter}
        onFilter={setFilter}
        onKeyDown={onKeyDown}
      />
      <ul className="popover-list">
        <ChoiceList choices={choices} recent={recent} active={active} showKeys={!filter} onPick={(code) => void apply(code)} />
        {trimmed && !exactMatch && (
          <li>
            <button type="button" className="popover-choice popover-create" onClick={() => void createAndApply()}>
              + New code “{trimmed}”
            </button>
          </li>
        )}
        {!trimmed && choices.length === 0 && <li className="popover-hint">Type a name to make the first code.</li>}
      </ul>
      <div className="popover-actions">
        {words && (
          <button type="button" className="popover-choice popover-invivo" title="Shift+Enter" onClick={() => void inVivo()}>
            In vivo: “{words}”
          </button>
        )}
        {resizable && (
          <button
            type="button"
            className="popover-choice"
            onClick={() => void resizeCoding(resizable.id, range.start, range.end).then((ok) => ok && onDone(true))}
          >
            Fit the selected “{resizableCode?.name ?? 'coding'}” coding to this selection
          </button>
        )}
      </div>
      <p className="popover-keys">
        <kbd>Enter</kbd> code · <kbd>1</kbd>–<kbd>9</kbd> recent · <kbd>Shift</kbd>+<kbd>Enter</kbd> in vivo · hold <kbd>Alt</kbd> while
        selecting to keep exact edges
      </p>
    </div>
  );
}

interface CodingsHereProps {
  readonly codingIds: readonly Uuid[];
  readonly anchor: PopoverAnchor;
  readonly onDone: () => void;
}

/** Lists the codings under a click, each with its coder and time; picks one to select it, or removes one. */
export function CodingsHerePopover({ codingIds, anchor, onDone }: CodingsHereProps) {
  const index = useWorkspace((s) => s.index);
  const panelRef = useRef<HTMLDivElement>(null);
  const placement = usePlacement(panelRef, anchor);
  useOutsideClose(panelRef, onDone);
  const rows = codingIds
    .map((id) => (index ? codingById(index, id) : undefined))
    .filter((coding) => coding !== undefined)
    .map((coding) => ({
      coding,
      code: index?.codeById.get(coding.codeId),
      coder: coding.createdBy ? index?.coderById.get(coding.createdBy) : undefined,
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
              aria-label={`Select coding ${code?.name ?? ''}`}
              onClick={() => {
                selectCoding(coding.id);
                selectCode(coding.codeId);
                onDone();
              }}
            >
              <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
              <span className="choice-name">{code?.name ?? 'Unknown code'}</span>
              {coder && (
                <span className="coder-initials" title={`${coder.name}, ${formatDateTime(coding.modifiedAt)}`}>
                  {coder.initials}
                </span>
              )}
            </button>
            <button
              type="button"
              className="small quiet"
              aria-label={`Remove coding ${code?.name ?? ''}`}
              onClick={() => void removeCoding(coding.id).then(onDone)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface RecodeProps {
  readonly codingId: Uuid;
  readonly anchor: PopoverAnchor;
  readonly onDone: () => void;
}

/** Picks another code for a coding. */
export function RecodePopover({ codingId, anchor, onDone }: RecodeProps) {
  const { filter, active, setFilter, commonKey } = useCodeFilter(onDone);
  const panelRef = useRef<HTMLDivElement>(null);
  const placement = usePlacement(panelRef, anchor);
  useOutsideClose(panelRef, onDone);
  const { choices, recent } = useChoices(filter, 12);
  const current = useWorkspace((s) => (s.index ? codingById(s.index, codingId) : undefined));
  const offered = choices.filter((c) => c.code.id !== current?.codeId);
  const pick = async (code: Code) => {
    if (await recodeCoding(codingId, code.id)) onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (commonKey(event, offered.length)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const choice = offered[active];
      if (choice) void pick(choice.code);
    }
  };
  return (
    <div className="popover" ref={panelRef} style={placement} role="dialog" aria-label="Change the code of the coding">
      <div className="popover-title">Change the code to…</div>
      <FilterField label="Find a code" placeholder="Name or number (III.D)" filter={filter} onFilter={setFilter} onKeyDown={onKeyDown} />
      <ul className="popover-list">
        <ChoiceList choices={offered} recent={recent} active={active} showKeys={false} onPick={(code) => void pick(code)} />
        {offered.length === 0 && <li className="popover-hint">No other code matches.</li>}
      </ul>
    </div>
  );
}
