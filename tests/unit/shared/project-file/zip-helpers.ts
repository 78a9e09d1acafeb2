/**
 * Helpers that build and alter zip archives for the project-file tests, independently of the reader under test
 * (fflate writes and lists; the alterations patch the bytes where the zip format puts each field).
 */
import { strToU8, unzipSync, zipSync } from 'fflate';

/** The entries of an archive as fflate reads them. */
export function entriesOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** A new archive of the given entries (deflated, fixed time so the bytes are stable). */
export function zip(entries: Record<string, Uint8Array | string>): Uint8Array {
  const data: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) data[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(data, { mtime: new Date('2025-01-01T00:00:00Z') });
}

/** Offset of the central-directory header of the named entry. */
export function centralHeaderOffset(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameBytes = strToU8(name);
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === nameBytes.length && nameBytes.every((b, i) => bytes[at + 46 + i] === b)) return at;
  }
  throw new Error(`no central header for ${name}`);
}

/** A copy of an archive with a 16- or 32-bit little-endian field of an entry's central header replaced. */
export function patchCentral(bytes: Uint8Array, name: string, fieldOffset: number, value: number, size: 2 | 4): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const at = centralHeaderOffset(copy, name) + fieldOffset;
  if (size === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return copy;
}

/** Central-header field offsets, from the zip specification (APPNOTE 4.3.12). */
export const CENTRAL = { flags: 8, compression: 10, crc32: 16, compressedSize: 20, uncompressedSize: 24, externalAttributes: 38 } as const;
