/**
 * The coding tree: codes nested under their parents, each with its colour, its CFIR or framework numbering, and its
 * counts (codings and documents; for the current filter too, when one is set). A click selects a code (its segments
 * show on the right, and it is offered first when coding a selection).
 *
 * Codes open and close; they move by drag and drop (above, below or into another code); a right-click or the "⋯"
 * button opens their actions (details, rename in place, colour, new subcode, hide, merge, split, memo, delete); the
 * keyboard walks the tree (arrows, Enter for details, F2 to rename, Delete). Every change is one step of undo.
 */
import { colorName } from '#shared/codebook/color-names';
import { memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, FormEvent, KeyboardEvent, MouseEvent } from 'react';
import type { Code, Coding, Uuid } from '#shared/model/types';
import type { ProjectIndex } from '#shared/index/project-index';
import { childrenByParent, childrenOf, treeOrder } from '#shared/codebook/code-tree';
import type { TreeEntry } from '#shared/codebook/code-tree';
import { codeTreeCounts, codeTreeCountsFromUsage } from '#shared/codebook/code-counts';
import type { CodeTreeCount } from '#shared/codebook/code-counts';
import { moveRefusal } from '#shared/codebook/move-code';
import { codeLabel, codeNumbering, officialDefinition, originLabel } from '#shared/codebooks/code-info';
import { addCode, selectCode, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { editCode, moveCodeTo, renameCode } from '../codebook/codebook-actions.ts';
import {
  loadTreeState,
  openCodebookDialog,
  revealCode,
  setRenaming,
  toggleCollapsed,
  useCodebookView,
} from '../codebook/codebook-view-store.ts';
import { CodebookMenu } from '../codebook/codebook-menu.tsx';
import { CodebookDialogs } from '../codebook/codebook-dialogs.tsx';
import { ColorChoices } from '../codebook/color-choices.tsx';
import { MenuItem, MenuSeparator, PopupMenu } from '../codebook/popup-menu.tsx';
import { openMemoFor } from '../memos/memo-actions.ts';
import '../codebook/codebook.css';

/** The drag-data type of a code being moved within the tree. */
const MOVE_TYPE = 'application/x-tessera-code-move';

/** Where a dragged code would land relative to the row under the pointer. */
type DropZone = 'before' | 'inside' | 'after';

interface DropTarget {
  readonly codeId: Uuid | null;
  readonly zone: DropZone;
}

/** The tooltip of a row: label, origin and the shipped definition, so a coder can check it while coding. */
function rowTitle(code: Code, count: CodeTreeCount | undefined): string {
  const definition = officialDefinition(code);
  const lines = [codeLabel(code), originLabel(code.origin) + (definition ? ` (id ${definition.elementId})` : '')];
  if (definition?.definition) lines.push(definition.definition);
  if (code.description) lines.push(`Study: ${code.description}`);
  if (count) {
    lines.push(
      `${plural(count.own.codings, 'coding')} in ${plural(count.own.documents, 'document')}` +
        (count.withDescendants.codings !== count.own.codings ? `; ${count.withDescendants.codings} with subcodes` : ''),
    );
  }
  return lines.join('\n');
}

/**
 * The coding tree with its "new code" form and the codebook menu. Its counts follow a coding a moment later, in a
 * render of their own that React does after the reader's, so that the coded passage shows at once: this outer part
 * takes the index as a deferred value, and the tree itself re-renders only when that value moves on.
 */
export function CodeTree() {
  const index = useDeferredValue(useWorkspace((s) => s.index));
  const countFilter = useCodebookView((s) => s.countFilter);
  // All codings are read only while a retrieval filter asks for counts of its own; the totals come from the index.
  const codings = useDeferredValue(useWorkspace((s) => (countFilter ? s.snapshot?.codings : undefined)));
  return <CodeTreeView index={index} codings={codings} />;
}

interface CodeTreeViewProps {
  readonly index: ProjectIndex | null;
  readonly codings: readonly Coding[] | undefined;
}

const CodeTreeView = memo(function CodeTreeView({ index, codings }: CodeTreeViewProps) {
  const projectId = useWorkspace((s) => s.snapshot?.project.id);
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const selectedCodeId = useWorkspace((s) => s.selectedCodeId);
  const collapsed = useCodebookView((s) => s.collapsed);
  const showHidden = useCodebookView((s) => s.showHidden);
  const renamingId = useCodebookView((s) => s.renamingId);
  const countFilter = useCodebookView((s) => s.countFilter);
  const [name, setName] = useState('');
  const [inside, setInside] = useState(false);
  const [menu, setMenu] = useState<{ codeId: Uuid; x: number; y: number } | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const dragging = useRef<Uuid | null>(null);
  const rowRefs = useRef(new Map<Uuid, HTMLDivElement>());
  const newCodeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (projectId && codes) void loadTreeState(projectId, codes);
    // Loaded once per project; later code changes keep the user's own opening and closing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId]);

  const allCodes = useMemo(() => codes ?? [], [codes]);
  const entries = useMemo(() => treeOrder(allCodes, { includeHidden: showHidden, collapsed }), [allCodes, showHidden, collapsed]);
  const children = useMemo(() => childrenByParent(allCodes), [allCodes]);
  const totals = useMemo(() => {
    if (!index) return codeTreeCounts(allCodes, []);
    const ownCodings = new Map([...index.codingsByCode].map(([codeId, list]) => [codeId, list.length]));
    const ownDocuments = new Map([...index.documentCountsByCode].map(([codeId, perDocument]) => [codeId, [...perDocument.keys()]]));
    return codeTreeCountsFromUsage(allCodes, ownCodings, ownDocuments);
  }, [allCodes, index]);
  const filtered = useMemo(
    () => (countFilter ? codeTreeCounts(allCodes, (codings ?? []).filter(countFilter.accepts)) : null),
    [allCodes, codings, countFilter],
  );
  const selected = allCodes.find((c) => c.id === selectedCodeId) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parentId = inside && selected ? selected.id : null;
    const id = await addCode({ name, parentId });
    if (id) {
      setName('');
      setInside(false);
      const after = useWorkspace.getState().snapshot?.codes;
      if (after) revealCode(after, id);
    }
  };

  const visibleChildren = (codeId: Uuid): readonly Code[] => (children.get(codeId) ?? []).filter((c) => showHidden || !c.isHidden);

  // Drag and drop: above or below a row puts the code beside it; the middle of a row puts it inside.
  const zoneAt = (event: DragEvent, element: HTMLElement): DropZone => {
    const box = element.getBoundingClientRect();
    const y = (event.clientY - box.top) / box.height;
    return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
  };
  const placeFor = (target: DropTarget, movingId: Uuid): { parentId: Uuid | null; index: number } | null => {
    if (target.codeId === null) return { parentId: null, index: childrenOf(allCodes, null).filter((c) => c.id !== movingId).length };
    const code = allCodes.find((c) => c.id === target.codeId);
    if (!code) return null;
    if (target.zone === 'inside') {
      if (moveRefusal({ codes: allCodes }, movingId, code.id)) return null;
      return { parentId: code.id, index: childrenOf(allCodes, code.id).filter((c) => c.id !== movingId).length };
    }
    if (code.id === movingId) return null;
    if (moveRefusal({ codes: allCodes }, movingId, code.parentId)) return null;
    const siblings = childrenOf(allCodes, code.parentId).filter((c) => c.id !== movingId);
    const at = siblings.findIndex((c) => c.id === code.id);
    return { parentId: code.parentId, index: target.zone === 'before' ? at : at + 1 };
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>, codeId: Uuid | null) => {
    const movingId = dragging.current;
    if (!movingId || !event.dataTransfer.types.includes(MOVE_TYPE)) return;
    event.stopPropagation();
    const target: DropTarget = { codeId, zone: codeId === null ? 'after' : zoneAt(event, event.currentTarget) };
    if (!placeFor(target, movingId)) {
      event.dataTransfer.dropEffect = 'none';
      setDrop(null);
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (drop?.codeId !== target.codeId || drop.zone !== target.zone) setDrop(target);
  };
  const onDrop = (event: DragEvent, codeId: Uuid | null) => {
    const movingId = dragging.current;
    if (!movingId || !event.dataTransfer.types.includes(MOVE_TYPE)) return;
    event.preventDefault();
    event.stopPropagation();
    const target: DropTarget = { codeId, zone: codeId === null ? 'after' : zoneAt(event, event.currentTarget as HTMLElement) };
    const place = placeFor(target, movingId);
    dragging.current = null;
    setDrop(null);
    if (!place) return;
    if (place.parentId && collapsed.has(place.parentId)) toggleCollapsed(place.parentId);
    void moveCodeTo(movingId, place);
  };

  const focusRow = (codeId: Uuid) => {
    selectCode(codeId);
    rowRefs.current.get(codeId)?.focus();
  };
  const onRowKeyDown = (event: KeyboardEvent, entry: TreeEntry, index: number) => {
    const { code } = entry;
    if (renamingId === code.id) return;
    const hasKids = visibleChildren(code.id).length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const next = entries[index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (next) focusRow(next.code.id);
        break;
      }
      case 'ArrowRight':
        if (hasKids && collapsed.has(code.id)) toggleCollapsed(code.id);
        else if (hasKids) focusRow((visibleChildren(code.id)[0] as Code).id);
        break;
      case 'ArrowLeft':
        if (hasKids && !collapsed.has(code.id)) toggleCollapsed(code.id);
        else if (code.parentId) focusRow(code.parentId);
        break;
      case 'Enter':
        openCodebookDialog({ kind: 'details', codeId: code.id });
        break;
      case 'F2':
        setRenaming(code.id);
        break;
      case 'Delete':
        openCodebookDialog({ kind: 'delete', codeId: code.id });
        break;
      case 'ContextMenu': {
        const box = event.currentTarget.getBoundingClientRect();
        setMenu({ codeId: code.id, x: box.left + 24, y: box.bottom });
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const openMenu = (event: MouseEvent, codeId: Uuid) => {
    event.preventDefault();
    event.stopPropagation();
    selectCode(codeId);
    setMenu({ codeId, x: event.clientX, y: event.clientY });
  };
  // The rows are memoised; they reach the tree's current handlers through one stable object that forwards to the
  // handlers of the latest render.
  const latestHandlers = useRef<RowHandlers>(NO_HANDLERS);
  useLayoutEffect(() => {
    latestHandlers.current = {
      ...NO_HANDLERS,
      dragOver: onDragOver,
      drop: onDrop,
      keyDown: (event, index) => {
        const entry = entries[index];
        if (entry) onRowKeyDown(event, entry, index);
      },
      openMenu,
    };
  });
  const rowHandlers = useMemo<RowHandlers>(
    () => ({
      // These three use only refs and a state setter, which never change: rows mounted before the first layout
      // effect (all of them, on the first render) must register with the real map, not a placeholder.
      registerRow: (codeId, element) => {
        if (element) rowRefs.current.set(codeId, element);
        else rowRefs.current.delete(codeId);
      },
      dragStart: (codeId) => {
        dragging.current = codeId;
      },
      dragEnd: () => {
        dragging.current = null;
        setDrop(null);
      },
      dragOver: (event, codeId) => latestHandlers.current.dragOver(event, codeId),
      drop: (event, codeId) => latestHandlers.current.drop(event, codeId),
      keyDown: (event, index) => latestHandlers.current.keyDown(event, index),
      openMenu: (event, codeId) => latestHandlers.current.openMenu(event, codeId),
    }),
    [],
  );
  const menuCode = menu ? allCodes.find((c) => c.id === menu.codeId) : undefined;
  const hasFilter = countFilter !== null && filtered !== null;

  return (
    <section className="sidebar-section sidebar-codes" aria-labelledby="codes-heading">
      <div className="section-head">
        <h2 id="codes-heading">Codes</h2>
        <CodebookMenu />
      </div>
      <form className="new-code" onSubmit={(e) => void submit(e)}>
        <input ref={newCodeField} aria-label="New code name" placeholder="New code…" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="small" disabled={!name.trim()}>
          Add
        </button>
        {selected && (
          <label className="inside-toggle">
            <input type="checkbox" checked={inside} onChange={(e) => setInside(e.target.checked)} />
            inside “{selected.name}”
          </label>
        )}
      </form>
      {hasFilter && (
        <p className="count-filter" title="Counts show codings for the filter, then the total">
          Counts for: {countFilter.label}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="empty">
          {allCodes.length ? 'Every code is hidden. Show hidden codes from the Codebook menu.' : 'No codes yet. Add one above, or add CFIR from the Codebook menu, then select a passage to code it.'}
        </p>
      ) : (
        <div
          className={`code-tree-drop${drop?.codeId === null ? ' drop-end' : ''}`}
          onDragOver={(e) => onDragOver(e, null)}
          onDrop={(e) => onDrop(e, null)}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
          }}
        >
          <ul className="code-tree" role="tree" aria-label="Coding tree">
            {entries.map((entry, index) => {
              const { code, depth } = entry;
              const count = totals.get(code.id);
              const shown = filtered?.get(code.id);
              const kids = visibleChildren(code.id).length > 0;
              const open = kids && !collapsed.has(code.id);
              const aggregate = !code.isCodable || (kids && !open);
              return (
                <CodeTreeRow
                  key={code.id}
                  code={code}
                  depth={depth}
                  index={index}
                  hasChildren={kids}
                  isOpen={open}
                  isSelected={code.id === selectedCodeId}
                  isTabStop={code.id === selectedCodeId || (selectedCodeId === null && index === 0)}
                  isRenaming={renamingId === code.id}
                  title={rowTitle(code, count)}
                  dropZone={drop?.codeId === code.id ? drop.zone : null}
                  isAggregate={aggregate}
                  codingNumber={aggregate ? (count?.withDescendants.codings ?? 0) : (count?.own.codings ?? 0)}
                  documentNumber={aggregate ? (count?.withDescendants.documents ?? 0) : (count?.own.documents ?? 0)}
                  filteredNumber={hasFilter ? (aggregate ? (shown?.withDescendants.codings ?? 0) : (shown?.own.codings ?? 0)) : null}
                  handlers={rowHandlers}
                />
              );
            })}
          </ul>
        </div>
      )}
      {menu && menuCode && (
        <CodeMenu
          code={menuCode}
          x={menu.x}
          y={menu.y}
          onClose={() => setMenu(null)}
          onNewInside={() => {
            selectCode(menuCode.id);
            setInside(true);
            newCodeField.current?.focus();
          }}
        />
      )}
      <CodebookDialogs />
    </section>
  );
});

/** What a row calls back into the tree for; filled in by the tree after each render. */
interface RowHandlers {
  registerRow: (codeId: Uuid, element: HTMLDivElement | null) => void;
  dragStart: (codeId: Uuid) => void;
  dragEnd: () => void;
  dragOver: (event: DragEvent<HTMLDivElement>, codeId: Uuid | null) => void;
  drop: (event: DragEvent, codeId: Uuid | null) => void;
  keyDown: (event: KeyboardEvent, index: number) => void;
  openMenu: (event: MouseEvent, codeId: Uuid) => void;
}

function noop(): void {}

/** Handlers before the tree's first layout effect has run (no event can reach a row that early). */
const NO_HANDLERS: RowHandlers = {
  registerRow: noop,
  dragStart: noop,
  dragEnd: noop,
  dragOver: noop,
  drop: noop,
  keyDown: noop,
  openMenu: noop,
};

interface CodeTreeRowProps {
  readonly code: Code;
  readonly depth: number;
  readonly index: number;
  readonly hasChildren: boolean;
  readonly isOpen: boolean;
  readonly isSelected: boolean;
  readonly isTabStop: boolean;
  readonly isRenaming: boolean;
  readonly title: string;
  readonly dropZone: DropZone | null;
  readonly isAggregate: boolean;
  readonly codingNumber: number;
  readonly documentNumber: number;
  /** Codings for the retrieval filter, or null when there is no filter. */
  readonly filteredNumber: number | null;
  readonly handlers: RowHandlers;
}

/** One code of the tree; re-renders only when its own line changes, not on every coding elsewhere. */
const CodeTreeRow = memo(function CodeTreeRow(props: CodeTreeRowProps) {
  const { code, depth, index, hasChildren, isOpen, isSelected, isTabStop, isRenaming, title, dropZone, handlers } = props;
  const { isAggregate, codingNumber, documentNumber, filteredNumber } = props;
  const numbering = codeNumbering(code);
  return (
    <li
      role="treeitem"
      aria-selected={isSelected}
      aria-level={depth + 1}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-label={codeLabel(code)}
    >
      <div
        ref={(element) => handlers.registerRow(code.id, element)}
        className={`code-row${isSelected ? ' selected' : ''}${code.isHidden ? ' hidden-code' : ''}${dropZone ? ` drop-${dropZone}` : ''}`}
        style={{ paddingLeft: `${4 + depth * 16}px` }}
        tabIndex={isTabStop ? 0 : -1}
        title={title}
        draggable={!isRenaming}
        onDragStart={(e) => {
          handlers.dragStart(code.id);
          e.dataTransfer.setData(MOVE_TYPE, code.id);
          e.dataTransfer.setData('text/plain', code.name);
          e.dataTransfer.effectAllowed = 'copyMove';
        }}
        onDragEnd={() => handlers.dragEnd()}
        onDragOver={(e) => handlers.dragOver(e, code.id)}
        onDrop={(e) => handlers.drop(e, code.id)}
        onClick={(e) => {
          // A second click of a double-click (rename) keeps the selection.
          if (e.detail > 1) return;
          selectCode(isSelected ? null : code.id);
        }}
        onDoubleClick={() => setRenaming(code.id)}
        onContextMenu={(e) => handlers.openMenu(e, code.id)}
        onKeyDown={(e) => handlers.keyDown(e, index)}
      >
        {hasChildren ? (
          <button
            type="button"
            className="twisty"
            aria-label={isOpen ? `Collapse ${code.name}` : `Expand ${code.name}`}
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              toggleCollapsed(code.id);
            }}
          >
            {isOpen ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty-space" aria-hidden="true" />
        )}
        <span className="swatch" style={{ background: code.color }} title={colorName(code.color)} aria-hidden="true" />
        {numbering && <span className="code-number">{numbering}</span>}
        {isRenaming ? (
          <RenameField code={code} />
        ) : (
          <span className={`code-name${code.isCodable ? '' : ' category'}`}>{code.name}</span>
        )}
        {code.isHidden && <span className="hidden-mark">hidden</span>}
        <span className={`code-count${isAggregate ? ' aggregate' : ''}${codingNumber === 0 ? ' zero' : ''}`}>
          {filteredNumber !== null ? `${filteredNumber}/${codingNumber}` : codingNumber}
        </span>
        <span className="code-docs" title={plural(documentNumber, 'document')}>
          {documentNumber > 0 && filteredNumber === null ? documentNumber : ''}
        </span>
        <button
          type="button"
          className="row-actions"
          aria-label={`Actions for ${code.name}`}
          tabIndex={-1}
          onClick={(e) => handlers.openMenu(e, code.id)}
        >
          ⋯
        </button>
      </div>
    </li>
  );
});

