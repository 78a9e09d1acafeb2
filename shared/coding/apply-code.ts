/**
 * Applying a code to a passage and taking it off again, as pure functions that return the `ProjectChange` to store.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, Coding, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';
import { memosOn } from '../memos/memos.ts';
import { stampsAt } from '../model/stamps.ts';

/** Why a coding cannot be made, in words for the user. */
export class CodingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodingRefused';
  }
}

/** What the user asked for: this code on [start, end) of this document, by this coder. */
export interface ApplyCodeRequest {
  readonly documentId: Uuid;
  readonly codeId: Uuid;
  readonly start: number;
  readonly end: number;
  readonly coderId: Uuid | null;
}

/** The document and code of a request, refusing what cannot be coded (see applyCode). */
function checkPassage(snapshot: ProjectSnapshot, request: Omit<ApplyCodeRequest, 'coderId'>): { document: TesseraDocument; code: Code } {
  const document = snapshot.documents.find((d) => d.id === request.documentId);
  if (!document) throw new CodingRefused('That document is no longer in the project.');
  const code = snapshot.codes.find((c) => c.id === request.codeId);
  if (!code) throw new CodingRefused('That code is no longer in the project.');
  if (!code.isCodable) {
    throw new CodingRefused(`"${code.name}" is a category: pick one of the codes inside it, or make it codable.`);
  }
  const { start, end } = request;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > document.length || start >= end) {
    throw new CodingRefused('Select some text in the transcript first.');
  }
  return { document, code };
}

/** A coding of the same code, passage and coder as the request, among `codings`; `exceptId` is left out. */
function findDuplicate(codings: readonly Coding[], request: ApplyCodeRequest, exceptId?: Uuid): Coding | undefined {
  return codings.find(
    (c) =>
      c.documentId === request.documentId &&
      c.codeId === request.codeId &&
      c.start === request.start &&
      c.end === request.end &&
      c.createdBy === request.coderId &&
      c.id !== exceptId,
  );
}

/**
 * The change that codes a passage. Refuses an empty or out-of-range passage, a category (non-codable code), and a
 * coding identical to one the same coder already made (same code, same passage), which would only double counts.
 */
export function applyCode(
  snapshot: ProjectSnapshot,
  request: ApplyCodeRequest,
  newId: IdGenerator,
  now: Clock,
  documentCodings?: readonly Coding[],
): { readonly change: ProjectChange; readonly coding: Coding } {
  const { code } = checkPassage(snapshot, request);
  // The caller may pass the document's codings from the project index, which spares a scan of every coding.
  if (findDuplicate(documentCodings ?? snapshot.codings, request)) {
    throw new CodingRefused(`This passage is already coded with "${code.name}".`);
  }
  const { start, end } = request;
  const at = now();
  const coding: Coding = {
    id: newId(),
    projectId: snapshot.project.id,
    documentId: request.documentId,
    codeId: request.codeId,
    start,
    end,
    ...stampsAt(at, request.coderId),
  };
  return { change: { put: { codings: [coding] } }, coding };
}

/** The change that removes codings, together with the memos written on them (a memo on a coding has no other home). */
export function removeCodings(snapshot: ProjectSnapshot, codingIds: readonly Uuid[]): ProjectChange {
  const ids = new Set(codingIds);
  const memos = memosOn(snapshot, 'coding', ids).map((m) => m.id);
  return { delete: { codings: [...ids], ...(memos.length ? { memos } : {}) } };
}

/** What a batch coding did: the change, the codings it makes, and how many passages were already coded so. */
export interface CodePassagesResult {
  readonly change: ProjectChange;
  readonly codings: readonly Coding[];
  readonly alreadyCoded: number;
}

/**
 * The change that codes many passages of one code at once ("code all hits"), as one step of undo. Passages the
 * coder already coded with the code, or that repeat one earlier in the batch, are skipped and counted; anything
 * else the single applyCode refuses refuses the whole batch, so nothing half-done is stored.
 * `codingsOfDocument` gives a document's codings (from the project index); without it every coding is scanned.
 */
export function codePassages(
  snapshot: ProjectSnapshot,
  codeId: Uuid,
  coderId: Uuid | null,
  passages: readonly { readonly documentId: Uuid; readonly start: number; readonly end: number }[],
  newId: IdGenerator,
  now: Clock,
  codingsOfDocument?: (documentId: Uuid) => readonly Coding[],
): CodePassagesResult {
  const made: Coding[] = [];
  const seen = new Set<string>();
  let alreadyCoded = 0;
  const at = now();
  for (const passage of passages) {
    const request: ApplyCodeRequest = { ...passage, codeId, coderId };
    checkPassage(snapshot, request);
    const key = `${passage.documentId} ${passage.start} ${passage.end}`;
    if (seen.has(key) || findDuplicate(codingsOfDocument?.(passage.documentId) ?? snapshot.codings, request)) {
      alreadyCoded++;
      continue;
    }
    seen.add(key);
    made.push({
      id: newId(),
      projectId: snapshot.project.id,
      documentId: passage.documentId,
      codeId,
      start: passage.start,
      end: passage.end,
      ...stampsAt(at, coderId),
    });
  }
  return { change: made.length ? { put: { codings: made } } : {}, codings: made, alreadyCoded };
}

/**
 * The change that gives a coding new edges or a new code (resizing and re-coding), keeping its id, coder and
 * creation time. Refuses what applyCode refuses, including a result identical to another coding of the same coder.
 * `documentCodings` are the document's codings (from the project index); without them every coding is scanned.
 */
export function editCoding(
  snapshot: ProjectSnapshot,
  coding: Coding,
  edit: { readonly start?: number; readonly end?: number; readonly codeId?: Uuid },
  now: Clock,
  documentCodings?: readonly Coding[],
): { readonly change: ProjectChange; readonly coding: Coding } {
  const request: ApplyCodeRequest = {
    documentId: coding.documentId,
    codeId: edit.codeId ?? coding.codeId,
    start: edit.start ?? coding.start,
    end: edit.end ?? coding.end,
    coderId: coding.createdBy,
  };
  if (request.end <= request.start) throw new CodingRefused('A coding must keep at least one character.');
  const { code } = checkPassage(snapshot, request);
  if (findDuplicate(documentCodings ?? snapshot.codings, request, coding.id)) {
    throw new CodingRefused(`That passage is already coded with "${code.name}".`);
  }
  const edited: Coding = { ...coding, codeId: request.codeId, start: request.start, end: request.end, modifiedAt: now() };
  return { change: { put: { codings: [edited] } }, coding: edited };
}
