/**
 * The original-language transcript of a translated document, as the project keeps it (`DocumentOriginal`): made
 * from an imported file and aligned with the translation by the aligner, corrected by the user, aligned again with
 * the user's corrections kept. Each function returns the change the workspace (or `tessera add-original`) commits,
 * so every step is saved, undoable and in the .tessera file.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import { stampsAt } from '../model/stamps.ts';
import type { DocumentOriginal, Paragraph, ProjectSnapshot, Speaker, TesseraDocument, Uuid } from '../model/types.ts';
import { UserError } from '../model/user-error.ts';
import type { ImportedText } from '../import/imported-text.ts';
import { speakerKey } from '../import/speaker-label.ts';
import { codePointLength } from '../text/code-points.ts';
import { alignParagraphs } from './align-paragraphs.ts';
import { alignmentParagraphsOfImport, alignmentParagraphsOfText } from './alignment-paragraphs.ts';
import type { CorrectedAlignment } from './correct-alignment.ts';

/** Characters of scripts read right to left: Hebrew, Arabic (with Syriac, Thaana, N'Ko) and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
/** Letters of any script. */
const LETTER = /\p{L}/gu;

/**
 * The reading direction of a text: right to left when most of its letters are of a right-to-left script (a Hebrew
 * transcript with English names and speaker labels is still Hebrew).
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(LETTER)?.length ?? 0;
  const rtl = sample.match(RIGHT_TO_LEFT)?.length ?? 0;
  return letters > 0 && rtl * 2 > letters ? 'rtl' : 'ltr';
}

/** What an original needs besides its imported text. */
export interface OriginalFromImportOptions {
  readonly language: string;
  /** The file's name as the user picked it. */
  readonly sourceFileName: string;
  readonly newId: IdGenerator;
  readonly now: Clock;
}

/**
 * An original made from an imported file, aligned with the document's paragraphs by the aligner the command line's
 * `tessera align` uses. Speakers get ids of their own, as a document's do.
 */
export function originalFromImport(document: TesseraDocument, imported: ImportedText, options: OriginalFromImportOptions): DocumentOriginal {
  const speakers: Speaker[] = imported.speakers.map((speaker) => ({ id: options.newId(), label: speaker.label, role: speaker.role, attributes: {} }));
  const speakerIds = new Map(speakers.map((speaker) => [speakerKey(speaker.label), speaker.id]));
  const paragraphs: Paragraph[] = imported.paragraphs.map((paragraph) => ({
    n: paragraph.n,
    start: paragraph.start,
    end: paragraph.end,
    utteranceStart: paragraph.utteranceStart,
    speakerId: paragraph.speakerLabel === null ? null : (speakerIds.get(speakerKey(paragraph.speakerLabel)) ?? null),
    timestamps: paragraph.timestamps,
  }));
  if (paragraphs.length === 0) throw new UserError(`${options.sourceFileName} holds no text, so it cannot be the original of “${document.name}”.`);
  const { pairs } = alignParagraphs({ original: alignmentParagraphsOfImport(imported), translation: alignmentParagraphsOfText(document) });
  const at = options.now();
  return {
    id: options.newId(),
    projectId: document.projectId,
    ...stampsAt(at),
    documentId: document.id,
    language: options.language.trim(),
    direction: textDirection(imported.text),
    source: { fileName: options.sourceFileName, format: imported.format, encoding: imported.encoding, importedAt: at },
    paragraphs,
    speakers,
    length: codePointLength(imported.text),
    text: imported.text,
    alignment: { pairs, fixed: [] },
  };
}

/** The original of a document, if it has one. */
export function originalOf(snapshot: Pick<ProjectSnapshot, 'originals'>, documentId: Uuid): DocumentOriginal | undefined {
  return snapshot.originals.find((original) => original.documentId === documentId);
}

/**
 * The change that gives a document its original. A document has one original: one already there is replaced (and
 * undo brings it back).
 */
export function setOriginalChange(snapshot: Pick<ProjectSnapshot, 'originals' | 'documents'>, original: DocumentOriginal): ProjectChange {
  if (!snapshot.documents.some((document) => document.id === original.documentId)) {
    throw new UserError('That document is no longer in the project, so the original was not added.');
  }
  const previous = originalOf(snapshot, original.documentId);
  return { put: { originals: [original] }, ...(previous ? { delete: { originals: [previous.id] } } : {}) };
}

/** The change that takes a document's original away (its translation and codings stay as they are). */
export function removeOriginalChange(original: DocumentOriginal): ProjectChange {
  return { delete: { originals: [original.id] } };
}

/** The change that stores a corrected alignment (from `joinWithNext`, `splitPair` or `moveBoundary`). */
export function correctAlignmentChange(original: DocumentOriginal, corrected: CorrectedAlignment): ProjectChange {
  return { put: { originals: [{ ...original, alignment: { pairs: corrected.pairs, fixed: corrected.fixed } }] } };
}

/** The change that runs the aligner again, keeping every pair the user fixed. */
export function realignChange(original: DocumentOriginal, document: TesseraDocument): ProjectChange {
  const { pairs } = alignParagraphs({
    original: alignmentParagraphsOfText(original),
    translation: alignmentParagraphsOfText(document),
    fixed: original.alignment.fixed,
  });
  return { put: { originals: [{ ...original, alignment: { pairs, fixed: original.alignment.fixed } }] } };
}
