/**
 * A small box to find a code by a few letters of its name or its CFIR number ("III.D"), used where a panel needs
 * one code picked: adding a code to a retrieval, choosing the code for "code all hits".
 */
import { useMemo, useState } from 'react';
import type { Code, Uuid } from '#shared/model/types';
import { quickCodeMatches } from '#shared/coding/quick-code';
import { useWorkspace } from '../../state/workspace-store.ts';
import { useReader } from '../reader/reader-store.ts';

interface CodeFinderProps {
  readonly ariaLabel: string;
  readonly placeholder: string;
  /** Offer categories (CFIR domains) as well as codable codes. */
  readonly includeCategories: boolean;
  readonly exclude?: readonly Uuid[];
  readonly onPick: (code: Code) => void;
}

/** The code finder. */
export function CodeFinder({ ariaLabel, placeholder, includeCategories, exclude = [], onPick }: CodeFinderProps) {
  const codeById = useWorkspace((s) => s.index?.codeById);
  const recent = useReader((s) => s.recentCodeIds);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () =>
      query.trim()
        ? quickCodeMatches(codeById?.values() ?? [], query, recent, { includeCategories })
            .filter((m) => !exclude.includes(m.code.id))
            .slice(0, 8)
        : [],
    [codeById, query, recent, includeCategories, exclude],
  );
  const pick = (code: Code) => {
    onPick(code);
    setQuery('');
    setActive(0);
  };
  return (
    <div className="code-finder">
      <input
        aria-label={ariaLabel}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[active]) {
            e.preventDefault();
            pick(matches[active].code);
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, Math.min(matches.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
          } else if (e.key === 'Escape') setQuery('');
        }}
      />
      {matches.length > 0 && (
        <ul className="code-finder-list" role="listbox" aria-label="Matching codes">
          {matches.map(({ code, numbering }, i) => (
            <li key={code.id} role="option" aria-selected={i === active}>
              <button type="button" className={`popover-choice${i === active ? ' active' : ''}`} aria-label={code.name} onClick={() => pick(code)}>
                <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
                {numbering && <span className="choice-number">{numbering}</span>}
                <span className="choice-name">{code.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
