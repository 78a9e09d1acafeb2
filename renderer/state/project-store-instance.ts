/**
 * The one project store of this window, opened on first use.
 */
import type { ProjectStoreApi } from '../db/project-store-api.ts';
import { ProjectStore } from '../db/project-store.ts';
import { TESSERA_DB_NAME } from '../db/tessera-db.ts';

let instance: ProjectStoreApi | null = null;

/** The project store, opened on first use. */
export function projectStore(): ProjectStoreApi {
  instance ??= new ProjectStore(TESSERA_DB_NAME);
  return instance;
}
