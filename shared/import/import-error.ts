/**
 * The one error an importer throws for a file it cannot take in: its message is shown to the user as it is, so it
 * names the file and says what is wrong in plain words (and, where there is one, what to do).
 */

/** A file was refused by an importer; `message` is user-facing and names the file. */
export class ImportError extends Error {
  /** The name of the refused file, as the user picked it. */
  readonly fileName: string;

  constructor(fileName: string, message: string) {
    super(message);
    this.name = 'ImportError';
    this.fileName = fileName;
  }
}
