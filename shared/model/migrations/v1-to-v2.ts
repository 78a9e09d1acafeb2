/**
 * Model version 1 to version 2, record by record: one pure function per kind of record, used by the store's schema
 * version 2 (renderer/db/schema.ts) and by the .tessera format version 2 (project-file/migrations.ts), so a project
 * upgrades the same way from the database and from a file.
 *
 * What changes:
 * - every record gets the four stamps under one naming and a clock reading: `Coding.coderId` and `Memo.authorId`
 *   become `createdBy`; `modifiedBy` is unknown (null) for what version 1 did not record; `clock` stands for the
 *   stored `modifiedAt` (see `hlcFromIsoTime`), on the legacy node, so that migrated records compare alike on every
 *   machine;
 * - a coder's `modifiedAt` is its `createdAt` (version 1 never changed a coder);
 * - the project's sites and phases leave the project record and become records of their own (with the project's id,
 *   the project's creation time, and their position as `order` for sites);
 * - documents, codes, codings and memos keep every other field as it is, byte for byte.
 *
 * Each function checks what it is given and throws a plain Error naming the record when it is not a version 1
 * record, so that a damaged store or file stops the upgrade (which then changes nothing) rather than being upgraded
 * into something else.
 */
import { hlcFromIsoTime } from '../clock.ts';
import type { Code, Coder, Coding, DocumentMeta, Memo, Phase, Project, Site, Stamps } from '../types.ts';

type Stored = Record<string, unknown>;

function asRecord(stored: unknown, what: string): Stored {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new Error(`A stored ${what} is not a record: ${JSON.stringify(stored)?.slice(0, 200)}`);
  }
  return stored as Stored;
}

function text(record: Stored, field: string, what: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw new Error(`A stored ${what} (${String(record.id)}) has no ${field}.`);
  return value;
}

function uuidOrNull(record: Stored, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' ? value : null;
}

/** The stamps of a version 1 record that kept `createdAt` and `modifiedAt`. */
function stampsOf(record: Stored, what: string, createdBy: string | null): Stamps {
  const createdAt = text(record, 'createdAt', what);
  const modifiedAt = typeof record.modifiedAt === 'string' ? record.modifiedAt : createdAt;
  return { createdAt, createdBy, modifiedAt, modifiedBy: null, clock: hlcFromIsoTime(modifiedAt) };
}

/** The project record of version 2, and the sites and phases it held in version 1. */
export function migrateProjectV1(stored: unknown): { project: Project; sites: Site[]; phases: Phase[] } {
  const record = asRecord(stored, 'project');
  const { sites: storedSites, phases: storedPhases, ...rest } = record;
  const id = text(record, 'id', 'project');
  const design: Stamps = { ...stampsOf(record, 'project', null) };
  const createdAt = design.createdAt;
  const designStamps: Stamps = { createdAt, createdBy: null, modifiedAt: createdAt, modifiedBy: null, clock: hlcFromIsoTime(createdAt) };
  const sites = (Array.isArray(storedSites) ? storedSites : []).map((site, i): Site => {
    const s = asRecord(site, 'site');
    return { id: text(s, 'id', 'site'), projectId: id, code: text(s, 'code', 'site'), name: text(s, 'name', 'site'), order: i + 1, ...designStamps };
  });
  const phases = (Array.isArray(storedPhases) ? storedPhases : []).map((phase): Phase => {
    const p = asRecord(phase, 'phase');
    const order = typeof p.order === 'number' ? p.order : 0;
    return { id: text(p, 'id', 'phase'), projectId: id, name: text(p, 'name', 'phase'), order, ...designStamps };
  });
  return { project: { ...(rest as unknown as Project), ...design }, sites, phases };
}

/** A coder of version 2. */
export function migrateCoderV1(stored: unknown): Coder {
  const record = asRecord(stored, 'coder');
  const createdAt = text(record, 'createdAt', 'coder');
  return { ...(record as unknown as Coder), createdAt, createdBy: null, modifiedAt: createdAt, modifiedBy: null, clock: hlcFromIsoTime(createdAt) };
}

/** A document's metadata (or a whole document, text included: the text is passed through) of version 2. */
export function migrateDocumentV1<D extends DocumentMeta>(stored: unknown): D {
  const record = asRecord(stored, 'document');
  return { ...(record as unknown as D), ...stampsOf(record, 'document', null) };
}

/** A code of version 2 (it already named its maker as `createdBy`). */
export function migrateCodeV1(stored: unknown): Code {
  const record = asRecord(stored, 'code');
  return { ...(record as unknown as Code), ...stampsOf(record, 'code', uuidOrNull(record, 'createdBy')) };
}

/** A coding of version 2: its coder becomes `createdBy`. */
export function migrateCodingV1(stored: unknown): Coding {
  const record = asRecord(stored, 'coding');
  const { coderId, ...rest } = record;
  return { ...(rest as unknown as Coding), ...stampsOf(record, 'coding', typeof coderId === 'string' ? coderId : null) };
}

/** A memo of version 2: its author becomes `createdBy`. */
export function migrateMemoV1(stored: unknown): Memo {
  const record = asRecord(stored, 'memo');
  const { authorId, ...rest } = record;
  return { ...(rest as unknown as Memo), ...stampsOf(record, 'memo', typeof authorId === 'string' ? authorId : null) };
}

/** A whole project as format version 1 held it (project.json), brought to version 2. */
export function migrateSnapshotV1(data: unknown): unknown {
  const snapshot = asRecord(data, 'project file');
  const list = (field: string): unknown[] => {
    const value = snapshot[field];
    if (!Array.isArray(value)) throw new Error(`The project has no list of ${field}.`);
    return value;
  };
  const { project, sites, phases } = migrateProjectV1(snapshot.project);
  return {
    project,
    sites,
    phases,
    coders: list('coders').map(migrateCoderV1),
    documentGroups: [],
    documents: list('documents').map((document) => migrateDocumentV1(document)),
    codes: list('codes').map(migrateCodeV1),
    codings: list('codings').map(migrateCodingV1),
    memos: list('memos').map(migrateMemoV1),
    cases: [],
    ratings: [],
    tombstones: [],
  };
}
