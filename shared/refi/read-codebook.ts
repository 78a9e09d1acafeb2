/**
 * Reading a REFI-QDA codebook from another tool: a .qdc file (`<CodeBook>`), or the codebook inside a .qdpx project
 * (`project.qde` in the zip, `<Project><CodeBook>`).
 *
 * Real exports are often not schema-valid (Taguette writes an empty `<Sets/>`, some tools write `rgb()` colours,
 * non-GUID ids or other namespace versions), so reading is lenient where the meaning is clear, and says what it
 * overlooked as warnings; it is strict where the file is unsafe or unreadable (see xml-reader.ts).
 */
import { normaliseGuid } from '../model/ids.ts';
import { readZipDirectory, readZipEntry, ZipReadError } from '../project-file/zip-reader.ts';
import type { XmlElement } from './xml-reader.ts';
import { childNamed, childrenNamed, readXml, XmlReadError } from './xml-reader.ts';

/** A code as the file gives it. */
export interface RefiCode {
  /** The GUID in canonical form, or null when the file's id is not a GUID. */
  readonly guid: string | null;
  readonly name: string;
  readonly isCodable: boolean;
  /** "#rrggbb", or null when the file gives no usable colour. */
  readonly color: string | null;
  readonly description: string;
  readonly children: readonly RefiCode[];
}

/** A codebook read from a file, with what was overlooked. */
export interface RefiCodebook {
  /** The tool that wrote it, e.g. "Taguette 1.4.1", or null. */
  readonly origin: string | null;
  readonly codes: readonly RefiCode[];
  /** How many code sets the file had (Tessera has no sets, so they are not imported). */
  readonly sets: number;
  readonly warnings: readonly string[];
}

/** Why a codebook file could not be read, in words for the user. */
export class CodebookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookFileError';
  }
}

const MAX_CODES = 20_000;
/** A .qdpx holds its sources too; only project.qde is read, and at most this much of it. */
const MAX_QDE_BYTES = 64 * 1024 * 1024;

/** "#rrggbb" from the colour forms seen in real files (#RGB, #RRGGBB, #RRGGBBAA, rgb()/rgba()), or null. */
export function normaliseColor(value: string): { readonly color: string | null; readonly exact: boolean } {
  const text = value.trim().toLowerCase();
  let match = /^#([0-9a-f]{6})$/.exec(text);
  if (match) return { color: `#${match[1]}`, exact: true };
  match = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (match) return { color: `#${match[1]}${match[1]}${match[2]}${match[2]}${match[3]}${match[3]}`, exact: true };
  match = /^#([0-9a-f]{6})[0-9a-f]{2}$/.exec(text);
  if (match) return { color: `#${match[1]}`, exact: false };
  match = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+%?\s*)?\)$/.exec(text);
  if (match) {
    const channels = match.slice(1, 4).map(Number);
    if (channels.every((c) => c <= 255)) return { color: `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`, exact: false };
  }
  return { color: null, exact: false };
}

function readCodes(container: XmlElement, warnings: string[], counter: { codes: number }): readonly RefiCode[] {
  const codes: RefiCode[] = [];
  for (const element of childrenNamed(container, 'Code')) {
    counter.codes += 1;
    if (counter.codes > MAX_CODES) throw new CodebookFileError(`The codebook has more than ${MAX_CODES} codes.`);
    const rawGuid = element.attributes.guid;
    const guid = rawGuid === undefined ? null : normaliseGuid(rawGuid);
    const rawName = (element.attributes.name ?? '').trim();
    const name = rawName || 'Unnamed code';
    if (!rawName) warnings.push('A code without a name was named "Unnamed code".');
    if (rawGuid === undefined) warnings.push(`The code "${name}" has no guid.`);
    else if (!guid) warnings.push(`The code "${name}" has an id that is not a GUID ("${rawGuid}").`);
    const codable = element.attributes.isCodable;
    if (codable === undefined) warnings.push(`The code "${name}" does not say whether it is codable; it was taken as codable.`);
    const isCodable = codable === undefined ? true : !/^(false|0)$/i.test(codable.trim());
    let color: string | null = null;
    const rawColor = element.attributes.color;
    if (rawColor !== undefined) {
      const normalised = normaliseColor(rawColor);
      color = normalised.color;
      if (!normalised.exact) {
        warnings.push(
          normalised.color
            ? `The colour "${rawColor}" of "${name}" is not a REFI-QDA colour; it was read as ${normalised.color}.`
            : `The colour "${rawColor}" of "${name}" was not understood and was left out.`,
        );
      }
    }
    const description = childNamed(element, 'Description')?.text ?? '';
    codes.push({ guid, name, isCodable, color, description, children: readCodes(element, warnings, counter) });
  }
  return codes;
}

