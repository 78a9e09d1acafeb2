/**
 * Imports a Word transcript (.docx): checks the archive before any XML is parsed, reads the document with mammoth,
 * and recognises paragraphs, speakers and timestamps (see `docx-content.ts` and `transcript-structure.ts`).
 *
 * Why the checks come first: a .docx of a few hundred KB can hold 100 MB of XML, on which mammoth runs for minutes
 * and takes gigabytes (measured; see the reliability notes, section 3.4). So the archive's table of contents is read
 * with Tessera's own strict zip reader, the declared sizes of its XML parts are held to budgets, each XML part is
 * inflated once while counting bytes (declared sizes can lie) and checked against its CRC, and a part that declares a
 * DTD is refused (Word never writes one) - all before mammoth sees the file. Mammoth is given the document model
 * route (`transformDocument`), not `extractRawText`, which drops soft line breaks; the HTML it would write is skipped
 * by handing it an empty document. The caller runs this off the UI thread with a time limit (the app's import worker).
 */
import mammoth from 'mammoth';
import { ZipReadError, readZipDirectory, readZipEntry, type ZipEntry } from '../project-file/zip-reader.ts';
import { readDocxContent, isDocxElement, type DocxContent, type DocxDocument } from './docx-content.ts';
import { ImportError } from './import-error.ts';
import type { ImportedText } from './imported-text.ts';
import { describeUnattributed, recogniseTranscript } from './transcript-structure.ts';

/** Byte budgets of a Word import: the file, each XML part (declared and inflated), all XML parts together. */
export const DOCX_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  /** A two-hour transcript's document.xml is well under 5 MB. */
  partBytes: 20 * 1024 * 1024,
  totalXmlBytes: 40 * 1024 * 1024,
  entries: 2000,
  /**
   * Markup elements of the main document. Mammoth takes about 3 microseconds and 1 KB of memory per element (measured:
   * 1.2 M elements, 4 s and 1.4 GB), so dense markup is refused before mammoth sees it; a two-hour transcript, even
   * with Word's fragmented runs, has well under 200,000.
   */
  elements: 600_000,
  /** Paragraphs of the main document: a two-hour transcript has a few thousand. */
  paragraphs: 30_000,
} as const;

const MEGABYTE = 1024 * 1024;

/** Imports the bytes of a .docx file, or throws an ImportError that says why it cannot. */
export async function importDocx(fileName: string, bytes: Uint8Array): Promise<ImportedText> {
  const quoted = `"${fileName}"`;
  if (bytes.length === 0) throw new ImportError(fileName, `${quoted} is empty (0 bytes): there is no text to import.`);
  if (bytes.length > DOCX_LIMITS.fileBytes) {
    throw new ImportError(
      fileName,
      `${quoted} is ${(bytes.length / MEGABYTE).toFixed(1)} MB; Tessera imports Word files of up to ${DOCX_LIMITS.fileBytes / MEGABYTE} MB.`,
    );
  }
  const entries = readDirectory(fileName, bytes);
  const mainPart = findMainDocumentPart(fileName, bytes, entries);
  const { textBoxes, trackedChanges } = checkXmlParts(fileName, bytes, entries, mainPart);

  let captured: DocxDocument | null = null;
  let messages: readonly { readonly type: string; readonly message: string }[] = [];
  try {
    const result = await mammoth.convertToHtml(mammothInput(bytes), {
      externalFileAccess: false,
      // Read the document model, then hand mammoth an empty document so it writes no HTML nobody reads.
      transformDocument: (document: unknown): unknown => {
        if (!isDocxElement(document)) return document;
        captured = document as DocxDocument;
        return { ...document, children: [] };
      },
    });
    messages = result.messages;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(fileName, `${quoted} could not be read as a Word document (${reason}). Open it in Word, save it again as .docx, and import that.`);
  }
  if (captured === null) throw new ImportError(fileName, `${quoted} could not be read as a Word document.`);

  const content = readDocxContent(captured);
  const read = recogniseTranscript(content.paragraphs);
  const recognised = { ...read, notes: [...read.notes, ...content.unanchoredNotes.map((note) => ({ ...note, n: null }))] };
  if (recognised.paragraphs.length === 0) {
    throw new ImportError(fileName, `${quoted} contains no text.`);
  }
  return {
    ...recognised,
    encoding: 'utf-8',
    format: 'docx',
    warnings: [
      ...(trackedChanges > 0
        ? [`The document has ${plural(trackedChanges, 'tracked change', 'tracked changes')}: its text was read with all of them accepted.`]
        : []),
      ...describeContent(content, textBoxes, messages),
      ...[describeUnattributed(recognised.unattributed)].filter((warning) => warning !== null),
    ],
  };
}

