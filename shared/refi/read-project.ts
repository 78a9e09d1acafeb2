/**
 * Reading a REFI-QDA project (.qdpx, or a bare .qde) from NVivo, MAXQDA, ATLAS.ti, QualCoder or Tessera into a new
 * Tessera project, with a report of everything the file had that Tessera did not take, or took differently.
 *
 * The whole file is read and checked before any record exists; the result is one snapshot, validated with the
 * model's own schema and integrity check, so an import is all or nothing. Unsafe input (a path out of the archive, a
 * symbolic link, a bomb, a DOCTYPE) is refused with a `RefiProjectError`; readable but odd input (schema-invalid
 * files, references to GUIDs the file does not hold, offsets past the text) is taken leniently and reported.
 *
 * What becomes what (see shared/refi-qda/NOTES.md):
 * - Users -> coders; CodeBook -> codes (hierarchy, colours, Description with Tessera's labelled criteria);
 * - TextSources -> documents, the text recognised as a .txt import recognises it (paragraphs, speakers, timestamps);
 * - PlainTextSelection/Coding and a source's own Coding -> codings with their coder and time, positions converted
 *   (text-positions.ts);
 * - Notes -> memos, on what the file attaches them to: NoteRef in the project, a source, a code, a coding or a
 *   selection, a Link from the Note (NVivo's annotations), or a selection with only a Description (MAXQDA's comment);
 *   a memo on a passage that holds no coding goes on its document, citing the paragraph and quoting the passage;
 * - Variables: "Site", "Phase", "Language" and "Date" become the study attributes (sites and phases are made), any
 *   other variable a document attribute; Cases -> cases over their sources, a case's variables its outcomes
 *   (a case without a name and with one source, as MAXQDA writes document variables, gives that document's attributes);
 * - Sets of sources -> document groups.
 */
import type { Clock, IdGenerator } from '../model/ids.ts';
import { normaliseGuid } from '../model/ids.ts';
import { hlcFromIsoTime } from '../model/clock.ts';
import { SCHEMA_LIMITS, checkSnapshotIntegrity, parseProjectSnapshot } from '../model/schema.ts';
import type {
  Case,
  Code,
  Coder,
  Coding,
  DocumentGroup,
  IsoDateTime,
  Memo,
  MemoTarget,
  Phase,
  ProjectSnapshot,
  Site,
  Stamps,
  TesseraDocument,
  Uuid,
} from '../model/types.ts';
import { initialsOf } from '../model/new-project.ts';
import { UserError } from '../model/user-error.ts';
import { codeColorUses, countCodeColor, leastUsedCodeColor, normaliseCodeName } from '../codebook/create-code.ts';
import { recogniseTranscript } from '../import/transcript-structure.ts';
import { documentFromImport } from '../import/document-from-import.ts';
import { sliceCodePoints, buildCodePointMap } from '../text/code-points.ts';
import { readZipDirectory, readZipEntry, refuseUnsafeNames, ZipReadError, type ZipEntry } from '../project-file/zip-reader.ts';
import { parseDescription } from './code-description.ts';
import { normaliseColor } from './read-codebook.ts';
import { childNamed, childrenNamed, readXml, XmlReadError, type XmlElement } from './xml-reader.ts';
import { POSITION_COUNTING_WORDS, positionConverter, positionCountingOf, type PositionConverter } from './text-positions.ts';

/** Why a REFI-QDA project could not be imported (unsafe, broken, or not a project), in words for the user. */
export class RefiProjectError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'RefiProjectError';
  }
}

/** What an import did and did not do: every deviation, in words, grouped for the report. */
export interface RefiImportReport {
  readonly fileName: string;
  /** The tool that wrote the file, e.g. "NVivo for Windows 12.6", or null. */
  readonly origin: string | null;
  readonly counts: {
    readonly coders: number;
    readonly codes: number;
    readonly documents: number;
    readonly codings: number;
    readonly memos: number;
    readonly cases: number;
    readonly documentGroups: number;
  };
  /** How each source's positions were read, when not as code points. */
  readonly positions: readonly string[];
  /** What the file had that Tessera did not take, and why. */
  readonly notCarried: readonly string[];
  /** Where the file departs from the standard, and what was done about it. */
  readonly deviations: readonly string[];
}

/** A project read from a REFI-QDA file. */
export interface RefiProjectImport {
  readonly snapshot: ProjectSnapshot;
  readonly report: RefiImportReport;
}

/** Limits on what a .qdpx may make Tessera read. */
export const REFI_PROJECT_LIMITS = {
  maxEntries: 100_000,
  maxQdeBytes: 64 * 1024 * 1024,
  maxTextBytes: 50 * 1024 * 1024,
  /** All entries read, together, once inflated. */
  maxTotalBytes: 512 * 1024 * 1024,
} as const;

/** How to read. */
export interface ReadRefiProjectOptions {
  /** The file's name as the user picked it, for the report and the documents' provenance. */
  readonly fileName: string;
  readonly newId: IdGenerator;
  readonly now: Clock;
}

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const quoteOf = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

