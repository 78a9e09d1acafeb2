/**
 * The IPC channels between the preload and the main process, declared once.
 *
 * Every channel is a member of TesseraApi: its request is that member's argument and its response what the member
 * resolves to, so the preload and the main process cannot drift from the API the renderer sees. The main process
 * never trusts a request: it parses it with the channel's schema below before acting (see electron/ipc.ts). The
 * preload imports this module as types only, so zod never lands in the sandboxed preload bundle.
 *
 * The bounds are there so a compromised or buggy renderer cannot make the main process allocate or write without
 * limit, or smuggle a path into a file name.
 */
import { z } from 'zod';
import type { TesseraApi } from './preload-api.ts';

/** The name of an IPC channel: one per member of TesseraApi. */
export type IpcChannel = keyof TesseraApi;

/** The payload a channel carries from the renderer: the member's argument, or `undefined` when it takes none. */
export type IpcRequest<K extends IpcChannel> = Parameters<TesseraApi[K]> extends [infer Request] ? Request : undefined;

/** What a channel's handler resolves to: what the TesseraApi member resolves to. */
export type IpcResponse<K extends IpcChannel> = Awaited<ReturnType<TesseraApi[K]>>;

/** The largest file the renderer may hand to the main process to save or back up (1 GiB). */
export const MAX_IPC_FILE_BYTES = 1024 * 1024 * 1024;

/** The longest file name accepted (the common file-system limit). */
export const MAX_FILE_NAME_LENGTH = 255;

/** The longest dialog title accepted. */
export const MAX_TITLE_LENGTH = 200;

/** The most filters a dialog may offer. */
export const MAX_FILTERS = 16;

/** The most extensions a single filter may list. */
export const MAX_EXTENSIONS_PER_FILTER = 16;

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

const boundedText = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    // Control characters have no place in a title or a name, and NUL truncates paths in native code.
    .refine((text) => !hasControlCharacter(text), 'must not contain control characters');

/** A file name without any folder part: no separators, not "." or "..", no control characters. */
const baseFileName = boundedText(MAX_FILE_NAME_LENGTH)
  .min(1)
  .refine((name) => !/[\\/]/.test(name), 'must be a file name, without a folder')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name, not "." or ".."');

const fileFilterSchema = z.strictObject({
  name: boundedText(100).min(1),
  // Lowercase letters and digits only (or "*" for all files): nothing a dialog could read as a pattern or path.
  extensions: z
    .array(z.string().regex(/^(?:[a-z0-9]{1,16}|\*)$/, 'extensions are lowercase letters and digits, without a dot'))
    .min(1)
    .max(MAX_EXTENSIONS_PER_FILTER),
});

const fileBytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength <= MAX_IPC_FILE_BYTES, `must be at most ${MAX_IPC_FILE_BYTES} bytes`);

const openFilesRequestSchema = z.strictObject({
  title: boundedText(MAX_TITLE_LENGTH),
  filters: z.array(fileFilterSchema).max(MAX_FILTERS),
  allowMultiple: z.boolean(),
});

const saveFileRequestSchema = z.strictObject({
  title: boundedText(MAX_TITLE_LENGTH),
  suggestedName: baseFileName,
  filters: z.array(fileFilterSchema).max(MAX_FILTERS),
  bytes: fileBytesSchema,
});

// A project id becomes a folder name: only the canonical UUID form is accepted, so it can never be a path.
const projectIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');

const backupRequestSchema = z.strictObject({
  projectId: projectIdSchema,
  projectName: boundedText(MAX_FILE_NAME_LENGTH),
  bytes: fileBytesSchema,
});

const backupListRequestSchema = z.strictObject({ projectId: projectIdSchema });

const backupReadRequestSchema = z.strictObject({
  projectId: projectIdSchema,
  // Only a backup's own name (a timestamp), never a path: see node/backups.ts.
  fileName: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d{1,6})?\.tessera$/, 'must be a backup file name'),
});

/**
 * The schema of each channel's request, checked by the main process before any handler runs.
 *
 * `satisfies` ties each schema to the TesseraApi argument type: a schema that accepts something the API type does
 * not allow, or a channel missing from the API, fails to compile.
 */
export const ipcRequestSchemas = {
  appInfo: z.undefined(),
  openFiles: openFilesRequestSchema,
  saveFile: saveFileRequestSchema,
  backupProject: backupRequestSchema,
  listBackups: backupListRequestSchema,
  readBackup: backupReadRequestSchema,
} satisfies { readonly [K in IpcChannel]: z.ZodType<IpcRequest<K>> };

/** Every channel name, in a fixed order (for registering handlers and for tests). */
export const IPC_CHANNELS = Object.keys(ipcRequestSchemas) as readonly IpcChannel[];
