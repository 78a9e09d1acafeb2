/**
 * The coding tree: codes nested under their parents, each with its colour and how often it was applied. A click
 * selects a code (its segments show on the right, and it is offered first when coding a selection).
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Code, Uuid } from '#shared/model/types';
import { codeCounts } from '#shared/coding/retrieval';
import { addCode, selectCode, useWorkspace } from '../../state/workspace-store.ts';

interface TreeRow {
  readonly code: Code;
  readonly depth: number;
}

/** The codes in tree order (depth first, siblings by their order), leaving out hidden codes. */
function treeRows(codes: readonly Code[]): readonly TreeRow[] {
  const children = new Map<Uuid | null, Code[]>();
  for (const code of codes) {
    if (code.isHidden) continue;
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  const rows: TreeRow[] = [];
  const visit = (parentId: Uuid | null, depth: number): void => {
    const list = (children.get(parentId) ?? []).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    for (const code of list) {
      rows.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The coding tree with its "new code" form. */
export function CodeTree() {
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const codings = useWorkspace((s) => s.snapshot?.codings);
  const selectedCodeId = useWorkspace((s) => s.selectedCodeId);
  const [name, setName] = useState('');
  const [inside, setInside] = useState(false);
  const rows = useMemo(() => treeRows(codes ?? []), [codes]);
  const counts = useMemo(() => codeCounts(codings ?? []), [codings]);
  const selected = codes?.find((c) => c.id === selectedCodeId) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await addCode({ name, parentId: inside && selected ? selected.id : null });
    if (id) {
      setName('');
      setInside(false);
    }
  };

  return (
    <section className="sidebar-section sidebar-codes" aria-labelledby="codes-heading">
      <div className="section-head">
        <h2 id="codes-heading">Codes</h2>
      </div>
      <form className="new-code" onSubmit={(e) => void submit(e)}>
        <input
          aria-label="New code name"
          placeholder="New code…"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
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
      {rows.length === 0 ? (
        <p className="empty">No codes yet. Add one above, then select a passage to code it.</p>
      ) : (
        <ul className="code-tree" role="tree" aria-label="Coding tree">
          {rows.map(({ code, depth }) => {
            const count = counts.get(code.id);
            return (
              <li key={code.id} role="treeitem" aria-selected={code.id === selectedCodeId} aria-level={depth + 1}>
                <button
                  type="button"
                  className={`code-row${code.id === selectedCodeId ? ' selected' : ''}`}
                  style={{ paddingLeft: `${8 + depth * 16}px` }}
                  onClick={() => selectCode(code.id === selectedCodeId ? null : code.id)}
                >
                  <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
                  <span className={`code-name${code.isCodable ? '' : ' category'}`}>{code.name}</span>
                  <span className="code-count" title={`${count?.codings ?? 0} codings in ${count?.documents ?? 0} documents`}>
                    {count?.codings ?? 0}
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
