/**
 * What the renderer asks of the project store. The store of record is IndexedDB (through Dexie); the UI keeps an
 * in-memory copy of the open project, shows each user action on it at once, writes the action here as one
 * `ProjectChange` in one transaction, and reports it done only once written (renderer/state/save-queue.ts).
 */
import type { ProjectChange } from '#shared/model/change';
import type { IsoDateTime, ProjectSnapshot, Uuid } from '#shared/model/types';

/** A line of the project list on the start screen. */
export interface ProjectSummary {
  readonly id: Uuid;
  readonly name: string;
  readonly modifiedAt: IsoDateTime;
  readonly documentCount: number;
  readonly codeCount: number;
  readonly codingCount: number;
}

/** The project store. Every method that writes runs in a single read-write transaction with strict durability. */
export interface ProjectStoreApi {
  /** Lists the projects, most recently modified first. */
  listProjects(): Promise<readonly ProjectSummary[]>;
  /** Reads a whole project; rejects with StoreError('not-found') if there is none with that id. */
  loadProject(projectId: Uuid): Promise<ProjectSnapshot>;
  /**
   * Writes a whole project that does not exist yet (a new project, or one opened from a .tessera file); with
   * `replace`, first deletes the project with the same id, in the same transaction.
   */
  createProject(snapshot: ProjectSnapshot, options?: { readonly replace?: boolean }): Promise<void>;
  /** Writes one change to an existing project and bumps its modifiedAt to `at`. */
  commit(projectId: Uuid, change: ProjectChange, at: IsoDateTime): Promise<void>;
  /** Deletes a project and everything in it. */
  deleteProject(projectId: Uuid): Promise<void>;
  /** Reads a setting of this installation (e.g. the last opened project, the current coder of a project). */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string | null): Promise<void>;
  close(): void;
}

/** Why the store refused or failed, each with a message a researcher can act on. */
export type StoreErrorKind = 'not-found' | 'already-exists' | 'newer-version' | 'quota' | 'unavailable' | 'failed';

/** An error from the project store, with a message meant for the user. */
export class StoreError extends Error {
  readonly kind: StoreErrorKind;
  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.kind = kind;
  }
}
