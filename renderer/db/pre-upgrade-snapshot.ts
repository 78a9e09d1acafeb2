/**
 * Before the project store is upgraded to a new schema version, every project in it is written out as a .tessera
 * file of the format the old store's Tessera wrote (schema version N holds format version N), exactly as stored:
 * if the upgrade, or the new version itself, turns out wrong, that file opens the project as it was.
 *
 * The store is read with no schema of ours (Dexie opens whatever is there as it is), so nothing is upgraded or
 * changed by reading it.
 */
import Dexie from 'dexie';
import { encodeRawProjectFile } from '#shared/project-file/project-file';
import { SCHEMA_VERSIONS } from './schema.ts';

/** One project of the old store, as a file of the old format. */
export interface PreUpgradeFile {
  readonly projectId: string;
  readonly projectName: string;
  readonly bytes: Uint8Array;
}

/** What an upgrade about to happen will change, and the files that keep what was there. */
export interface PendingUpgrade {
  readonly from: number;
  readonly to: number;
  readonly files: readonly PreUpgradeFile[];
}

type Stored = Record<string, unknown> & { readonly id: string; readonly projectId?: string };

/** The stored version of a database, or 0 when there is none, read without changing it. */
async function installedVersion(name: string, indexedDB?: IDBFactory): Promise<{ version: number; db: Dexie } | null> {
  const db = new Dexie(name, { autoOpen: false, ...(indexedDB ? { indexedDB } : {}) });
  try {
    await db.open();
  } catch (error) {
    if (error instanceof Dexie.NoSuchDatabaseError) return null;
    throw error;
  }
  return { version: Math.floor(db.backendDB().version / 10), db };
}

/**
 * The upgrade that opening the store will run, with one file per project as the old store holds it; null when the
 * store is new or already at the newest version (or newer, which the store itself refuses).
 */
export async function snapshotsBeforeUpgrade(
  name: string,
  options: { readonly appVersion: string; readonly savedAt: string; readonly indexedDB?: IDBFactory },
): Promise<PendingUpgrade | null> {
  const newest = SCHEMA_VERSIONS.length;
  const installed = await installedVersion(name, options.indexedDB);
  if (!installed) return null;
  const { version, db } = installed;
  try {
    if (version < 1 || version >= newest) return null;
    const tables = db.tables.map((table) => table.name).filter((table) => table !== 'settings' && table !== 'meta');
    const contents = new Map<string, Stored[]>();
    await db.transaction('r', tables, async () => {
      for (const table of tables) contents.set(table, (await db.table(table).toArray()) as Stored[]);
    });
    const texts = new Map((contents.get('documentTexts') ?? []).map((record) => [record.id, record.text]));
    const files: PreUpgradeFile[] = [];
    for (const project of contents.get('projects') ?? []) {
      const data: Record<string, unknown> & { project: { id: string; name: string } } = {
        project: project as unknown as { id: string; name: string },
      };
      for (const [table, records] of contents) {
        if (table === 'projects' || table === 'documentTexts') continue;
        const own = records.filter((record) => record.projectId === project.id);
        // A document travels with its text, as every format has held it.
        data[table] = table === 'documents' ? own.map((record) => ({ ...record, text: texts.get(record.id) ?? '' })) : own;
      }
      const bytes = await encodeRawProjectFile(data, version, { appVersion: options.appVersion, savedAt: options.savedAt });
      files.push({ projectId: project.id, projectName: String(project.name ?? 'project'), bytes });
    }
    return { from: version, to: newest, files };
  } finally {
    db.close();
  }
}
