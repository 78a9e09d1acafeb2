/**
 * Merging coders' sessions into one project: the pure core (no UI, no files).
 *
 * `planMerge` looks at a base project and one or more incoming snapshots (session files or whole project files of
 * the same project) and says what a merge would do: what is added, what is the same, what changed (the model's rule
 * decides: the greater clock wins, see shared/model/clock.ts), what was deleted on one side, which documents and
 * codes made apart are the same, which codings collapse, and which questions the user must answer.
 * `applyMergePlan` turns the plan and the user's answers into ONE ProjectChange (so the merge undoes in one step) and
 * a report for a project memo.
 *
 * Why the merge is a function of the set of inputs: the result is computed from the union of all inputs (per id the
 * record with the greatest clock, ties broken by content), then normalised (same-text documents, matched codes,
 * collapsed codings, all kept under their smallest id). Nothing depends on the order the inputs come in or on how
 * often one comes, so merging twice changes nothing and A-then-B equals B-then-A on every machine.
 *
 * The merged records keep their own stamps and clocks: the change must be applied as it is (applyChange), not
 * re-stamped, or a record merged from a session would look newer than the session's later edits.
 */
import type { ProjectChange } from '../model/change.ts';
import { newStamps, type ChangeStamp } from '../model/stamps.ts';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, type AnyRecord, type RecordKind, type RecordOf } from '../model/record-kinds.ts';
import type { Code, Coding, Memo, ProjectSnapshot, TesseraDocument, Tombstone, Uuid } from '../model/types.ts';
import { UserError } from '../model/user-error.ts';

/** The kinds of record other than tombstones. */
type LiveKind = Exclude<RecordKind, 'tombstones'>;
const LIVE_KINDS = RECORD_KINDS.filter((kind): kind is LiveKind => kind !== 'tombstones');

/** Index of an input: 0 is the base, 1.. the incoming snapshots in the order given. */
export type SourceIndex = number;

/** A record as one input holds it. */
export interface RecordVersion {
  readonly source: SourceIndex;
  readonly record: AnyRecord;
}

/** A record the base does not have. */
export interface AddedItem {
  readonly kind: RecordKind;
  readonly id: Uuid;
  readonly label: string;
  readonly from: readonly SourceIndex[];
}

/** A record whose versions differ between inputs: the one with the greatest clock wins. */
export interface ChangedItem {
  readonly kind: LiveKind;
  readonly id: Uuid;
  readonly label: string;
  readonly winner: SourceIndex;
  /** Every distinct version, each with the inputs holding it, sorted by clock (newest last). */
  readonly versions: readonly { readonly from: readonly SourceIndex[]; readonly record: AnyRecord }[];
}

/** The answer to a deletion: remove the record ("agree") or keep it ("keep"). */
export type DeletionAnswer = 'agree' | 'keep';
/** The answer to two documents of the same name and different text: keep both, or leave the incoming one out. */
export type DocumentConflictAnswer = 'keep-both' | 'skip';
/** The answer to a code offered as the same as another: merge it into the kept one, or keep it apart. */
export type CodeMatchAnswer = 'match' | 'apart';

/** A record deleted on one side (a tombstone newer than the record on the other side). */
export interface DeletionItem {
  /** The key of the decision: "delete:<id>". */
  readonly key: string;
  readonly kind: LiveKind;
  readonly id: Uuid;
  readonly label: string;
  readonly record: AnyRecord;
  readonly recordFrom: readonly SourceIndex[];
  readonly tombstone: Tombstone;
  readonly tombstoneFrom: readonly SourceIndex[];
  /** "agree" when the deleting coder made the record; "ask" when someone else's record was deleted. */
  readonly proposed: DeletionAnswer | 'ask';
}

/** Documents with different ids and identical text: the same transcript, kept under the smallest id. */
export interface DocumentMatch {
  readonly keptId: Uuid;
  readonly matchedIds: readonly Uuid[];
  readonly name: string;
}

/** A document with the name of another and a different text: the user chooses. */
export interface DocumentConflict {
  /** "document:<id>" of the incoming document. */
  readonly key: string;
  readonly id: Uuid;
  readonly otherId: Uuid;
  readonly name: string;
  readonly from: readonly SourceIndex[];
  /** The first lines where the texts differ, for the review. */
  readonly difference: string;
}

/** A code made apart from another that looks the same one. */
export interface CodeMatch {
  /** "code:<id>" of the code that would be merged into the kept one. */
  readonly key: string;
  readonly id: Uuid;
  readonly keptId: Uuid;
  readonly name: string;
  readonly reason: 'same element' | 'same name under matched parents';
  readonly proposed: CodeMatchAnswer;
}

/** Codings of the same passage with the same code by the same coder, collapsed into the one with the smallest id. */
export interface CodingCollapse {
  readonly keptId: Uuid;
  readonly collapsedIds: readonly Uuid[];
}

/** A record left out because something it refers to is gone (deleted, skipped): listed, never silent. */
export interface CascadeItem {
  readonly kind: RecordKind;
  readonly id: Uuid;
  readonly label: string;
  readonly because: string;
}

/** What a merge would do. Every list is sorted by id. */
export interface MergePlan {
  readonly sourceNames: readonly string[];
  readonly inputs: readonly ProjectSnapshot[];
  readonly added: readonly AddedItem[];
  readonly sameCount: number;
  readonly changed: readonly ChangedItem[];
  readonly deletions: readonly DeletionItem[];
  readonly documentMatches: readonly DocumentMatch[];
  readonly documentConflicts: readonly DocumentConflict[];
  readonly codeMatches: readonly CodeMatch[];
  /** Computed with the proposed answers (deletions asked about kept until answered). */
  readonly codingCollapses: readonly CodingCollapse[];
  /** Keys of the decisions the user must give before the merge can be written. */
  readonly needed: readonly string[];
}

