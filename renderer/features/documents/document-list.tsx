/**
 * The project's documents, with how many codings each holds; a click opens one in the reader.
 */
import { useMemo } from 'react';
import { importTranscripts, selectDocument, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';

/** The document list. */
export function DocumentList() {
  const documents = useWorkspace((s) => s.snapshot?.documents);
  const codings = useWorkspace((s) => s.snapshot?.codings);
  const selectedId = useWorkspace((s) => s.selectedDocumentId);
  const codingsPerDocument = useMemo(() => {
    const counts = new Map<string, number>();
    for (const coding of codings ?? []) counts.set(coding.documentId, (counts.get(coding.documentId) ?? 0) + 1);
    return counts;
  }, [codings]);
  const sorted = useMemo(() => [...(documents ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [documents]);

  return (
    <section className="sidebar-section" aria-labelledby="documents-heading">
      <div className="section-head">
        <h2 id="documents-heading">Documents</h2>
        <button type="button" className="small" onClick={importTranscripts}>
          Import…
        </button>
      </div>
      {sorted.length === 0 ? (
        <p className="empty">Import transcripts (.txt) to start coding.</p>
      ) : (
        <ul className="document-list">
          {sorted.map((document) => (
            <li key={document.id}>
              <button
                type="button"
                className={`document-row${document.id === selectedId ? ' selected' : ''}`}
                aria-current={document.id === selectedId ? 'true' : undefined}
                onClick={() => selectDocument(document.id)}
              >
                <span className="document-name">{document.name}</span>
                <span className="document-meta">
                  {plural(document.paragraphs.length, 'paragraph')} · {plural(codingsPerDocument.get(document.id) ?? 0, 'coding')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
