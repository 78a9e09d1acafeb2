/**
 * The kinds of record a project holds, declared once.
 *
 * Everything that handles records generically follows this list: `applyChange`, `invertChange` and
 * `composeChanges` (change.ts), the stamps and tombstones of a committed change (stamps.ts), the snapshot schema and
 * the integrity check (schema.ts), the id renewal of a copied project (project-file/remap-ids.ts), the manifest's
 * counts and the file reader and writer (project-file/), the store's tables and its commit (renderer/db/), the
 * project index (index/project-index.ts) and `tessera info`. `tests/unit/shared/model/record-kinds.test.ts` fails
 * when a kind is declared here and one of them does not handle it.
 *
 * To add a kind: write its type in types.ts (extending `ProjectRecord`) and its schema in its own module, add its
 * list to `ProjectSnapshot`, and add one entry below. The store gets a table of the same name in a new schema version
 * (renderer/db/schema.ts) and the file format a new version (project-file/migrations.ts) that adds the empty list.
 */
import type { ProjectSnapshot, Uuid } from './types.ts';

/** The kinds of record, in the order a snapshot lists them (records referred to come before those referring). */
export const RECORD_KINDS = [
  'sites',
  'phases',
  'coders',
  'documentGroups',
  'documents',
  'originals',
  'codes',
  'codings',
  'memos',
  'cases',
  'ratings',
  'tombstones',
] as const;

/** One of the kinds of record. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The record type of a kind. */
export type RecordOf<K extends RecordKind> = ProjectSnapshot[K][number];

/** Every record of any kind. */
export type AnyRecord = RecordOf<RecordKind>;

/** Whether a string names a kind of record. */
export function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

/** A reference from a record to another record: the field (for messages), the kind referred to, and the id. */
export interface RecordReference {
  readonly field: string;
  readonly kind: RecordKind;
  readonly id: Uuid;
}

/** Renews the id of a record of some kind (see project-file/remap-ids.ts). */
export type IdRenewal = (kind: RecordKind, id: Uuid) => Uuid;

/** What the generic code needs to know of a kind beyond its schema. */
export interface RecordKindDefinition<K extends RecordKind> {
  /** The kind in words, singular, for messages: "coding". */
  readonly label: string;
  /** The same, plural: "codings". */
  readonly plural: string;
  /** Dexie's index declaration of the kind's table: the primary key first, then what queries use. */
  readonly storeIndexes: string;
  /** The records this one refers to (its project is implied): what the integrity check and a merge follow. */
  readonly references: (record: RecordOf<K>) => readonly RecordReference[];
  /**
   * The record with its own id and every reference renewed (the project id is set by the caller); `newId` makes ids
   * for what lives inside the record (a document's speakers).
   */
  readonly renewIds: (record: RecordOf<K>, renew: IdRenewal, newId: () => Uuid) => RecordOf<K>;
}

const ref = (field: string, kind: RecordKind, id: Uuid | null): RecordReference[] => (id === null ? [] : [{ field, kind, id }]);
const renewOrNull = (renew: IdRenewal, kind: RecordKind, id: Uuid | null): Uuid | null => (id === null ? null : renew(kind, id));

/** The stamps' references to coders, shared by every kind. */
function stampReferences(record: { readonly createdBy: Uuid | null; readonly modifiedBy: Uuid | null }): RecordReference[] {
  return [...ref('createdBy', 'coders', record.createdBy), ...ref('modifiedBy', 'coders', record.modifiedBy)];
}

function renewStamps<R extends { readonly id: Uuid; readonly createdBy: Uuid | null; readonly modifiedBy: Uuid | null }>(
  record: R,
  kind: RecordKind,
  renew: IdRenewal,
): R {
  return {
    ...record,
    id: renew(kind, record.id),
    createdBy: renewOrNull(renew, 'coders', record.createdBy),
    modifiedBy: renewOrNull(renew, 'coders', record.modifiedBy),
  };
}

