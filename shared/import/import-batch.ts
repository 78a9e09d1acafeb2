/**
 * A batch of imported files becoming documents of a project in one change (so one undo step and one transaction),
 * with the sites the batch introduces declared in the same change, and field notes linked to their transcripts.
 *
 * The app's import preview and `tessera import` both build their change here.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { DocumentKind, ProjectSnapshot, Site, TesseraDocument, Uuid } from '../model/types.ts';
import { normaliseName, normaliseSiteCode, StudyEditRefused } from '../study/study-design.ts';
import { isIsoDate } from '../study/document-attributes.ts';
import { documentFromImport } from './document-from-import.ts';
import type { ImportedText } from './imported-text.ts';
import { stampsAt } from '../model/stamps.ts';

/** One file of a batch, with the attributes the user confirmed. */
export interface BatchItem {
  readonly fileName: string;
  readonly imported: ImportedText;
  /** The document name (default: the file name without extension). */
  readonly name: string;
  readonly kind: DocumentKind;
  /** A site code: one the project has, or one of `newSites`. Null: no site. */
  readonly siteCode: string | null;
  readonly phaseId: Uuid | null;
  readonly language: string;
  /** yyyy-mm-dd or "". */
  readonly date: string;
  /**
   * For field notes: the transcript they belong to, as a document of the project or another item of the batch (by its
   * index); "auto" links to the one transcript of the same site and phase, when there is exactly one.
   */
  readonly link?: { readonly documentId: Uuid } | { readonly itemIndex: number } | 'auto' | null;
}

/** A site the batch declares, e.g. one named in a file name that the project did not have. */
export interface NewSite {
  readonly code: string;
  readonly name: string;
}

/** The change that stores a batch, and the documents it creates in item order. */
export interface BatchChange {
  readonly change: ProjectChange;
  readonly documents: readonly TesseraDocument[];
  readonly sites: readonly Site[];
}

/** Builds the one change that adds the sites and documents of a batch; throws StudyEditRefused on a broken item. */
export function buildImportChange(
  snapshot: ProjectSnapshot,
  items: readonly BatchItem[],
  newSites: readonly NewSite[],
  newId: IdGenerator,
  now: Clock,
): BatchChange {
  const sites: Site[] = [...snapshot.sites];
  let order = Math.max(0, ...sites.map((site) => site.order));
  const added: Site[] = [];
  for (const input of newSites) {
    const code = normaliseSiteCode(input.code);
    if (!code) throw new StudyEditRefused('A new site needs a code.');
    if (sites.some((site) => site.code.toUpperCase() === code)) continue;
    const site: Site = { id: newId(), projectId: snapshot.project.id, code, name: normaliseName(input.name) || code, order: ++order, ...stampsAt(now()) };
    sites.push(site);
    added.push(site);
  }
  const siteByCode = new Map(sites.map((site) => [site.code.toUpperCase(), site]));
  const phaseIds = new Set(snapshot.phases.map((phase) => phase.id));

  const documents: TesseraDocument[] = items.map((item) => {
    const siteId = item.siteCode === null ? null : (siteByCode.get(normaliseSiteCode(item.siteCode))?.id ?? null);
    if (item.siteCode !== null && siteId === null) {
      throw new StudyEditRefused(`${item.fileName}: site "${item.siteCode}" is not in the project; declare it first.`);
    }
    if (item.phaseId !== null && !phaseIds.has(item.phaseId)) throw new StudyEditRefused(`${item.fileName}: that phase is not in the project.`);
    const date = item.date.trim();
    if (date !== '' && !isIsoDate(date)) throw new StudyEditRefused(`${item.fileName}: "${date}" is not a date (yyyy-mm-dd).`);
    const name = normaliseName(item.name) || item.fileName;
    return documentFromImport(item.imported, {
      projectId: snapshot.project.id,
      name,
      kind: item.kind,
      attributes: { siteId, phaseId: item.phaseId, language: normaliseName(item.language), date, extra: {} },
      sourceFileName: item.fileName,
      newId,
      now,
    });
  });

  // Links, once every document of the batch has its id.
  const linked = documents.map((document, index) => {
    const item = items[index] as BatchItem;
    if (document.kind !== 'field-notes' || !item.link) return document;
    const target = resolveLink(item.link, document, documents, snapshot.documents);
    return target ? { ...document, linkedDocumentId: target } : document;
  });

  return { change: { put: { ...(added.length ? { sites: added } : {}), documents: linked } }, documents: linked, sites: added };
}

function resolveLink(
  link: NonNullable<BatchItem['link']>,
  notes: TesseraDocument,
  batch: readonly TesseraDocument[],
  existing: readonly TesseraDocument[],
): Uuid | null {
  if (link === 'auto') {
    const candidates = [...existing, ...batch].filter(
      (document) =>
        document.kind === 'transcript' &&
        document.attributes.siteId !== null &&
        document.attributes.siteId === notes.attributes.siteId &&
        document.attributes.phaseId === notes.attributes.phaseId,
    );
    return candidates.length === 1 ? (candidates[0] as TesseraDocument).id : null;
  }
  if ('itemIndex' in link) {
    const target = batch[link.itemIndex];
    return target && target.id !== notes.id && target.kind === 'transcript' ? target.id : null;
  }
  const target = existing.find((document) => document.id === link.documentId);
  return target && target.kind === 'transcript' ? target.id : null;
}