function namespaceWarning(root: XmlElement, kind: 'codebook' | 'project', warnings: string[]): void {
  const namespace = root.attributes.xmlns;
  if (namespace === `urn:QDA-XML:${kind}:1.0`) return;
  if (namespace === undefined) warnings.push(`The file does not declare the REFI-QDA namespace (urn:QDA-XML:${kind}:1.0).`);
  else if (/^urn:QDA-XML:(codebook|project):/i.test(namespace)) warnings.push(`The file uses the namespace "${namespace}" rather than urn:QDA-XML:${kind}:1.0.`);
  else warnings.push(`The file's namespace "${namespace}" is not REFI-QDA's; it was read as a REFI-QDA ${kind} anyway.`);
}

function codebookFrom(codesParent: XmlElement | undefined, setsParent: XmlElement | undefined, origin: string | null, warnings: string[]): RefiCodebook {
  if (!codesParent) throw new CodebookFileError('The file holds no codes (no <Codes> element).');
  const codes = readCodes(codesParent, warnings, { codes: 0 });
  if (codes.length === 0) throw new CodebookFileError('The file holds no codes.');
  let sets = 0;
  if (setsParent) {
    sets = childrenNamed(setsParent, 'Set').length;
    if (sets === 0) warnings.push('The file has an empty <Sets/> element, which the REFI-QDA schema does not allow; it was ignored.');
    else warnings.push(`${sets} code ${sets === 1 ? 'set was' : 'sets were'} not imported: Tessera has no code sets.`);
  }
  return { origin, codes, sets, warnings };
}

function rethrow(error: unknown): never {
  if (error instanceof XmlReadError || error instanceof ZipReadError) throw new CodebookFileError(error.message);
  throw error;
}

/** Reads a .qdc codebook file. */
export function readQdc(bytes: Uint8Array): RefiCodebook {
  let root: XmlElement;
  try {
    root = readXml(bytes);
  } catch (error) {
    rethrow(error);
  }
  if (root.name !== 'CodeBook') throw new CodebookFileError(`It is not a REFI-QDA codebook: its root element is <${root.name}>, not <CodeBook>.`);
  const warnings: string[] = [];
  namespaceWarning(root, 'codebook', warnings);
  return codebookFrom(childNamed(root, 'Codes'), childNamed(root, 'Sets'), root.attributes.origin ?? null, warnings);
}

/** Reads the codebook of a .qdpx project: its one `*.qde` at the zip root (any name, as ATLAS.ti names it). */
export function readQdpxCodebook(bytes: Uint8Array): RefiCodebook {
  let root: XmlElement;
  try {
    const entries = readZipDirectory(bytes, { maxEntries: 100_000 });
    const qde = entries.filter((e) => !e.name.includes('/') && /\.qde$/i.test(e.name));
    if (qde.length !== 1) {
      throw new CodebookFileError(qde.length ? 'The .qdpx holds more than one .qde file.' : 'The .qdpx holds no project.qde file.');
    }
    root = readXml(readZipEntry(bytes, qde[0] as (typeof qde)[number], MAX_QDE_BYTES));
  } catch (error) {
    rethrow(error);
  }
  if (root.name !== 'Project') throw new CodebookFileError(`It is not a REFI-QDA project: its root element is <${root.name}>, not <Project>.`);
  const warnings: string[] = [];
  namespaceWarning(root, 'project', warnings);
  const codebook = childNamed(root, 'CodeBook');
  if (!codebook) throw new CodebookFileError('The project holds no codebook.');
  // A project's sets may list sources and notes too; only the codebook is read, so they are not mentioned.
  const book = codebookFrom(childNamed(codebook, 'Codes'), undefined, root.attributes.origin ?? null, warnings);
  const left = leftOutOfProject(root);
  return left ? { ...book, warnings: [...book.warnings, left] } : book;
}

/** What a codebook import leaves out of a project (sources, codings, notes), in words, or null when it holds none. */
function leftOutOfProject(root: XmlElement): string | null {
  const sources = childNamed(root, 'Sources')?.children ?? [];
  let codings = 0;
  for (const source of sources) {
    codings += childrenNamed(source, 'Coding').length;
    for (const selection of source.children) codings += childrenNamed(selection, 'Coding').length;
  }
  const notes = childrenNamed(childNamed(root, 'Notes') ?? root, 'Note').length;
  if (!sources.length && !codings && !notes) return null;
  const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
  return (
    `This project also holds ${count(sources.length, 'source')}, ${count(codings, 'coding')} and ${count(notes, 'note')}, which importing ` +
    'only its codebook leaves out. To bring them, use "Import REFI-QDA project (.qdpx)" on the start screen (a new project).'
  );
}

/** Reads a codebook from a .qdc or a .qdpx, told apart by their content (a zip starts with "PK"). */
export function readCodebookFile(bytes: Uint8Array): RefiCodebook {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? readQdpxCodebook(bytes) : readQdc(bytes);
}
