/**
 * Fixing a document's speakers by hand after import, when the layout was not recognised or a turn was attributed
 * wrongly: add a speaker, give a paragraph or a range of paragraphs to a speaker, or take their speaker away. Each is
 * one change (one undo step). The text and the paragraph numbers never change (codings and citations point into
 * them); only which speaker a paragraph is attributed to does.
 */
import { applyChange, isEmptyChange, type ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import { SCHEMA_LIMITS } from '../model/schema.ts';
import type { ProjectSnapshot, Speaker, SpeakerRole, TesseraDocument, Uuid } from '../model/types.ts';
import { normaliseName, StudyEditRefused } from './study-design.ts';

/** The roles a user can give a speaker, in the order menus list them, with their names in the app. */
export const SPEAKER_ROLES: readonly { readonly value: SpeakerRole; readonly label: string }[] = [
  { value: 'moderator', label: 'Moderator' },
  { value: 'assistant', label: 'Assistant' },
  { value: 'participant', label: 'Participant' },
  { value: 'group', label: 'Group (several at once)' },
  { value: 'unknown', label: 'Unknown' },
];

function findDocument(snapshot: ProjectSnapshot, documentId: Uuid): TesseraDocument {
  const document = snapshot.documents.find((candidate) => candidate.id === documentId);
  if (!document) throw new StudyEditRefused('That document is no longer in the project.');
  return document;
}

const labelKey = (label: string): string => label.toLowerCase().replace(/\s+/g, ' ').trim();

/** Adds a speaker to a document (one the import did not recognise); refused when the label is taken. */
export function addSpeaker(
  snapshot: ProjectSnapshot,
  documentId: Uuid,
  input: { readonly label: string; readonly role: SpeakerRole },
  newId: IdGenerator,
  now: Clock,
): { readonly change: ProjectChange; readonly speaker: Speaker } {
  const document = findDocument(snapshot, documentId);
  const label = normaliseName(input.label);
  if (!label) throw new StudyEditRefused('Give the speaker a label, e.g. "P3".');
  if (label.length > SCHEMA_LIMITS.name) throw new StudyEditRefused('That label is too long.');
  const clash = speakerByLabel(document, label);
  if (clash) throw new StudyEditRefused(`This document already has a speaker "${clash.label}".`);
  const speaker: Speaker = { id: newId(), label, role: input.role, attributes: {} };
  return { change: { put: { documents: [{ ...document, speakers: [...document.speakers, speaker], modifiedAt: now() }] } }, speaker };
}

/**
 * Gives paragraphs `from` to `to` (numbers as cited, inclusive, in either order) to a speaker, or takes their speaker
 * away (null). Refused for numbers the document does not have or a speaker it does not have; empty when nothing
 * changes.
 */
export function assignParagraphs(
  snapshot: ProjectSnapshot,
  documentId: Uuid,
  range: { readonly from: number; readonly to: number },
  speakerId: Uuid | null,
  now: Clock,
): ProjectChange {
  const document = findDocument(snapshot, documentId);
  const first = Math.min(range.from, range.to);
  const last = Math.max(range.from, range.to);
  const count = document.paragraphs.length;
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last > count) {
    throw new StudyEditRefused(`Give paragraph numbers from 1 to ${count}.`);
  }
  if (speakerId !== null && !document.speakers.some((speaker) => speaker.id === speakerId)) {
    throw new StudyEditRefused('That speaker is no longer in the document.');
  }
  let changed = false;
  const paragraphs = document.paragraphs.map((paragraph) => {
    if (paragraph.n < first || paragraph.n > last || paragraph.speakerId === speakerId) return paragraph;
    changed = true;
    return { ...paragraph, speakerId };
  });
  if (!changed) return {};
  return { put: { documents: [{ ...document, paragraphs, modifiedAt: now() }] } };
}

/** Paragraph numbers as cited, from and to inclusive. */
export interface ParagraphRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Reads paragraph numbers as a user writes them: "12", "12-15", "12–15", "12 to 15" (either order). Null when the
 * text is not one number or one range.
 */
export function parseParagraphRange(text: string): ParagraphRange | null {
  const match = /^\s*(\d{1,9})\s*(?:(?:-|\u2013|\u2014|to|\.\.)\s*(\d{1,9})\s*)?$/i.exec(text);
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Who paragraphs are given to: a speaker the document has, a new one, or nobody. */
export type SpeakerChoice =
  | { readonly kind: 'existing'; readonly speakerId: Uuid }
  | { readonly kind: 'new'; readonly label: string; readonly role: SpeakerRole }
  | { readonly kind: 'none' };

/**
 * Gives paragraphs to a speaker chosen by `choice`, adding the speaker first when it is new: one change, so adding a
 * speaker for a range and giving it the range is one undo step. The speaker's id is returned (null for nobody).
 */
export function assignParagraphsTo(
  snapshot: ProjectSnapshot,
  documentId: Uuid,
  range: ParagraphRange,
  choice: SpeakerChoice,
  newId: IdGenerator,
  now: Clock,
): { readonly change: ProjectChange; readonly speakerId: Uuid | null } {
  if (choice.kind === 'existing') return { change: assignParagraphs(snapshot, documentId, range, choice.speakerId, now), speakerId: choice.speakerId };
  if (choice.kind === 'none') return { change: assignParagraphs(snapshot, documentId, range, null, now), speakerId: null };
  const added = addSpeaker(snapshot, documentId, { label: choice.label, role: choice.role }, newId, now);
  // The assignment is computed on the document with its new speaker, and puts that document whole: it holds both.
  const assigned = assignParagraphs(applyChange(snapshot, added.change), documentId, range, added.speaker.id, now);
  return { change: isEmptyChange(assigned) ? added.change : assigned, speakerId: added.speaker.id };
}

/** The speaker of a document with this label (compared as labels are: case and spacing aside), or undefined. */
export function speakerByLabel(document: TesseraDocument, label: string): Speaker | undefined {
  const key = labelKey(label);
  return document.speakers.find((speaker) => labelKey(speaker.label) === key);
}
