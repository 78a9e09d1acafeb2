/**
 * The export dialog: coded extracts to Word (or CSV, site validation packs, one coded transcript) with the choices of
 * `tessera export-word`: which codes, documents, coders and speakers, the grouping, and what each extract carries.
 * It shows how many extracts the choices select and how documents will be cited (the project's citation style, which
 * can be changed here) before anything is written; the export runs off the UI thread with a progress bar and Cancel.
 */
import { useMemo } from 'react';
import type { DocumentKind, SpeakerRole, Uuid } from '#shared/model/types';
import { treeOrder } from '#shared/codebook/code-tree';
import { codeLabel } from '#shared/codebooks/code-info';
import { countExtracts, EXTRACT_GROUPINGS, type ExtractGrouping } from '#shared/export/extract-selection';
import { phasesInOrder, sitesInOrder } from '#shared/study/study-design';
import { casesInOrder } from '#shared/ratings/cases';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { Modal } from '../codebook/modal.tsx';
import {
  cancelExport,
  choicesOf,
  closeExportDialog,
  runExport,
  setExportForm,
  takeRetrievalChoices,
  useExport,
  type ExportForm,
  type ExportOutput,
} from './export-store.ts';
import { CitationStyleSetting } from './citation-style-setting.tsx';
import '../codebook/codebook.css';
import './export.css';

const OUTPUTS: readonly { readonly id: ExportOutput; readonly label: string; readonly hint: string }[] = [
  { id: 'word', label: 'Extracts in Word', hint: 'Quotes grouped by code, cited “(BU 45, pre)”, for writing results.' },
  { id: 'csv', label: 'Extracts as CSV', hint: 'One row per extract, for a spreadsheet.' },
  { id: 'site-packs', label: 'Site validation packs', hint: 'One Word file per site, with a column for the site team’s comments (saved together as a .zip).' },
  { id: 'transcript', label: 'One coded transcript', hint: 'A transcript with each coding as a Word comment naming its code and coder.' },
];

const KINDS: readonly { readonly id: DocumentKind; readonly label: string }[] = [
  { id: 'transcript', label: 'Transcripts' },
  { id: 'field-notes', label: 'Field notes' },
];

const ROLES: readonly { readonly id: SpeakerRole; readonly label: string }[] = [
  { id: 'participant', label: 'Participants' },
  { id: 'moderator', label: 'Moderators' },
  { id: 'assistant', label: 'Assistants' },
  { id: 'unknown', label: 'Unlabelled' },
];

