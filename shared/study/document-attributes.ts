/**
 * Editing what is known about a document after import: its name, kind, site, phase, language, date, free attributes
 * and the transcript its field notes belong to; and its speakers: label, role and attributes, and merging two
 * speakers that were recognised as two but are one person.
 *
 * The text is never edited (codings point into it), so renaming a speaker changes the speaker record, not the label
 * as it stands in the text; paragraph numbers never change either.
 */
import { applyChange, composeChanges, type ProjectChange } from '../model/change.ts';
import type { Clock } from '../model/ids.ts';
import { SCHEMA_LIMITS } from '../model/schema.ts';
import type { DocumentKind, ProjectSnapshot, Speaker, SpeakerRole, TesseraDocument, Uuid } from '../model/types.ts';
import { normaliseName, StudyEditRefused } from './study-design.ts';

/** The editable fields of a document; each one given is changed, the others kept. */
export interface DocumentEdit {
  readonly name?: string;
  readonly kind?: DocumentKind;
  readonly siteId?: Uuid | null;
  readonly phaseId?: Uuid | null;
  readonly language?: string;
  /** ISO yyyy-mm-dd, or "" for unknown. */
  readonly date?: string;
  /** The whole set of free attributes (keys trimmed; an empty key or value drops the entry). */
  readonly extra?: Readonly<Record<string, string>>;
  readonly linkedDocumentId?: Uuid | null;
}

function findDocument(snapshot: ProjectSnapshot, documentId: Uuid): TesseraDocument {
  const document = snapshot.documents.find((candidate) => candidate.id === documentId);
  if (!document) throw new StudyEditRefused('That document is no longer in the project.');
  return document;
}

/** Whether a string is a real calendar date written yyyy-mm-dd. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Free attributes as stored: keys and values trimmed, entries with an empty key or value dropped, within limits. */
export function cleanAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(attributes)) {
    const key = normaliseName(rawKey);
    const value = rawValue.trim();
    if (!key || !value) continue;
    if (key.length > SCHEMA_LIMITS.attributeKey) throw new StudyEditRefused(`The attribute name "${key.slice(0, 40)}…" is too long.`);
    if (value.length > SCHEMA_LIMITS.attributeValue) throw new StudyEditRefused(`The value of "${key}" is too long.`);
    out[key] = value;
  }
  if (Object.keys(out).length > SCHEMA_LIMITS.attributeEntries) {
    throw new StudyEditRefused(`A document or speaker has at most ${SCHEMA_LIMITS.attributeEntries} attributes.`);
  }
  return out;
}

/** The edited document, checked against the project: site and phase exist, the date is real, the link is sound. */
export function editDocument(snapshot: ProjectSnapshot, documentId: Uuid, edit: DocumentEdit, now: Clock): ProjectChange {
  const document = findDocument(snapshot, documentId);
  const name = edit.name === undefined ? document.name : normaliseName(edit.name);
  if (!name) throw new StudyEditRefused('Give the document a name.');
  if (name.length > SCHEMA_LIMITS.name) throw new StudyEditRefused('That document name is too long.');
  const siteId = edit.siteId === undefined ? document.attributes.siteId : edit.siteId;
  if (siteId !== null && !snapshot.sites.some((site) => site.id === siteId)) throw new StudyEditRefused('That site is not in the project.');
  const phaseId = edit.phaseId === undefined ? document.attributes.phaseId : edit.phaseId;
  if (phaseId !== null && !snapshot.phases.some((phase) => phase.id === phaseId)) throw new StudyEditRefused('That phase is not in the project.');
  const language = edit.language === undefined ? document.attributes.language : normaliseName(edit.language);
  if (language.length > SCHEMA_LIMITS.name) throw new StudyEditRefused('That language name is too long.');
  const date = edit.date === undefined ? document.attributes.date : edit.date.trim();
  if (date !== '' && !isIsoDate(date)) throw new StudyEditRefused(`"${date}" is not a date: write it as yyyy-mm-dd, e.g. 2024-03-12.`);
  const extra = edit.extra === undefined ? document.attributes.extra : cleanAttributes(edit.extra);
  const kind = edit.kind ?? document.kind;
  let linkedDocumentId = edit.linkedDocumentId === undefined ? document.linkedDocumentId : edit.linkedDocumentId;
  // Only field notes belong to a transcript; turning them into a transcript drops the link.
  if (kind === 'transcript') linkedDocumentId = null;
  if (linkedDocumentId !== null) {
    const target = snapshot.documents.find((candidate) => candidate.id === linkedDocumentId);
    if (!target || target.id === documentId) throw new StudyEditRefused('Link field notes to another document of the project.');
    if (target.kind !== 'transcript') throw new StudyEditRefused(`"${target.name}" is not a transcript: field notes are linked to the transcript of their focus group.`);
  }
  const updated: TesseraDocument = {
    ...document,
    name,
    kind,
    attributes: { siteId, phaseId, language, date, extra },
    linkedDocumentId,
    modifiedAt: now(),
  };
  return { put: { documents: [updated] } };
}