/** The declaration of every kind. */
export const RECORD_KIND_DEFINITIONS: { readonly [K in RecordKind]: RecordKindDefinition<K> } = {
  sites: {
    label: 'site',
    plural: 'sites',
    storeIndexes: 'id, projectId',
    references: stampReferences,
    renewIds: (record, renew) => renewStamps(record, 'sites', renew),
  },
  phases: {
    label: 'phase',
    plural: 'phases',
    storeIndexes: 'id, projectId',
    references: stampReferences,
    renewIds: (record, renew) => renewStamps(record, 'phases', renew),
  },
  coders: {
    label: 'coder',
    plural: 'coders',
    storeIndexes: 'id, projectId',
    references: stampReferences,
    renewIds: (record, renew) => renewStamps(record, 'coders', renew),
  },
  documentGroups: {
    label: 'document group',
    plural: 'document groups',
    storeIndexes: 'id, projectId',
    references: (record) => [
      ...stampReferences(record),
      ...record.documentIds.map((id, i) => ({ field: `documentIds[${i}]`, kind: 'documents' as const, id })),
    ],
    renewIds: (record, renew) => ({
      ...renewStamps(record, 'documentGroups', renew),
      documentIds: record.documentIds.map((id) => renew('documents', id)),
    }),
  },
  documents: {
    label: 'document',
    plural: 'documents',
    // The text is stored apart (documentTexts), so that listing documents never reads texts.
    storeIndexes: 'id, projectId',
    references: (record) => [
      ...stampReferences(record),
      ...ref('attributes.siteId', 'sites', record.attributes.siteId),
      ...ref('attributes.phaseId', 'phases', record.attributes.phaseId),
      ...ref('linkedDocumentId', 'documents', record.linkedDocumentId),
    ],
    renewIds: (record, renew, newId) => {
      // Speaker ids are referred to only within their own document: renewed here, not through `renew`.
      const speakers = new Map(record.speakers.map((speaker) => [speaker.id, newId()]));
      const speaker = (id: Uuid | null): Uuid | null => (id === null ? null : (speakers.get(id) ?? id));
      return {
        ...renewStamps(record, 'documents', renew),
        attributes: {
          ...record.attributes,
          siteId: renewOrNull(renew, 'sites', record.attributes.siteId),
          phaseId: renewOrNull(renew, 'phases', record.attributes.phaseId),
        },
        speakers: record.speakers.map((s) => ({ ...s, id: speakers.get(s.id) ?? s.id })),
        paragraphs: record.paragraphs.map((p) => ({ ...p, speakerId: speaker(p.speakerId) })),
        linkedDocumentId: renewOrNull(renew, 'documents', record.linkedDocumentId),
      };
    },
  },
  originals: {
    label: 'original-language transcript',
    plural: 'original-language transcripts',
    storeIndexes: 'id, projectId, documentId',
    references: (record) => [...stampReferences(record), ...ref('documentId', 'documents', record.documentId)],
    renewIds: (record, renew, newId) => {
      // As a document's, its speakers are referred to only from within it.
      const speakers = new Map(record.speakers.map((speaker) => [speaker.id, newId()]));
      return {
        ...renewStamps(record, 'originals', renew),
        documentId: renew('documents', record.documentId),
        speakers: record.speakers.map((s) => ({ ...s, id: speakers.get(s.id) ?? s.id })),
        paragraphs: record.paragraphs.map((p) => ({ ...p, speakerId: p.speakerId === null ? null : (speakers.get(p.speakerId) ?? p.speakerId) })),
      };
    },
  },
  codes: {
    label: 'code',
    plural: 'codes',
    storeIndexes: 'id, projectId, parentId',
    references: (record) => [...stampReferences(record), ...ref('parentId', 'codes', record.parentId)],
    renewIds: (record, renew) => ({
      ...renewStamps(record, 'codes', renew),
      parentId: renewOrNull(renew, 'codes', record.parentId),
    }),
  },
  codings: {
    label: 'coding',
    plural: 'codings',
    storeIndexes: 'id, projectId, [projectId+documentId], [projectId+codeId]',
    references: (record) => [
      ...stampReferences(record),
      ...ref('documentId', 'documents', record.documentId),
      ...ref('codeId', 'codes', record.codeId),
    ],
    renewIds: (record, renew) => ({
      ...renewStamps(record, 'codings', renew),
      documentId: renew('documents', record.documentId),
      codeId: renew('codes', record.codeId),
    }),
  },
  memos: {
    label: 'memo',
    plural: 'memos',
    storeIndexes: 'id, projectId',
    references: (record) => {
      const target = record.target;
      const targetKind = target.kind === 'project' ? null : MEMO_TARGET_KINDS[target.kind];
      return [...stampReferences(record), ...(targetKind && 'id' in target ? ref('target', targetKind, target.id) : [])];
    },
    renewIds: (record, renew) => {
      const target = record.target;
      return {
        ...renewStamps(record, 'memos', renew),
        target: target.kind === 'project' ? target : { ...target, id: renew(MEMO_TARGET_KINDS[target.kind], target.id) },
      };
    },
  },
  cases: {
    label: 'case',
    plural: 'cases',
    storeIndexes: 'id, projectId',
    references: (record) => {
      const scope = record.scope;
      const scoped =
        scope.kind === 'documents'
          ? scope.documentIds.map((id, i) => ({ field: `scope.documentIds[${i}]`, kind: 'documents' as const, id }))
          : [
              ...ref('scope.siteId', 'sites', scope.siteId),
              ...(scope.kind === 'site-phase' ? ref('scope.phaseId', 'phases', scope.phaseId) : []),
            ];
      return [...stampReferences(record), ...scoped];
    },
    renewIds: (record, renew) => {
      const scope = record.scope;
      return {
        ...renewStamps(record, 'cases', renew),
        scope:
          scope.kind === 'documents'
            ? { kind: 'documents', documentIds: scope.documentIds.map((id) => renew('documents', id)) }
            : scope.kind === 'site'
              ? { kind: 'site', siteId: renew('sites', scope.siteId) }
              : { kind: 'site-phase', siteId: renew('sites', scope.siteId), phaseId: renew('phases', scope.phaseId) },
      };
    },
  },
  ratings: {
    label: 'rating',
    plural: 'ratings',
    storeIndexes: 'id, projectId',
    references: (record) => [
      ...stampReferences(record),
      ...ref('caseId', 'cases', record.caseId),
      ...ref('codeId', 'codes', record.codeId),
      ...record.evidenceCodingIds.map((id, i) => ({ field: `evidenceCodingIds[${i}]`, kind: 'codings' as const, id })),
    ],
    renewIds: (record, renew) => ({
      ...renewStamps(record, 'ratings', renew),
      caseId: renew('cases', record.caseId),
      codeId: renew('codes', record.codeId),
      evidenceCodingIds: record.evidenceCodingIds.map((id) => renew('codings', id)),
    }),
  },
  tombstones: {
    label: 'deletion',
    plural: 'deletions',
    storeIndexes: 'id, projectId',
    // A tombstone's id is the id of the record deleted, which is gone: it refers to nothing that must exist.
    references: stampReferences,
    renewIds: (record, renew) => {
      const kind = isRecordKind(record.kind) ? record.kind : 'tombstones';
      return { ...renewStamps(record, kind, renew) };
    },
  },
};

/** The kind of record each memo target names. */
const MEMO_TARGET_KINDS = { document: 'documents', code: 'codes', coding: 'codings' } as const satisfies Record<
  string,
  RecordKind
>;

/** A snapshot's lists by kind, typed: what generic code iterates. */
export function recordsOf<K extends RecordKind>(snapshot: ProjectSnapshot, kind: K): readonly RecordOf<K>[] {
  return snapshot[kind] as readonly RecordOf<K>[];
}

/** The number of records of each kind. */
export function recordCounts(snapshot: ProjectSnapshot): { readonly [K in RecordKind]: number } {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, snapshot[kind].length])) as { [K in RecordKind]: number };
}
