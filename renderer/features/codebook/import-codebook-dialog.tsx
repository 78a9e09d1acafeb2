/**
 * The preview of a codebook read from a REFI-QDA file: how many codes, from which tool, what was overlooked in the
 * file (warnings), and where the codes go. Nothing is added until the user imports; the import is one undo step.
 */
import { useState } from 'react';
import type { RefiCode, RefiCodebook } from '#shared/refi/read-codebook';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { importCodebookCodes } from './codebook-actions.ts';
import { openCodebookDialog } from './codebook-view-store.ts';
import { Modal } from './modal.tsx';

const count = (codes: readonly RefiCode[]): number => codes.reduce((n, c) => n + 1 + count(c.children), 0);

/** The import preview dialog. */
export function ImportCodebookDialog({ fileName, codebook }: { readonly fileName: string; readonly codebook: RefiCodebook }) {
  const selected = useWorkspace((s) => s.snapshot?.codes.find((c) => c.id === s.selectedCodeId) ?? null);
  const [inside, setInside] = useState(false);
  const close = () => openCodebookDialog(null);
  return (
    <Modal
      title={`Import the codebook of ${fileName}`}
      onClose={close}
      actions={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void importCodebookCodes(codebook, inside && selected ? selected.id : null, fileName)}>
            Import {plural(count(codebook.codes), 'code')}
          </button>
        </>
      }
    >
      <p>
        {plural(count(codebook.codes), 'code')}
        {codebook.origin ? `, written by ${codebook.origin}` : ''}. Codes with the same name as a code already at the same place are
        not added twice.
      </p>
      <ul className="import-preview">
        {codebook.codes.slice(0, 12).map((code, index) => (
          <li key={`${code.guid ?? ''}${index}`}>
            {code.name}
            {code.children.length > 0 && <span className="cell-note"> ({plural(count(code.children), 'subcode')})</span>}
          </li>
        ))}
        {codebook.codes.length > 12 && <li className="cell-note">and {codebook.codes.length - 12} more at the top level</li>}
      </ul>
      {selected && (
        <div className="radio-row" role="radiogroup" aria-label="Where the codes go">
          <label>
            <input type="radio" checked={!inside} onChange={() => setInside(false)} /> at the top of the tree
          </label>
          <label>
            <input type="radio" checked={inside} onChange={() => setInside(true)} /> inside “{selected.name}”
          </label>
        </div>
      )}
      {codebook.warnings.length > 0 && (
        <div className="import-warnings" role="note">
          <strong>The file is not quite as the REFI-QDA standard says; it was read anyway:</strong>
          <ul>
            {codebook.warnings.slice(0, 20).map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
            {codebook.warnings.length > 20 && <li>and {codebook.warnings.length - 20} more</li>}
          </ul>
        </div>
      )}
    </Modal>
  );
}
