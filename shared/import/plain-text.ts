/**
 * Imports a plain-text transcript (.txt, or a caption file: .vtt, .srt, see `captions.ts`): checks that the bytes really are text, decodes them (see
 * `text-decoding.ts`), and recognises paragraphs, speakers and timestamps (see `transcript-structure.ts`).
 *
 * Every refusal is an ImportError whose message names the file and says why in plain words; everything the user
 * should know about a file that was read (a guessed encoding, removed NUL characters) is a warning.
 */
import { ImportError } from './import-error.ts';
import { sniffBinaryFormat } from './file-sniff.ts';
import type { ImportedText } from './imported-text.ts';
import {
  InvalidEncodingError,
  TEXT_ENCODING_LABELS,
  decodeTextBytes,
  sniffByteOrderMark,
  type TextEncodingName,
} from './text-decoding.ts';
import { captionFormatOf, captionParagraphs } from './captions.ts';
import { describeUnattributed, recogniseTranscript } from './transcript-structure.ts';

/** The largest text file Tessera imports; a two-hour transcript is well under 1 MB. */
export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;

/** Options of a plain-text import. */
export interface PlainTextImportOptions {
  /** Decode in this encoding instead of detecting one (the user's choice after a guess went wrong). */
  readonly encoding?: TextEncodingName;
}

/**
 * Control characters (C0 other than tab, line feed, vertical tab, form feed and carriage return) beyond this share of
 * the text, and beyond a handful, mean the file is binary: text has almost none, arbitrary bytes about one in ten.
 */
const MAX_CONTROL_SHARE = 0.02;
const CONTROL_ALLOWANCE = 4;
/** Replacement characters beyond this share of the visible text mean the text was lost before it reached us. */
const MAX_REPLACEMENT_SHARE = 0.1;

/** Imports the bytes of a plain-text file, or throws an ImportError that says why it cannot. */
export function importPlainText(fileName: string, bytes: Uint8Array, options?: PlainTextImportOptions): ImportedText {
  const quoted = `"${fileName}"`;
  if (bytes.length === 0) throw new ImportError(fileName, `${quoted} is empty (0 bytes): there is no text to import.`);
  if (bytes.length > MAX_TEXT_FILE_BYTES) {
    const megabytes = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ImportError(
      fileName,
      `${quoted} is ${megabytes} MB; Tessera imports text files of up to ${MAX_TEXT_FILE_BYTES / (1024 * 1024)} MB.`,
    );
  }
  refuseBinary(fileName, bytes);

  let decoded;
  try {
    decoded = decodeTextBytes(bytes, options?.encoding);
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    const label = TEXT_ENCODING_LABELS[error.encoding];
    const message = options?.encoding
      ? `${quoted} cannot be read as ${label}: some of its bytes are not valid in that encoding. Choose another encoding.`
      : `${quoted} starts with a ${label} byte-order mark but its bytes are not valid ${label}: the file is damaged or incomplete.`;
    throw new ImportError(fileName, message);
  }

  const warnings: string[] = [];
  let text = decoded.text;
  // eslint-disable-next-line no-control-regex
  const controlCount = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controlCount > CONTROL_ALLOWANCE && controlCount > text.length * MAX_CONTROL_SHARE) {
    const nulHeavy = countOf(text, '\u0000') > controlCount / 2;
    const utf16Hint =
      nulHeavy && !options?.encoding && !sniffByteOrderMark(bytes)
        ? ' If it is UTF-16 text saved without a byte-order mark, choose UTF-16 LE or UTF-16 BE as the encoding.'
        : '';
    const what = nulHeavy ? 'many NUL bytes' : 'many control characters';
    throw new ImportError(fileName, `${quoted} contains ${what}, so it is a binary file, not plain text.${utf16Hint}`);
  }
  // A stray NUL in otherwise good text (a transcription tool's glitch) is dropped, and the user told.
  const nulCount = countOf(text, '\u0000');
  if (nulCount > 0) {
    text = text.replaceAll('\u0000', '');
    warnings.push(`${nulCount} NUL ${nulCount === 1 ? 'character was' : 'characters were'} removed from the text.`);
  }

  const replacementCount = countOf(text, '\uFFFD');
  if (replacementCount > 0) {
    const visible = text.replace(/\s/g, '').length;
    if (replacementCount > visible * MAX_REPLACEMENT_SHARE) {
      throw new ImportError(
        fileName,
        `${quoted} decodes only to replacement characters (�): its text was lost before it reached Tessera, or it is not a text file.`,
      );
    }
    warnings.push(
      `The text contains ${replacementCount} replacement ${replacementCount === 1 ? 'character' : 'characters'} (�): ` +
        'characters that were already lost before the file reached Tessera.',
    );
  }

  if (decoded.detectedBy === 'fallback') {
    warnings.push(
      `The file is not UTF-8; its encoding was detected as ${TEXT_ENCODING_LABELS[decoded.encoding]}. ` +
        'If any characters look wrong (quotation marks, accents), import it again and choose another encoding.',
    );
  }

  // A caption file (WebVTT, SubRip) is told by its first lines, whatever its name.
  const captions = captionFormatOf(text);
  const recognised = recogniseTranscript(captions ? captionParagraphs(text, captions) : [text]);
  if (recognised.paragraphs.length === 0) {
    throw new ImportError(fileName, `${quoted} contains no text, only ${captions ? 'cue timings' : 'blank lines'}.`);
  }
  if (captions) {
    const name = captions === 'vtt' ? 'WebVTT' : 'SubRip';
    warnings.push(`Read as ${name} captions: consecutive cues of one speaker are one paragraph, with the start time of its first cue.`);
  }
  const unattributed = describeUnattributed(recognised.unattributed);
  if (unattributed) warnings.push(unattributed);
  return { ...recognised, encoding: decoded.encoding, format: captions ?? 'txt', warnings, encodingDetectedBy: decoded.detectedBy };
}

function refuseBinary(fileName: string, bytes: Uint8Array): void {
  const format = sniffBinaryFormat(bytes);
  if (!format) return;
  const quoted = `"${fileName}"`;
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let what: string = format.description;
  if (format.kind === 'zip') {
    const named: Record<string, string> = {
      docx: 'a Word document (.docx)',
      xlsx: 'an Excel workbook',
      pptx: 'a PowerPoint presentation',
      odt: 'an OpenDocument text',
      qdpx: 'a REFI-QDA project (.qdpx)',
      tessera: 'a Tessera project file',
    };
    what = named[extension] ?? 'a Word document or another zip archive';
  }
  throw new ImportError(fileName, `${quoted} is ${what}, not plain text. Import the transcript as a plain-text (.txt) file.`);
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let i = text.indexOf(character); i !== -1; i = text.indexOf(character, i + 1)) count++;
  return count;
}