/** The files of an archive by lowercased name, read on demand within the budgets. */
class Archive {
  private readonly byName = new Map<string, ZipEntry>();
  private total = 0;
  constructor(
    private readonly bytes: Uint8Array | null,
    entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) this.byName.set(entry.name.toLowerCase(), entry);
  }
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }
  read(name: string, maxBytes: number): Uint8Array {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry || !this.bytes) throw new Error(`No entry ${name}`);
    this.total += entry.uncompressedSize;
    if (this.total > REFI_PROJECT_LIMITS.maxTotalBytes) {
      throw new RefiProjectError(`The archive unpacks to more than ${REFI_PROJECT_LIMITS.maxTotalBytes / 1048576} MB; it was not read, for safety.`);
    }
    return readZipEntry(this.bytes, entry, maxBytes);
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Opens the archive (or takes the bytes as a bare .qde) and parses the project XML. */
function openProject(bytes: Uint8Array): { readonly root: XmlElement; readonly archive: Archive } {
  try {
    if (!isZip(bytes)) return { root: readXml(bytes), archive: new Archive(null, []) };
    const entries = readZipDirectory(bytes, { maxEntries: REFI_PROJECT_LIMITS.maxEntries });
    refuseUnsafeNames(entries);
    const qde = entries.filter((e) => !e.name.includes('/') && /\.qde$/i.test(e.name));
    if (qde.length !== 1) {
      throw new RefiProjectError(qde.length ? 'The .qdpx holds more than one .qde file at its root.' : 'The .qdpx holds no project.qde file.');
    }
    const archive = new Archive(bytes, entries);
    return { root: readXml(archive.read((qde[0] as ZipEntry).name, REFI_PROJECT_LIMITS.maxQdeBytes)), archive };
  } catch (error) {
    if (error instanceof XmlReadError || error instanceof ZipReadError) throw new RefiProjectError(error.message);
    throw error;
  }
}

/** Reads a .qdpx or a bare .qde into a new project, or throws a RefiProjectError. */
export function readRefiProject(bytes: Uint8Array, options: ReadRefiProjectOptions): RefiProjectImport {
  const { root, archive } = openProject(bytes);
  if (root.name !== 'Project') {
    throw new RefiProjectError(
      root.name === 'CodeBook'
        ? 'It is a REFI-QDA codebook (.qdc), not a project: import it as a codebook.'
        : `It is not a REFI-QDA project: its root element is <${root.name}>, not <Project>.`,
    );
  }
  return new ProjectReader(root, archive, options).read();
}

/** The values of one variable: its name and type. */
interface VariableInfo {
  readonly name: string;
  readonly type: string;
  readonly description: string;
}

class ProjectReader {
  private readonly notCarried: string[] = [];
  private readonly deviations: string[] = [];
  private readonly positions: string[] = [];
  private readonly dangling: string[] = [];
  private readonly usedIds = new Set<Uuid>();
  private readonly projectId: Uuid;
  private readonly at: IsoDateTime;
  private readonly origin: string | null;
  private readonly coders = new Map<Uuid, Coder>();
  private readonly codes: Code[] = [];
  private readonly codeIds = new Set<Uuid>();
  private readonly documents = new Map<Uuid, TesseraDocument>();
  private readonly codings: Coding[] = [];
  private readonly codingIds = new Set<Uuid>();
  /** Selection GUID -> where a note on it goes. */
  private readonly selections = new Map<Uuid, { readonly documentId: Uuid; readonly start: number; readonly end: number; readonly codingIds: readonly Uuid[] }>();
  /** Note GUID -> the targets the file attaches it to, in the file's order. */
  private readonly noteTargets = new Map<Uuid, { readonly target: MemoTarget; readonly prefix: string }[]>();
  private readonly variables = new Map<Uuid, VariableInfo>();
  private readonly sites: Site[] = [];
  private readonly phases: Phase[] = [];
  private readonly memos: Memo[] = [];
  private readonly pendingDescriptions: Memo[] = [];

  constructor(
    private readonly root: XmlElement,
    private readonly archive: Archive,
    private readonly options: ReadRefiProjectOptions,
  ) {
    this.projectId = options.newId();
    this.at = options.now();
    this.origin = root.attributes.origin?.trim() || null;
  }

