/**
 * The file types a transcript can be imported from, on their own so that a file picker can name them without loading
 * the importers (the Word importer brings mammoth, which the app loads only in its import worker).
 */

/** Extensions, without the dot, that the import file picker offers. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['docx', 'txt', 'vtt', 'srt'];
