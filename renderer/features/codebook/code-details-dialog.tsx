/**
 * A code's details: the definition shipped with CFIR or a framework (with its id and numbering, never editable),
 * and the study's own wording beside it: name, colour, description, inclusion and exclusion criteria, an example
 * quote. Framework codes show their suggested CFIR constructs, so a study can code with the field's framework and
 * still report by CFIR. Saving is one step of undo.
 */
import { useMemo, useState } from 'react';
import type { Code } from '#shared/model/types';
import { officialDefinition, originLabel } from '#shared/codebooks/code-info';
import { codeTreeCounts } from '#shared/codebook/code-counts';
import { codePath } from '#shared/codebook/code-tree';
import { memosFor } from '#shared/memos/memos';
import { selectCode, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { newMemoOn, openMemo } from '../memos/memo-actions.ts';
import { editCode } from './codebook-actions.ts';
import { openCodebookDialog } from './codebook-view-store.ts';
import { ColorChoices } from './color-choices.tsx';
import { Modal } from './modal.tsx';

/** The details dialog of one code. */
export function CodeDetailsDialog({ code }: { readonly code: Code }) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const [name, setName] = useState(code.name);
  const [color, setColor] = useState(code.color);
  const [description, setDescription] = useState(code.description);
  const [inclusion, setInclusion] = useState(code.inclusion);
  const [exclusion, setExclusion] = useState(code.exclusion);
  const [example, setExample] = useState(code.example);
  // Escape, a click outside, × and Cancel ask first when something was typed, so a stray key loses nothing.
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const definition = officialDefinition(code);
  const counts = useMemo(() => (snapshot ? codeTreeCounts(snapshot.codes, snapshot.codings).get(code.id) : undefined), [snapshot, code.id]);
  if (!snapshot) return null;
  const close = () => openCodebookDialog(null);
  const changed =
    name !== code.name ||
    color !== code.color ||
    description !== code.description ||
    inclusion !== code.inclusion ||
    exclusion !== code.exclusion ||
    example !== code.example;
  const requestClose = () => (changed ? setAskingToDiscard(true) : close());
  const save = async () => {
    if (!changed) return close();
    if (await editCode(code.id, { name, color, description, inclusion, exclusion, example }, `Edit “${code.name}”`)) close();
  };
  const memos = memosFor(snapshot, { kind: 'code', id: code.id });
  const codesByElement = new Map(
    snapshot.codes.filter((c) => c.origin.kind === 'cfir' && c.origin.version === '2.0').map((c) => [c.origin.kind === 'cfir' ? c.origin.elementId : '', c]),
  );

  return (
    <Modal
      title={`Code: ${code.name}`}
      onClose={requestClose}
      wide
      actions={
        askingToDiscard ? (
          <>
            <span className="dialog-summary" role="alert">
              Discard what you changed in this code?
            </span>
            <button type="button" onClick={() => setAskingToDiscard(false)} autoFocus>
              Keep editing
            </button>
            <button type="button" className="danger" onClick={close}>
              Discard
            </button>
            <button type="button" className="primary" onClick={() => void save()}>
              Save
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={requestClose}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void save()}>
              Save
            </button>
          </>
        )
      }
    >
      <p className="details-path">{codePath(snapshot.codes, code.id)}</p>
      <p className="details-origin">
        {originLabel(code.origin)}
        {code.isCodable ? '' : ' · category (not codable)'}
        {code.isHidden ? ' · hidden' : ''}
        {counts && ` · ${plural(counts.own.codings, 'coding')} in ${plural(counts.own.documents, 'document')}`}
        {counts && counts.withDescendants.codings !== counts.own.codings && ` (${counts.withDescendants.codings} with subcodes)`}
      </p>
      {definition && (
        <section className="official" aria-label="Definition">
          <h3>
            {definition.source} {definition.kind} {definition.numbering}
            <span className="official-id">id {definition.elementId}</span>
          </h3>
          <p className="official-name">{definition.officialName}</p>
          {definition.definition ? <p className="official-definition">{definition.definition}</p> : <p className="empty">The data gives no definition for a {definition.kind}.</p>}
          {definition.notes.map((note) => (
            <p key={note.label} className="official-note">
              <strong>{note.label}:</strong> {note.text}
            </p>
          ))}
          {definition.suggestedCfir.length > 0 && (
            <div className="suggested">
              <h4>Suggested CFIR 2.0 constructs</h4>
              <ul>
                {definition.suggestedCfir.map((s) => {
                  const inProject = codesByElement.get(s.id);
                  return (
                    <li key={s.id}>
                      {inProject ? (
                        <button type="button" className="link" onClick={() => (selectCode(inProject.id), close())}>
                          {s.numbering} {s.name}
                        </button>
                      ) : (
                        <strong>
                          {s.numbering} {s.name}
                        </strong>
                      )}
                      {' — '}
                      <span>{s.rationale}</span>
                      {s.definition && <span className="suggested-definition"> CFIR: {s.definition}</span>}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <p className="official-caveat">{definition.note}</p>
        </section>
      )}
      <div className="details-form">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Code name" />
        </label>
        <div className="details-color">
          <span>Colour</span>
          <ColorChoices value={color} onChange={setColor} />
        </div>
        <label>
          {definition ? 'Study description (your wording, shown beside the definition)' : 'Description'}
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          Inclusion criteria
          <textarea rows={2} value={inclusion} onChange={(e) => setInclusion(e.target.value)} />
        </label>
        <label>
          Exclusion criteria
          <textarea rows={2} value={exclusion} onChange={(e) => setExclusion(e.target.value)} />
        </label>
        <label>
          Example quote
          <textarea rows={2} value={example} onChange={(e) => setExample(e.target.value)} />
        </label>
      </div>
      <div className="details-memos">
        <span>{memos.length ? plural(memos.length, 'memo') : 'No memo'} on this code</span>
        {memos.map((memo) => (
          <button key={memo.id} type="button" className="link" onClick={() => (close(), openMemo(memo.id))}>
            {memo.title || 'Untitled memo'}
          </button>
        ))}
        <button type="button" className="small" onClick={() => (close(), newMemoOn({ kind: 'code', id: code.id }))}>
          New memo on this code
        </button>
      </div>
    </Modal>
  );
}
