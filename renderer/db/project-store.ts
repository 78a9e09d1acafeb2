/**
 * The project store on IndexedDB: every user action reaches it as one `ProjectChange`, written in one read-write
 * transaction with strict durability, so after a crash a project is as it was before the action or after it.
 *
 * Inside a transaction there are only IndexedDB requests: awaiting anything else (a file, a timer) would let
 * IndexedDB commit the transaction early and split the action. Everything that can be checked without the database
 * is checked before the transaction starts.
 */
import type { Table } from 'dexie';
import type { ProjectChange } from '#shared/model/change';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, type RecordKind } from '#shared/model/record-kinds';
import type {
  Code,
  Coding,
  DocumentMeta,
  IsoDateTime,
  ProjectRecord,
  ProjectSnapshot,
  TesseraDocument,
  Uuid,
} from '#shared/model/types';
import { StoreError, type ProjectStoreApi, type ProjectSummary } from './project-store-api.ts';
import { PROJECT_TABLES } from './schema.ts';
import { TesseraDb, toStoreError, type DocumentTextRecord } from './tessera-db.ts';

/** The table of each kind of record, named as the kind (a document's text is in documentTexts as well). */
type RecordTables = { readonly [K in RecordKind]: Table<ProjectRecord, Uuid> };

function splitDocument(document: TesseraDocument): { meta: DocumentMeta; text: DocumentTextRecord } {
  const { text, ...meta } = document;
  return { meta, text: { id: document.id, projectId: document.projectId, text } };
}

function notFound(projectId: Uuid): StoreError {
  return new StoreError('not-found', `There is no project with the id ${projectId} in the project store.`);
}

function recordOfAnotherProject(kind: RecordKind, id: Uuid, projectId: Uuid): StoreError {
  return new StoreError(
    'not-found',
    `The ${RECORD_KIND_DEFINITIONS[kind].label} record ${id} does not belong to project ${projectId}, so the change was refused; nothing was saved.`,
  );
}

