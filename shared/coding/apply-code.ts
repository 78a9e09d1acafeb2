/**
 * Applying a code to a passage and taking it off again, as pure functions that return the `ProjectChange` to store.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, Coding, ProjectSnapshot, Uuid } from '../model/types.ts';

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

/**
 * The change that codes a passage. Refuses an empty or out-of-range passage, a category (non-codable code), and a
 * coding identical to one the same coder already made (same code, same passage), which would only double counts.
 */
export function applyCode(
  snapshot: ProjectSnapshot,
  request: ApplyCodeRequest,
  newId: IdGenerator,
  now: Clock,
): { readonly change: ProjectChange; readonly coding: Coding } {
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
  const duplicate = snapshot.codings.some(
    (c) =>
      c.documentId === request.documentId &&
      c.codeId === request.codeId &&
      c.start === start &&
      c.end === end &&
      c.coderId === request.coderId,
  );
  if (duplicate) throw new CodingRefused(`This passage is already coded with "${code.name}".`);
  const at = now();
  const coding: Coding = {
    id: newId(),
    projectId: snapshot.project.id,
    documentId: request.documentId,
    codeId: request.codeId,
    start,
    end,
    coderId: request.coderId,
    createdAt: at,
    modifiedAt: at,
  };
  return { change: { put: { codings: [coding] } }, coding };
}

/** The change that removes codings, together with the memos written on them (a memo on a coding has no other home). */
export function removeCodings(snapshot: ProjectSnapshot, codingIds: readonly Uuid[]): ProjectChange {
  const ids = new Set(codingIds);
  const memos = snapshot.memos.filter((m) => m.target.kind === 'coding' && ids.has(m.target.id)).map((m) => m.id);
  return { delete: { codings: [...ids], ...(memos.length ? { memos } : {}) } };
}

/** The codes of a snapshot by id. */
export function codesById(snapshot: ProjectSnapshot): ReadonlyMap<Uuid, Code> {
  return new Map(snapshot.codes.map((code) => [code.id, code]));
}
