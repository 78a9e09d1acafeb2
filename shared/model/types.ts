/**
 * Tessera's domain model: plain, serialisable records.
 *
 * Every record is keyed by a UUID (REFI-QDA GUIDs are UUIDs, so ids survive an exchange with other QDA tools) and
 * carries the project it belongs to, so one store can hold many projects and a project can be cut out of it whole.
 * Records are immutable values. Every record carries the same stamps (`Stamps`: who made it and when, who changed it
 * last and when, and the hybrid logical clock of that change), set in one place when a change is committed
 * (`shared/model/stamps.ts`); a deleted record leaves a `Tombstone`. The kinds of record are declared once, in
 * `shared/model/record-kinds.ts`.
 */

/** A lowercase RFC 4122 UUID, e.g. "3cb15df7-b247-4ad9-a082-19a28716831a". */
export type Uuid = string;

/** An ISO 8601 date-time in UTC, e.g. "2026-11-23T09:30:00.000Z". */
export type IsoDateTime = string;

/**
 * A hybrid logical clock reading (see `shared/model/clock.ts`): strings that sort in the order the changes happened,
 * the same way on every machine, even when laptops' wall clocks disagree.
 */
export type HlcTimestamp = string;

/**
 * Who made a record and when, who changed it last and when. The same four fields on every kind of record, plus the
 * clock of the last change, which is what a merge or a replication compares ("the newest edit wins"): wall-clock
 * times are shown to people, the clock decides.
 */
export interface Stamps {
  readonly createdAt: IsoDateTime;
  /** The coder who made the record (for a coding: the coder whose coding it is); null when unknown. */
  readonly createdBy: Uuid | null;
  readonly modifiedAt: IsoDateTime;
  readonly modifiedBy: Uuid | null;
  readonly clock: HlcTimestamp;
}

/** A record of a project: an id, the project and the stamps. */
export interface ProjectRecord extends Stamps {
  readonly id: Uuid;
  readonly projectId: Uuid;
}

/** A site of a multi-site study, cited by its short code ("BU 45" is paragraph 45 of a Butabika transcript). */
export interface Site extends ProjectRecord {
  /** Short code used in citations, e.g. "BU". */
  readonly code: string;
  /** Full name, e.g. "Butabika, Uganda". */
  readonly name: string;
  /** Position among the sites, ascending. */
  readonly order: number;
}

/** A phase of the study, e.g. "pre" and "post" around an intervention; `order` sorts them in time. */
export interface Phase extends ProjectRecord {
  readonly name: string;
  readonly order: number;
}

/** A named set of documents (REFI-QDA calls it a set), e.g. "Validated by site team". */
export interface DocumentGroup extends ProjectRecord {
  readonly name: string;
  readonly description: string;
  readonly documentIds: readonly Uuid[];
}

/** What a case is made of: a site, a site in one phase, or a hand-picked set of documents. */
export type CaseScope =
  | { readonly kind: 'site'; readonly siteId: Uuid }
  | { readonly kind: 'site-phase'; readonly siteId: Uuid; readonly phaseId: Uuid }
  | { readonly kind: 'documents'; readonly documentIds: readonly Uuid[] };

/**
 * A case: the unit a CFIR analysis compares and rates (by default one per site). Its outcome attributes (e.g.
 * "implementation": "high", per the CFIR Outcomes Addendum) order and group cases when constructs are compared.
 */
export interface Case extends ProjectRecord {
  readonly name: string;
  readonly scope: CaseScope;
  readonly outcomes: Readonly<Record<string, string>>;
  readonly description: string;
  /** Position among the cases, ascending. */
  readonly order: number;
}

/**
 * A CFIR case rating (see rating-rules.md): +2..-2 for the valence and strength of a construct's influence in a
 * case, "X" for mixed influence, "M" for missing (too little data to rate).
 */
export type RatingValue = '+2' | '+1' | '0' | '-1' | '-2' | 'X' | 'M';

/** One cell of the construct x case rating matrix, with the passages it rests on. */
export interface Rating extends ProjectRecord {
  readonly caseId: Uuid;
  /** The code of the construct rated (a CFIR code, whose origin names the construct). */
  readonly codeId: Uuid;
  /** Null while the cell is being written and not rated yet. */
  readonly value: RatingValue | null;
  readonly summary: string;
  readonly rationale: string;
  /** The codings chosen as evidence for the rating. */
  readonly evidenceCodingIds: readonly Uuid[];
}