/** Compares strings by the user's reading order with numbers compared as numbers ("FG 2" before "FG 10"). */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function byId(a: { id: Uuid }, b: { id: Uuid }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Codes grouped by parent (top-level codes first), then in sibling order. */
function compareCodes(a: Code, b: Code): number {
  if (a.parentId !== b.parentId) {
    if (a.parentId === null) return -1;
    if (b.parentId === null) return 1;
    return compareText(a.parentId, b.parentId);
  }
  return a.order - b.order || collator.compare(a.name, b.name) || byId(a, b);
}

/** Documents by name. */
function compareDocuments(a: DocumentMeta, b: DocumentMeta): number {
  return collator.compare(a.name, b.name) || byId(a, b);
}

/** Codings by document, then by position in it. */
function compareCodings(a: Coding, b: Coding): number {
  return compareText(a.documentId, b.documentId) || a.start - b.start || a.end - b.end || byId(a, b);
}

/** Records in the order they were created. */
function compareCreated(a: ProjectRecord, b: ProjectRecord): number {
  return compareText(a.createdAt, b.createdAt) || byId(a, b);
}

/** The order a loaded project lists each kind in: what views and files rely on, whatever order the store keeps. */
const LOAD_ORDER: { readonly [K in RecordKind]: (a: never, b: never) => number } = {
  sites: (a: { order: number } & ProjectRecord, b: { order: number } & ProjectRecord) => a.order - b.order || compareCreated(a, b),
  phases: (a: { order: number } & ProjectRecord, b: { order: number } & ProjectRecord) => a.order - b.order || compareCreated(a, b),
  coders: compareCreated,
  documentGroups: compareCreated,
  documents: compareDocuments,
  originals: compareCreated,
  codes: compareCodes,
  codings: compareCodings,
  memos: compareCreated,
  cases: (a: { order: number } & ProjectRecord, b: { order: number } & ProjectRecord) => a.order - b.order || compareCreated(a, b),
  ratings: compareCreated,
  tombstones: compareCreated,
};

/** Refuses a snapshot whose records name another project or repeat an id, before anything is written. */
function checkSnapshot(snapshot: ProjectSnapshot): void {
  const projectId = snapshot.project.id;
  for (const kind of RECORD_KINDS) {
    const seen = new Set<Uuid>();
    for (const record of snapshot[kind] as readonly ProjectRecord[]) {
      if (record.projectId !== projectId) throw recordOfAnotherProject(kind, record.id, projectId);
      if (seen.has(record.id)) {
        throw new StoreError(
          'failed',
          `The project contains two ${kind} records with the id ${record.id}, so it was not saved; ` +
            'nothing was changed.',
        );
      }
      seen.add(record.id);
    }
  }
}

/** Refuses a change whose records name another project, before anything is written. */
function checkChange(projectId: Uuid, change: ProjectChange): void {
  if (change.project && change.project.id !== projectId) {
    throw new StoreError(
      'not-found',
      `The change carries project ${change.project.id} but was made to project ${projectId}; nothing was saved.`,
    );
  }
  for (const kind of RECORD_KINDS) {
    for (const record of (change.put?.[kind] ?? []) as readonly ProjectRecord[]) {
      if (record.projectId !== projectId) throw recordOfAnotherProject(kind, record.id, projectId);
    }
  }
}

/**
 * The project store of this installation, on IndexedDB through Dexie.
 *
 * Deleting a document with `commit` deletes its text too, but nothing else: the caller puts the codings and memos
 * of that document into the same change (the pure functions of `shared/` that build the change do), so that undo
 * can restore them. The same holds for codes and their codings.
 */
export class ProjectStore implements ProjectStoreApi {
  private readonly db: TesseraDb;
  private readonly recordTables: RecordTables;

  /** Uses the given database, or opens the one with this name (Tessera's own is `TESSERA_DB_NAME`). */
  constructor(database: TesseraDb | string) {
    this.db = typeof database === 'string' ? new TesseraDb(database) : database;
    this.recordTables = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, this.db.table(kind)])) as unknown as RecordTables;
  }

  /** Runs a piece of work on the opened database, turning every failure into a StoreError. */
  private async run<T>(action: string, kind: 'read' | 'write', work: () => Promise<T>): Promise<T> {
    await this.db.openChecked();
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, action, kind);
    }
  }

  private projectTables() {
    return PROJECT_TABLES.map((name) => this.db.table(name));
  }

  /** Lists the projects, most recently modified first, counting their records through the projectId indexes. */
  listProjects(): Promise<readonly ProjectSummary[]> {
    return this.run('list the projects', 'read', () =>
      this.db.transaction('r', [this.db.projects, this.db.documents, this.db.codes, this.db.codings], async () => {
        const projects = await this.db.projects.toArray();
        const summaries = await Promise.all(
          projects.map(async (project): Promise<ProjectSummary> => {
            const [documentCount, codeCount, codingCount] = await Promise.all([
              this.db.documents.where('projectId').equals(project.id).count(),
              this.db.codes.where('projectId').equals(project.id).count(),
              this.db.codings.where('projectId').equals(project.id).count(),
            ]);
            return {
              id: project.id,
              name: project.name,
              modifiedAt: project.modifiedAt,
              documentCount,
              codeCount,
              codingCount,
            };
          }),
        );
        return summaries.sort(
          (a, b) => compareText(b.modifiedAt, a.modifiedAt) || collator.compare(a.name, b.name) || byId(a, b),
        );
      }),
    );
  }

  /** Reads a whole project in one read transaction, so the parts are consistent with each other. */
  loadProject(projectId: Uuid): Promise<ProjectSnapshot> {
    return this.run('read the project', 'read', () =>
      this.db.transaction('r', this.projectTables(), async () => {
        const project = await this.db.projects.get(projectId);
        if (!project) throw notFound(projectId);
        const [texts, ...lists] = await Promise.all([
          this.db.documentTexts.where('projectId').equals(projectId).toArray(),
          ...RECORD_KINDS.map((kind) => this.recordTables[kind].where('projectId').equals(projectId).toArray()),
        ]);
        const loaded: Record<string, unknown> = { project };
        RECORD_KINDS.forEach((kind, i) => {
          loaded[kind] = (lists[i] as ProjectRecord[]).sort(LOAD_ORDER[kind] as (a: ProjectRecord, b: ProjectRecord) => number);
        });
        const textById = new Map(texts.map((record) => [record.id, record.text]));
        loaded.documents = (loaded.documents as DocumentMeta[]).map((meta): TesseraDocument => {
          const text = textById.get(meta.id);
          if (text === undefined) {
            throw new StoreError(
              'failed',
              `The text of document "${meta.name}" is missing from the project store, so the project was not opened. ` +
                'Restore the latest backup of this project.',
            );
          }
          return { ...meta, text };
        });
        return loaded as unknown as ProjectSnapshot;
      }),
    );
  }

  /**
   * Writes a new project in one transaction. Refuses (StoreError 'already-exists') a project id that is in the
   * store, and records whose ids another project already uses, since writing them would overwrite its records.
   * With `replace`, a project with the same id is deleted first, in the same transaction, so that a failure leaves
   * the old project as it was.
   */
  async createProject(snapshot: ProjectSnapshot, options: { readonly replace?: boolean } = {}): Promise<void> {
    checkSnapshot(snapshot);
    const projectId = snapshot.project.id;
    const documents = snapshot.documents.map(splitDocument);
    await this.run(options.replace ? 'replace the project' : 'save the new project', 'write', () =>
      this.db.transaction('rw', this.projectTables(), async () => {
        if (options.replace) await this.deleteProjectRecords(projectId);
        if (await this.db.projects.get(projectId)) {
          throw new StoreError(
            'already-exists',
            `A project with the id ${projectId} is already in the project store ("${snapshot.project.name}" was not ` +
              'added again); nothing was saved.',
          );
        }
        for (const kind of RECORD_KINDS) {
          const ids = (snapshot[kind] as readonly ProjectRecord[]).map((record) => record.id);
          const existing = (await this.recordTables[kind].bulkGet(ids)).find((record) => record !== undefined);
          if (existing) {
            throw new StoreError(
              'already-exists',
              `The ${kind} record ${existing.id} of this project is already used by another project in the store; ` +
                'nothing was saved.',
            );
          }
        }
        await this.db.projects.add(snapshot.project);
        for (const kind of RECORD_KINDS) {
          const records = kind === 'documents' ? documents.map((document) => document.meta) : (snapshot[kind] as readonly ProjectRecord[]);
          if (records.length) await this.recordTables[kind].bulkAdd([...records]);
        }
        await this.db.documentTexts.bulkAdd(documents.map((document) => document.text));
      }),
    );
  }

  /**
   * Writes one change in one transaction and sets the project's modifiedAt to `at`. Puts replace records by id,
   * then deletes remove them (as `applyChange` does); deleting an id that is not there is not an error. Refuses
   * (StoreError 'not-found') a project that does not exist and records, put or deleted, of another project.
   */
  async commit(projectId: Uuid, change: ProjectChange, at: IsoDateTime): Promise<void> {
    checkChange(projectId, change);
    await this.run('save this change', 'write', () =>
      this.db.transaction('rw', this.projectTables(), async () => {
        const project = await this.db.projects.get(projectId);
        if (!project) throw notFound(projectId);
        for (const kind of RECORD_KINDS) {
          const puts = ((change.put?.[kind] ?? []) as readonly ProjectRecord[]).map((record) => record.id);
          const ids = [...puts, ...(change.delete?.[kind] ?? [])];
          if (ids.length === 0) continue;
          const stored = await this.recordTables[kind].bulkGet(ids);
          const foreign = stored.find((record) => record !== undefined && record.projectId !== projectId);
          if (foreign) throw recordOfAnotherProject(kind, foreign.id, projectId);
        }

        await this.db.projects.put({ ...(change.project ?? project), modifiedAt: at });
        for (const kind of RECORD_KINDS) {
          const puts = (change.put?.[kind] ?? []) as readonly ProjectRecord[];
          if (!puts.length) continue;
          if (kind !== 'documents') {
            await this.recordTables[kind].bulkPut([...puts]);
            continue;
          }
          // A document's text never changes after import: it is written with a new document only, so that renaming a
          // speaker or changing a site writes the metadata alone.
          const split = (puts as readonly TesseraDocument[]).map(splitDocument);
          const stored = new Set(await this.db.documentTexts.where(':id').anyOf(split.map((document) => document.meta.id)).primaryKeys());
          await this.db.documents.bulkPut(split.map((document) => document.meta));
          const newTexts = split.filter((document) => !stored.has(document.meta.id)).map((document) => document.text);
          if (newTexts.length) await this.db.documentTexts.bulkPut(newTexts);
        }
        for (const kind of RECORD_KINDS) {
          const ids = change.delete?.[kind] ?? [];
          if (!ids.length) continue;
          await this.recordTables[kind].bulkDelete([...ids]);
          if (kind === 'documents') await this.db.documentTexts.bulkDelete([...ids]);
        }
      }),
    );
  }

  /** Deletes a project and every record of it in one transaction; refuses (StoreError 'not-found') a missing one. */
  async deleteProject(projectId: Uuid): Promise<void> {
    await this.run('delete the project', 'write', () =>
      this.db.transaction('rw', this.projectTables(), async () => {
        if (!(await this.db.projects.get(projectId))) throw notFound(projectId);
        await this.deleteProjectRecords(projectId);
      }),
    );
  }

  /** Deletes every record of a project; runs inside a caller's read-write transaction over the project tables. */
  private async deleteProjectRecords(projectId: Uuid): Promise<void> {
    for (const name of PROJECT_TABLES) {
      if (name === 'projects') continue;
      await this.db.table(name).where('projectId').equals(projectId).delete();
    }
    await this.db.projects.delete(projectId);
  }

  /** The codings of one document, by position (through the [projectId+documentId] index). */
  codingsOfDocument(projectId: Uuid, documentId: Uuid): Promise<readonly Coding[]> {
    return this.run('read the codings of the document', 'read', async () =>
      (await this.db.codings.where('[projectId+documentId]').equals([projectId, documentId]).toArray()).sort(
        compareCodings,
      ),
    );
  }

  /** The codings of one code, by document and position (through the [projectId+codeId] index). */
  codingsOfCode(projectId: Uuid, codeId: Uuid): Promise<readonly Coding[]> {
    return this.run('read the codings of the code', 'read', async () =>
      (await this.db.codings.where('[projectId+codeId]').equals([projectId, codeId]).toArray()).sort(compareCodings),
    );
  }

  /** Reads a setting of this installation; null when it is not set. */
  getSetting(key: string): Promise<string | null> {
    return this.run('read a setting', 'read', async () => (await this.db.settings.get(key))?.value ?? null);
  }

  /** Writes a setting of this installation; null removes it. */
  async setSetting(key: string, value: string | null): Promise<void> {
    await this.run('save a setting', 'write', async () => {
      if (value === null) await this.db.settings.delete(key);
      else await this.db.settings.put({ key, value });
    });
  }

  /** Closes the database connection; a later call opens it again (with the same checks). */
  close(): void {
    this.db.close();
  }
}