/** The editable fields of a speaker; each one given is changed. */
export interface SpeakerEdit {
  readonly label?: string;
  readonly role?: SpeakerRole;
  readonly attributes?: Readonly<Record<string, string>>;
}

function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Changes a speaker of a document. The label is the speaker's name in Tessera; the text keeps the label as the
 * transcriber wrote it. A label another speaker of the document already has is refused: merge the two instead.
 */
export function editSpeaker(snapshot: ProjectSnapshot, documentId: Uuid, speakerId: Uuid, edit: SpeakerEdit, now: Clock): ProjectChange {
  const document = findDocument(snapshot, documentId);
  const speaker = document.speakers.find((candidate) => candidate.id === speakerId);
  if (!speaker) throw new StudyEditRefused('That speaker is no longer in the document.');
  const label = edit.label === undefined ? speaker.label : normaliseName(edit.label);
  if (!label) throw new StudyEditRefused('Give the speaker a label, e.g. "P3".');
  if (label.length > SCHEMA_LIMITS.name) throw new StudyEditRefused('That label is too long.');
  const clash = document.speakers.find((candidate) => candidate.id !== speakerId && labelKey(candidate.label) === labelKey(label));
  if (clash) throw new StudyEditRefused(`Another speaker of this document is called "${clash.label}": merge the two instead.`);
  const updated: Speaker = {
    ...speaker,
    label,
    role: edit.role ?? speaker.role,
    attributes: edit.attributes === undefined ? speaker.attributes : cleanAttributes(edit.attributes),
  };
  return {
    put: {
      documents: [{ ...document, speakers: document.speakers.map((candidate) => (candidate.id === speakerId ? updated : candidate)), modifiedAt: now() }],
    },
  };
}

/**
 * Merges speaker `fromId` into `intoId` (one person recognised under two labels, e.g. "P3" and "P 3"): every
 * paragraph of `fromId` becomes `intoId`'s, `fromId` goes, and attributes `intoId` lacks are taken from `fromId`.
 */
export function mergeSpeakers(snapshot: ProjectSnapshot, documentId: Uuid, fromId: Uuid, intoId: Uuid, now: Clock): ProjectChange {
  const document = findDocument(snapshot, documentId);
  if (fromId === intoId) return {};
  const from = document.speakers.find((speaker) => speaker.id === fromId);
  const into = document.speakers.find((speaker) => speaker.id === intoId);
  if (!from || !into) throw new StudyEditRefused('Those speakers are no longer in the document.');
  const merged: Speaker = {
    ...into,
    role: into.role === 'unknown' ? from.role : into.role,
    attributes: { ...from.attributes, ...into.attributes },
  };
  return {
    put: {
      documents: [
        {
          ...document,
          speakers: document.speakers.filter((speaker) => speaker.id !== fromId).map((speaker) => (speaker.id === intoId ? merged : speaker)),
          paragraphs: document.paragraphs.map((paragraph) => (paragraph.speakerId === fromId ? { ...paragraph, speakerId: intoId } : paragraph)),
          modifiedAt: now(),
        },
      ],
    },
  };
}

/** How many paragraphs each speaker of a document opens or continues. */
export function turnsPerSpeaker(document: Pick<TesseraDocument, 'paragraphs'>): Map<Uuid, number> {
  const counts = new Map<Uuid, number>();
  for (const paragraph of document.paragraphs) {
    if (paragraph.speakerId) counts.set(paragraph.speakerId, (counts.get(paragraph.speakerId) ?? 0) + 1);
  }
  return counts;
}

/** A change to a document's speakers, as the details panel collects them. */
export type SpeakerStep =
  | { readonly kind: 'edit'; readonly speakerId: Uuid; readonly edit: SpeakerEdit }
  | { readonly kind: 'merge'; readonly fromId: Uuid; readonly intoId: Uuid };

/**
 * Everything the document details panel saves, as one change (one undo step): the document's own fields, then the
 * merges of speakers, then the edits of the speakers that remain. Refused whole when any part is refused.
 */
export function editDocumentDetails(
  snapshot: ProjectSnapshot,
  documentId: Uuid,
  edit: DocumentEdit,
  steps: readonly SpeakerStep[],
  now: Clock,
): ProjectChange {
  let change = editDocument(snapshot, documentId, edit, now);
  let current = applyChange(snapshot, change);
  const ordered = [...steps.filter((step) => step.kind === 'merge'), ...steps.filter((step) => step.kind === 'edit')];
  const mergedAway = new Set<Uuid>();
  for (const step of ordered) {
    let next: ProjectChange;
    if (step.kind === 'merge') {
      if (mergedAway.has(step.fromId) || mergedAway.has(step.intoId)) continue;
      next = mergeSpeakers(current, documentId, step.fromId, step.intoId, now);
      mergedAway.add(step.fromId);
    } else {
      if (mergedAway.has(step.speakerId)) continue;
      next = editSpeaker(current, documentId, step.speakerId, step.edit, now);
    }
    change = composeChanges(change, next);
    current = applyChange(current, next);
  }
  return change;
}