/** Mammoth reads `buffer` in Node and `arrayBuffer` in its browser build; an exact copy serves both. */
function mammothInput(bytes: Uint8Array): Parameters<typeof mammoth.convertToHtml>[0] {
  const copy = bytes.slice();
  return { arrayBuffer: copy.buffer, buffer: copy } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
}

function readDirectory(fileName: string, bytes: Uint8Array): ZipEntry[] {
  const quoted = `"${fileName}"`;
  try {
    return readZipDirectory(bytes, { maxEntries: DOCX_LIMITS.entries });
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error;
    if (error.kind === 'damaged') {
      throw new ImportError(fileName, `${quoted} is damaged or incomplete (was it cut short while copying or downloading?): ${error.message}`);
    }
    if (error.kind === 'not-zip') throw new ImportError(fileName, `${quoted} is not a Word document: ${error.message}`);
    if (/encrypted/.test(error.message)) {
      throw new ImportError(fileName, `${quoted} is encrypted. Remove the password in Word, save the file again, and import that.`);
    }
    throw new ImportError(fileName, `${quoted} cannot be read as a Word document: ${error.message}`);
  }
}

/** The relationships a .rels part declares, with attributes in either kind of quotes. */
function relationshipsIn(xml: string): { readonly type: string; readonly target: string }[] {
  const relationships: { type: string; target: string }[] = [];
  for (const tag of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType=(["'])(.*?)\1/.exec(tag[0])?.[2];
    const target = /\bTarget=(["'])(.*?)\1/.exec(tag[0])?.[2];
    if (type && target) relationships.push({ type, target });
  }
  return relationships;
}

const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** The folder of a part's name ("word" for "word/document.xml", "" at the top). */
function folderOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/** The relationships part of a part: "word/_rels/document.xml.rels" for "word/document.xml". */
function relationshipsPartOf(name: string): string {
  const folder = folderOf(name);
  return `${folder ? `${folder}/` : ''}_rels/${name.slice(folder ? folder.length + 1 : 0)}.rels`;
}

/**
 * The first target of a relationship type that is in the archive (lower-cased, relative to `folder`), or null: how
 * mammoth finds a part, whatever its name.
 */
function relatedPart(relationships: readonly { type: string; target: string }[], type: string, folder: string, byName: ReadonlyMap<string, ZipEntry>): string | null {
  for (const relationship of relationships) {
    if (relationship.type !== RELATIONSHIP_TYPE + type) continue;
    const name = (relationship.target.startsWith('/') ? relationship.target.slice(1) : `${folder ? `${folder}/` : ''}${relationship.target}`).toLowerCase();
    if (byName.has(name)) return name;
  }
  return null;
}

/** The archive's main document part, or an ImportError that says what the archive is instead. */
function findMainDocumentPart(fileName: string, bytes: Uint8Array, entries: readonly ZipEntry[]): ZipEntry {
  const quoted = `"${fileName}"`;
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  let target = 'word/document.xml';
  const rels = byName.get('_rels/.rels');
  if (rels && rels.uncompressedSize <= 64 * 1024) {
    target = relatedPart(relationshipsIn(decodeXml(fileName, readPart(fileName, bytes, rels))), 'officeDocument', '', byName) ?? target;
  }
  const main = byName.get(target);
  if (main && target.endsWith('.xml')) return main;
  let what = 'a zip archive, not a Word document';
  if (byName.has('mimetype') || byName.has('content.xml')) what = 'an OpenDocument file (.odt), not a Word document: save it as .docx in LibreOffice or Word';
  else if (byName.has('xl/workbook.xml')) what = 'an Excel workbook, not a Word document';
  else if (byName.has('ppt/presentation.xml')) what = 'a PowerPoint presentation, not a Word document';
  else if (byName.has('tessera.json')) what = 'a Tessera project file: open it with "Open a project file" instead';
  else if (entries.some((entry) => entry.name.toLowerCase().endsWith('.qde'))) what = 'a REFI-QDA project (.qdpx), not a transcript';
  throw new ImportError(fileName, `${quoted} is ${what}.`);
}

/**
 * The names (lower-cased) of every part mammoth parses as XML, found as mammoth finds them: the package's content
 * types and relationships, the main document and its relationships, and the styles, numbering, notes and comments
 * the main document relates to (whatever they are called), with the relationships of the notes and comments.
 */
function partsMammothReads(fileName: string, bytes: Uint8Array, entries: readonly ZipEntry[], mainPart: ZipEntry): ReadonlySet<string> {
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const main = mainPart.name.toLowerCase();
  const parts = new Set(['[content_types].xml', '_rels/.rels', main, relationshipsPartOf(main)]);
  const documentRels = byName.get(relationshipsPartOf(main));
  const relationships = documentRels ? relationshipsIn(decodeXml(fileName, readPart(fileName, bytes, documentRels))) : [];
  for (const type of ['styles', 'numbering', 'footnotes', 'endnotes', 'comments']) {
    const part = relatedPart(relationships, type, folderOf(main), byName) ?? `word/${type}.xml`;
    parts.add(part);
    if (type === 'footnotes' || type === 'endnotes' || type === 'comments') parts.add(relationshipsPartOf(part));
  }
  return parts;
}

/**
 * Holds every XML part to the byte budgets, inflates it once while counting bytes and checking its CRC, and refuses a
 * part that declares a DTD (entity expansion is how XML bombs work, and Word never writes one). Also counts the main
 * document's text boxes: mammoth reads a box's VML fallback, so boxes with only the newer DrawingML form are lost.
 */
function checkXmlParts(
  fileName: string,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  mainPart: ZipEntry,
): { readonly textBoxes: { readonly total: number; readonly read: number }; readonly trackedChanges: number } {
  const quoted = `"${fileName}"`;
  // Every part named as XML, and every part mammoth will parse as XML whatever its name ("styles.bin").
  const parsed = partsMammothReads(fileName, bytes, entries, mainPart);
  const xmlParts = entries.filter((entry) => /\.(?:xml|rels)$/i.test(entry.name) || parsed.has(entry.name.toLowerCase()));
  let total = 0;
  for (const entry of xmlParts) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > DOCX_LIMITS.partBytes || total > DOCX_LIMITS.totalXmlBytes) {
      throw new ImportError(
        fileName,
        `${quoted} holds far more text markup than any transcript (${entry.name}: ${(entry.uncompressedSize / MEGABYTE).toFixed(1)} MB ` +
          `unpacked; at most ${DOCX_LIMITS.partBytes / MEGABYTE} MB per part and ${DOCX_LIMITS.totalXmlBytes / MEGABYTE} MB in all). ` +
          'It was not read, since reading it could take minutes.',
      );
    }
  }
  let textBoxes = { total: 0, read: 0 };
  let trackedChanges = 0;
  /** Markup elements of the parts mammoth parses: styles, numbering, notes and comments cost it as much as the text. */
  let parsedElements = 0;
  for (const entry of xmlParts) {
    const xml = readPart(fileName, bytes, entry);
    if (indexOfAscii(xml, '<!DOCTYPE') >= 0 || indexOfAscii(xml, '<!ENTITY') >= 0) {
      throw new ImportError(fileName, `${quoted} contains a document type declaration (${entry.name}), which Word never writes; it was not read.`);
    }
    if (entry === mainPart) {
      const elements = countByte(xml, 0x3c);
      const paragraphs = countAscii(xml, '<w:p>') + countAscii(xml, '<w:p ');
      if (elements > DOCX_LIMITS.elements || paragraphs > DOCX_LIMITS.paragraphs) {
        throw new ImportError(
          fileName,
          `${quoted} has ${paragraphs.toLocaleString('en')} paragraphs and ${elements.toLocaleString('en')} markup elements, far more than any ` +
            `transcript (at most ${DOCX_LIMITS.paragraphs.toLocaleString('en')} and ${DOCX_LIMITS.elements.toLocaleString('en')}). ` +
            'It was not read, since reading it could take minutes; split it into smaller documents.',
        );
      }
      const read = countAscii(xml, '<v:textbox');
      textBoxes = { total: Math.max(read, countAscii(xml, '<wps:txbx')), read };
      trackedChanges = countAscii(xml, '<w:ins ') + countAscii(xml, '<w:del ');
    }
    if (parsed.has(entry.name.toLowerCase())) parsedElements += countByte(xml, 0x3c);
    if (parsedElements > DOCX_LIMITS.elements) {
      throw new ImportError(
        fileName,
        `${quoted} has more than ${DOCX_LIMITS.elements.toLocaleString('en')} markup elements in its text, styles, notes and comments ` +
          `(${entry.name}), far more than any transcript. It was not read, since reading it could take minutes.`,
      );
    }
  }
  return { textBoxes, trackedChanges };
}

function readPart(fileName: string, bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  try {
    return readZipEntry(bytes, entry, DOCX_LIMITS.partBytes);
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error;
    throw new ImportError(fileName, `"${fileName}" is damaged or incomplete: ${error.message}`);
  }
}

function decodeXml(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(fileName, `"${fileName}" is damaged: a part of it is not valid text.`);
  }
}

function indexOfAscii(bytes: Uint8Array, pattern: string): number {
  const first = pattern.charCodeAt(0);
  const last = bytes.length - pattern.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function countByte(bytes: Uint8Array, byte: number): number {
  let count = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) count++;
  return count;
}

function countAscii(bytes: Uint8Array, pattern: string): number {
  let count = 0;
  let from = 0;
  for (;;) {
    const at = indexOfAscii(from === 0 ? bytes : bytes.subarray(from), pattern);
    if (at < 0) return count;
    count++;
    from += at + pattern.length;
  }
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** What the user should know about a read document: what was left out or moved. */
function describeContent(
  content: DocxContent,
  textBoxes: { readonly total: number; readonly read: number },
  messages: readonly { readonly type: string; readonly message: string }[],
): string[] {
  const warnings: string[] = [];
  const { leftOut, notes } = content;
  if (leftOut.images > 0) warnings.push(`${plural(leftOut.images, 'image was', 'images were')} left out: Tessera imports text only.`);
  if (leftOut.listItems > 0) {
    warnings.push(`${plural(leftOut.listItems, 'list item keeps its', 'list items keep their')} text, without the bullet or number.`);
  }
  if (leftOut.checkboxes > 0) warnings.push(`${plural(leftOut.checkboxes, 'checkbox was', 'checkboxes were')} left out.`);
  if (textBoxes.total > 0) {
    const lost = textBoxes.total - textBoxes.read;
    warnings.push(
      lost === 0
        ? `The text of ${plural(textBoxes.total, 'text box', 'text boxes')} is placed where ${textBoxes.total === 1 ? 'it is' : 'they are'} anchored.`
        : `${plural(lost, 'text box', 'text boxes')} of ${textBoxes.total} could not be read and ${lost === 1 ? 'was' : 'were'} left out.`,
    );
  }
  if (leftOut.tableHeaderRows > 0) {
    warnings.push(`The header row of ${plural(content.speakerTables, 'speaker table', 'speaker tables')} was left out.`);
  }
  const noted = [
    notes.footnotes > 0 ? plural(notes.footnotes, 'footnote', 'footnotes') : '',
    notes.endnotes > 0 ? plural(notes.endnotes, 'endnote', 'endnotes') : '',
    notes.comments > 0 ? plural(notes.comments, 'comment', 'comments') : '',
  ].filter(Boolean);
  if (noted.length > 0) {
    const list = noted.length > 1 ? `${noted.slice(0, -1).join(', ')} and ${noted[noted.length - 1] as string}` : (noted[0] as string);
    warnings.push(`${list} will become memos on the document, each citing its paragraph; the text keeps no note marks.`);
  }
  const unread = [...new Set(messages.filter((m) => m.type === 'warning' && /unrecognised|unsupported|ignored/i.test(m.message)).map((m) => m.message))];
  if (unread.length > 0) warnings.push(`Parts of the document that Tessera does not read were left out (${unread.slice(0, 3).join('; ')}).`);
  return warnings;
}