/** Renaming a code in place: Enter or leaving the field saves, Escape cancels. */
function RenameField({ code }: { readonly code: Code }) {
  const [value, setValue] = useState(code.name);
  const done = useRef(false);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    setRenaming(null);
    if (save && value.trim() && value !== code.name) void renameCode(code.id, value);
  };
  return (
    <input
      className="rename-field"
      aria-label={`Rename ${code.name}`}
      value={value}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}

/** The actions of one code. */
interface CodeMenuProps {
  readonly code: Code;
  readonly x: number;
  readonly y: number;
  readonly onClose: () => void;
  /** Starts a new code inside this one (the "new code" field, set to "inside"). */
  readonly onNewInside: () => void;
}

function CodeMenu({ code, x, y, onClose, onNewInside }: CodeMenuProps) {
  const [colours, setColours] = useState(false);
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  if (colours) {
    return (
      <PopupMenu x={x} y={y} label={`Colour of ${code.name}`} onClose={onClose}>
        <div className="menu-colours">
          <ColorChoices value={code.color} onChange={(color) => run(() => void editCode(code.id, { color }, `Recolour “${code.name}”`))()} />
        </div>
      </PopupMenu>
    );
  }
  return (
    <PopupMenu x={x} y={y} label={`Actions for ${code.name}`} onClose={onClose}>
      <MenuItem onSelect={run(() => openCodebookDialog({ kind: 'details', codeId: code.id }))}>Details and definition…</MenuItem>
      <MenuItem onSelect={run(() => setRenaming(code.id))}>Rename</MenuItem>
      <MenuItem onSelect={() => setColours(true)}>Colour…</MenuItem>
      <MenuItem onSelect={run(() => openMemoFor({ kind: 'code', id: code.id }))}>Memo on this code</MenuItem>
      <MenuSeparator />
      <MenuItem onSelect={run(onNewInside)}>New code inside…</MenuItem>
      <MenuItem onSelect={run(() => void editCode(code.id, { isHidden: !code.isHidden }, `${code.isHidden ? 'Show' : 'Hide'} “${code.name}”`))}>
        {code.isHidden ? 'Show (unhide)' : 'Hide (not used in this study)'}
      </MenuItem>
      <MenuItem
        onSelect={run(
          () => void editCode(code.id, { isCodable: !code.isCodable }, code.isCodable ? `Make “${code.name}” a category` : `Make “${code.name}” codable`),
        )}
      >
        {code.isCodable ? 'Make it a category' : 'Make it codable'}
      </MenuItem>
      <MenuSeparator />
      <MenuItem onSelect={run(() => openCodebookDialog({ kind: 'merge', codeId: code.id }))}>Merge into…</MenuItem>
      <MenuItem onSelect={run(() => openCodebookDialog({ kind: 'split', codeId: code.id }))}>Split…</MenuItem>
      <MenuItem danger onSelect={run(() => openCodebookDialog({ kind: 'delete', codeId: code.id }))}>
        Delete…
      </MenuItem>
    </PopupMenu>
  );
}
