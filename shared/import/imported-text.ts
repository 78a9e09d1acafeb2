/**
 * What an importer hands on: the text of one document with its paragraphs, speakers and timestamps recognised, before
 * it becomes a stored document (see `document-from-import.ts`). Every importer (plain text, Word) produces
 * this one shape. Offsets are Unicode code points into `text`, start inclusive, end exclusive.
 */
import type { HeadingLevel, SpeakerRole } from '../model/types.ts';

/** One paragraph of imported text. */
export interface ImportedParagraph {
  /** Number in document order, from 1. */
  readonly n: number;
  readonly start: number;
  readonly end: number;
  /** Where the utterance begins after a speaker label (equals `start` when there is none). */
  readonly utteranceStart: number;
  /** The label of the paragraph's speaker, exactly as in `ImportedText.speakers`, or null. */
  readonly speakerLabel: string | null;
  /** Timestamps as written, e.g. "00:21:47". */
  readonly timestamps: readonly string[];
  /** A heading's level (see `Paragraph.headingLevel`); absent for body text. */
  readonly headingLevel?: HeadingLevel;
}

/** A speaker recognised in imported text: the label as first written and the role guessed from it. */
export interface ImportedSpeaker {
  readonly label: string;
  readonly role: SpeakerRole;
}

/** A paragraph where the layout puts a speaker but none was recognised (a table row whose speaker cell is no label). */
export interface UnattributedParagraph {
  readonly n: number;
  /** What stood where the speaker should be, as written. */
  readonly label: string;
}

/**
 * A footnote, endnote or reviewer's comment of the delivered file. It leaves no mark in the text; the import makes it
 * a memo on the document that cites paragraph `n` (null: the paragraph is not known, e.g. a comment on nothing).
 */
export interface ImportedNote {
  readonly n: number | null;
  readonly kind: 'footnote' | 'endnote' | 'comment';
  /** As Word numbers it: "1", "ii"; comments in order of reference. */
  readonly number: string;
  readonly text: string;
  /** A comment's author as the file names them, or null. */
  readonly author: string | null;
}

/** The paragraphs, speakers and text recognised from a list of raw paragraph strings. */
export interface RecognisedText {
  /** The paragraphs joined by "\n". */
  readonly text: string;
  readonly paragraphs: readonly ImportedParagraph[];
  /** In order of first appearance. */
  readonly speakers: readonly ImportedSpeaker[];
  /** Paragraphs whose speaker was not recognised although the layout says one stands there; shown in the preview. */
  readonly unattributed: readonly UnattributedParagraph[];
  /** Footnotes, endnotes and comments, in the order of the paragraphs that refer to them. */
  readonly notes: readonly ImportedNote[];
}

/** A file's text as imported: recognised structure plus where it came from and what the user should know. */
export interface ImportedText extends RecognisedText {
  /** The character encoding the bytes were decoded from, e.g. "utf-8" or "windows-1252". */
  readonly encoding: string;
  readonly format: 'txt' | 'docx' | 'vtt' | 'srt';
  /** Things the user should know, e.g. that the encoding was guessed and can be changed. */
  readonly warnings: readonly string[];
  /**
   * How a text file's encoding was chosen: by the user, by a byte-order mark, because the bytes are valid UTF-8, or
   * as the fallback when they are not (then the user should look, and may choose another). Absent for Word files,
   * whose XML declares its own encoding.
   */
  readonly encodingDetectedBy?: 'requested' | 'byte-order-mark' | 'valid-utf-8' | 'fallback';
}