function toggle<T>(list: readonly T[], item: T, on: boolean): readonly T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/** A group of checkboxes; none ticked means all (the dialog says so once, above the groups). */
function CheckGroup<T extends string>({
  legend,
  items,
  chosen,
  onChange,
}: {
  legend: string;
  items: readonly { readonly id: T; readonly label: string }[];
  chosen: readonly T[];
  onChange: (next: readonly T[]) => void;
}) {
  return (
    <fieldset className="export-checks">
      <legend>{legend}</legend>
      {items.length === 0 && <p className="export-hint">None in this project.</p>}
      {items.map((item) => (
        <label key={item.id}>
          <input type="checkbox" checked={chosen.includes(item.id)} onChange={(e) => onChange(toggle(chosen, item.id, e.target.checked))} />
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The export dialog (mounted with the workspace; it reads the project only while open). */
export function ExportDialog() {
  const open = useExport((s) => s.open);
  const form = useExport((s) => s.form);
  const progress = useExport((s) => s.progress);
  const snapshot = useWorkspace((s) => (open ? s.snapshot : null));
  const index = useWorkspace((s) => (open ? s.index : null));

  const codeOptions = useMemo(
    () => (snapshot ? treeOrder(snapshot.codes, { includeHidden: form.includeHidden }).map(({ code, depth }) => ({ id: code.id, label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${codeLabel(code)}` })) : []),
    [snapshot, form.includeHidden],
  );
  const count = useMemo(() => (snapshot && index ? countExtracts(snapshot, choicesOf(form), index) : null), [snapshot, index, form]);
  if (!open || !snapshot) return null;
  const busy = progress !== null;
  const set = (change: Partial<ExportForm>) => setExportForm(change);
  const selectedIds = (select: HTMLSelectElement): Uuid[] => [...select.selectedOptions].map((option) => option.value);
  const extractsOutput = form.output !== 'transcript';
  const nothing = extractsOutput ? count?.extracts === 0 : form.transcriptId === null;

  return (
    <Modal
      title="Export coded extracts"
      wide
      className="export-modal"
      onClose={closeExportDialog}
      actions={
        <>
          <p className="dialog-summary" role="status" aria-live="polite">
            {extractsOutput && count
              ? count.extracts === 0
                ? 'No extract matches these choices.'
                : `${plural(count.extracts, 'extract')} from ${plural(count.documents, 'document')}.`
              : ''}
          </p>
          {busy ? (
            <button type="button" onClick={cancelExport}>
              Cancel export
            </button>
          ) : (
            <button type="button" onClick={closeExportDialog}>
              Close
            </button>
          )}
          <button type="button" className="primary" disabled={busy || nothing} onClick={() => void runExport()}>
            Export…
          </button>
        </>
      }
    >
      <fieldset className="export-outputs" disabled={busy}>
        <legend>What to make</legend>
        {OUTPUTS.map((output) => (
          <label key={output.id} className="export-output">
            <input type="radio" name="export-output" value={output.id} checked={form.output === output.id} onChange={() => set({ output: output.id })} />
            <span>
              <strong>{output.label}</strong>
              <span className="export-hint">{output.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {form.output === 'transcript' ? (
        <label className="export-field">
          Transcript
          <select value={form.transcriptId ?? ''} disabled={busy} onChange={(e) => set({ transcriptId: e.target.value || null })}>
            <option value="">Choose a document…</option>
            {snapshot.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <fieldset className="export-section" disabled={busy}>
          <legend>Which extracts</legend>
          <div className="export-row">
            <button type="button" className="small" onClick={takeRetrievalChoices} title="The codes and filters of the Segments panel">
              Use the retrieval’s codes and filters
            </button>
            <span className="export-hint">Where nothing is chosen or ticked, everything is exported.</span>
          </div>
          <div className="export-lists">
            <label className="export-field">
              Codes, each with the codes beneath it
              <select multiple size={8} value={[...form.codeIds]} onChange={(e) => set({ codeIds: selectedIds(e.currentTarget) })}>
                {codeOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="export-field">
              Documents
              <select multiple size={8} value={[...form.documentIds]} onChange={(e) => set({ documentIds: selectedIds(e.currentTarget) })}>
                {snapshot.documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="export-grid">
            <CheckGroup legend="Sites" items={sitesInOrder(snapshot.sites).map((s) => ({ id: s.id, label: s.code }))} chosen={form.siteIds} onChange={(siteIds) => set({ siteIds })} />
            <CheckGroup legend="Phases" items={phasesInOrder(snapshot.phases).map((p) => ({ id: p.id, label: p.name }))} chosen={form.phaseIds} onChange={(phaseIds) => set({ phaseIds })} />
            <CheckGroup legend="Kinds" items={KINDS} chosen={form.kinds} onChange={(kinds) => set({ kinds })} />
            <CheckGroup legend="Speakers" items={ROLES} chosen={form.speakerRoles} onChange={(speakerRoles) => set({ speakerRoles })} />
            <CheckGroup legend="Coders" items={snapshot.coders.map((c) => ({ id: c.id, label: c.name }))} chosen={form.coderIds} onChange={(coderIds) => set({ coderIds })} />
            <CheckGroup legend="Cases" items={casesInOrder(snapshot.cases).map((c) => ({ id: c.id, label: c.name }))} chosen={form.caseIds} onChange={(caseIds) => set({ caseIds })} />
          </div>
        </fieldset>
      )}

      {form.output === 'transcript' && (
        <fieldset className="export-section" disabled={busy}>
          <CheckGroup legend="Coders" items={snapshot.coders.map((c) => ({ id: c.id, label: c.name }))} chosen={form.coderIds} onChange={(coderIds) => set({ coderIds })} />
        </fieldset>
      )}

      {form.output === 'word' && (
        <fieldset className="export-section" disabled={busy}>
          <legend>Layout</legend>
          <label className="export-field export-inline">
            Group by
            <select value={form.grouping} onChange={(e) => set({ grouping: e.target.value as ExtractGrouping })}>
              {EXTRACT_GROUPINGS.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={form.definitions} onChange={(e) => set({ definitions: e.target.checked })} /> Code definitions and code memos under each code heading
          </label>
          <label>
            <input type="checkbox" checked={form.ratings} onChange={(e) => set({ ratings: e.target.checked })} /> Each rated construct’s ratings per case under its heading, with the rating legend
          </label>
          <label>
            <input type="checkbox" checked={form.context} onChange={(e) => set({ context: e.target.checked })} /> The whole paragraph around each extract, the coded words marked
          </label>
          <label>
            <input type="checkbox" checked={form.memos} onChange={(e) => set({ memos: e.target.checked })} /> The memos written on each coding
          </label>
        </fieldset>
      )}
      <label className="export-hidden">
        <input type="checkbox" checked={form.includeHidden} disabled={busy} onChange={(e) => set({ includeHidden: e.target.checked })} /> Include codes hidden in the coding tree
      </label>

      {extractsOutput && (
        <details className="export-citations">
          <summary>How quotes are cited</summary>
          <CitationStyleSetting disabled={busy} />
        </details>
      )}

      {progress && (
        <div className="export-progress">
          <progress max={1} value={progress.fraction} aria-label="Export progress" />
          <span role="status">{progress.stage}</span>
        </div>
      )}
    </Modal>
  );
}