  read(): RefiProjectImport {
    const root = this.root;
    this.checkNamespace();
    for (const user of childrenNamed(childNamed(root, 'Users') ?? root, 'User')) this.readUser(user);
    const codebook = childNamed(root, 'CodeBook');
    const codesElement = codebook ? childNamed(codebook, 'Codes') : undefined;
    if (codesElement) this.readCodes(codesElement, null);
    const variables = childNamed(root, 'Variables');
    if (variables) for (const variable of childrenNamed(variables, 'Variable')) this.readVariable(variable);
    const sources = childNamed(root, 'Sources');
    if (sources) this.readSources(sources);
    const cases = this.readCases(childNamed(root, 'Cases'));
    const groups = this.readSets(childNamed(root, 'Sets'));
    this.readProjectNoteRefs();
    this.readLinks(childNamed(root, 'Links'));
    this.readNotes(childNamed(root, 'Notes'));
    const graphs = childrenNamed(childNamed(root, 'Graphs') ?? root, 'Graph').length;
    if (graphs) this.notCarried.push(`${plural(graphs, 'graph')}: Tessera has no graphs (network views).`);
    const dangling = [...new Set(this.dangling)];
    if (dangling.length) {
      this.deviations.push(
        `References to ${plural(dangling.length, 'item')} the file does not hold were dropped: ${dangling.slice(0, 20).join('; ')}${dangling.length > 20 ? `; and ${dangling.length - 20} more` : ''}.`,
      );
    }

    const name = clip((root.attributes.name ?? '').trim(), SCHEMA_LIMITS.name) || this.options.fileName.replace(/\.[^.]+$/, '') || 'Imported project';
    const projectStamps = this.stamps(root, 'creatingUserGUID', 'modifyingUserGUID');
    const description = clip(childNamed(root, 'Description')?.text.trim() ?? '', SCHEMA_LIMITS.description);
    const snapshot: ProjectSnapshot = {
      project: { id: this.projectId, name, description, codebooks: [], ...projectStamps },
      sites: this.sites,
      phases: this.phases,
      coders: [...this.coders.values()],
      documentGroups: groups,
      documents: [...this.documents.values()],
      originals: [],
      codes: this.codes,
      codings: this.codings,
      memos: [...this.memos, ...this.pendingDescriptions],
      cases,
      ratings: [],
      tombstones: [],
    };
    this.validate(snapshot);
    return {
      snapshot,
      report: {
        fileName: this.options.fileName,
        origin: this.origin,
        counts: {
          coders: snapshot.coders.length,
          codes: snapshot.codes.length,
          documents: snapshot.documents.length,
          codings: snapshot.codings.length,
          memos: snapshot.memos.length,
          cases: snapshot.cases.length,
          documentGroups: snapshot.documentGroups.length,
        },
        positions: this.positions,
        notCarried: this.notCarried,
        deviations: this.deviations,
      },
    };
  }

  /** Whatever a reader bug could produce is caught here, before anything is stored. */
  private validate(snapshot: ProjectSnapshot): void {
    const parsed = parseProjectSnapshot(snapshot);
    const problems = parsed.ok ? checkSnapshotIntegrity(snapshot) : parsed.problems;
    if (problems.length) {
      const detail = problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new Error(`The project read from the file is not valid (${detail}); nothing was imported.`);
    }
  }

  private checkNamespace(): void {
    const namespace = this.root.attributes.xmlns;
    if (namespace === 'urn:QDA-XML:project:1.0') return;
    if (namespace === undefined) this.deviations.push('The file does not declare the REFI-QDA namespace (urn:QDA-XML:project:1.0); it was read as a project anyway.');
    else this.deviations.push(`The file uses the namespace "${namespace}" rather than urn:QDA-XML:project:1.0; it was read as a project anyway.`);
  }

  /** A record id from a file GUID: the GUID itself, unless it is not one or is taken already (then a new id). */
  private claimId(raw: string | undefined, what: string): Uuid {
    const guid = raw === undefined ? null : normaliseGuid(raw);
    if (guid && !this.usedIds.has(guid)) {
      this.usedIds.add(guid);
      return guid;
    }
    if (raw === undefined) this.deviations.push(`${what} has no guid; it was given one.`);
    else if (!guid) this.deviations.push(`${what} has an id that is not a GUID ("${clip(raw, 60)}"); it was given a new one.`);
    else this.deviations.push(`${what} repeats the GUID ${guid}; the second was given a new one.`);
    const id = this.options.newId();
    this.usedIds.add(id);
    return id;
  }

  private userOf(raw: string | undefined): Uuid | null {
    if (raw === undefined || raw.trim() === '') return null;
    const guid = normaliseGuid(raw);
    if (guid && this.coders.has(guid)) return guid;
    this.dangling.push(`user ${clip(raw, 60)}`);
    return null;
  }

  private time(raw: string | undefined, what: string): IsoDateTime | null {
    if (raw === undefined || raw.trim() === '') return null;
    const text = raw.trim();
    // xsd:dateTime needs a "T"; a space is a known deviation, read all the same.
    const ms = Date.parse(/^\d{4}-\d\d-\d\d \d/.test(text) ? text.replace(' ', 'T') : text);
    if (!Number.isFinite(ms) || !/^\d{4}-\d\d-\d\d[T ]\d/.test(text)) {
      this.deviations.push(`${what} has a date "${clip(text, 40)}" that is not an xsd:dateTime; the time of import was used.`);
      return null;
    }
    if (!text.includes('T')) this.deviations.push(`${what} writes its date with a space instead of "T" ("${text}").`);
    return new Date(ms).toISOString();
  }

  private stamps(element: XmlElement, creatingAttribute = 'creatingUser', modifyingAttribute = 'modifyingUser', what = 'An element'): Stamps {
    const createdAt = this.time(element.attributes.creationDateTime, what) ?? this.at;
    const modifiedAt = this.time(element.attributes.modifiedDateTime, what) ?? createdAt;
    const createdBy = this.userOf(element.attributes[creatingAttribute]);
    const modifiedBy = element.attributes[modifyingAttribute] === undefined ? createdBy : this.userOf(element.attributes[modifyingAttribute]);
    return { createdAt, createdBy, modifiedAt, modifiedBy, clock: hlcFromIsoTime(modifiedAt) };
  }

  private readUser(user: XmlElement): void {
    const rawName = (user.attributes.name ?? '').trim();
    const id = this.claimId(user.attributes.guid, `The user "${rawName || '(no name)'}"`);
    const name = clip(rawName || user.attributes.id?.trim() || `User ${this.coders.size + 1}`, SCHEMA_LIMITS.name);
    const initials = clip((user.attributes.id ?? '').trim() || initialsOf(name), SCHEMA_LIMITS.shortText);
    this.coders.set(id, { id, projectId: this.projectId, name, initials, createdAt: this.at, createdBy: null, modifiedAt: this.at, modifiedBy: null, clock: hlcFromIsoTime(this.at) });
  }

