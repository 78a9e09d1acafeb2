/**
 * Turns imported text into a stored document: the one function that both the app and the command line use, so a file
 * becomes the same document wherever it is imported.
 */
import type { Clock, IdGenerator } from '../model/ids.ts';
import type {
  DocumentAttributes,
  DocumentKind,
  Paragraph,
  Speaker,
  TesseraDocument,
  Uuid,
} from '../model/types.ts';
import { codePointLength } from '../text/code-points.ts';
import type { ImportedText } from './imported-text.ts';
import { speakerKey } from './speaker-label.ts';
import { stampsAt } from '../model/stamps.ts';

/** What a document needs besides its imported text. */
export interface DocumentFromImportOptions {
  readonly projectId: Uuid;
  readonly name: string;
  readonly kind: DocumentKind;
  readonly attributes: DocumentAttributes;
  /** The file's name as the user picked it, kept so the document can be traced back to the delivered file. */
  readonly sourceFileName: string;
  readonly newId: IdGenerator;
  readonly now: Clock;
  /** For field notes: the transcript of the same focus group. */
  readonly linkedDocumentId?: Uuid | null;
}

/** Builds a document from imported text: speakers get ids and paragraphs refer to their speaker by id. */
export function documentFromImport(imported: ImportedText, options: DocumentFromImportOptions): TesseraDocument {
  const id = options.newId();
  const now = options.now();
  const speakers: Speaker[] = imported.speakers.map((speaker) => ({
    id: options.newId(),
    label: speaker.label,
    role: speaker.role,
    attributes: {},
  }));
  const speakerIds = new Map(speakers.map((speaker) => [speakerKey(speaker.label), speaker.id]));
  const paragraphs: Paragraph[] = imported.paragraphs.map((paragraph) => {
    const speakerId = paragraph.speakerLabel === null ? null : speakerIds.get(speakerKey(paragraph.speakerLabel));
    if (speakerId === undefined) {
      throw new Error(`Paragraph ${paragraph.n} names speaker "${paragraph.speakerLabel}", which is not in the speaker list.`);
    }
    return {
      n: paragraph.n,
      start: paragraph.start,
      end: paragraph.end,
      utteranceStart: paragraph.utteranceStart,
      speakerId,
      timestamps: paragraph.timestamps,
      ...(paragraph.headingLevel ? { headingLevel: paragraph.headingLevel } : {}),
    };
  });
  return {
    id,
    projectId: options.projectId,
    name: options.name,
    kind: options.kind,
    attributes: options.attributes,
    paragraphs,
    speakers,
    source: {
      fileName: options.sourceFileName,
      format: imported.format,
      encoding: imported.encoding,
      importedAt: now,
    },
    linkedDocumentId: options.linkedDocumentId ?? null,
    length: codePointLength(imported.text),
    ...stampsAt(now),
    text: imported.text,
  };
}
