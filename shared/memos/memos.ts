/**
 * Memos: the analysts' own notes on the project, a document, a code or a single coding (a comment on a quote), as
 * pure functions that return the `ProjectChange` to store.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Coding, Memo, MemoTarget, Project, ProjectSnapshot, Uuid } from '../model/types.ts';
import { SCHEMA_LIMITS } from '../model/schema.ts';
import { codedSegment } from '../coding/retrieval.ts';
import { codeLabel } from '../codebooks/code-info.ts';
import { stampsAt } from '../model/stamps.ts';

/** Why a memo cannot be written, in words for the user. */
export class MemoRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemoRefused';
  }
}

/** The kinds of thing a memo can be attached to. */
export type MemoTargetKind = MemoTarget['kind'];

/** Whether two targets are the same thing. */
export function sameTarget(a: MemoTarget, b: MemoTarget): boolean {
  if (a.kind === 'project' || b.kind === 'project') return a.kind === b.kind;
  return a.kind === b.kind && a.id === b.id;
}

/** The memos written on a target, oldest first. */
export function memosFor(snapshot: Pick<ProjectSnapshot, 'memos'>, target: MemoTarget): readonly Memo[] {
  return snapshot.memos
    .filter((memo) => sameTarget(memo.target, target))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Whether what a memo is attached to is still in the project. */
export function targetExists(snapshot: ProjectSnapshot, target: MemoTarget): boolean {
  switch (target.kind) {
    case 'project':
      return true;
    case 'document':
      return snapshot.documents.some((d) => d.id === target.id);
    case 'code':
      return snapshot.codes.some((c) => c.id === target.id);
    case 'coding':
      return snapshot.codings.some((c) => c.id === target.id);
  }
}

function checkFields(title: string, text: string): void {
  if (title.length > SCHEMA_LIMITS.name) throw new MemoRefused(`A memo title can be at most ${SCHEMA_LIMITS.name} characters long.`);
  if (text.length > SCHEMA_LIMITS.memoText) throw new MemoRefused('This memo is too long to store; split it into two.');
}

/** What the user writes in a new memo. */
export interface NewMemoInput {
  readonly target: MemoTarget;
  readonly title: string;
  readonly text: string;
}

/** The change that adds a memo, written by `authorId` (the current coder). */
export function createMemo(
  snapshot: ProjectSnapshot,
  input: NewMemoInput,
  authorId: Uuid | null,
  newId: IdGenerator,
  now: Clock,
): { readonly change: ProjectChange; readonly memo: Memo } {
  if (!targetExists(snapshot, input.target)) throw new MemoRefused('What this memo was to be written on is no longer in the project.');
  const title = input.title.trim();
  checkFields(title, input.text);
  const at = now();
  const memo: Memo = {
    id: newId(),
    projectId: snapshot.project.id,
    target: input.target,
    title,
    text: input.text,
    ...stampsAt(at, authorId),
  };
  return { change: { put: { memos: [memo] } }, memo };
}

/** The change that edits a memo's title or text; empty when nothing differs. */
export function updateMemo(
  snapshot: ProjectSnapshot,
  memoId: Uuid,
  patch: { readonly title?: string; readonly text?: string },
  now: Clock,
): ProjectChange {
  const memo = snapshot.memos.find((m) => m.id === memoId);
  if (!memo) throw new MemoRefused('This memo is no longer in the project.');
  const title = patch.title === undefined ? memo.title : patch.title.trim();
  const text = patch.text ?? memo.text;
  if (title === memo.title && text === memo.text) return {};
  checkFields(title, text);
  return { put: { memos: [{ ...memo, title, text, modifiedAt: now() }] } };
}

/** The change that deletes memos. */
export function deleteMemos(snapshot: ProjectSnapshot, memoIds: readonly Uuid[]): ProjectChange {
  const ids = new Set(memoIds);
  const existing = snapshot.memos.filter((m) => ids.has(m.id)).map((m) => m.id);
  return existing.length ? { delete: { memos: existing } } : {};
}

/** What a memo is attached to, in words: a kind ("Coding") and what it is ("BU 45 · Trust · “the nurses…”"). */
export interface TargetDescription {
  readonly kind: string;
  readonly text: string;
}

const KIND_NAMES: Readonly<Record<MemoTargetKind, string>> = {
  project: 'Project',
  document: 'Document',
  code: 'Code',
  coding: 'Coding',
};

/** The longest quote shown when describing a coding. */
const QUOTE_LENGTH = 80;

/**
 * Finds a coding by id. The app passes its index's lookup; scanning the codings (`scanCodings`) is fine for the
 * command line and tests but not for a view that runs on every change of a large project.
 */
export type CodingLookup = (codingId: Uuid) => Coding | undefined;

/** A lookup that scans a project's codings. */
export function scanCodings(snapshot: Pick<ProjectSnapshot, 'codings'>): CodingLookup {
  return (codingId) => snapshot.codings.find((c) => c.id === codingId);
}

/**
 * What describing a memo's target needs of the project. A view passes just these parts, which do not change when a
 * coding is made, so that its memo list is not redone at every coding.
 */
export interface MemoTargetContext {
  readonly project: Pick<Project, 'name' | 'citationStyle'>;
  readonly sites: ProjectSnapshot['sites'];
  readonly phases: ProjectSnapshot['phases'];
  readonly documents: ProjectSnapshot['documents'];
  readonly codes: ProjectSnapshot['codes'];
}

/** Describes what a memo is attached to, for lists and headings. */
export function describeTarget(snapshot: MemoTargetContext, target: MemoTarget, findCoding: CodingLookup): TargetDescription {
  const kind = KIND_NAMES[target.kind];
  switch (target.kind) {
    case 'project':
      return { kind, text: snapshot.project.name };
    case 'document':
      return { kind, text: snapshot.documents.find((d) => d.id === target.id)?.name ?? '(deleted document)' };
    case 'code': {
      const code = snapshot.codes.find((c) => c.id === target.id);
      return { kind, text: code ? codeLabel(code) : '(deleted code)' };
    }
    case 'coding': {
      const coding = findCoding(target.id);
      const document = coding && snapshot.documents.find((d) => d.id === coding.documentId);
      const code = coding && snapshot.codes.find((c) => c.id === coding.codeId);
      if (!coding || !document || !code) return { kind, text: '(deleted coding)' };
      const segment = codedSegment(snapshot, document, code, coding);
      const chars = [...segment.text.replace(/\s+/g, ' ').trim()];
      const quote = chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH - 1).join('')}…` : chars.join('');
      return { kind, text: `${segment.citation} · ${codeLabel(code)} · “${quote}”` };
    }
  }
}

/** What to look for in the memo list. */
export interface MemoQuery {
  /** Words that must all appear in the title, text or target (case-insensitive); empty matches all. */
  readonly text: string;
  /** Kinds of target to keep; empty keeps all. */
  readonly kinds: readonly MemoTargetKind[];
}

/** The memos matching a query, most recently changed first. */
export function searchMemos(
  snapshot: MemoTargetContext & Pick<ProjectSnapshot, 'memos'>,
  query: MemoQuery,
  findCoding: CodingLookup,
): readonly Memo[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const kinds = new Set(query.kinds);
  return snapshot.memos
    .filter((memo) => kinds.size === 0 || kinds.has(memo.target.kind))
    .filter((memo) => {
      if (!words.length) return true;
      const target = describeTarget(snapshot, memo.target, findCoding);
      const haystack = `${memo.title}\n${memo.text}\n${target.kind} ${target.text}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.id.localeCompare(b.id));
}

/** The memos written on any of the given codes, codings or documents (they go with them when those are deleted). */
export function memosOn(snapshot: ProjectSnapshot, kind: 'code' | 'coding' | 'document', ids: ReadonlySet<Uuid>): readonly Memo[] {
  return snapshot.memos.filter((memo) => memo.target.kind === kind && ids.has(memo.target.id));
}