  private readCodes(container: XmlElement, parentId: Uuid | null): void {
    const uses = codeColorUses(this.codes);
    let order = 0;
    for (const element of childrenNamed(container, 'Code')) {
      const rawName = normaliseCodeName(element.attributes.name ?? '');
      const name = clip(rawName, 200) || 'Unnamed code';
      if (!rawName) this.deviations.push('A code without a name was named "Unnamed code".');
      const id = this.claimId(element.attributes.guid, `The code "${name}"`);
      const codable = element.attributes.isCodable;
      if (codable === undefined) this.deviations.push(`The code "${name}" does not say whether it is codable; it was taken as codable.`);
      let color: string | null = null;
      if (element.attributes.color !== undefined) {
        const normalised = normaliseColor(element.attributes.color);
        color = normalised.color;
        if (!normalised.exact) {
          this.deviations.push(
            color
              ? `The colour "${element.attributes.color}" of "${name}" is not a REFI-QDA colour; it was read as ${color}.`
              : `The colour "${element.attributes.color}" of "${name}" was not understood and was left out.`,
          );
        }
      }
      color ??= leastUsedCodeColor(uses);
      countCodeColor(uses, color);
      const texts = parseDescription(childNamed(element, 'Description')?.text ?? '');
      this.codes.push({
        id,
        projectId: this.projectId,
        parentId,
        name,
        color,
        description: clip(texts.description, SCHEMA_LIMITS.description),
        inclusion: clip(texts.inclusion, SCHEMA_LIMITS.description),
        exclusion: clip(texts.exclusion, SCHEMA_LIMITS.description),
        example: clip(texts.example, SCHEMA_LIMITS.description),
        order: order++,
        origin: texts.origin,
        isCodable: codable === undefined ? true : !/^(false|0)$/i.test(codable.trim()),
        isHidden: false,
        createdAt: this.at,
        createdBy: null,
        modifiedAt: this.at,
        modifiedBy: null,
        clock: hlcFromIsoTime(this.at),
      });
      this.codeIds.add(id);
      this.noteRefs(element, { kind: 'code', id }, '');
      this.readCodes(element, id);
    }
  }

  private readVariable(variable: XmlElement): void {
    const guid = normaliseGuid(variable.attributes.guid ?? '');
    const name = clip((variable.attributes.name ?? '').trim(), SCHEMA_LIMITS.attributeKey);
    if (!guid || !name) {
      this.deviations.push(`A variable without a usable guid or name ("${clip(variable.attributes.name ?? '', 40)}") was left out.`);
      return;
    }
    this.variables.set(guid, { name, type: variable.attributes.typeOfVariable ?? 'Text', description: childNamed(variable, 'Description')?.text ?? '' });
  }

  /** The variable values of an element, by variable name. */
  private variableValues(element: XmlElement): Map<string, string> {
    const values = new Map<string, string>();
    for (const value of childrenNamed(element, 'VariableValue')) {
      const ref = childNamed(value, 'VariableRef')?.attributes.targetGUID;
      const guid = ref === undefined ? null : normaliseGuid(ref);
      const variable = guid ? this.variables.get(guid) : undefined;
      if (!variable) {
        this.dangling.push(`variable ${clip(ref ?? '(none)', 60)}`);
        continue;
      }
      const holder = value.children.find((child) => /Value$/.test(child.name));
      values.set(variable.name, clip((holder?.text ?? '').trim(), SCHEMA_LIMITS.attributeValue));
    }
    return values;
  }

  /** Where a NoteRef in `element` attaches its note. */
  private noteRefs(element: XmlElement, target: MemoTarget, prefix: string): void {
    for (const ref of childrenNamed(element, 'NoteRef')) {
      const guid = normaliseGuid(ref.attributes.targetGUID ?? '');
      if (!guid) {
        this.dangling.push(`note ${clip(ref.attributes.targetGUID ?? '(none)', 60)}`);
        continue;
      }
      const list = this.noteTargets.get(guid) ?? [];
      list.push({ target, prefix });
      this.noteTargets.set(guid, list);
    }
  }