/** A deletion, kept as a record so that a merge or a replication can carry it: "deleted" is not "never had". */
export interface Tombstone extends ProjectRecord {
  /** The kind of record deleted (a key of the record-kind declaration, e.g. "codings"). */
  readonly kind: string;
}

/** A built-in codebook that a project uses. */
export type CodebookId = 'cfir-2.0' | 'cfir-2009' | 'ibrahim-2019' | 'mirbahaeddin-2022';

/** What tells apart the documents of a site with several, in citations (see shared/coding/citation-labels.ts). */
export type CitationDistinction = 'phase' | 'kind' | 'group' | 'label';

/**
 * How the project's quotes are cited: what tells a site's documents apart, and whether exports follow the paragraphs
 * with the phase, "(BU 45, pre)", or not, "(BU 45)".
 */
export interface CitationStyle {
  readonly distinguishBy: CitationDistinction;
  readonly phaseAfterParagraph: boolean;
}

/**
 * The project's rule for labelling CFIR constructs as distinguishing high- from low-implementation cases
 * (shared/ratings/distinguishing-constructs.ts applies it). Outcome groups are the cases' implementation outcomes.
 */
export interface DistinguishingRule {
  /** The outcome of the cases that implemented well, e.g. "high". */
  readonly highOutcome: string;
  /** The outcome of the cases that did not, e.g. "low". */
  readonly lowOutcome: string;
  /** How X (mixed) counts: left out like M, or as 0 (as DL13's Table 2 folds balanced influences into 0). */
  readonly mixed: 'exclude' | 'as-zero';
  /** The least share (0..1) of each group's cases that must be rated (not M) for a label other than insufficient data. */
  readonly minRatedShare: number;
  /** Strongly distinguishing: the high cases' mean rating exceeds the low cases' by at least this much... */
  readonly strongGap: number;
  /** ...and, when set, every rated high case is rated above every rated low case (no overlap). */
  readonly strongNeedsSeparation: boolean;
  /** Weakly distinguishing: the same direction with a mean gap of at least this much. */
  readonly weakGap: number;
}

/**
 * The project: its name, the codebooks it codes with and its analysis settings. The study design (sites, phases,
 * groups, cases) is made of records of its own, so this record changes only when the project itself does.
 */
export interface Project extends Stamps {
  readonly id: Uuid;
  readonly name: string;
  readonly description: string;
  readonly codebooks: readonly CodebookId[];
  /**
   * The rule that labels distinguishing constructs. Absent in projects that never set one (and in files saved before
   * the setting existed): those use DEFAULT_DISTINGUISHING_RULE, read through `projectDistinguishingRule`.
   */
  readonly distinguishingRule?: DistinguishingRule;
  /**
   * How quotes are cited; absent in projects that never changed it (and in files of format version 2), which are
   * cited in the default style (`DEFAULT_CITATION_STYLE`).
   */
  readonly citationStyle?: CitationStyle;
}

/** A person who codes. Codings and memos name their coder, which is what inter-coder comparison works on. */
export interface Coder extends ProjectRecord {
  readonly name: string;
  /** Two or three letters shown beside a coding, e.g. "AL". */
  readonly initials: string;
}

/** What a document is: a focus-group transcript, or the moderators' field notes on one. */
export type DocumentKind = 'transcript' | 'field-notes';

/**
 * The role of a speaker in a focus group. "group" is several participants answering at once ("All:", "R2 & R4:"):
 * their words are the group's, not one participant's, so a filter for participants leaves them out.
 */
export type SpeakerRole = 'moderator' | 'assistant' | 'participant' | 'group' | 'unknown';

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
  /**
   * The level (1 to 6) of a heading of the delivered file (a topic guide's or field notes' section title, Word's Title,
   * Subtitle and Heading styles); absent for body text, so records made before headings were kept read as body text.
   * A heading is still one numbered paragraph, as Word counts it.
   */
  readonly headingLevel?: HeadingLevel;
}

/** The level of a heading, as HTML and ARIA count them. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

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
  readonly format: 'txt' | 'docx' | 'vtt' | 'srt' | 'tessera' | 'qdpx';
  /** The character encoding the text was decoded from, e.g. "utf-8", "utf-16le", "windows-1252". */
  readonly encoding: string;
  readonly importedAt: IsoDateTime;
}

