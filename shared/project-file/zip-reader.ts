/**
 * A small, strict zip reader for archives that hold a few known entries (a .tessera file holds two).
 *
 * It reads the central directory first, so that names, sizes and the layout can be judged before a single byte is
 * inflated: fflate's own reader does no name checking and inflates whatever size an entry turns out to have (see
 * the reliability notes on zip slip and zip bombs). Entries are inflated into memory only, never extracted to disk,
 * while counting the bytes that come out, because declared sizes can lie; each entry's CRC-32 is then verified.
 * Refused: encryption, zip64, split archives, symbolic links, overlapping entries, compression other than stored or
 * deflate. Archives whose entry names are free (a .qdpx) are checked with `refuseUnsafeNames`: nothing here extracts,
 * but a name that points out of the archive is never innocent.
 */
import { Inflate } from 'fflate';

/** Why an archive could not be read; `kind` tells damage from a deliberately odd archive. */
export class ZipReadError extends Error {
  constructor(
    readonly kind: 'not-zip' | 'damaged' | 'unsupported' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** One entry as the central directory declares it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly compression: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  /** Where the entry's compressed bytes start in the archive. */
  readonly dataOffset: number;
}

/** Limits a caller sets on an archive before reading it. */
export interface ZipLimits {
  readonly maxEntries: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MAX_COMMENT_LENGTH = 0xffff;
const SYMLINK_MODE = 0o120000;
const FILE_TYPE_MASK = 0o170000;

/** Reads and checks the central directory of an archive, and locates each entry's data. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL_FILE_HEADER) {
    throw new ZipReadError('not-zip', 'It is not a zip archive.');
  }
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw new ZipReadError('damaged', 'The archive is incomplete: its table of contents is missing (was the file cut short?).');
  const diskNumber = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const entriesOnDisk = view.getUint16(end + 8, true);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipReadError('unsupported', 'The archive uses the zip64 extension, which project files never use.');
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new ZipReadError('unsupported', 'The archive is split over several files.');
  }
  if (entryCount > limits.maxEntries) {
    throw new ZipReadError('unsupported', `The archive holds ${entryCount} entries; a project file holds ${limits.maxEntries}.`);
  }
  if (directoryOffset + directorySize !== end) {
    throw new ZipReadError('damaged', 'The archive is damaged: its table of contents is not where it says it is.');
  }

  const entries: ZipEntry[] = [];
  const spans: { readonly start: number; readonly end: number }[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_HEADER) {
      throw new ZipReadError('damaged', 'The archive is damaged: an entry of its table of contents is broken.');
    }
    const flags = view.getUint16(at + 8, true);
    const compression = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > end) throw new ZipReadError('damaged', 'The archive is damaged: its table of contents overruns.');
    const name = new TextDecoder('utf-8').decode(nameBytes);
    if (flags & 0x0001) throw new ZipReadError('unsupported', `Entry "${printable(name)}" is encrypted.`);
    if (compression !== 0 && compression !== 8) {
      throw new ZipReadError('unsupported', `Entry "${printable(name)}" uses an unknown compression method (${compression}).`);
    }
    if (compression === 0 && compressedSize !== uncompressedSize) {
      throw new ZipReadError('damaged', `The archive is damaged: the sizes of entry "${printable(name)}" disagree.`);
    }
    if (((externalAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_MODE) {
      throw new ZipReadError('unsupported', `Entry "${printable(name)}" is a symbolic link.`);
    }
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER) {
      throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(name)}" cannot be found.`);
    }
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (!sameBytes(localName, nameBytes)) {
      throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(name)}" has two different names.`);
    }
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    const dataEnd = dataOffset + compressedSize;
    if (dataEnd > directoryOffset) {
      throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(name)}" is cut short.`);
    }
    spans.push({ start: localOffset, end: dataEnd });
    entries.push({ name, compression, compressedSize, uncompressedSize, crc32, dataOffset });
  }
  // Entries that share bytes are the "overlapping" zip bomb (one stream inflated many times); never legitimate.
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i] as { start: number }).start < (spans[i - 1] as { end: number }).end) {
      throw new ZipReadError('unsupported', 'The archive has entries that overlap one another.');
    }
  }
  return entries;
}

/** Refuses an archive whose entry names would point out of it if anyone extracted it. */
export function refuseUnsafeNames(entries: readonly ZipEntry[]): void {
  for (const entry of entries) {
    const unsafe = unsafeNameReason(entry.name);
    if (unsafe) throw new ZipReadError('unsupported', `Entry "${printable(entry.name)}" ${unsafe}; the archive was not read, for safety.`);
  }
}

/** Why an entry name is unsafe (a path out of the archive), or null when it is a plain relative path. */
export function unsafeNameReason(name: string): string | null {
  if (name.includes('\\')) return 'has a backslash in its name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'has a control character in its name';
  if (name.startsWith('/')) return 'has an absolute path';
  if (/^[a-z]:/i.test(name)) return 'names a drive';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the archive with ".."';
  return null;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY && at + 22 + view.getUint16(at + 20, true) === view.byteLength) {
      return at;
    }
  }
  return -1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A name made safe to show in a message: control characters dropped, length capped. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

/** Compressed input is fed to the inflater in pieces this size, so output is checked at least this often. */
const INFLATE_CHUNK = 64 * 1024;

/**
 * Inflates one entry into memory. Refuses, before inflating, an entry that declares more than `maxBytes`, and stops
 * as soon as the output exceeds the declared size; then checks the size and the CRC-32.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.uncompressedSize > maxBytes) {
    throw new ZipReadError('too-large', `Entry "${printable(entry.name)}" is ${entry.uncompressedSize} bytes; at most ${maxBytes} are allowed.`);
  }
  const compressed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let output: Uint8Array;
  if (entry.compression === 0) {
    output = compressed.slice();
  } else {
    output = new Uint8Array(entry.uncompressedSize);
    let written = 0;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > output.length) {
        throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(entry.name)}" is larger than it says.`);
      }
      output.set(chunk, written);
      written += chunk.length;
    });
    try {
      if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
      for (let at = 0; at < compressed.length; at += INFLATE_CHUNK) {
        inflater.push(compressed.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= compressed.length);
      }
    } catch (error) {
      if (error instanceof ZipReadError) throw error;
      throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(entry.name)}" cannot be decompressed.`);
    }
    if (written !== output.length) {
      throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(entry.name)}" is shorter than it says.`);
    }
  }
  if (crc32(output) !== entry.crc32) {
    throw new ZipReadError('damaged', `The archive is damaged: entry "${printable(entry.name)}" fails its CRC check.`);
  }
  return output;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 (IEEE 802.3, as zip uses it) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
