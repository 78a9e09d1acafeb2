/**
 * The in-memory index of an open project: codings by document (sorted by position), by code and by id, how many
 * documents each code is used in, and the documents and codes by id.
 *
 * Reading all codings back from IndexedDB takes about a second on a large study, and scanning the whole list of
 * codings on every keystroke or click is what makes a view slow at 50,000 codings; so views read this index, and
 * the workspace keeps it in step with the store by applying each `ProjectChange` to it as well
 * (`updateProjectIndex`). An update touches only what the change touches: the lists of the documents and codes of
 * the codings it puts or deletes, and one shard of the by-id map. Lists it does not touch keep their identity, which
 * is what lets a paragraph of the reader skip re-rendering when a coding elsewhere changes.
 *
 * The index is immutable: an update returns a new index and leaves the old one as it was.
 */
import type { ProjectChange, RecordLookup } from '../model/change.ts';
import type { Code, Coder, Coding, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../model/record-kinds.ts';
import { shardedGet, shardedMapOf, shardedWith, type ShardedMap } from './sharded-map.ts';

/** How often a code is used: its codings, and the distinct documents they are in. */
export interface CodeUsage {
  readonly codings: number;
  readonly documents: number;
}

/** The index of one project. Build it with `buildProjectIndex`, keep it current with `updateProjectIndex`. */
export interface ProjectIndex {
  readonly projectId: Uuid;
  /** Number of codings in the project. */
  readonly codingCount: number;
  readonly codingById: ShardedMap<Coding>;
  /** Each document's codings, by start, then end, then id. Documents without codings have no entry. */
  readonly codingsByDocument: ReadonlyMap<Uuid, readonly Coding[]>;
  /** Each code's codings, by document id, then start, end and id. Codes without codings have no entry. */
  readonly codingsByCode: ReadonlyMap<Uuid, readonly Coding[]>;
  /** For each code, how many of its codings each document holds. */
  readonly documentCountsByCode: ReadonlyMap<Uuid, ReadonlyMap<Uuid, number>>;
  readonly documentById: ReadonlyMap<Uuid, TesseraDocument>;
  readonly codeById: ReadonlyMap<Uuid, Code>;
  /** The codes under each parent (null: the top level), in sibling order. */
  readonly childCodes: ReadonlyMap<Uuid | null, readonly Code[]>;
  readonly coderById: ReadonlyMap<Uuid, Coder>;
  /**
   * Every other kind of record by id (sites, phases, groups, memos, cases, ratings, tombstones), one map per kind as
   * record-kinds.ts declares them, so that a change finds what it replaces without scanning a list.
   */
  readonly recordsById: { readonly [K in OtherKind]: ShardedMap<RecordOf<K>> };
}

/** The kinds the index holds in maps of their own, above; every other kind is in `recordsById`. */
const SPECIALLY_INDEXED = ['codings', 'documents', 'codes', 'coders'] as const;
type OtherKind = Exclude<RecordKind, (typeof SPECIALLY_INDEXED)[number]>;
const OTHER_KINDS = RECORD_KINDS.filter(
  (kind): kind is OtherKind => !(SPECIALLY_INDEXED as readonly string[]).includes(kind),
);

const NO_CODINGS: readonly Coding[] = [];
const NO_CODES: readonly Code[] = [];

function compareIds(a: Uuid, b: Uuid): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Codings in a document by position: start, then end, then id (so the order is total and stable). */
export function compareByPosition(a: Coding, b: Coding): number {
  return a.start - b.start || a.end - b.end || compareIds(a.id, b.id);
}

/** Codings of a code: by document id, then by position. */
function compareByDocumentAndPosition(a: Coding, b: Coding): number {
  return compareIds(a.documentId, b.documentId) || compareByPosition(a, b);
}

function compareSiblings(a: Code, b: Code): number {
  return a.order - b.order || a.name.localeCompare(b.name) || compareIds(a.id, b.id);
}

function groupSorted(codings: readonly Coding[], key: (coding: Coding) => Uuid, compare: (a: Coding, b: Coding) => number) {
  const groups = new Map<Uuid, Coding[]>();
  for (const coding of codings) {
    const list = groups.get(key(coding));
    if (list) list.push(coding);
    else groups.set(key(coding), [coding]);
  }
  for (const list of groups.values()) list.sort(compare);
  return groups as Map<Uuid, readonly Coding[]>;
}

function childCodesOf(codes: Iterable<Code>): ReadonlyMap<Uuid | null, readonly Code[]> {
  const children = new Map<Uuid | null, Code[]>();
  for (const code of codes) {
    const list = children.get(code.parentId);
    if (list) list.push(code);
    else children.set(code.parentId, [code]);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  return children;
}

function documentCountsOf(byCode: ReadonlyMap<Uuid, readonly Coding[]>): Map<Uuid, ReadonlyMap<Uuid, number>> {
  const counts = new Map<Uuid, ReadonlyMap<Uuid, number>>();
  for (const [codeId, codings] of byCode) {
    const perDocument = new Map<Uuid, number>();
    for (const coding of codings) perDocument.set(coding.documentId, (perDocument.get(coding.documentId) ?? 0) + 1);
    counts.set(codeId, perDocument);
  }
  return counts;
}

/** Builds the index of a project: O(n log n) in its codings; done once when a project opens. */
export function buildProjectIndex(snapshot: ProjectSnapshot): ProjectIndex {
  const codingsByCode = groupSorted(snapshot.codings, (c) => c.codeId, compareByDocumentAndPosition);
  return {
    projectId: snapshot.project.id,
    codingCount: snapshot.codings.length,
    codingById: shardedMapOf(snapshot.codings.map((coding) => [coding.id, coding] as const)),
    codingsByDocument: groupSorted(snapshot.codings, (c) => c.documentId, compareByPosition),
    codingsByCode,
    documentCountsByCode: documentCountsOf(codingsByCode),
    documentById: new Map(snapshot.documents.map((document) => [document.id, document])),
    codeById: new Map(snapshot.codes.map((code) => [code.id, code])),
    childCodes: childCodesOf(snapshot.codes),
    coderById: new Map(snapshot.coders.map((coder) => [coder.id, coder])),
    recordsById: Object.fromEntries(
      OTHER_KINDS.map((kind) => [kind, shardedMapOf(snapshot[kind].map((record) => [record.id, record] as const))]),
    ) as unknown as ProjectIndex['recordsById'],
  };
}

/** Index of the first entry of a sorted list that does not come before `item`. */
function lowerBound(list: readonly Coding[], item: Coding, compare: (a: Coding, b: Coding) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid] as Coding, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A sorted list without the codings `removed` names and with `added` in their places. */
function editSorted(
  list: readonly Coding[],
  removed: ReadonlySet<Uuid>,
  added: readonly Coding[],
  compare: (a: Coding, b: Coding) => number,
): readonly Coding[] {
  const kept = removed.size > 0 ? list.filter((coding) => !removed.has(coding.id)) : [...list];
  if (added.length > 32) return kept.concat(added).sort(compare);
  for (const coding of added) kept.splice(lowerBound(kept, coding, compare), 0, coding);
  return kept;
}

/** Applies per-key removals and additions to a map of sorted lists, copying only the lists it changes. */
function editGroups(
  groups: ReadonlyMap<Uuid, readonly Coding[]>,
  removed: readonly Coding[],
  added: readonly Coding[],
  key: (coding: Coding) => Uuid,
  compare: (a: Coding, b: Coding) => number,
): ReadonlyMap<Uuid, readonly Coding[]> {
  const removedByKey = new Map<Uuid, Set<Uuid>>();
  for (const coding of removed) {
    const ids = removedByKey.get(key(coding));
    if (ids) ids.add(coding.id);
    else removedByKey.set(key(coding), new Set([coding.id]));
  }
  const addedByKey = new Map<Uuid, Coding[]>();
  for (const coding of added) {
    const list = addedByKey.get(key(coding));
    if (list) list.push(coding);
    else addedByKey.set(key(coding), [coding]);
  }
  const next = new Map(groups);
  for (const groupKey of new Set([...removedByKey.keys(), ...addedByKey.keys()])) {
    const list = editSorted(groups.get(groupKey) ?? NO_CODINGS, removedByKey.get(groupKey) ?? new Set(), addedByKey.get(groupKey) ?? [], compare);
    if (list.length > 0) next.set(groupKey, list);
    else next.delete(groupKey);
  }
  return next;
}

function editDocumentCounts(
  counts: ReadonlyMap<Uuid, ReadonlyMap<Uuid, number>>,
  removed: readonly Coding[],
  added: readonly Coding[],
): ReadonlyMap<Uuid, ReadonlyMap<Uuid, number>> {
  const next = new Map(counts);
  const copied = new Map<Uuid, Map<Uuid, number>>();
  const perDocument = (codeId: Uuid): Map<Uuid, number> => {
    let map = copied.get(codeId);
    if (!map) copied.set(codeId, (map = new Map(counts.get(codeId) ?? [])));
    return map;
  };
  for (const coding of removed) {
    const map = perDocument(coding.codeId);
    const count = (map.get(coding.documentId) ?? 0) - 1;
    if (count > 0) map.set(coding.documentId, count);
    else map.delete(coding.documentId);
  }
  for (const coding of added) {
    const map = perDocument(coding.codeId);
    map.set(coding.documentId, (map.get(coding.documentId) ?? 0) + 1);
  }
  for (const [codeId, map] of copied) {
    if (map.size > 0) next.set(codeId, map);
    else next.delete(codeId);
  }
  return next;
}

function editRecords<R extends { readonly id: Uuid }>(
  records: ReadonlyMap<Uuid, R>,
  puts: readonly R[] | undefined,
  deletes: readonly Uuid[] | undefined,
): ReadonlyMap<Uuid, R> {
  if (!puts?.length && !deletes?.length) return records;
  const next = new Map(records);
  for (const record of puts ?? []) next.set(record.id, record);
  for (const id of deletes ?? []) next.delete(id);
  return next;
}

/**
 * The index after a change, as `applyChange` would leave the snapshot: puts replace records with the same id (or
 * add them), then deletes remove. Costs what the change touches, not what the project holds.
 */
export function updateProjectIndex(index: ProjectIndex, change: ProjectChange): ProjectIndex {
  let next: ProjectIndex = index;
  const puts = change.put?.codings ?? NO_CODINGS;
  const deletes = change.delete?.codings ?? [];
  if (puts.length > 0 || deletes.length > 0) {
    const deleted = new Set(deletes);
    const finalPuts = new Map<Uuid, Coding>();
    for (const coding of puts) if (!deleted.has(coding.id)) finalPuts.set(coding.id, coding);
    const removed: Coding[] = [];
    for (const id of new Set([...finalPuts.keys(), ...deleted])) {
      const old = shardedGet(index.codingById, id);
      if (old) removed.push(old);
    }
    const added = [...finalPuts.values()];
    const codingById = shardedWith(
      index.codingById,
      added.map((coding) => [coding.id, coding] as const),
      [...deleted],
    );
    next = {
      ...next,
      codingCount: codingById.size,
      codingById,
      codingsByDocument: editGroups(index.codingsByDocument, removed, added, (c) => c.documentId, compareByPosition),
      codingsByCode: editGroups(index.codingsByCode, removed, added, (c) => c.codeId, compareByDocumentAndPosition),
      documentCountsByCode: editDocumentCounts(index.documentCountsByCode, removed, added),
    };
  }
  if (change.put?.documents?.length || change.delete?.documents?.length) {
    next = { ...next, documentById: editRecords(index.documentById, change.put?.documents, change.delete?.documents) };
  }
  if (change.put?.codes?.length || change.delete?.codes?.length) {
    const codeById = editRecords(index.codeById, change.put?.codes, change.delete?.codes);
    next = { ...next, codeById, childCodes: childCodesOf(codeById.values()) };
  }
  if (change.put?.coders?.length || change.delete?.coders?.length) {
    next = { ...next, coderById: editRecords(index.coderById, change.put?.coders, change.delete?.coders) };
  }
  for (const kind of OTHER_KINDS) {
    const puts = change.put?.[kind] ?? [];
    const deletes = change.delete?.[kind] ?? [];
    if (!puts.length && !deletes.length) continue;
    const map = shardedWith(
      next.recordsById[kind] as ShardedMap<RecordOf<typeof kind>>,
      puts.map((record) => [record.id, record] as const),
      [...deletes],
    );
    next = { ...next, recordsById: { ...next.recordsById, [kind]: map } };
  }
  if (change.project && change.project.id !== index.projectId) next = { ...next, projectId: change.project.id };
  return next;
}

/** A document's codings by position (an empty list when it has none). */
export function codingsOfDocument(index: ProjectIndex, documentId: Uuid): readonly Coding[] {
  return index.codingsByDocument.get(documentId) ?? NO_CODINGS;
}

/** A code's codings, by document id and position (an empty list when it has none). */
export function codingsOfCode(index: Pick<ProjectIndex, 'codingsByCode'>, codeId: Uuid): readonly Coding[] {
  return index.codingsByCode.get(codeId) ?? NO_CODINGS;
}

/** A coding by id, or undefined. */
export function codingById(index: ProjectIndex, codingId: Uuid): Coding | undefined {
  return shardedGet(index.codingById, codingId);
}

/** How often a code is used. */
export function codeUsage(index: ProjectIndex, codeId: Uuid): CodeUsage {
  return {
    codings: index.codingsByCode.get(codeId)?.length ?? 0,
    documents: index.documentCountsByCode.get(codeId)?.size ?? 0,
  };
}

/** The codes under a parent (null: the top level), in sibling order. */
export function childCodes(index: Pick<ProjectIndex, 'childCodes'>, parentId: Uuid | null): readonly Code[] {
  return index.childCodes.get(parentId) ?? NO_CODES;
}

/** A code and every code beneath it, depth first in sibling order (a CFIR domain with its constructs). */
export function codeWithDescendants(index: Pick<ProjectIndex, 'codeById' | 'childCodes'>, codeId: Uuid): readonly Code[] {
  const root = index.codeById.get(codeId);
  if (!root) return NO_CODES;
  const out: Code[] = [];
  const seen = new Set<Uuid>();
  const visit = (code: Code): void => {
    // A damaged tree could hold a cycle; visiting each code once keeps this finite.
    if (seen.has(code.id)) return;
    seen.add(code.id);
    out.push(code);
    for (const child of childCodes(index, code.id)) visit(child);
  };
  visit(root);
  return out;
}

/** The codings of a document that overlap [start, end) (share at least one code point), by position. */
export function codingsOverlapping(index: ProjectIndex, documentId: Uuid, start: number, end: number): readonly Coding[] {
  const list = codingsOfDocument(index, documentId);
  const out: Coding[] = [];
  for (const coding of list) {
    if (coding.start >= end) break;
    if (coding.end > start) out.push(coding);
  }
  return out;
}

/** The codings of a document that cover a code point, by position. */
export function codingsAt(index: ProjectIndex, documentId: Uuid, offset: number): readonly Coding[] {
  return codingsOverlapping(index, documentId, offset, offset + 1);
}

/** Finds the records of the index's snapshot by id, for applyChange, invertChange and stampChange. */
export function recordLookup(index: ProjectIndex): RecordLookup {
  const others = Object.fromEntries(
    OTHER_KINDS.map((kind) => [kind, (id: Uuid) => shardedGet(index.recordsById[kind] as ShardedMap<unknown>, id)]),
  );
  return {
    ...(others as RecordLookup),
    codings: (id) => shardedGet(index.codingById, id),
    documents: (id) => index.documentById.get(id),
    codes: (id) => index.codeById.get(id),
    coders: (id) => index.coderById.get(id),
  };
}
