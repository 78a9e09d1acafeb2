/**
 * The paragraphs the aligner reads, taken from an import (the command line, an original being imported) or from a
 * stored document (a re-run after a correction): the words after each speaker label, the label and the timestamps.
 */
import type { RecognisedText } from '../import/imported-text.ts';
import type { Paragraph, Speaker } from '../model/types.ts';
import { buildCodePointMap, sliceCodePoints } from '../text/code-points.ts';
import type { AlignmentParagraph } from './alignment-features.ts';

/** The aligner's paragraphs of an imported text, in the importer's order (index i is paragraph i + 1). */
export function alignmentParagraphsOfImport(imported: Pick<RecognisedText, 'text' | 'paragraphs'>): AlignmentParagraph[] {
  const map = buildCodePointMap(imported.text);
  return imported.paragraphs.map((paragraph) => ({
    text: sliceCodePoints(imported.text, paragraph.utteranceStart, paragraph.end, map),
    speaker: paragraph.speakerLabel,
    timestamps: paragraph.timestamps,
  }));
}

/** The aligner's paragraphs of a stored text: its paragraphs, with speakers named by their labels. */
export function alignmentParagraphsOfText(text: {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly speakers: readonly Speaker[];
}): AlignmentParagraph[] {
  const map = buildCodePointMap(text.text);
  const labels = new Map(text.speakers.map((speaker) => [speaker.id, speaker.label]));
  return text.paragraphs.map((paragraph) => ({
    text: sliceCodePoints(text.text, paragraph.utteranceStart, paragraph.end, map),
    speaker: paragraph.speakerId === null ? null : (labels.get(paragraph.speakerId) ?? null),
    timestamps: paragraph.timestamps,
  }));
}
