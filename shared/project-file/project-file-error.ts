/**
 * The one error that opening a .tessera file throws: `message` is shown to the user as it is, and `reason` lets the
 * app choose what to offer (for example "update Tessera" for a newer format).
 */

/** Why a project file could not be opened or written. */
export type ProjectFileErrorReason =
  | 'empty'
  | 'not-a-project-file'
  | 'damaged'
  | 'unexpected-content'
  | 'too-large'
  | 'newer-format'
  | 'older-format'
  | 'invalid-project';

/** A project file was refused; `message` is user-facing. */
export class ProjectFileError extends Error {
  constructor(
    readonly reason: ProjectFileErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ProjectFileError';
  }
}
