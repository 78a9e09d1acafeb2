/** The messages between the page and the import worker. */
import type { ImportedText } from '#shared/import/imported-text';
import type { TextEncodingName } from '#shared/import/text-decoding';

/** A file for the worker to read. */
export interface ImportRequest {
  readonly id: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly encoding: TextEncodingName | null;
}

/** What the worker made of a file: its imported text, or the user-facing reason it was refused. */
export type ImportResponse =
  | { readonly id: number; readonly ok: true; readonly imported: ImportedText }
  | { readonly id: number; readonly ok: false; readonly message: string };
