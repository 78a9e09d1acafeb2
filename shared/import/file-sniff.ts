/**
 * Recognises common non-text file types by their first bytes ("magic numbers"), so that a PDF or a Word file picked
 * by mistake is refused with a message that says what it is, instead of being decoded into pages of garbage.
 */

/** A file type recognised from its first bytes. */
export interface SniffedFormat {
  /** A short name, e.g. "pdf". */
  readonly kind: 'pdf' | 'zip' | 'png' | 'jpeg' | 'gif' | 'ole2' | 'rtf';
  /** What to tell the user the file is, completing "this is ...", e.g. "a PDF document". */
  readonly description: string;
}

const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly format: SniffedFormat }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: { kind: 'pdf', description: 'a PDF document' } },
  // Local file header, empty archive and spanned archive markers: .docx, .xlsx, .qdpx and .tessera are all zips.
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: { kind: 'zip', description: 'a Word document or another zip archive' } },
  { bytes: [0x50, 0x4b, 0x05, 0x06], format: { kind: 'zip', description: 'a Word document or another zip archive' } },
  { bytes: [0x50, 0x4b, 0x07, 0x08], format: { kind: 'zip', description: 'a Word document or another zip archive' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], format: { kind: 'png', description: 'a PNG image' } },
  { bytes: [0xff, 0xd8, 0xff], format: { kind: 'jpeg', description: 'a JPEG image' } },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], format: { kind: 'gif', description: 'a GIF image' } },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], format: { kind: 'gif', description: 'a GIF image' } },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    format: { kind: 'ole2', description: 'an old-style Word (.doc) or other Microsoft Office file' },
  },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], format: { kind: 'rtf', description: 'a Rich Text Format (.rtf) document' } },
];

/** The binary format a file's first bytes announce, or null when they announce none of the known ones. */
export function sniffBinaryFormat(bytes: Uint8Array): SniffedFormat | null {
  for (const { bytes: signature, format } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)) return format;
  }
  return null;
}

/** "EncryptedPackage" in UTF-16 LE: the stream in which Office keeps a password-protected .docx inside an OLE2 file. */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((character) => [character.charCodeAt(0), 0]);

/**
 * Whether an OLE2 (compound) file is a password-protected Office document: Word saves an encrypted .docx as an OLE2
 * file holding the encrypted package, whatever the name's extension says.
 */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  if (sniffBinaryFormat(bytes)?.kind !== 'ole2') return false;
  const first = ENCRYPTED_PACKAGE[0] as number;
  for (let i = bytes.indexOf(first); i !== -1 && i + ENCRYPTED_PACKAGE.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (ENCRYPTED_PACKAGE.every((byte, k) => bytes[i + k] === byte)) return true;
  }
  return false;
}
