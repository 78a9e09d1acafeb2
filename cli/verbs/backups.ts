/**
 * `tessera backups list DIR`: the backups Tessera keeps, newest first, with when each was made and what it holds.
 * DIR is one project's backup folder, or the backups folder holding one folder per project. The listing is
 * node/backups.ts, the code the desktop app lists them with; `tessera info FILE` shows one backup in full, and
 * opening a backup file in Tessera (or the Backups dialog) restores it.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupEntry } from '#shared/platform/preload-api';
import { isUuid } from '#shared/model/ids';
import { describeBackups } from '#node/backups';
import { CliFileError } from '../cli-io.ts';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

const SHOWN_KINDS = ['documents', 'codes', 'codings', 'memos'] as const;

/** Each project folder to list: DIR itself when it holds backups, else its subfolders named by project id. */
async function projectFolders(dir: string): Promise<string[]> {
  let entries;
  try {
    if (!(await stat(dir)).isDirectory()) throw new CliFileError(`${dir} is not a folder.`);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error instanceof CliFileError) throw error;
    throw new CliFileError(`${dir} cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such folder' : String(error)}.`);
  }
  const projects = entries.filter((entry) => entry.isDirectory() && isUuid(entry.name)).map((entry) => path.join(dir, entry.name));
  return projects.length > 0 ? projects.sort() : [dir];
}

function row(folder: string, backup: BackupEntry): string[] {
  const counts = backup.counts;
  return [
    backup.madeAt,
    backup.projectName ?? '-',
    ...SHOWN_KINDS.map((kind) => (counts ? String(counts[kind] ?? 0) : '-')),
    String(backup.size),
    backup.problem ? `${path.join(folder, backup.fileName)} (cannot be read: ${backup.problem})` : path.join(folder, backup.fileName),
  ];
}

/** The backups verb. */
export const backupsVerb: VerbDefinition = {
  name: 'backups',
  summary: 'List the backups Tessera keeps (tessera backups list DIR): when each was made and what it holds.',
  positionals: ['list', 'DIR'],
  options: {
    json: { type: 'boolean', description: 'Print JSON instead of a table.' },
  },
  async run({ positionals, values }, io) {
    const [action, dir] = positionals as [string, string];
    if (action !== 'list') throw new UsageError(`Unknown backups action "${action}": the action is "list".`);
    const folders = await projectFolders(dir);
    const listed = await Promise.all(folders.map(async (folder) => ({ folder, backups: await describeBackups(folder) })));
    if (values.json) {
      io.out(`${JSON.stringify(listed, null, 2)}\n`);
      return EXIT.ok;
    }
    const header = ['Made (UTC)', 'Project', 'Documents', 'Codes', 'Codings', 'Memos', 'Bytes', 'File'];
    const rows = listed.flatMap(({ folder, backups }) => backups.map((backup) => row(folder, backup)));
    if (rows.length === 0) {
      io.out(`No backups in ${dir}.\n`);
      return EXIT.ok;
    }
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)));
    const line = (cells: readonly string[]) =>
      cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
    io.out(`${[header, ...rows].map(line).join('\n')}\n`);
    return EXIT.ok;
  },
};
