/**
 * The one entry point of transcript import, used by the app (in its import worker) and by `tessera inspect` and
 * `tessera import` alike, so a file becomes the same text wherever it is imported.
 *
 * The format comes from the file's bytes, never from its name: a Word document named .txt is read as Word, a PDF or
 * an image named .docx is refused as what it is, a password-protected .docx (an encrypted OLE2 file) is refused with
 * what to do. Everything that is not a known binary format is read as plain text.
 */
import { importDocx, DOCX_LIMITS } from './docx-import.ts';
import { isEncryptedOfficeFile, sniffBinaryFormat } from './file-sniff.ts';
import { ImportError } from './import-error.ts';
import type { ImportedText } from './imported-text.ts';
import { importPlainText, MAX_TEXT_FILE_BYTES } from './plain-text.ts';
import type { TextEncodingName } from './text-decoding.ts';

/** Options of an import. */
export interface ImportFileOptions {
  /** For a plain-text file: decode in this encoding instead of detecting one. Ignored for Word files. */
  readonly encoding?: TextEncodingName;
}

const MEGABYTE = 1024 * 1024;

/** Imports a transcript file of any supported format, or throws an ImportError naming the file and the reason. */
export async function importTranscriptFile(fileName: string, bytes: Uint8Array, options: ImportFileOptions = {}): Promise<ImportedText> {
  const quoted = `"${fileName}"`;
  if (bytes.length === 0) throw new ImportError(fileName, `${quoted} is empty (0 bytes): there is no text to import.`);
  const largest = Math.max(DOCX_LIMITS.fileBytes, MAX_TEXT_FILE_BYTES);
  if (bytes.length > largest) {
    throw new ImportError(
      fileName,
      `${quoted} is ${(bytes.length / MEGABYTE).toFixed(0)} MB, far larger than any transcript; Tessera imports files of up to ${largest / MEGABYTE} MB.`,
    );
  }
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = sniffBinaryFormat(bytes);
  if (format?.kind === 'zip') {
    const imported = await importDocx(fileName, bytes);
    if (extension === 'docx' || extension === 'docm') return imported;
    return { ...imported, warnings: [`The file is a Word document although its name ends in ".${extension}"; it was read as Word.`, ...imported.warnings] };
  }
  if (format?.kind === 'ole2') {
    if (isEncryptedOfficeFile(bytes)) {
      throw new ImportError(
        fileName,
        `${quoted} is password-protected. Open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password), save it, and import it again.`,
      );
    }
    throw new ImportError(fileName, `${quoted} is an old-style Word (.doc) file. Open it in Word or LibreOffice, save it as .docx, and import that.`);
  }
  if (format) {
    const advice =
      format.kind === 'rtf'
        ? 'Open it in Word or LibreOffice, save it as .docx, and import that.'
        : 'Tessera imports transcripts as Word (.docx), plain-text (.txt) or caption (.vtt, .srt) files.';
    throw new ImportError(fileName, `${quoted} is ${format.description}, not a transcript. ${advice}`);
  }
  const imported = importPlainText(fileName, bytes, options.encoding ? { encoding: options.encoding } : {});
  if (extension === 'docx') {
    return { ...imported, warnings: [`The file is plain text although its name ends in ".docx"; it was read as text.`, ...imported.warnings] };
  }
  return imported;
}
