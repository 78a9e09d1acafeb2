/**
 * The project's documents, grouped by site and sorted by phase (in time order) then name, each with its phase and
 * kind as badges and how many paragraphs, speakers and codings it holds; a click opens one in the reader, "Details"
 * opens its attributes and speakers. The import, study and details dialogs are mounted here, beside the list they
 * change.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import type { DocumentMeta, Phase, Site, TesseraDocument } from '#shared/model/types';
import type { ProjectIndex } from '#shared/index/project-index';
import { selectDocument, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { ImportDialog } from '../import/import-dialog.tsx';
import { pickFilesToImport } from '../import/import-store.ts';
import { StudyDialog } from '../study/study-dialog.tsx';
import { DocumentDetailsDialog } from './document-details.tsx';
import { openDocumentDetails } from './documents-store.ts';
import './documents.css';

/** Documents of one site, in phase order. */
interface SiteGroup {
  readonly key: string;
  readonly site: Site | null;
  readonly documents: readonly TesseraDocument[];
}

/** Groups documents by site (in the project's site order, documents without a site last), then sorts by phase and name. */
export function groupDocuments(documents: readonly TesseraDocument[], sites: readonly Site[], phases: readonly Phase[]): SiteGroup[] {
  const phaseOrder = new Map(phases.map((phase) => [phase.id, phase.order]));
  const byPhaseThenName = (a: TesseraDocument, b: TesseraDocument): number =>
    (phaseOrder.get(a.attributes.phaseId ?? '') ?? Number.MAX_SAFE_INTEGER) - (phaseOrder.get(b.attributes.phaseId ?? '') ?? Number.MAX_SAFE_INTEGER) ||
    (a.kind === b.kind ? 0 : a.kind === 'transcript' ? -1 : 1) ||
    a.name.localeCompare(b.name, undefined, { numeric: true });
  const groups: SiteGroup[] = sites.map((site) => ({
    key: site.id,
    site,
    documents: documents.filter((document) => document.attributes.siteId === site.id).sort(byPhaseThenName),
  }));
  const known = new Set(sites.map((site) => site.id));
  groups.push({
    key: 'none',
    site: null,
    documents: documents.filter((document) => !known.has(document.attributes.siteId ?? '')).sort(byPhaseThenName),
  });
  return groups.filter((group) => group.documents.length > 0);
}

/** The document list. Its counts follow a coding a moment later, in a render of their own (see CodeTree). */
export function DocumentList() {
  return <DocumentListView index={useDeferredValue(useWorkspace((s) => s.index))} />;
}

const DocumentListView = memo(function DocumentListView({ index }: { readonly index: ProjectIndex | null }) {
  const documents = useWorkspace((s) => s.snapshot?.documents);
  const sites = useWorkspace((s) => s.snapshot?.sites);
  const phases = useWorkspace((s) => s.snapshot?.phases);
  const selectedId = useWorkspace((s) => s.selectedDocumentId);
  const codingsPerDocument = useMemo(
    () => new Map([...(index?.codingsByDocument ?? [])].map(([documentId, codings]) => [documentId, codings.length])),
    [index],
  );
  const groups = useMemo(() => groupDocuments(documents ?? [], sites ?? [], phases ?? []), [documents, sites, phases]);
  const phaseNames = useMemo(() => new Map((phases ?? []).map((phase) => [phase.id, phase.name])), [phases]);
  const showGroups = groups.length > 1 || groups[0]?.site !== null;

  return (
    <section className="sidebar-section" aria-labelledby="documents-heading">
      <div className="section-head">
        <h2 id="documents-heading">Documents</h2>
        <button type="button" className="small" onClick={pickFilesToImport}>
          Import…
        </button>
      </div>
      {groups.length === 0 ? (
        <p className="empty">Import transcripts (.docx or .txt) to start coding.</p>
      ) : (
        groups.map((group) => (
          <div className="document-group" key={group.key} role="group" aria-label={group.site ? `Site ${group.site.code}` : 'No site'}>
            {showGroups && (
              <h3 className="document-group-head" title={group.site?.name}>
                {group.site ? (
                  <>
                    <span className="site-code">{group.site.code}</span> <span className="site-name">{group.site.name}</span>
                  </>
                ) : (
                  'No site'
                )}
              </h3>
            )}
            <ul className="document-list">
              {group.documents.map((document) => (
                <DocumentRow
                  key={document.id}
                  document={document}
                  phaseName={document.attributes.phaseId ? phaseNames.get(document.attributes.phaseId) : undefined}
                  codingCount={codingsPerDocument.get(document.id) ?? 0}
                  isSelected={document.id === selectedId}
                />
              ))}
            </ul>
          </div>
        ))
      )}
      <ImportDialog />
      <StudyDialog />
      <DocumentDetailsDialog />
    </section>
  );
});

interface DocumentRowProps {
  readonly document: DocumentMeta;
  readonly phaseName: string | undefined;
  readonly codingCount: number;
  readonly isSelected: boolean;
}

/** One document of the list; re-renders only when its own line changes (a coding elsewhere leaves it alone). */
const DocumentRow = memo(function DocumentRow({ document, phaseName, codingCount, isSelected }: DocumentRowProps) {
  return (
    <li className="document-item">
      <button
        type="button"
        className={`document-row${isSelected ? ' selected' : ''}`}
        aria-current={isSelected ? 'true' : undefined}
        onClick={() => selectDocument(document.id)}
      >
        <span className="document-title">
          <span className="document-name">{document.name}</span>
          {phaseName && <span className="phase-badge">{phaseName}</span>}
          {document.kind === 'field-notes' && <span className="kind-badge">notes</span>}
        </span>
        <span className="document-meta">
          {plural(document.paragraphs.length, 'paragraph')} · {plural(document.speakers.length, 'speaker')} ·{' '}
          {plural(codingCount, 'coding')}
        </span>
      </button>
      <button
        type="button"
        className="small quiet document-details-button"
        aria-label={`Details of ${document.name}`}
        title="Site, phase, language, speakers…"
        onClick={() => openDocumentDetails(document.id)}
      >
        ⋯
      </button>
    </li>
  );
});

