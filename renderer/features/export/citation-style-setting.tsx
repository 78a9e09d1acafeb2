/**
 * The project's citation style, set where it matters most (before an export) and shown with its result: how paragraph
 * 12 of each document will be cited, in exports and in the app. Changing it is one change of the project (saved,
 * undoable); retrieval, the matrices and every export cite with it at once. With the "short label" style, each
 * document of a site with several gets a field for its label (the document's `citation` attribute).
 */
import { useMemo, useState } from 'react';
import type { CitationDistinction, TesseraDocument } from '#shared/model/types';
import { systemClock } from '#shared/model/ids';
import {
  CITATION_DISTINCTIONS,
  CITATION_LABEL_ATTRIBUTE,
  changeCitationStyle,
  citationLabels,
  citationStyleOf,
  exportCitation,
} from '#shared/coding/citation-labels';
import { citationLabel } from '#shared/coding/paragraph-label';
import { editDocument } from '#shared/study/document-attributes';
import { useWorkspace } from '../../state/workspace-store.ts';
import { changeStudy } from '../study/study-store.ts';


/** Sets the project's citation style (one undo step). */
function setStyle(distinguishBy: CitationDistinction, phaseAfterParagraph: boolean): Promise<boolean> {
  return changeStudy('Citation style', (snapshot) => changeCitationStyle(snapshot, { distinguishBy, phaseAfterParagraph }, systemClock));
}

/** Sets a document's short citation label ("" removes it). */
function setDocumentLabel(document: TesseraDocument, label: string): Promise<boolean> {
  const extra: Record<string, string> = { ...document.attributes.extra, [CITATION_LABEL_ATTRIBUTE]: label };
  return changeStudy(`Citation label of ${document.name}`, (snapshot) => editDocument(snapshot, document.id, { extra }, systemClock));
}

/** One document's short label, saved when the field is left or Enter is pressed. */
function LabelField({ document }: { document: TesseraDocument }) {
  const stored = document.attributes.extra[CITATION_LABEL_ATTRIBUTE] ?? '';
  const [draft, setDraft] = useState(stored);
  const save = () => {
    if (draft.trim() !== stored) void setDocumentLabel(document, draft.trim());
  };
  return (
    <input
      type="text"
      className="citation-label-input"
      value={draft}
      maxLength={16}
      aria-label={`Short citation label of ${document.name}`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
      }}
    />
  );
}

/** The citation style setting and the labels it gives. */
export function CitationStyleSetting({ disabled }: { disabled: boolean }) {
  const snapshot = useWorkspace((s) => s.snapshot);
  const style = snapshot ? citationStyleOf(snapshot.project) : null;
  const rows = useMemo(() => {
    if (!snapshot) return [];
    const labels = citationLabels(snapshot, snapshot.documents);
    const perSite = new Map<string, number>();
    for (const d of snapshot.documents) perSite.set(d.attributes.siteId ?? '', (perSite.get(d.attributes.siteId ?? '') ?? 0) + 1);
    return snapshot.documents
      .flatMap((document) => {
        const label = labels.get(document.id);
        if (!label) return [];
        const several = (perSite.get(document.attributes.siteId ?? '') ?? 0) > 1;
        return [{ document, several, exported: `(${exportCitation(label, 12, 13)})`, inApp: citationLabel(label.label || null, 12) }];
      })
      .sort((a, b) => a.exported.localeCompare(b.exported, undefined, { numeric: true }));
  }, [snapshot]);
  if (!snapshot || !style) return null;

  return (
    <fieldset className="export-section citation-style" disabled={disabled}>
      <legend>How quotes are cited (a project setting)</legend>
      <div className="export-row">
        <label className="export-field export-inline">
          Where a site has several documents, tell them apart by
          <select value={style.distinguishBy} onChange={(e) => void setStyle(e.target.value as CitationDistinction, style.phaseAfterParagraph)}>
            {CITATION_DISTINCTIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label} ({d.example})
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={style.phaseAfterParagraph} onChange={(e) => void setStyle(style.distinguishBy, e.target.checked)} /> Phase after the
          paragraph, as in “(BU 45, pre)”
        </label>
      </div>
      <p className="export-hint">
        Saved with the project; retrieval, the matrices and every export cite this way. Paragraphs 12 to 13 of each document are cited:
      </p>
      <div className="citation-table-wrap">
        <table className="citation-table">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">In exports</th>
              <th scope="col">In the app</th>
              {style.distinguishBy === 'label' && <th scope="col">Short label</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.document.id}>
                <td>{row.document.name}</td>
                <td className="citation-cell">{row.exported}</td>
                <td className="citation-cell">{row.inApp}</td>
                {style.distinguishBy === 'label' && <td>{row.several ? <LabelField key={row.document.attributes.extra[CITATION_LABEL_ATTRIBUTE] ?? ''} document={row.document} /> : <span className="export-hint">only document of its site</span>}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
