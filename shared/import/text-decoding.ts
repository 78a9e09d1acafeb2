/**
 * Turns the bytes of a text file into a string, knowing which encoding was used and never losing a character
 * silently.
 *
 * Detection: a byte-order mark decides (UTF-8 EF BB BF, UTF-16 LE FF FE, UTF-16 BE FE FF); without one the bytes are
 * tried as strict UTF-8, and when they are not valid UTF-8 they are read as Windows-1252, the usual encoding of
 * transcripts typed in Western-European Word or Notepad, with a warning that the encoding can be changed.
 *
 * Windows-1252 is decoded with our own table, not `TextDecoder`: Node 20.18.3-20.19.4 (and the Node inside some
 * Electron releases) decode bytes 0x80-0x9F as C1 control characters (nodejs/node#56542, #60888), so the renderer
 * and the command line would disagree about the same file. UTF-16 BE is decoded by swapping bytes and reading UTF-16
 * LE, which every `TextDecoder` supports, for the same reason.
 */

/** An encoding that Tessera reads text files in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encodings a user can choose from, in the order a picker shows them. */
export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** A human name for each encoding, for messages and pickers. */
export const TEXT_ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European)',
};

/**
 * Windows-1252 bytes 0x80-0x9F, as the WHATWG Encoding Standard maps them (index-windows-1252). The five bytes the
 * code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control with the same number, as browsers
 * do. Every other byte maps to the code point with its own value (ISO-8859-1).
 */
export const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes; every byte is a character, so this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    units[i] = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte;
  }
  return unitsToString(units);
}

/** Builds a string from UTF-16 units in chunks (one `fromCharCode` call per chunk keeps within argument limits). */
function unitsToString(units: Uint16Array): string {
  const chunkSize = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += chunkSize) {
    parts.push(String.fromCharCode(...units.subarray(i, i + chunkSize)));
  }
  return parts.join('');
}

/** Which byte-order mark a file starts with, if any, and how many bytes it takes. */
export function sniffByteOrderMark(bytes: Uint8Array): { readonly encoding: TextEncodingName; readonly length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Why bytes could not be decoded in an encoding. */
export class InvalidEncodingError extends Error {
  constructor(readonly encoding: TextEncodingName) {
    super(`The bytes are not valid ${TEXT_ENCODING_LABELS[encoding]}.`);
    this.name = 'InvalidEncodingError';
  }
}

/**
 * Decodes bytes strictly in one encoding, after any byte-order mark of that encoding. Throws InvalidEncodingError
 * when a byte sequence is not valid in it (Windows-1252 never throws): a replacement character (U+FFFD) is never
 * produced in place of bytes that could not be read.
 */
export function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string {
  const bom = sniffByteOrderMark(bytes);
  const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  let source = body;
  if (encoding === 'utf-16be') {
    source = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      source[i] = body[i + 1] as number;
      source[i + 1] = body[i] as number;
    }
    if (body.length % 2 === 1) source[body.length - 1] = body[body.length - 1] as number;
  }
  try {
    // ignoreBOM: any mark was stripped above; a U+FEFF left in the body is a character of the text.
    return new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'utf-16le', { fatal: true, ignoreBOM: true }).decode(source);
  } catch {
    throw new InvalidEncodingError(encoding);
  }
}

/** Text decoded from bytes, with the encoding used and how it was chosen. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** How the encoding was chosen: by the user, by a byte-order mark, or guessed. */
  readonly detectedBy: 'requested' | 'byte-order-mark' | 'valid-utf-8' | 'fallback';
}

/**
 * Decodes the bytes of a text file: in `requested` when given, else by byte-order mark, else as strict UTF-8, else as
 * Windows-1252. Throws InvalidEncodingError when the requested encoding or the one a byte-order mark announces does
 * not fit the bytes.
 */
export function decodeTextBytes(bytes: Uint8Array, requested?: TextEncodingName): DecodedText {
  if (requested) return { text: decodeStrict(bytes, requested), encoding: requested, detectedBy: 'requested' };
  const bom = sniffByteOrderMark(bytes);
  if (bom) return { text: decodeStrict(bytes, bom.encoding), encoding: bom.encoding, detectedBy: 'byte-order-mark' };
  try {
    return { text: decodeStrict(bytes, 'utf-8'), encoding: 'utf-8', detectedBy: 'valid-utf-8' };
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', detectedBy: 'fallback' };
}
