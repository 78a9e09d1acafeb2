/**
 * "Add original-language transcript…": the user picks the original's file (.docx or .txt) and names its language.
 * The file is read by the import worker, with the same code as a transcript import and `tessera add-original`; the
 * original is made and aligned by `originalFromImport` and given to the document by `setOriginalChange`, through the
 * workspace's change machinery, so it is saved and one undo step takes it back.
 */
import { useState } from 'react';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { TesseraDocument } from '#shared/model/types';
import { originalFromImport, setOriginalChange } from '#shared/align/document-original';
import { LANGUAGES } from '#shared/study/file-name-attributes';
import { attempt, changeProject, notify } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { readFileOffThread } from '../import/import-runner.ts';

const LANGUAGE_NAMES = [...new Set(Object.values(LANGUAGES))].sort();

/** The dialog; `onDone` closes it (after the original is added, or on Cancel and Escape). */
export function AddOriginalDialog({ document, onDone }: { readonly document: TesseraDocument; readonly onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const add = async (): Promise<void> => {
    if (!file) {
      setProblem('Choose the original-language transcript (.docx or .txt).');
      return;
    }
    if (!language.trim()) {
      setProblem('Say which language the original is in, e.g. Hebrew.');
      return;
    }
    setProblem(null);
    setReading(true);
    const outcome = await readFileOffThread(file.name, new Uint8Array(await file.arrayBuffer()), null);
    setReading(false);
    if (!outcome.ok) {
      setProblem(outcome.message);
      return;
    }
    let refusal: string | null = null;
    let pairs = 0;
    const added = await attempt(null, async () => {
      await changeProject(`Add the ${language.trim()} original of ${document.name}`, (snapshot) => {
        const current = snapshot.documents.find((candidate) => candidate.id === document.id);
        try {
          if (!current) throw new Error('That document is no longer in the project, so the original was not added.');
          const original = originalFromImport(current, outcome.imported, { language, sourceFileName: file.name, newId: randomUuid, now: systemClock });
          pairs = original.alignment.pairs.length;
          return { change: setOriginalChange(snapshot, original), result: undefined };
        } catch (error) {
          // Shown in the dialog, which stays open so the user can pick another file.
          refusal = error instanceof Error ? error.message : String(error);
          return { change: {}, result: undefined };
        }
      });
    });
    if (refusal !== null) setProblem(refusal);
    else if (added) {
      notify('info', `The ${language.trim()} original of “${document.name}” is added, aligned in ${plural(pairs, 'pair')}. Ctrl+Z takes it back.`);
      onDone();
    }
  };

  return (
    <div
      className="modal-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <div className="modal original-dialog" role="dialog" aria-modal="true" aria-labelledby="original-dialog-title" aria-describedby="original-dialog-note">
        <h2 id="original-dialog-title">Add original-language transcript</h2>
        <p id="original-dialog-note" className="original-dialog-note">
          The transcript “{document.name}” was translated from. It becomes part of this document (it is not counted as a document of its own) and
          is aligned with it paragraph by paragraph; you can correct the pairs afterwards.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <label>
            File (.docx or .txt)
            <input type="file" accept=".docx,.txt" onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }} autoFocus />
          </label>
          <label>
            Language
            <input value={language} onChange={(event) => {
                setLanguage(event.target.value);
                setProblem(null);
              }} list="original-dialog-languages" placeholder="e.g. Hebrew, Luganda" />
          </label>
          <datalist id="original-dialog-languages">
            {LANGUAGE_NAMES.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {problem && (
            <p className="original-dialog-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onDone}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={reading}>
              {reading ? 'Reading…' : 'Add original'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
