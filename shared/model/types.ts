/**
 * Tessera's domain model: plain, serialisable records.
 *
 * Every record is keyed by a UUID (REFI-QDA GUIDs are UUIDs, so ids survive an exchange with other QDA tools) and
 * carries the project it belongs to, so one store can hold many projects and a project can be cut out of it whole.
 * Records are immutable values: a change produces a new record with a new `modifiedAt`, which is what a later
 * coder-merge compares.
 */

/** A lowercase RFC 4122 UUID, e.g. "3cb15df7-b247-4ad9-a082-19a28716831a". */
export type Uuid = string;

/** An ISO 8601 date-time in UTC, e.g. "2026-11-23T09:30:00.000Z". */
export type IsoDateTime = string;

/** A site of a multi-site study, cited by its short code ("BU 45" is paragraph 45 of a Butabika transcript). */
export interface Site {
  readonly id: Uuid;
  /** Short code used in citations, e.g. "BU". */
  readonly code: string;
  /** Full name, e.g. "Butabika, Uganda". */
  readonly name: string;
}

/** A phase of the study, e.g. "pre" and "post" around an intervention; `order` sorts them in time. */
export interface Phase {
  readonly id: Uuid;
  readonly name: string;
  readonly order: number;
}

/** A built-in codebook that a project uses. */
export type CodebookId = 'cfir-2.0' | 'cfir-2009' | 'ibrahim-2019' | 'mirbahaeddin-2022';

/** The project: its name, the study design (sites, phases) and the codebooks it codes with. */
export interface Project {
  readonly id: Uuid;
  readonly name: string;
  readonly description: string;
  readonly sites: readonly Site[];
  readonly phases: readonly Phase[];
  readonly codebooks: readonly CodebookId[];
  readonly createdAt: IsoDateTime;
  readonly modifiedAt: IsoDateTime;
}

/** A person who codes. Codings and memos name their coder, which is what inter-coder comparison works on. */
export interface Coder {
  readonly id: Uuid;
  readonly projectId: Uuid;
  readonly name: string;
  /** Two or three letters shown beside a coding, e.g. "AL". */
  readonly initials: string;
  readonly createdAt: IsoDateTime;
}

/** What a document is: a focus-group transcript, or the moderators' field notes on one. */
export type DocumentKind = 'transcript' | 'field-notes';

/** The role of a speaker in a focus group. */
export type SpeakerRole = 'moderator' | 'assistant' | 'participant' | 'unknown';

/** A speaker of one document, as recognised from labels such as "Moderator:" or "P3:". */
export interface Speaker {
  readonly id: Uuid;
  /** The label as it stands in the transcript, e.g. "P3". */
  readonly label: string;
  readonly role: SpeakerRole;
  /** Free attributes such as profession or gender. */
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * One paragraph of a document: the unit that quotes are cited by.
 *
 * Offsets are Unicode code points into the document text, start inclusive, end exclusive. `n` counts from 1 in
 * document order and never changes after import, because published quotes cite it.
 */
export interface Paragraph {
  readonly n: number;
  readonly start: number;
  readonly end: number;
  /** Where the utterance begins, after a speaker label such as "P3: " (equals `start` when there is no label). */
  readonly utteranceStart: number;
  readonly speakerId: Uuid | null;
  /** Timestamps found in the paragraph as written, e.g. "00:21:47". */
  readonly timestamps: readonly string[];
}

/** The study attributes that every comparison (site x phase) is built on. */
export interface DocumentAttributes {
  readonly siteId: Uuid | null;
  readonly phaseId: Uuid | null;
  /** The language the focus group was held in, e.g. "Luganda" (the stored text is the translation). */
  readonly language: string;
  /** The date of the focus group, as ISO yyyy-mm-dd, or "" when unknown. */
  readonly date: string;
  readonly extra: Readonly<Record<string, string>>;
}

/** Where a document's text came from, so a researcher can trace it back to the delivered file. */
export interface DocumentSource {
  readonly fileName: string;
  readonly format: 'txt' | 'docx' | 'tessera' | 'qdpx';
  /** The character encoding the text was decoded from, e.g. "utf-8", "utf-16le", "windows-1252". */
  readonly encoding: string;
  readonly importedAt: IsoDateTime;
}

/** A document's metadata: everything but the text, so lists of documents stay light. */
export interface DocumentMeta {
  readonly id: Uuid;
  readonly projectId: Uuid;
  readonly name: string;
  readonly kind: DocumentKind;
  readonly attributes: DocumentAttributes;
  readonly paragraphs: readonly Paragraph[];
  readonly speakers: readonly Speaker[];
  readonly source: DocumentSource;
  /** Field notes point at the transcript of the same focus group; null otherwise. */
  readonly linkedDocumentId: Uuid | null;
  /** Length of the text in code points. */
  readonly length: number;
  readonly createdAt: IsoDateTime;
  readonly modifiedAt: IsoDateTime;
}

/** A document with its text. The text is never edited after import, so coding offsets stay valid. */
export interface TesseraDocument extends DocumentMeta {
  /** Plain text, LF line endings, one paragraph a line. */
  readonly text: string;
}

/** Where a code comes from: the CFIR (deductive), another shipped framework, or the coders themselves. */
export type CodeOrigin =
  | { readonly kind: 'inductive' }
  | { readonly kind: 'cfir'; readonly version: '2.0' | '2009'; readonly elementId: string }
  | { readonly kind: 'framework'; readonly frameworkId: string; readonly elementId: string };

/** A code in the coding tree. A code that is not codable is a category (a folder, e.g. a CFIR domain). */
export interface Code {
  readonly id: Uuid;
  readonly projectId: Uuid;
  readonly parentId: Uuid | null;
  readonly name: string;
  /** "#rrggbb". */
  readonly color: string;
  readonly description: string;
  readonly inclusion: string;
  readonly exclusion: string;
  readonly example: string;
  /** Position among its siblings, ascending. */
  readonly order: number;
  readonly origin: CodeOrigin;
  readonly isCodable: boolean;
  readonly isHidden: boolean;
  readonly createdBy: Uuid | null;
  readonly createdAt: IsoDateTime;
  readonly modifiedAt: IsoDateTime;
}

/** A code applied to a passage: code points [start, end) of one document, by one coder. */
export interface Coding {
  readonly id: Uuid;
  readonly projectId: Uuid;
  readonly documentId: Uuid;
  readonly codeId: Uuid;
  readonly start: number;
  readonly end: number;
  readonly coderId: Uuid | null;
  readonly createdAt: IsoDateTime;
  readonly modifiedAt: IsoDateTime;
}

/** What a memo is written about. */
export type MemoTarget =
  | { readonly kind: 'project' }
  | { readonly kind: 'document'; readonly id: Uuid }
  | { readonly kind: 'code'; readonly id: Uuid }
  | { readonly kind: 'coding'; readonly id: Uuid };

/** An analyst's memo. */
export interface Memo {
  readonly id: Uuid;
  readonly projectId: Uuid;
  readonly target: MemoTarget;
  readonly title: string;
  readonly text: string;
  readonly authorId: Uuid | null;
  readonly createdAt: IsoDateTime;
  readonly modifiedAt: IsoDateTime;
}

/** A whole project as plain data: what a .tessera file holds and what the command line works on. */
export interface ProjectSnapshot {
  readonly project: Project;
  readonly coders: readonly Coder[];
  readonly documents: readonly TesseraDocument[];
  readonly codes: readonly Code[];
  readonly codings: readonly Coding[];
  readonly memos: readonly Memo[];
}
