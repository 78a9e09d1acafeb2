/**
 * `tessera inspect FILE`: shows how Tessera reads a transcript (.docx, .txt, .vtt or .srt), as JSON - through the same
 * import code as the app (`importTranscriptFile`), so what it prints is what the app would store: the text, the
 * encoding and how it was chosen, the speakers with their guessed roles, each paragraph with its speaker, utterance
 * and timestamps, each heading's level (`heading`), the paragraphs whose speaker was not recognised (`unattributed`), and the footnotes and comments
 * that become memos (`notes`, each with the paragraph it cites).
 */
import { importTranscriptFile } from '#shared/import/import-file';
import { TEXT_ENCODINGS, type TextEncodingName } from '#shared/import/text-decoding';
import { buildCodePointMap, sliceCodePoints } from '#shared/text/code-points';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

/** The inspect verb. */
export const inspectVerb: VerbDefinition = {
  name: 'inspect',
  summary: 'Show how a transcript (.docx, .txt, .vtt, .srt) is read: format, encoding, paragraphs, speakers, timestamps (JSON).',
  positionals: ['FILE'],
  options: {
    encoding: {
      type: 'string',
      placeholder: 'E',
      description: `Read a text file in this encoding instead of detecting it: ${TEXT_ENCODINGS.join(', ')}.`,
    },
  },
  async run({ positionals, values }, io) {
    const encoding = values.encoding;
    if (encoding !== undefined && !TEXT_ENCODINGS.includes(encoding as TextEncodingName)) {
      throw new UsageError(`Unknown encoding "${String(encoding)}"; use one of ${TEXT_ENCODINGS.join(', ')}.`);
    }
    const path = positionals[0] as string;
    const bytes = await io.readFile(path);
    const fileName = path.split(/[\\/]/).pop() ?? path;
    const imported = await importTranscriptFile(fileName, bytes, encoding ? { encoding: encoding as TextEncodingName } : {});
    const map = buildCodePointMap(imported.text);
    const report = {
      text: imported.text,
      format: imported.format,
      encoding: imported.encoding,
      encodingDetectedBy: imported.encodingDetectedBy ?? null,
      speakers: imported.speakers,
      paragraphs: imported.paragraphs.map((paragraph) => ({
        n: paragraph.n,
        start: paragraph.start,
        end: paragraph.end,
        speaker: paragraph.speakerLabel,
        text: sliceCodePoints(imported.text, paragraph.utteranceStart, paragraph.end, map),
        timestamps: paragraph.timestamps,
        // A heading of the delivered file (1 to 6), as the reader shows it; null for body text.
        heading: paragraph.headingLevel ?? null,
      })),
      unattributed: imported.unattributed,
      notes: imported.notes,
      warnings: imported.warnings,
    };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  },
};