/** A document's metadata: everything but the text, so lists of documents stay light. */
export interface DocumentMeta extends ProjectRecord {
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
}

/** A document with its text. The text is never edited after import, so coding offsets stay valid. */
export interface TesseraDocument extends DocumentMeta {
  /**
   * Plain text, LF line endings, one paragraph a line: a LF always ends a paragraph, so paragraph n is the n-th line.
   * The characters are the delivered ones (no-break spaces, typographic quotes and dashes are kept; search may fold
   * them, the text may not). A line break inside a paragraph (Word's soft line break, Shift+Enter) is stored as
   * U+2028 LINE SEPARATOR, which is not a LF, so paragraph numbers stay one per Word paragraph as citations and other
   * tools count them; the reader shows it as a line break. It is one code point, so offsets are unaffected.
   */
  readonly text: string;
}

/** A run of paragraphs of one text by index from 0, start inclusive, end exclusive (shared/align/aligned-pairs.ts). */
export interface ParagraphRun {
  readonly start: number;
  readonly end: number;
}

/** One pair of an alignment: a run of original paragraphs beside a run of translation paragraphs. */
export interface AlignedPair {
  readonly original: ParagraphRun;
  readonly translation: ParagraphRun;
}

/**
 * The original-language transcript of a translated document: part of that document (it is never counted as a
 * study document of its own, so counts and matrices see each focus group once), kept in a record of its own so that
 * the translation's metadata changes never rewrite it. `alignment` pairs its paragraphs with the translation's;
 * `alignment.fixed` lists the pairs the user corrected, which the aligner keeps when it runs again.
 */
export interface DocumentOriginal extends ProjectRecord {
  /** The translated document this is the original of (one original per document). */
  readonly documentId: Uuid;
  /** The language as the user names it, e.g. "Luganda". */
  readonly language: string;
  /** The text's reading direction: Hebrew or Arabic read right to left. */
  readonly direction: 'ltr' | 'rtl';
  readonly source: DocumentSource;
  /** As a document's: one paragraph a line, code-point offsets. */
  readonly paragraphs: readonly Paragraph[];
  readonly speakers: readonly Speaker[];
  /** Length of the text in code points. */
  readonly length: number;
  readonly text: string;
  readonly alignment: { readonly pairs: readonly AlignedPair[]; readonly fixed: readonly AlignedPair[] };
}

/** Where a code comes from: the CFIR (deductive), another shipped framework, or the coders themselves. */
export type CodeOrigin =
  | { readonly kind: 'inductive' }
  | { readonly kind: 'cfir'; readonly version: '2.0' | '2009'; readonly elementId: string }
  | { readonly kind: 'framework'; readonly frameworkId: string; readonly elementId: string };

/** A code in the coding tree. A code that is not codable is a category (a folder, e.g. a CFIR domain). */
export interface Code extends ProjectRecord {
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
}

/** A code applied to a passage: code points [start, end) of one document, by one coder (`createdBy`). */
export interface Coding extends ProjectRecord {
  readonly documentId: Uuid;
  readonly codeId: Uuid;
  readonly start: number;
  readonly end: number;
}

/** What a memo is written about. */
export type MemoTarget =
  | { readonly kind: 'project' }
  | { readonly kind: 'document'; readonly id: Uuid }
  | { readonly kind: 'code'; readonly id: Uuid }
  | { readonly kind: 'coding'; readonly id: Uuid };

/** An analyst's memo; `createdBy` is its author. */
export interface Memo extends ProjectRecord {
  readonly target: MemoTarget;
  readonly title: string;
  readonly text: string;
}

/**
 * A whole project as plain data: what a .tessera file holds and what the command line works on. One list per kind
 * of record, in the order `RECORD_KINDS` (shared/model/record-kinds.ts) declares them.
 */
export interface ProjectSnapshot {
  readonly project: Project;
  readonly sites: readonly Site[];
  readonly phases: readonly Phase[];
  readonly coders: readonly Coder[];
  readonly documentGroups: readonly DocumentGroup[];
  readonly documents: readonly TesseraDocument[];
  readonly originals: readonly DocumentOriginal[];
  readonly codes: readonly Code[];
  readonly codings: readonly Coding[];
  readonly memos: readonly Memo[];
  readonly cases: readonly Case[];
  readonly ratings: readonly Rating[];
  readonly tombstones: readonly Tombstone[];
}