  private readSources(sources: XmlElement): void {
    const other = new Map<string, string[]>();
    for (const source of sources.children) {
      if (source.name === 'TextSource') {
        this.readTextSource(source);
        continue;
      }
      const kind = { PDFSource: 'PDF', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' }[source.name] ?? source.name;
      const names = other.get(kind) ?? [];
      names.push(source.attributes.name ?? '(no name)');
      other.set(kind, names);
    }
    for (const [kind, names] of other) {
      this.notCarried.push(
        `${plural(names.length, `${kind} source`)} (${names.slice(0, 5).map((n) => `"${clip(n, 60)}"`).join(', ')}${names.length > 5 ? ', …' : ''}), with their codings: Tessera holds transcripts as text only.`,
      );
    }
  }

  /** The delivered text of a source, or null (with the reason reported). */
  private sourceText(source: XmlElement, name: string): string | null {
    const content = childNamed(source, 'PlainTextContent');
    const path = source.attributes.plainTextPath?.trim();
    if (content && path) this.deviations.push(`The source "${name}" has both PlainTextContent and a plainTextPath; the content was used.`);
    if (content) return content.text;
    if (!path) {
      this.notCarried.push(`The source "${name}" has no plain text (only ${source.attributes.richTextPath ? 'a rich-text file' : 'a name'}); it was left out with its codings.`);
      return null;
    }
    if (/^(absolute|relative):\/\//i.test(path)) {
      this.notCarried.push(`The source "${name}" is a file outside the archive (${clip(path, 80)}); Tessera reads no file the user did not choose, so it was left out with its codings.`);
      return null;
    }
    let entry: string;
    if (/^internal:\/\//i.test(path)) entry = `sources/${path.replace(/^internal:\/\//i, '')}`;
    else {
      const bare = path.replace(/^\/+/, '');
      entry = /^sources\//i.test(bare) ? bare : `sources/${bare}`;
      this.deviations.push(`The source "${name}" gives its text as "${clip(path, 80)}" without "internal://"; it was looked up in the archive's sources folder.`);
    }
    if (entry.split('/').some((part) => part === '..') || entry.includes('\\')) {
      throw new RefiProjectError(`The source "${clip(name, 60)}" points outside the archive (${clip(path, 80)}); the file was not read, for safety.`);
    }
    if (!this.archive.has(entry)) {
      this.dangling.push(`text file ${clip(path, 80)} of "${clip(name, 60)}"`);
      this.notCarried.push(`The source "${name}" names a text file the archive does not hold (${clip(path, 80)}); it was left out with its codings.`);
      return null;
    }
    let bytes: Uint8Array;
    try {
      bytes = this.archive.read(entry, REFI_PROJECT_LIMITS.maxTextBytes);
    } catch (error) {
      if (error instanceof ZipReadError) throw new RefiProjectError(error.message);
      throw error;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new RefiProjectError(`The text of the source "${clip(name, 60)}" is not UTF-8, as REFI-QDA requires; the file was not read.`);
    }
  }

  private readTextSource(source: XmlElement): void {
    const name = clip((source.attributes.name ?? '').trim(), SCHEMA_LIMITS.name) || `Source ${this.documents.size + 1}`;
    const id = this.claimId(source.attributes.guid, `The source "${name}"`);
    const raw = this.sourceText(source, name);
    if (raw === null) return;
    const hasBom = raw.charCodeAt(0) === 0xfeff;
    const delivered = hasBom ? raw.slice(1) : raw;
    const recognised = recogniseTranscript([delivered]);
    if (recognised.paragraphs.length === 0) {
      this.notCarried.push(`The source "${name}" has an empty plain text${source.attributes.richTextPath ? ' (its text is only in its rich-text file, as NVivo for Mac writes it)' : ''}; it was left out with its codings.`);
      return;
    }
    const stamps = this.stamps(source, 'creatingUser', 'modifyingUser', `The source "${name}"`);
    const imported = { ...recognised, encoding: 'utf-8', format: 'txt' as const, warnings: [] };
    const made = documentFromImport(imported, {
      projectId: this.projectId,
      name,
      kind: 'transcript',
      attributes: { siteId: null, phaseId: null, language: '', date: '', extra: {} },
      sourceFileName: this.options.fileName,
      newId: this.options.newId,
      now: () => this.at,
    });
    let document: TesseraDocument = { ...made, id, ...stamps, source: { ...made.source, format: 'qdpx' } };
    document = this.withAttributes(document, this.variableValues(source));
    this.documents.set(id, document);
    this.noteRefs(source, { kind: 'document', id }, '');

    const counting = positionCountingOf(this.origin, delivered);
    if (counting !== 'code-points') this.positions.push(`"${name}": positions read as ${POSITION_COUNTING_WORDS[counting]}.`);
    else if (delivered.includes('\r') || buildCodePointMap(delivered).astralUtf16Starts.length) {
      this.positions.push(`"${name}": positions read as code points, as the standard says; the text has ${delivered.includes('\r') ? 'CRLF line ends' : 'characters outside the BMP'}, which some tools count otherwise. Check a few codings.`);
    }
    const converter = positionConverter(delivered, document.text, counting);
    let clamped = 0;
    let empty = 0;
    for (const coding of childrenNamed(source, 'Coding')) {
      this.addCoding(coding, id, 0, document.length, source);
    }
    for (const selection of childrenNamed(source, 'PlainTextSelection')) {
      const result = this.readSelection(selection, document, converter);
      clamped += result.clamped ? 1 : 0;
      empty += result.empty ? 1 : 0;
    }
    const others = source.children.filter((c) => /Selection$/.test(c.name) && c.name !== 'PlainTextSelection').length;
    if (others) this.notCarried.push(`${plural(others, 'non-text selection')} of "${name}" (on pictures, PDF pages or media): Tessera codes text only.`);
    if (clamped) this.deviations.push(`${plural(clamped, 'selection')} of "${name}" reached past the end of its text (${converter.length} positions); ${clamped === 1 ? 'it was' : 'they were'} cut at the end.`);
    if (empty) this.deviations.push(`${plural(empty, 'selection')} of "${name}" covered no text once read; ${empty === 1 ? 'its codings were' : 'their codings were'} left out.`);
  }

  private withAttributes(document: TesseraDocument, values: ReadonlyMap<string, string>): TesseraDocument {
    if (values.size === 0) return document;
    const extra: Record<string, string> = { ...document.attributes.extra };
    let { siteId, phaseId, language, date } = document.attributes;
    let kind = document.kind;
    for (const [key, value] of values) {
      const lower = key.toLowerCase();
      if (lower === 'site' && value) siteId = this.siteFor(value, key);
      else if (lower === 'phase' && value) phaseId = this.phaseFor(value, key);
      else if (lower === 'language') language = clip(value, SCHEMA_LIMITS.name);
      else if (lower === 'date' && /^\d{4}-\d\d-\d\d/.test(value)) date = value.slice(0, 10);
      else if (lower === 'document kind' && /^(transcript|field[ -]notes)$/i.test(value)) kind = /^field/i.test(value) ? 'field-notes' : 'transcript';
      else if (Object.keys(extra).length < SCHEMA_LIMITS.attributeEntries) extra[key] = value;
    }
    return { ...document, kind, attributes: { siteId, phaseId, language, date, extra } };
  }

  /** The description of a variable of that name, as lines. */
  private variableLines(name: string): string[] {
    for (const variable of this.variables.values()) if (variable.name === name) return variable.description.split(/\r?\n/);
    return [];
  }

  private siteFor(code: string, variableName: string): Uuid {
    const shortCode = clip(code, SCHEMA_LIMITS.shortText);
    const found = this.sites.find((s) => s.code === shortCode);
    if (found) return found.id;
    // Tessera's export names its sites in the variable's description, "BU = Butabika, Uganda", in order.
    const lines = this.variableLines(variableName);
    const line = lines.map((l) => /^(.+?) = (.+)$/.exec(l.trim())).find((m) => m?.[1] === shortCode);
    const order = lines.findIndex((l) => l.trim().startsWith(`${shortCode} = `));
    const site: Site = {
      id: this.options.newId(),
      projectId: this.projectId,
      code: shortCode,
      name: clip(line?.[2] ?? code, SCHEMA_LIMITS.name),
      order: order >= 0 ? order + 1 : 1000 + this.sites.length,
      ...this.recordStamps(),
    };
    this.sites.push(site);
    return site.id;
  }

  private phaseFor(name: string, variableName: string): Uuid {
    const phaseName = clip(name, SCHEMA_LIMITS.name);
    const found = this.phases.find((p) => p.name === phaseName);
    if (found) return found.id;
    const order = this.variableLines(variableName).findIndex((l) => l.trim() === phaseName);
    const phase: Phase = { id: this.options.newId(), projectId: this.projectId, name: phaseName, order: order >= 0 ? order + 1 : 1000 + this.phases.length, ...this.recordStamps() };
    this.phases.push(phase);
    return phase.id;
  }

  private recordStamps(): Stamps {
    return { createdAt: this.at, createdBy: null, modifiedAt: this.at, modifiedBy: null, clock: hlcFromIsoTime(this.at) };
  }

  /** A coding of `documentId` over [start, end), or null when its code is missing. */
  private addCoding(element: XmlElement, documentId: Uuid, start: number, end: number, parent: XmlElement): Uuid | null {
    const ref = childNamed(element, 'CodeRef')?.attributes.targetGUID;
    const codeId = ref === undefined ? null : normaliseGuid(ref);
    if (!codeId || !this.codeIds.has(codeId)) {
      this.dangling.push(ref === undefined ? 'a coding without a CodeRef' : `code ${clip(ref, 60)}`);
      return null;
    }
    const id = this.claimId(element.attributes.guid, 'A coding');
    const own = this.stamps(element, 'creatingUser', 'modifyingUser', 'A coding');
    // A Coding names its maker and time; where it does not, the selection's are the coding's.
    const selection = this.stamps(parent, 'creatingUser', 'modifyingUser', 'A selection');
    const createdBy = element.attributes.creatingUser?.trim() ? own.createdBy : selection.createdBy;
    const createdAt = element.attributes.creationDateTime ? own.createdAt : selection.createdAt;
    const modifiedAt = element.attributes.modifiedDateTime ? own.modifiedAt : createdAt;
    this.codings.push({ id, projectId: this.projectId, documentId, codeId, start, end, createdAt, createdBy, modifiedAt, modifiedBy: createdBy, clock: hlcFromIsoTime(modifiedAt) });
    this.codingIds.add(id);
    this.noteRefs(element, { kind: 'coding', id }, '');
    return id;
  }

  private readSelection(selection: XmlElement, document: TesseraDocument, converter: PositionConverter): { clamped: boolean; empty: boolean } {
    const rawStart = Number(selection.attributes.startPosition);
    const rawEnd = Number(selection.attributes.endPosition);
    const guid = normaliseGuid(selection.attributes.guid ?? '');
    if (!Number.isInteger(rawStart) || !Number.isInteger(rawEnd)) {
      this.deviations.push(`A selection of "${document.name}" has no whole-number positions; it was left out.`);
      return { clamped: false, empty: false };
    }
    const low = Math.min(rawStart, rawEnd);
    const high = Math.max(rawStart, rawEnd);
    if (rawStart > rawEnd) this.deviations.push(`A selection of "${document.name}" starts after it ends (${rawStart} > ${rawEnd}); the two were swapped.`);
    const clamped = low < 0 || high > converter.length;
    const start = converter.toStored(low);
    const end = converter.toStored(high);
    const codingIds: Uuid[] = [];
    const codingElements = childrenNamed(selection, 'Coding');
    if (end > start) {
      for (const coding of codingElements) {
        const id = this.addCoding(coding, document.id, start, end, selection);
        if (id) codingIds.push(id);
      }
    }
    const passage = { documentId: document.id, start, end, codingIds };
    if (guid) this.selections.set(guid, passage);
    const description = childNamed(selection, 'Description')?.text.trim() ?? '';
    const noteTarget: MemoTarget = codingIds.length ? { kind: 'coding', id: codingIds[0] as Uuid } : { kind: 'document', id: document.id };
    const prefix = codingIds.length ? '' : this.passagePrefix(document, start, end);
    if (description) {
      // MAXQDA writes a comment on a passage as a selection with a Description (and ATLAS.ti a coding's comment).
      this.pendingDescriptions.push({
        id: this.options.newId(),
        projectId: this.projectId,
        target: noteTarget,
        title: clip(selection.attributes.name?.trim() || 'Comment on a passage', SCHEMA_LIMITS.name),
        text: clip(`${prefix}${description}`, SCHEMA_LIMITS.memoText),
        ...this.stamps(selection, 'creatingUser', 'modifyingUser', 'A selection'),
      });
    }
    this.noteRefs(selection, noteTarget, prefix);
    return { clamped, empty: end <= start && codingElements.length > 0 };
  }

  /** "On paragraph 12, “the passage”:" for a memo on a passage that holds no coding. */
  private passagePrefix(document: TesseraDocument, start: number, end: number): string {
    const paragraph = document.paragraphs.find((p) => p.start <= start && start <= p.end);
    const quote = end > start ? ` “${quoteOf(sliceCodePoints(document.text, start, end))}”` : '';
    return `On paragraph ${paragraph?.n ?? 1}${quote}:\n\n`;
  }

  private readCases(cases: XmlElement | undefined): Case[] {
    if (!cases) return [];
    const made: Case[] = [];
    let refsLost = 0;
    for (const element of childrenNamed(cases, 'Case')) {
      const rawName = (element.attributes.name ?? '').trim();
      const documentIds = childrenNamed(element, 'SourceRef').flatMap((ref) => {
        const guid = normaliseGuid(ref.attributes.targetGUID ?? '');
        if (guid && this.documents.has(guid)) return [guid];
        this.dangling.push(`source ${clip(ref.attributes.targetGUID ?? '(none)', 60)} of a case`);
        return [];
      });
      const values = this.variableValues(element);
      refsLost += childrenNamed(element, 'CodeRef').length + childrenNamed(element, 'SelectionRef').length;
      if (!rawName && documentIds.length === 1) {
        // MAXQDA and Quirkos carry a document's variables as a nameless case of that one document.
        const documentId = documentIds[0] as Uuid;
        this.documents.set(documentId, this.withAttributes(this.documents.get(documentId) as TesseraDocument, values));
        continue;
      }
      const id = this.claimId(element.attributes.guid, `The case "${rawName}"`);
      const outcomes: Record<string, string> = {};
      for (const [key, value] of values) if (Object.keys(outcomes).length < SCHEMA_LIMITS.attributeEntries) outcomes[key] = value;
      made.push({
        id,
        projectId: this.projectId,
        name: clip(rawName || `Case ${made.length + 1}`, SCHEMA_LIMITS.name),
        scope: { kind: 'documents', documentIds: [...new Set(documentIds)] },
        outcomes,
        description: clip(childNamed(element, 'Description')?.text.trim() ?? '', SCHEMA_LIMITS.description),
        order: made.length + 1,
        ...this.recordStamps(),
      });
    }
    if (refsLost) this.notCarried.push(`${plural(refsLost, 'code or selection reference')} of cases: a Tessera case is made of documents.`);
    return made;
  }

  private readSets(sets: XmlElement | undefined): DocumentGroup[] {
    if (!sets) return [];
    const groups: DocumentGroup[] = [];
    let codeMembers = 0;
    let noteMembers = 0;
    for (const set of childrenNamed(sets, 'Set')) {
      const name = clip((set.attributes.name ?? '').trim() || `Set ${groups.length + 1}`, SCHEMA_LIMITS.name);
      codeMembers += childrenNamed(set, 'MemberCode').length;
      noteMembers += childrenNamed(set, 'MemberNote').length;
      const documentIds = childrenNamed(set, 'MemberSource').flatMap((member) => {
        const guid = normaliseGuid(member.attributes.targetGUID ?? '');
        if (guid && this.documents.has(guid)) return [guid];
        this.dangling.push(`source ${clip(member.attributes.targetGUID ?? '(none)', 60)} of the set "${name}"`);
        return [];
      });
      if (documentIds.length === 0) {
        if (childrenNamed(set, 'MemberSource').length === 0) continue;
      }
      groups.push({
        id: this.claimId(set.attributes.guid, `The set "${name}"`),
        projectId: this.projectId,
        name,
        description: clip(childNamed(set, 'Description')?.text.trim() ?? '', SCHEMA_LIMITS.description),
        documentIds: [...new Set(documentIds)],
        ...this.recordStamps(),
      });
    }
    if (sets.children.length === 0) this.deviations.push('The file has an empty <Sets/> element, which the schema does not allow; it was ignored.');
    if (codeMembers) this.notCarried.push(`${plural(codeMembers, 'code')} in sets: Tessera has no code sets (the codes themselves came in).`);
    if (noteMembers) this.notCarried.push(`${plural(noteMembers, 'note')} in sets: Tessera has no sets of memos (the memos themselves came in).`);
    return groups;
  }

  private readProjectNoteRefs(): void {
    this.noteRefs(this.root, { kind: 'project' }, '');
  }

  private readLinks(links: XmlElement | undefined): void {
    if (!links) return;
    let other = 0;
    for (const link of childrenNamed(links, 'Link')) {
      const origin = normaliseGuid(link.attributes.originGUID ?? '');
      const target = normaliseGuid(link.attributes.targetGUID ?? '');
      // NVivo's annotations: a Link from a Note to the selection (or source, or code) it is about.
      const noteEnd = origin && this.isNote(origin) ? { note: origin, other: target } : target && this.isNote(target) ? { note: target, other: origin } : null;
      const about = noteEnd?.other ? this.targetOf(noteEnd.other) : null;
      if (noteEnd && about) {
        const list = this.noteTargets.get(noteEnd.note) ?? [];
        list.push(about);
        this.noteTargets.set(noteEnd.note, list);
      } else if (noteEnd && noteEnd.other) {
        this.dangling.push(`${clip(noteEnd.other, 60)} linked from a note`);
      } else {
        other += 1;
      }
    }
    if (other) this.notCarried.push(`${plural(other, 'link')} between codes, sources or other items: Tessera has no links.`);
  }

  private noteGuids: ReadonlySet<Uuid> | null = null;

  private isNote(guid: Uuid): boolean {
    if (!this.noteGuids) {
      const notes = childNamed(this.root, 'Notes');
      this.noteGuids = new Set(notes ? childrenNamed(notes, 'Note').flatMap((n) => normaliseGuid(n.attributes.guid ?? '') ?? []) : []);
    }
    return this.noteGuids.has(guid);
  }

  private targetOf(guid: Uuid): { readonly target: MemoTarget; readonly prefix: string } | null {
    const selection = this.selections.get(guid);
    if (selection) {
      if (selection.codingIds.length) return { target: { kind: 'coding', id: selection.codingIds[0] as Uuid }, prefix: '' };
      const document = this.documents.get(selection.documentId) as TesseraDocument;
      return { target: { kind: 'document', id: document.id }, prefix: this.passagePrefix(document, selection.start, selection.end) };
    }
    if (this.documents.has(guid)) return { target: { kind: 'document', id: guid }, prefix: '' };
    if (this.codeIds.has(guid)) return { target: { kind: 'code', id: guid }, prefix: '' };
    if (this.codingIds.has(guid)) return { target: { kind: 'coding', id: guid }, prefix: '' };
    return null;
  }

  private readNotes(notes: XmlElement | undefined): void {
    const known = new Set<Uuid>();
    let attachedTwice = 0;
    for (const note of notes ? childrenNamed(notes, 'Note') : []) {
      const title = clip((note.attributes.name ?? '').trim(), SCHEMA_LIMITS.name);
      const id = this.claimId(note.attributes.guid, `The note "${title}"`);
      known.add(id);
      const text = this.sourceText(note, title || 'note');
      if (text === null) continue;
      const targets = this.noteTargets.get(id) ?? [];
      if (targets.length > 1) attachedTwice += 1;
      const where = targets[0] ?? { target: { kind: 'project' } as MemoTarget, prefix: '' };
      const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n').trim();
      this.memos.push({
        id,
        projectId: this.projectId,
        target: where.target,
        title: title || 'Note',
        text: clip(`${where.prefix}${body}`, SCHEMA_LIMITS.memoText),
        ...this.stamps(note, 'creatingUser', 'modifyingUser', `The note "${title}"`),
      });
    }
    for (const guid of this.noteTargets.keys()) if (!known.has(guid)) this.dangling.push(`note ${guid}`);
    if (attachedTwice) this.deviations.push(`${plural(attachedTwice, 'note')} attached to more than one item; each was kept as one memo, on the first.`);
  }
}

/** The report as text, as the command line prints it and the app shows it. */
export function formatImportReport(report: RefiImportReport): string {
  const c = report.counts;
  const lines = [
    `Imported ${report.fileName}${report.origin ? ` (written by ${report.origin})` : ''}:`,
    `  ${plural(c.documents, 'document')}, ${plural(c.codes, 'code')}, ${plural(c.codings, 'coding')}, ${plural(c.memos, 'memo')}, ${plural(c.coders, 'coder')}, ${plural(c.cases, 'case')}, ${plural(c.documentGroups, 'document group')}.`,
  ];
  const section = (title: string, items: readonly string[]): void => {
    if (!items.length) return;
    lines.push('', title);
    for (const item of items) lines.push(`  - ${item}`);
  };
  section('Text positions:', report.positions);
  section('Not carried into Tessera:', report.notCarried);
  section('Deviations from the REFI-QDA standard, and what was done:', report.deviations);
  if (!report.notCarried.length && !report.deviations.length) lines.push('', 'Everything in the file was carried; it follows the standard.');
  return `${lines.join('\n')}\n`;
}
