/**
 * The codebook menu above the tree: add a built-in codebook (CFIR 2.0, CFIR 2009, the peer-support frameworks),
 * map CFIR 2009 to 2.0, import and export the codebook (REFI-QDA .qdc, Word), and how the tree shows.
 */
import { useState } from 'react';
import { BUILTIN_CODEBOOK_IDS, builtinCodebook } from '#shared/codebooks/builtin-codebooks';
import { useWorkspace } from '../../state/workspace-store.ts';
import { addBuiltinCodebook, chooseCodebookFile, exportCodebookDocx, exportCodebookQdc } from './codebook-actions.ts';
import { openCodebookDialog, setAllCollapsed, setShowHidden, useCodebookView } from './codebook-view-store.ts';
import { MenuItem, MenuSeparator, PopupMenu } from './popup-menu.tsx';

/** The "Codebook" button and its menu. */
export function CodebookMenu() {
  // The project's codebooks only: the project record itself changes with every coding.
  const codebooks = useWorkspace((s) => s.snapshot?.project.codebooks);
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const showHidden = useCodebookView((s) => s.showHidden);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  if (!codebooks || !codes) return null;
  const has2009 = codes.some((c) => c.origin.kind === 'cfir' && c.origin.version === '2009');
  const hiddenCount = codes.filter((c) => c.isHidden).length;
  const choose = (action: () => void) => () => {
    setAt(null);
    action();
  };
  return (
    <>
      <button
        type="button"
        className="small"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setAt({ x: box.left, y: box.bottom + 4 });
        }}
      >
        Codebook ▾
      </button>
      {at && (
        <PopupMenu x={at.x} y={at.y} label="Codebook" onClose={() => setAt(null)}>
          {BUILTIN_CODEBOOK_IDS.map((id) => {
            const book = builtinCodebook(id);
            const added = codebooks.includes(id);
            return (
              <MenuItem key={id} disabled={added} title={book.summary} onSelect={choose(() => void addBuiltinCodebook(id))}>
                {added ? `${book.title} (added)` : `Add ${book.title}`}
              </MenuItem>
            );
          })}
          {has2009 && <MenuItem onSelect={choose(() => openCodebookDialog({ kind: 'crosswalk' }))}>Map CFIR 2009 codes to 2.0…</MenuItem>}
          <MenuSeparator />
          <MenuItem onSelect={choose(chooseCodebookFile)}>Import a codebook (.qdc, .qdpx)…</MenuItem>
          <MenuItem disabled={codes.length === 0} onSelect={choose(() => void exportCodebookDocx(showHidden))}>
            Export to Word (.docx)…
          </MenuItem>
          <MenuItem disabled={codes.length === 0} onSelect={choose(() => void exportCodebookQdc(showHidden))}>
            Export as REFI-QDA codebook (.qdc)…
          </MenuItem>
          <MenuSeparator />
          <MenuItem onSelect={choose(() => setShowHidden(!showHidden))}>
            {showHidden ? 'Leave out hidden codes' : `Show hidden codes${hiddenCount ? ` (${hiddenCount})` : ''}`}
          </MenuItem>
          <MenuItem onSelect={choose(() => setAllCollapsed(codes, false))}>Expand all</MenuItem>
          <MenuItem onSelect={choose(() => setAllCollapsed(codes, true))}>Collapse all</MenuItem>
        </PopupMenu>
      )}
    </>
  );
}