/** The user's answers, by decision key. */
export type MergeDecisions = Readonly<Record<string, string>>;

/** A merge that cannot be written yet: decisions are missing or not understood. */
export class MergeDecisionNeeded extends UserError {
  constructor(readonly keys: readonly string[], descriptions: readonly string[]) {
    super(`The merge needs ${keys.length === 1 ? 'a decision' : `${keys.length} decisions`} before it can be written:\n${descriptions.map((d) => `  ${d}`).join('\n')}`);
    this.name = 'MergeDecisionNeeded';
  }
}

const byId = (a: { readonly id: Uuid }, b: { readonly id: Uuid }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Stable text of a record with sorted keys, so that equal records compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)))
      : v,
  );
}

/** The newer of two versions by the model's rule (greater clock), ties broken by content so every machine agrees. */
function newer<R extends { readonly clock: string }>(a: R, b: R): R {
  if (a.clock !== b.clock) return a.clock > b.clock ? a : b;
  return compareStrings(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b;
}

/** A short description of a record for the review and the report. */
export function describeRecord(kind: RecordKind, record: AnyRecord, names: (kind: RecordKind, id: Uuid) => string | undefined): string {
  const r = record as unknown as Record<string, unknown>;
  switch (kind) {
    case 'codings': {
      const c = record as Coding;
      return `coding of "${names('codes', c.codeId) ?? c.codeId}" on "${names('documents', c.documentId) ?? c.documentId}" [${c.start}, ${c.end})`;
    }
    case 'memos':
      return `memo "${String(r.title)}"`;
    case 'ratings':
      return `rating of "${names('codes', String(r.codeId)) ?? String(r.codeId)}" in case "${names('cases', String(r.caseId)) ?? String(r.caseId)}"`;
    case 'sites':
      return `site ${String(r.code)}`;
    case 'tombstones':
      return `deletion of ${String(r.kind)} ${record.id}`;
    default:
      return `${RECORD_KIND_DEFINITIONS[kind].label} "${typeof r.name === 'string' ? r.name : record.id}"`;
  }
}

/**
 * The records of `result` sorted by id. When the base's list is sorted (as every merged project's is), the records
 * it still holds keep its order and only the others are sorted and merged in, instead of sorting 50,000 again.
 */
function sortedById<R extends { readonly id: Uuid }>(baseList: readonly R[], result: ReadonlyMap<Uuid, R>): R[] {
  let sorted = true;
  for (let i = 1; i < baseList.length && sorted; i++) sorted = (baseList[i - 1] as R).id < (baseList[i] as R).id;
  if (!sorted) return [...result.values()].sort(byId);
  const fromBase: R[] = [];
  const inBase = new Set<Uuid>();
  for (const record of baseList) {
    inBase.add(record.id);
    const kept = result.get(record.id);
    if (kept) fromBase.push(kept);
  }
  const others: R[] = [];
  for (const [id, record] of result) if (!inBase.has(id)) others.push(record);
  if (others.length === 0) return fromBase;
  others.sort(byId);
  const merged: R[] = [];
  let i = 0;
  let j = 0;
  while (i < fromBase.length && j < others.length) merged.push(byId(fromBase[i] as R, others[j] as R) < 0 ? (fromBase[i++] as R) : (others[j++] as R));
  while (i < fromBase.length) merged.push(fromBase[i++] as R);
  while (j < others.length) merged.push(others[j++] as R);
  return merged;
}

/** One version of a record and the inputs that hold it. */
interface Version {
  readonly from: SourceIndex[];
  readonly record: AnyRecord;
}

/** The inputs holding any version of a record, ascending. */
function sourcesOf(versions: readonly Version[]): SourceIndex[] {
  return [...new Set(versions.flatMap((v) => v.from))].sort((a, b) => a - b);
}

interface Gathered {
  /**
   * Per kind and id, for the ids some incoming input holds: the distinct versions (the base's first when it has
   * one), with the inputs holding each. The base's other records are in `baseById` only: a session of 5,000 codings
   * merged into 50,000 looks at 5,000 ids, not 55,000.
   */
  readonly versions: Map<RecordKind, Map<Uuid, Version[]>>;
  /** The base's records by kind and id. */
  readonly baseById: Map<RecordKind, Map<Uuid, AnyRecord>>;
  /** Indexes of the base built when a merge first needs them, once for the plan and its apply. */
  readonly baseIndexes: BaseIndexes;
}

/** The key under which codings of the same passage, code and coder collapse. */
function passageKey(coding: Coding): string {
  return `${coding.documentId}|${coding.codeId}|${coding.start}|${coding.end}|${coding.createdBy ?? ''}`;
}

/** A number that codings of the same passage share (few others do): start and end, which fit exactly in a double. */
function spanKey(coding: Coding): number {
  return coding.start * 2 ** 26 + coding.end;
}

type ReferencesOf = (r: AnyRecord) => readonly { kind: RecordKind; field: string; id: Uuid }[];
const referencesOf = (kind: RecordKind): ReferencesOf => RECORD_KIND_DEFINITIONS[kind].references as ReferencesOf;

/**
 * What the base alone says, built when a merge first needs it and once for a plan and its apply: its codings by
 * document and span (a number, so 50,000 codings are not keyed by text), the passages of two or more codings, and what the
 * base's records of each kind refer to.
 */
class BaseIndexes {
  readonly #base: ProjectSnapshot;
  readonly #baseById: Map<RecordKind, Map<Uuid, AnyRecord>>;
  #bySpan: Map<Uuid, Map<number, Coding[]>> | undefined;
  #duplicatePassages: Coding[][] | undefined;
  #references: { readonly kinds: Map<LiveKind, Set<RecordKind>>; readonly dangling: Map<LiveKind, Set<Uuid>> } | undefined;

  constructor(base: ProjectSnapshot, baseById: Map<RecordKind, Map<Uuid, AnyRecord>>) {
    this.#base = base;
    this.#baseById = baseById;
  }

  /** The kinds the base's records of `kind` refer to. */
  referencedKinds(kind: LiveKind): ReadonlySet<RecordKind> {
    return this.#scanReferences().kinds.get(kind) ?? new Set();
  }

  /** The base's records of `kind` that refer to something (other than a tombstone) the base does not hold. */
  dangling(kind: LiveKind): ReadonlySet<Uuid> {
    return this.#scanReferences().dangling.get(kind) ?? new Set();
  }

  #scanReferences(): { readonly kinds: Map<LiveKind, Set<RecordKind>>; readonly dangling: Map<LiveKind, Set<Uuid>> } {
    if (this.#references) return this.#references;
    const kinds = new Map<LiveKind, Set<RecordKind>>();
    const dangling = new Map<LiveKind, Set<Uuid>>();
    for (const kind of LIVE_KINDS) {
      const references = referencesOf(kind);
      const referenced = new Set<RecordKind>();
      const danglingOfKind = new Set<Uuid>();
      for (const record of this.#base[kind] as readonly AnyRecord[]) {
        for (const reference of references(record)) {
          if (reference.kind === 'tombstones') continue;
          referenced.add(reference.kind);
          if (!this.#baseById.get(reference.kind)?.has(reference.id)) danglingOfKind.add(record.id);
        }
      }
      kinds.set(kind, referenced);
      dangling.set(kind, danglingOfKind);
    }
    return (this.#references = { kinds, dangling });
  }

  /** The base's codings of the passage, code and coder of `coding`. */
  samePassage(coding: Coding): Coding[] {
    const key = passageKey(coding);
    return (this.#spans().get(coding.documentId)?.get(spanKey(coding)) ?? []).filter((other) => passageKey(other) === key);
  }

  /** The base's groups of two or more codings of the same passage, code and coder. */
  duplicatePassages(): readonly (readonly Coding[])[] {
    if (this.#duplicatePassages) return this.#duplicatePassages;
    const duplicates: Coding[][] = [];
    for (const bucket of [...this.#spans().values()].flatMap((spans) => [...spans.values()])) {
      if (bucket.length < 2) continue;
      const byKey = new Map<string, Coding[]>();
      for (const coding of bucket) {
        const key = passageKey(coding);
        const group = byKey.get(key);
        if (group) group.push(coding);
        else byKey.set(key, [coding]);
      }
      for (const group of byKey.values()) if (group.length > 1) duplicates.push(group);
    }
    return (this.#duplicatePassages = duplicates);
  }

  #spans(): Map<Uuid, Map<number, Coding[]>> {
    if (this.#bySpan) return this.#bySpan;
    const bySpan = new Map<Uuid, Map<number, Coding[]>>();
    for (const coding of this.#base.codings) {
      let spans = bySpan.get(coding.documentId);
      if (!spans) bySpan.set(coding.documentId, (spans = new Map()));
      const key = spanKey(coding);
      const bucket = spans.get(key);
      if (bucket) bucket.push(coding);
      else spans.set(key, [coding]);
    }
    return (this.#bySpan = bySpan);
  }
}

function gather(inputs: readonly ProjectSnapshot[]): Gathered {
  const versions = new Map<RecordKind, Map<Uuid, Version[]>>();
  const baseById = new Map<RecordKind, Map<Uuid, AnyRecord>>();
  const base = inputs[0] as ProjectSnapshot;
  for (const kind of RECORD_KINDS) {
    versions.set(kind, new Map());
    baseById.set(kind, new Map((base[kind] as readonly AnyRecord[]).map((record) => [record.id, record])));
  }
  inputs.forEach((snapshot, source) => {
    if (source === 0) return;
    for (const kind of RECORD_KINDS) {
      const byKind = versions.get(kind) as Map<Uuid, Version[]>;
      const inBase = baseById.get(kind) as Map<Uuid, AnyRecord>;
      for (const record of snapshot[kind] as readonly AnyRecord[]) {
        let forId = byKind.get(record.id);
        if (!forId) {
          const baseRecord = inBase.get(record.id);
          byKind.set(record.id, (forId = baseRecord ? [{ from: [0], record: baseRecord }] : []));
        }
        // A version is known by its clock: a reading is made once, for one change on one machine (clock.ts), so the
        // same id at the same reading is the same record. Comparing texts of 50,000 records would cost seconds.
        const version = forId.find((v) => v.record.clock === record.clock);
        if (version) {
          if (!version.from.includes(source)) version.from.push(source);
        } else forId.push({ from: [source], record });
      }
    }
  });
  return { versions, baseById, baseIndexes: new BaseIndexes(base, baseById) };
}

function winnerOf(forId: readonly Version[]): Version {
  let best: Version | undefined;
  for (const version of forId) best = best ? (newer(best.record, version.record) === best.record ? best : version) : version;
  return best as Version;
}

/** The result of resolving the inputs with a set of answers. */
interface Resolution {
  /** The merged snapshot, every list sorted by id: built only when asked for (a plan does not need it). */
  readonly snapshot: () => ProjectSnapshot;
  readonly deletions: DeletionItem[];
  readonly documentMatches: DocumentMatch[];
  readonly documentConflicts: DocumentConflict[];
  readonly codeMatches: CodeMatch[];
  readonly codingCollapses: CodingCollapse[];
  readonly cascaded: CascadeItem[];
  readonly skipped: CascadeItem[];
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `paragraph ${i + 1}: "${(left[i] ?? '').slice(0, 80)}" / "${(right[i] ?? '').slice(0, 80)}"`;
  }
  return '';
}

function normalName(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}

function codeElementKey(code: Code): string | null {
  const origin = code.origin;
  if (origin.kind === 'cfir') return `cfir:${origin.version}:${origin.elementId}`;
  if (origin.kind === 'framework') return `framework:${origin.frameworkId}:${origin.elementId}`;
  return null;
}

/**
 * Resolves the inputs into the merged snapshot. `answer(key, proposed)` gives the answer to a decision, or the
 * proposal when none is given ("ask" proposals left unanswered keep the record, which is the safe side).
 */
function resolve(
  inputs: readonly ProjectSnapshot[],
  answer: (key: string, proposed: string) => string,
  gathered: Gathered = gather(inputs),
): Resolution {
  const base = inputs[0] as ProjectSnapshot;
  const { versions, baseById, baseIndexes } = gathered;
  const live = new Map<LiveKind, Map<Uuid, AnyRecord>>();
  const fromOf = (kind: RecordKind, id: Uuid): SourceIndex[] => {
    const forId = versions.get(kind)?.get(id);
    return forId ? sourcesOf(forId) : baseById.get(kind)?.has(id) ? [0] : [];
  };
  for (const kind of LIVE_KINDS) {
    const map = new Map<Uuid, AnyRecord>(baseById.get(kind));
    for (const [id, forId] of versions.get(kind) ?? []) {
      map.set(id, winnerOf(forId).record);
    }
    live.set(kind, map);
  }
  const names = (kind: RecordKind, id: Uuid): string | undefined => {
    const record = kind === 'tombstones' ? undefined : live.get(kind)?.get(id);
    return record && 'name' in record && typeof record.name === 'string' ? record.name : undefined;
  };
  const label = (kind: RecordKind, record: AnyRecord): string => describeRecord(kind, record, names);

  // Tombstones: the newest of each; against the record, the model's rule (greater clock) says which is later.
  const tombstones = new Map(baseById.get('tombstones') as Map<Uuid, Tombstone>);
  const tombstoneFrom = new Map<Uuid, SourceIndex[]>([...tombstones.keys()].map((id) => [id, [0]]));
  for (const [id, forId] of versions.get('tombstones') ?? []) {
    tombstones.set(id, winnerOf(forId).record as Tombstone);
    tombstoneFrom.set(id, sourcesOf(forId));
  }
  const deletions: DeletionItem[] = [];
  for (const [id, tombstone] of [...tombstones].sort(([a], [b]) => compareStrings(a, b))) {
    const kind = tombstone.kind as LiveKind;
    const record = live.get(kind)?.get(id);
    if (!record) continue;
    if (record.clock >= tombstone.clock) {
      // Edited after it was deleted elsewhere: the edit is later, the record stays.
      tombstones.delete(id);
      continue;
    }
    const key = `delete:${id}`;
    const proposed: DeletionAnswer | 'ask' = tombstone.createdBy !== null && tombstone.createdBy === record.createdBy ? 'agree' : 'ask';
    deletions.push({
      key,
      kind,
      id,
      label: label(kind, record),
      record,
      recordFrom: fromOf(kind, id),
      tombstone,
      tombstoneFrom: tombstoneFrom.get(id) ?? [],
      proposed,
    });
    if (answer(key, proposed) === 'agree') live.get(kind)?.delete(id);
    else tombstones.delete(id);
  }

  // Documents: identical text is the same document (kept under the smallest id).
  const alias = new Map<string, Uuid>();
  const documents = [...(live.get('documents') as Map<Uuid, TesseraDocument>).values()].sort(byId);
  const byText = new Map<string, TesseraDocument[]>();
  for (const document of documents) {
    const group = byText.get(document.text);
    if (group) group.push(document);
    else byText.set(document.text, [document]);
  }
  const documentMatches: DocumentMatch[] = [];
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const [kept, ...others] = group as [TesseraDocument, ...TesseraDocument[]];
    for (const other of others) {
      alias.set(`documents:${other.id}`, kept.id);
      live.get('documents')?.delete(other.id);
    }
    documentMatches.push({ keptId: kept.id, matchedIds: others.map((d) => d.id), name: kept.name });
  }
  // Same name, different text: the user chooses (an incoming document is never matched to it silently).
  const baseDocumentIds = new Set(base.documents.map((d) => d.id));
  const byName = new Map<string, TesseraDocument[]>();
  for (const document of [...(live.get('documents') as Map<Uuid, TesseraDocument>).values()].sort(byId)) {
    const key = normalName(document.name);
    const group = byName.get(key);
    if (group) group.push(document);
    else byName.set(key, [document]);
  }
  const documentConflicts: DocumentConflict[] = [];
  const skipped: CascadeItem[] = [];
  for (const group of byName.values()) {
    if (group.length < 2 || group.every((d) => baseDocumentIds.has(d.id))) continue;
    const reference = group.find((d) => baseDocumentIds.has(d.id)) ?? (group[0] as TesseraDocument);
    for (const document of group) {
      if (document === reference || baseDocumentIds.has(document.id)) continue;
      const key = `document:${document.id}`;
      documentConflicts.push({
        key,
        id: document.id,
        otherId: reference.id,
        name: document.name,
        from: fromOf('documents', document.id),
        difference: firstDifference(reference.text, document.text),
      });
      if (answer(key, 'ask') === 'skip') {
        live.get('documents')?.delete(document.id);
        skipped.push({ kind: 'documents', id: document.id, label: label('documents', document), because: 'left out by decision (same name as another document, different text)' });
      }
    }
  }

  // Codes made apart: same CFIR/framework element, or same name under matched parents (parents first).
  const codes = live.get('codes') as Map<Uuid, Code>;
  const baseCodeIds = new Set(base.codes.map((c) => c.id));
  const depth = (code: Code): number => {
    let d = 0;
    for (let parent = code.parentId; parent !== null && d <= codes.size; d++) parent = codes.get(parent)?.parentId ?? null;
    return d;
  };
  const ordered = [...codes.values()].sort((a, b) => depth(a) - depth(b) || byId(a, b));
  const keptByKey = new Map<string, Code>();
  const codeMatches: CodeMatch[] = [];
  const codeAlias = (id: Uuid | null): Uuid | null => (id === null ? null : (alias.get(`codes:${id}`) ?? id));
  for (const code of ordered) {
    const keys: [string, CodeMatch['reason']][] = [];
    const element = codeElementKey(code);
    if (element) keys.push([`e|${element}`, 'same element']);
    keys.push([`n|${codeAlias(code.parentId) ?? ''}|${normalName(code.name)}`, 'same name under matched parents']);
    let matched = false;
    for (const [key, reason] of keys) {
      const kept = keptByKey.get(key);
      if (!kept || matched) continue;
      // Only codes made apart: two codes the base already holds side by side are the base's business.
      if (baseCodeIds.has(code.id) && baseCodeIds.has(kept.id)) continue;
      const decisionKey = `code:${code.id}`;
      codeMatches.push({ key: decisionKey, id: code.id, keptId: kept.id, name: code.name, reason, proposed: 'match' });
      if (answer(decisionKey, 'match') === 'match') {
        alias.set(`codes:${code.id}`, kept.id);
        codes.delete(code.id);
        matched = true;
      }
    }
    if (!matched) for (const [key] of keys) if (!keptByKey.has(key)) keptByKey.set(key, code);
  }

  // Re-point what refers to matched documents and codes, then collapse codings of the same passage.
  const renew = (kind: RecordKind, id: Uuid): Uuid => alias.get(`${kind}:${id}`) ?? id;
  const remap = (kind: LiveKind): void => {
    // Nothing matched: nothing to re-point (the usual merge of a session), so no record need be looked at.
    if (alias.size === 0) return;
    const map = live.get(kind) as Map<Uuid, AnyRecord>;
    const renewIds = RECORD_KIND_DEFINITIONS[kind].renewIds as (r: AnyRecord, renew: (k: RecordKind, id: Uuid) => Uuid, newId: () => Uuid) => AnyRecord;
    const references = RECORD_KIND_DEFINITIONS[kind].references as (r: AnyRecord) => readonly { kind: RecordKind; id: Uuid }[];
    for (const [id, record] of map) {
      if (!references(record).some((reference) => alias.has(`${reference.kind}:${reference.id}`))) continue;
      map.set(
        id,
        renewIds(record, renew, () => {
          throw new Error('a merge never renews speaker ids');
        }),
      );
    }
  };
  // Whether any record was re-pointed: then every coding may have a new passage key and all are grouped again.
  const repointed = alias.size > 0;
  remap('codings');
  const codings = live.get('codings') as Map<Uuid, Coding>;
  const byPassage = new Map<string, Coding[]>();
  const addToPassage = (coding: Coding): void => {
    const key = passageKey(coding);
    const group = byPassage.get(key);
    if (group) group.push(coding);
    else byPassage.set(key, [coding]);
  };
  if (repointed) {
    for (const coding of codings.values()) addToPassage(coding);
  } else {
    // The groups are those of the base, changed only where the inputs bring a coding: the base's own groups and the
    // base's codings of each passage an incoming coding has, as far as the result still holds them as the base
    // does, and the incoming codings themselves.
    const inBase = baseById.get('codings') as Map<Uuid, AnyRecord>;
    const added = new Set<Uuid>();
    const addFromBase = (coding: Coding): void => {
      if (codings.get(coding.id) === coding && !added.has(coding.id)) {
        added.add(coding.id);
        addToPassage(coding);
      }
    };
    for (const group of baseIndexes.duplicatePassages()) group.forEach(addFromBase);
    for (const id of versions.get('codings')?.keys() ?? []) {
      const coding = codings.get(id);
      if (!coding || coding === inBase.get(id)) continue;
      addToPassage(coding);
      baseIndexes.samePassage(coding).forEach(addFromBase);
    }
  }
  const codingCollapses: CodingCollapse[] = [];
  // Only the groups are sorted (each kept under its smallest id), not the 50,000 codings.
  for (const group of byPassage.values()) {
    if (group.length < 2) continue;
    const [kept, ...others] = group.sort(byId) as [Coding, ...Coding[]];
    for (const other of others) {
      alias.set(`codings:${other.id}`, kept.id);
      codings.delete(other.id);
    }
    codingCollapses.push({ keptId: kept.id, collapsedIds: others.map((c) => c.id) });
  }
  codingCollapses.sort((a, b) => compareStrings(a.keptId, b.keptId));
  for (const kind of LIVE_KINDS) if (kind !== 'documents') remap(kind);
  remap('documents');
  // A group or case naming two matched documents names the kept one once.
  const groups = live.get('documentGroups') as Map<Uuid, RecordOf<'documentGroups'>>;
  for (const [id, group] of groups) {
    const unique = [...new Set(group.documentIds)];
    if (unique.length !== group.documentIds.length) groups.set(id, { ...group, documentIds: unique });
  }

  // Whatever still refers to a record that is gone (a code deleted while another coder coded with it) is left out
  // and listed, so that no coding points at a missing code or document.
  // Only some records can refer to something missing: those the inputs bring or re-point, the base's own dangling
  // ones, and base records of a kind that refers to a kind some base record of which is gone (deleted, matched,
  // collapsed, skipped, left out). Every other record refers only to base records still here. The passes run as if
  // over every record, so what is found, and why, is the same; they skip the records that cannot be missing anything.
  const suspects = new Map<LiveKind, Set<Uuid>>();
  const goneKinds = new Set<RecordKind>();
  for (const kind of LIVE_KINDS) {
    const map = live.get(kind) as Map<Uuid, AnyRecord>;
    const inBase = baseById.get(kind) as Map<Uuid, AnyRecord>;
    const suspectsOfKind = new Set<Uuid>(baseIndexes.dangling(kind));
    for (const id of versions.get(kind)?.keys() ?? []) if (map.has(id)) suspectsOfKind.add(id);
    if (repointed) for (const [id, record] of map) if (record !== inBase.get(id)) suspectsOfKind.add(id);
    suspects.set(kind, suspectsOfKind);
    for (const id of inBase.keys()) {
      if (!map.has(id)) {
        goneKinds.add(kind);
        break;
      }
    }
  }
  const mayMissSomething = (kind: LiveKind): boolean => {
    for (const referenced of baseIndexes.referencedKinds(kind)) if (goneKinds.has(referenced)) return true;
    return false;
  };
  const cascaded: CascadeItem[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const kind of LIVE_KINDS) {
      const references = referencesOf(kind);
      const map = live.get(kind) as Map<Uuid, AnyRecord>;
      const suspectsOfKind = suspects.get(kind) as Set<Uuid>;
      let everyRecord = mayMissSomething(kind);
      if (!everyRecord && suspectsOfKind.size === 0) continue;
      // The records left out are the closure of what is gone, whatever order they are found in (listed sorted).
      for (const [id, record] of map) {
        if (!everyRecord && !suspectsOfKind.has(id)) continue;
        const missing = references(record).find((reference) => reference.kind !== 'tombstones' && !live.get(reference.kind as LiveKind)?.has(reference.id));
        if (!missing) continue;
        map.delete(id);
        if (!goneKinds.has(kind)) {
          // Base records of this kind may now be gone: whatever refers to this kind is looked at from here on.
          goneKinds.add(kind);
          everyRecord = mayMissSomething(kind);
        }
        cascaded.push({
          kind,
          id,
          label: label(kind, record),
          because: `its ${missing.field} (${RECORD_KIND_DEFINITIONS[missing.kind].label} ${missing.id}) is gone`,
        });
        changed = true;
      }
    }
  }
  // A record that is in the result has no tombstone (the integrity rule of the model).
  for (const id of [...tombstones.keys()]) {
    const tombstone = tombstones.get(id) as Tombstone;
    if (live.get(tombstone.kind as LiveKind)?.has(id)) tombstones.delete(id);
  }

  const snapshot = (): ProjectSnapshot => {
    const lists: Record<string, unknown> = { project: base.project };
    for (const kind of LIVE_KINDS) lists[kind] = sortedById(base[kind] as readonly AnyRecord[], live.get(kind) as Map<Uuid, AnyRecord>);
    lists.tombstones = sortedById(base.tombstones, tombstones);
    return lists as unknown as ProjectSnapshot;
  };
  return {
    snapshot,
    deletions,
    documentMatches,
    documentConflicts,
    codeMatches: codeMatches.sort(byId),
    codingCollapses,
    cascaded: cascaded.sort(byId),
    skipped,
  };
}

/** What a merge of `incoming` into `base` would do. `sourceNames` name the inputs in the report (base first). */
export function planMerge(base: ProjectSnapshot, incoming: readonly ProjectSnapshot[], sourceNames?: readonly string[]): MergePlan {
  const foreign = incoming.find((snapshot) => snapshot.project.id !== base.project.id);
  if (foreign) {
    throw new UserError(`"${foreign.project.name}" is another project than "${base.project.name}" (its id differs): only copies and sessions of the same project can be merged.`);
  }
  const inputs = [base, ...incoming];
  const names = sourceNames ?? inputs.map((_, i) => (i === 0 ? 'base' : `incoming ${i}`));
  const gathered = gather(inputs);
  const resolution = resolve(inputs, (_key, proposed) => proposed, gathered);
  const { versions, baseById } = gathered;
  // Names as the merge keeps them (the winning version's), for the labels of the review and the report.
  const resultNames = (kind: RecordKind, id: Uuid): string | undefined => {
    const forId = versions.get(kind)?.get(id);
    const record = forId ? winnerOf(forId).record : baseById.get(kind)?.get(id);
    return record && 'name' in record && typeof record.name === 'string' ? record.name : undefined;
  };
  const added: AddedItem[] = [];
  const changed: ChangedItem[] = [];
  let sameCount = 0;
  for (const kind of RECORD_KINDS) {
    const inBase = baseById.get(kind) as Map<Uuid, AnyRecord>;
    // The base's records no incoming input holds are the same; only the ids the inputs bring are looked at.
    let baseSeen = 0;
    const addedOfKind: AddedItem[] = [];
    const changedOfKind: ChangedItem[] = [];
    for (const [id, forId] of versions.get(kind) ?? []) {
      const winner = winnerOf(forId);
      if (!inBase.has(id)) {
        addedOfKind.push({ kind, id, label: describeRecord(kind, winner.record, resultNames), from: sourcesOf(forId) });
        continue;
      }
      baseSeen++;
      if (forId.length === 1) sameCount++;
      else if (kind !== 'tombstones') {
        changedOfKind.push({
          kind,
          id,
          label: describeRecord(kind, winner.record, resultNames),
          winner: Math.min(...winner.from),
          versions: forId
            .map((v) => ({ from: [...v.from].sort((a, b) => a - b), record: v.record }))
            .sort((a, b) => (newer(a.record, b.record) === a.record ? 1 : -1)),
        });
      }
    }
    sameCount += inBase.size - baseSeen;
    added.push(...addedOfKind.sort(byId));
    changed.push(...changedOfKind.sort(byId));
  }
  const needed = [
    ...resolution.deletions.filter((d) => d.proposed === 'ask').map((d) => d.key),
    ...resolution.documentConflicts.map((c) => c.key),
  ].sort(compareStrings);
  const plan: MergePlan = {
    sourceNames: names,
    inputs,
    added,
    sameCount,
    changed,
    deletions: resolution.deletions,
    documentMatches: resolution.documentMatches,
    documentConflicts: resolution.documentConflicts,
    codeMatches: resolution.codeMatches,
    codingCollapses: resolution.codingCollapses,
    needed,
  };
  gatheredOf.set(plan, gathered);
  return plan;
}

/** The inputs' versions gathered for a plan, so that applying it does not gather the same records again. */
const gatheredOf = new WeakMap<MergePlan, Gathered>();

const ANSWERS: Readonly<Record<string, readonly string[]>> = {
  delete: ['agree', 'keep'],
  document: ['keep-both', 'skip'],
  code: ['match', 'apart'],
};

function describeDecision(plan: MergePlan, key: string): string {
  const deletion = plan.deletions.find((d) => d.key === key);
  if (deletion) {
    return `${key}: ${deletion.label} was deleted in ${deletion.tombstoneFrom.map((s) => plan.sourceNames[s]).join(', ')} by someone other than its maker (agree | keep)`;
  }
  const conflict = plan.documentConflicts.find((c) => c.key === key);
  if (conflict) return `${key}: document "${conflict.name}" has the name of another document but a different text, ${conflict.difference} (keep-both | skip)`;
  return key;
}

/** The result of a merge: one change to apply to the base (as it is, not re-stamped) and the report. */
export interface MergeResult {
  readonly change: ProjectChange;
  /** The project after the merge (the base with `change` applied), every list sorted by id. */
  readonly snapshot: ProjectSnapshot;
  /** What happened to the records that are not in the result under their own id. */
  readonly outcome: {
    readonly deletions: readonly DeletionItem[];
    readonly documentMatches: readonly DocumentMatch[];
    readonly codeMatches: readonly CodeMatch[];
    readonly codingCollapses: readonly CodingCollapse[];
    readonly leftOut: readonly CascadeItem[];
  };
  readonly report: string;
}

/**
 * The merge as one ProjectChange, with the user's answers. `stamp` (the merge's own clock reading) marks the records
 * kept against a deletion as edited by the merge; without it they keep their stamps and a later merge asks again. Refuses (MergeDecisionNeeded, naming them) when a
 * decision is needed and not given, or an answer is not one of the allowed ones.
 */
export function applyMergePlan(
  base: ProjectSnapshot,
  plan: MergePlan,
  decisions: MergeDecisions = {},
  options: { readonly stamp?: ChangeStamp } = {},
): MergeResult {
  if (plan.inputs[0] !== base) {
    throw new UserError('The project changed since the merge was planned: plan the merge again.');
  }
  const missing = plan.needed.filter((key) => decisions[key] === undefined);
  const wrong = Object.entries(decisions).filter(([key, value]) => {
    const allowed = ANSWERS[key.split(':')[0] ?? ''];
    return !allowed || !allowed.includes(value);
  });
  if (missing.length || wrong.length) {
    throw new MergeDecisionNeeded(
      [...missing, ...wrong.map(([key]) => key)],
      [...missing.map((key) => describeDecision(plan, key)), ...wrong.map(([key, value]) => `${key}: "${value}" is not an answer here`)],
    );
  }
  const gathered = gatheredOf.get(plan);
  const resolution = resolve(plan.inputs, (key, proposed) => decisions[key] ?? proposed, gathered);
  let result = resolution.snapshot();
  const { stamp } = options;
  const keptAgainstDeletion = new Set(resolution.deletions.filter((d) => decisions[d.key] === 'keep').map((d) => `${d.kind}:${d.id}`));
  if (stamp && keptAgainstDeletion.size) {
    // Keeping a record someone deleted is an edit made now: with the merge's clock it is later than the deletion, so
    // merging the same session again does not ask again.
    const lists: Record<string, unknown> = { project: result.project };
    for (const kind of RECORD_KINDS) {
      lists[kind] = (result[kind] as readonly AnyRecord[]).map((record) =>
        keptAgainstDeletion.has(`${kind}:${record.id}`) ? { ...record, modifiedAt: stamp.at, modifiedBy: stamp.by, clock: stamp.clock } : record,
      );
    }
    result = lists as unknown as ProjectSnapshot;
  }
  const put: Record<string, AnyRecord[]> = {};
  const del: Record<string, Uuid[]> = {};
  for (const kind of RECORD_KINDS) {
    const before = gathered?.baseById.get(kind) ?? new Map((base[kind] as readonly AnyRecord[]).map((r) => [r.id, r]));
    const after = result[kind] as readonly AnyRecord[];
    const puts = after.filter((r) => {
      const old = before.get(r.id);
      // Mostly the very object of the base (its version won); a re-pointed record is a new object with the old clock.
      return old !== r && (!old || old.clock !== r.clock || canonicalJson(old) !== canonicalJson(r));
    });
    const keptIds = new Set(after.map((r) => r.id));
    const deletes = [...before.keys()].filter((id) => !keptIds.has(id)).sort(compareStrings);
    if (puts.length) put[kind] = puts;
    if (deletes.length) del[kind] = deletes;
  }
  const change: ProjectChange = {
    ...(Object.keys(put).length ? { put: put as ProjectChange['put'] } : {}),
    ...(Object.keys(del).length ? { delete: del as ProjectChange['delete'] } : {}),
  };
  const outcome = {
    deletions: resolution.deletions,
    documentMatches: resolution.documentMatches,
    codeMatches: resolution.codeMatches.filter((m) => (decisions[m.key] ?? m.proposed) === 'match'),
    codingCollapses: resolution.codingCollapses,
    leftOut: [...resolution.skipped, ...resolution.cascaded],
  };
  return { change, snapshot: result, outcome, report: mergeReport(plan, resolution, decisions) };
}

function mergeReport(plan: MergePlan, resolution: Resolution, decisions: MergeDecisions): string {
  const source = (s: SourceIndex): string => plan.sourceNames[s] ?? `input ${s}`;
  const sources = (list: readonly SourceIndex[]): string => list.map(source).join(', ');
  const lines: string[] = [];
  lines.push(`# Merge report: ${plan.sourceNames.slice(1).join(', ')} into ${source(0)}`, '');
  lines.push('Method: records are matched by id; where versions differ the one with the latest clock (the model\'s hybrid logical clock) is kept; documents with identical text are one document; codings of the same passage, code and coder are one coding.', '');
  lines.push('## Files', '');
  plan.inputs.forEach((input, i) => {
    const counts = RECORD_KINDS.filter((k) => input[k].length).map((k) => `${input[k].length} ${RECORD_KIND_DEFINITIONS[k].plural}`);
    lines.push(`- ${source(i)}${i === 0 ? ' (base)' : ''}: ${counts.join(', ') || 'empty'}`);
  });
  lines.push('', '## Summary', '');
  // Deletions a session carries are counted as deletions, not as records added (as the review counts them).
  const carriedDeletions = plan.added.filter((item) => item.kind === 'tombstones').length;
  lines.push(`- Added: ${plan.added.length - carriedDeletions}`, `- Same: ${plan.sameCount}`, `- Changed: ${plan.changed.length}`);
  lines.push(`- Deletions carried from other copies: ${carriedDeletions}`);
  lines.push(`- Deleted on one side: ${resolution.deletions.length}`, `- Documents matched: ${resolution.documentMatches.length}`);
  lines.push(`- Document name conflicts: ${resolution.documentConflicts.length}`, `- Codes offered as matches: ${resolution.codeMatches.length}`);
  lines.push(`- Codings collapsed: ${resolution.codingCollapses.reduce((n, c) => n + c.collapsedIds.length, 0)}`);
  lines.push(`- Left out because what they refer to is gone: ${resolution.cascaded.length + resolution.skipped.length}`);
  const section = (title: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    lines.push('', `## ${title}`, '', ...items.map((item) => `- ${item}`));
  };
  const addedByKind = new Map<string, Map<string, number>>();
  for (const item of plan.added) {
    const key = `${RECORD_KIND_DEFINITIONS[item.kind].plural} from ${sources(item.from)}`;
    const perKind = addedByKind.get(key) ?? new Map<string, number>();
    perKind.set(key, (perKind.get(key) ?? 0) + 1);
    addedByKind.set(key, perKind);
  }
  section('Added', [...addedByKind].map(([key, m]) => `${m.get(key) ?? 0} ${key}`));
  section(
    'Changed (the latest edit wins)',
    plan.changed.map(
      (c) =>
        `${c.label}: kept the version of ${sources(c.versions[c.versions.length - 1]?.from ?? [])}; ` +
        c.versions.map((v) => `${sources(v.from)} at ${v.record.modifiedAt} (clock ${v.record.clock})`).join(' / '),
    ),
  );
  section(
    'Deletions',
    resolution.deletions.map((d) => {
      const given = decisions[d.key];
      const outcome = (given ?? d.proposed) === 'agree' ? 'deleted' : 'kept';
      const why = given ? `decided "${given}"` : `the deleting coder made it (agreed by default)`;
      return `${d.label}, deleted in ${sources(d.tombstoneFrom)}: ${outcome} (${why})`;
    }),
  );
  section('Documents matched by identical text', resolution.documentMatches.map((m) => `"${m.name}": ${m.matchedIds.join(', ')} merged into ${m.keptId}`));
  section(
    'Documents with the same name and different text',
    resolution.documentConflicts.map((c) => `"${c.name}" from ${sources(c.from)}: decided "${decisions[c.key] ?? '?'}" (${c.difference})`),
  );
  section(
    'Codes made apart',
    resolution.codeMatches.map((m) => `"${m.name}" (${m.id}), ${m.reason} as ${m.keptId}: ${(decisions[m.key] ?? m.proposed) === 'match' ? 'matched' : 'kept apart'}${decisions[m.key] ? ` (decided "${decisions[m.key]}")` : ' (proposed)'}`),
  );
  section('Codings collapsed', resolution.codingCollapses.map((c) => `${c.collapsedIds.join(', ')} into ${c.keptId}`));
  section('Left out', [...resolution.skipped, ...resolution.cascaded].map((c) => `${c.label}: ${c.because}`));
  return `${lines.join('\n')}\n`;
}

/**
 * The project memo that keeps a merge's report (what came from which file, every decision), made with the merge's
 * own stamp: the one way the app and `tessera merge` keep it.
 */
export function mergeReportMemo(projectId: Uuid, report: string, memoId: Uuid, stamp: ChangeStamp): Memo {
  return {
    id: memoId,
    projectId,
    target: { kind: 'project' },
    title: `Merge report ${stamp.at.slice(0, 10)}`,
    text: report,
    ...newStamps(stamp),
  };
}
