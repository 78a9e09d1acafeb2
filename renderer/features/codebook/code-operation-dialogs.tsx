/**
 * The dialogs that reshape the tree: merge a code into another (with what it would do before it does it), split
 * chosen codings off into a new code, and delete a code (saying how many codings would go, and offering to move
 * them and the subcodes to the parent). Each action is one step of undo.
 */
import { useMemo, useState } from 'react';
import type { Code, Uuid } from '#shared/model/types';
import { treeOrder, descendantIds } from '#shared/codebook/code-tree';
import { mergeCode, mergeRefusal } from '#shared/codebook/merge-code';
import { deleteImpact } from '#shared/codebook/delete-code';
import type { DeleteChoice } from '#shared/codebook/delete-code';
import { codeLabel } from '#shared/codebooks/code-info';
import { codedSegments } from '#shared/coding/retrieval';
import { systemClock } from '#shared/model/ids';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { deleteCodeAs, mergeCodeInto, splitCodeOff } from './codebook-actions.ts';
import { openCodebookDialog } from './codebook-view-store.ts';
import { Modal } from './modal.tsx';

const close = () => openCodebookDialog(null);

/** Merging a code into another one, chosen from the tree. */
export function MergeDialog({ code }: { readonly code: Code }) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const [filter, setFilter] = useState('');
  const [targetId, setTargetId] = useState<Uuid | null>(null);
  const candidates = useMemo(() => {
    if (!snapshot) return [];
    const below = descendantIds(snapshot.codes, code.id);
    const needle = filter.trim().toLowerCase();
    return treeOrder(snapshot.codes, { includeHidden: true }).filter(
      ({ code: c }) => c.id !== code.id && !below.has(c.id) && (!needle || codeLabel(c).toLowerCase().includes(needle)),
    );
  }, [snapshot, code.id, filter]);
  // The merge is worked out once per target, not on every keystroke in the filter (it passes over every coding).
  const { refusal, preview } = useMemo(() => {
    if (!snapshot || !targetId) return { refusal: null, preview: null };
    const refused = mergeRefusal(snapshot, code.id, targetId);
    return { refusal: refused, preview: refused ? null : mergeCode(snapshot, code.id, targetId, systemClock) };
  }, [snapshot, code.id, targetId]);
  if (!snapshot) return null;
  const target = snapshot.codes.find((c) => c.id === targetId);
  return (
    <Modal
      title={`Merge “${code.name}” into…`}
      onClose={close}
      actions={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview}
            onClick={() => targetId && void mergeCodeInto(code.id, targetId).then((ok) => ok && close())}
          >
            Merge
          </button>
        </>
      }
    >
      <input aria-label="Find the code to merge into" placeholder="Find a code…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {/* A list of toggle buttons (not a listbox of options, which must not hold buttons). */}
      <ul className="pick-list" aria-label="Codes to merge into">
        {candidates.map(({ code: c, depth }) => (
          <li key={c.id}>
            <button
              type="button"
              aria-pressed={c.id === targetId}
              className={`pick-row${c.id === targetId ? ' selected' : ''}`}
              style={{ paddingLeft: 8 + depth * 14 }}
              onClick={() => setTargetId(c.id)}
            >
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className={c.isCodable ? '' : 'category'}>{codeLabel(c)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="dialog-summary" aria-live="polite">
        {refusal
          ? refusal
          : preview && target
            ? `${plural(preview.repointed + preview.collapsed, 'coding')} of “${code.name}” go to “${target.name}”` +
              (preview.collapsed ? `; ${plural(preview.collapsed, 'duplicate')} of the same passage by the same coder will be collapsed` : '') +
              (preview.subcodesMoved ? `; ${plural(preview.subcodesMoved, 'subcode')} move under it` : '') +
              `. “${code.name}” is then removed; its description and memos go to “${target.name}”. Ctrl+Z undoes the whole merge.`
            : 'Choose the code to merge into.'}
      </p>
    </Modal>
  );
}

/** Splitting chosen codings off a code into a new code. */
export function SplitDialog({ code }: { readonly code: Code }) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const [chosen, setChosen] = useState<ReadonlySet<Uuid>>(new Set());
  const [name, setName] = useState('');
  const [inside, setInside] = useState(false);
  const segments = useMemo(() => (snapshot ? codedSegments(snapshot, [code.id]) : []), [snapshot, code.id]);
  const toggle = (id: Uuid) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const split = async () => {
    if (await splitCodeOff({ sourceId: code.id, codingIds: [...chosen], name, inside })) close();
  };
  return (
    <Modal
      title={`Split “${code.name}”`}
      onClose={close}
      wide
      actions={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={chosen.size === 0 || !name.trim()} onClick={() => void split()}>
            Move {plural(chosen.size, 'coding')} to the new code
          </button>
        </>
      }
    >
      <label className="field">
        New code
        <input aria-label="New code name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name of the new code" />
      </label>
      <div className="radio-row" role="radiogroup" aria-label="Where the new code goes">
        <label>
          <input type="radio" checked={!inside} onChange={() => setInside(false)} /> next to “{code.name}”
        </label>
        <label>
          <input type="radio" checked={inside} onChange={() => setInside(true)} /> inside “{code.name}”
        </label>
      </div>
      {segments.length === 0 ? (
        <p className="empty">“{code.name}” has no codings to split off.</p>
      ) : (
        <>
          <div className="split-tools">
            <span>Choose the codings that go to the new code:</span>
            <button type="button" className="small" onClick={() => setChosen(new Set(segments.map((s) => s.coding.id)))}>
              All
            </button>
            <button type="button" className="small" onClick={() => setChosen(new Set())}>
              None
            </button>
          </div>
          <ul className="split-list" aria-label="Codings">
            {segments.map((segment) => (
              <li key={segment.coding.id}>
                <label className="split-row">
                  <input type="checkbox" checked={chosen.has(segment.coding.id)} onChange={() => toggle(segment.coding.id)} />
                  <span className="split-citation">
                    {segment.citation} · {segment.document.name}
                  </span>
                  <span className="split-text" dir="auto">
                    {segment.text}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}

/** Deleting a code, with what would go and where its codings and subcodes can go instead. */
export function DeleteDialog({ code }: { readonly code: Code }) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const impact = useMemo(() => (snapshot ? deleteImpact(snapshot, code.id) : null), [snapshot, code.id]);
  const [codings, setCodings] = useState<DeleteChoice['codings']>('delete');
  const [subcodes, setSubcodes] = useState<DeleteChoice['subcodes']>('move-to-parent');
  if (!impact) return null;
  const parentName = impact.parent ? `“${impact.parent.name}”` : 'the top of the tree';
  const goingCodings = impact.codings + (subcodes === 'delete' ? impact.subcodeCodings : 0);
  return (
    <Modal
      title={`Delete “${code.name}”?`}
      onClose={close}
      actions={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void deleteCodeAs(code.id, { codings, subcodes }).then((ok) => ok && close())}>
            Delete
          </button>
        </>
      }
    >
      <p>
        “{code.name}” has {plural(impact.codings, 'coding')}
        {impact.subcodes > 0 && ` and ${plural(impact.subcodes, 'subcode')} with ${plural(impact.subcodeCodings, 'coding')}`}.
      </p>
      {impact.subcodes > 0 && (
        <fieldset className="choice">
          <legend>Its subcodes</legend>
          <label>
            <input type="radio" checked={subcodes === 'move-to-parent'} onChange={() => setSubcodes('move-to-parent')} /> move up to {parentName}, with their codings
          </label>
          <label>
            <input type="radio" checked={subcodes === 'delete'} onChange={() => setSubcodes('delete')} /> delete them along with it
          </label>
        </fieldset>
      )}
      {goingCodings > 0 && (
        <fieldset className="choice">
          <legend>{plural(goingCodings, 'coding')}</legend>
          <label>
            <input type="radio" checked={codings === 'delete'} onChange={() => setCodings('delete')} /> delete {goingCodings === 1 ? 'it' : 'them'}
          </label>
          <label title={impact.canMoveCodingsToParent ? undefined : impact.parent ? `${parentName} is a category` : 'It has no parent code'}>
            <input type="radio" disabled={!impact.canMoveCodingsToParent} checked={codings === 'move-to-parent'} onChange={() => setCodings('move-to-parent')} /> move{' '}
            {goingCodings === 1 ? 'it' : 'them'} to {parentName}
            {!impact.canMoveCodingsToParent && (impact.parent ? ' (a category cannot hold codings)' : ' (there is none)')}
          </label>
        </fieldset>
      )}
      {impact.memos > 0 && (
        <p className="dialog-note">
          {codings === 'delete'
            ? `${plural(impact.memos, 'memo')} on the code or its codings will be deleted too.`
            : 'Memos on its codings move with them; memos on the code itself are deleted.'}
        </p>
      )}
      <p className="dialog-note">Ctrl+Z brings it all back.</p>
    </Modal>
  );
}
