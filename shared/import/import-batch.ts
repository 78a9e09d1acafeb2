/**
 * A batch of imported files becoming documents of a project in one change (so one undo step and one transaction),
 * with the sites the batch introduces declared in the same change, and field notes linked to their transcripts.
 *
 * The app's import preview and `tessera import` both build their change here. The footnotes, endnotes and comments of
 * a file become memos on its document in the same change, each citing the paragraph that referred to it; the roles
 * the user set in the preview replace the guessed ones.
 */
import { applyChange, composeChanges, type ProjectChange } from '../model/change.ts';
import { createMemo, type NewMemoInput } from '../memos/memos.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { DocumentKind, Memo, ProjectSnapshot, Site, SpeakerRole, TesseraDocument, Uuid } from '../model/types.ts';
import { normaliseName, normaliseSiteCode, StudyEditRefused } from '../study/study-design.ts';
import { isIsoDate } from '../study/document-attributes.ts';
import { documentFromImport } from './document-from-import.ts';
import type { ImportedNote, ImportedText } from './imported-text.ts';
import { stampsAt } from '../model/stamps.ts';
import { speakerKey } from './speaker-label.ts';

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
  /** Roles the user chose in the preview, by speaker key (`speakerKey(label)`); other speakers keep the guess. */
  readonly speakerRoles?: Readonly<Record<string, SpeakerRole>>;
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
  /** The memos made of the files' footnotes, endnotes and comments. */
  readonly memos: readonly Memo[];
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
    const roles = item.speakerRoles ?? {};
    const imported = {
      ...item.imported,
      speakers: item.imported.speakers.map((speaker) => ({ ...speaker, role: roles[speakerKey(speaker.label)] ?? speaker.role })),
    };
    return documentFromImport(imported, {
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

  const documentsChange: ProjectChange = { put: { ...(added.length ? { sites: added } : {}), documents: linked } };
  const withDocuments = applyChange(snapshot, documentsChange);
  const memos = linked.flatMap((document, index) =>
    (items[index] as BatchItem).imported.notes.map((note) => createMemo(withDocuments, noteMemo(note, document.id), null, newId, now).memo),
  );
  const change = memos.length > 0 ? composeChanges(documentsChange, { put: { memos } }) : documentsChange;
  return { change, documents: linked, sites: added, memos };
}

const NOTE_KINDS: Readonly<Record<ImportedNote['kind'], string>> = { footnote: 'Footnote', endnote: 'Endnote', comment: 'Comment' };

/** A note of the delivered file as a memo on its document: the title says what it was and which paragraph it cites. */
function noteMemo(note: ImportedNote, documentId: Uuid): NewMemoInput {
  const what = note.kind === 'comment' && note.author ? `Comment by ${note.author}` : `${NOTE_KINDS[note.kind]} ${note.number}`;
  const where = note.n === null ? 'no paragraph' : `paragraph ${note.n}`;
  const title = `${what} (${where})`;
  return { target: { kind: 'document', id: documentId }, title: title.length > 200 ? `${title.slice(0, 199)}…` : title, text: note.text };
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

/**
 * The document whose text is exactly a file's imported text (the same transcript imported before, whatever its file
 * name), among the project's documents and the files ahead of it in the batch; null when there is none. The preview
 * leaves such a file unticked, so a second import of a study does not double it.
 */
export function sameTextAs<T extends { readonly text: string }>(imported: Pick<ImportedText, 'text'>, candidates: readonly T[]): T | null {
  return candidates.find((candidate) => candidate.text === imported.text) ?? null;
}
