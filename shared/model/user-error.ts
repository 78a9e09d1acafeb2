/**
 * An error whose message is written for the researcher (what happened, what was kept, what to do), as opposed to a
 * bug. The app shows such messages as they are; anything else is reported as "Something went wrong: …".
 */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
  }
}

/**
 * Names of the domain's error classes whose messages are written for the user. They are matched by name, since an
 * error may cross a worker or process boundary, where its class is lost but its name is kept.
 */
export const USER_FACING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'UserError',
  'StoreError',
  'ImportError',
  'InvalidEncodingError',
  'ProjectFileError',
  'CodebookFileError',
  'RefiProjectError',
  'XmlReadError',
  'ZipReadError',
  'CodingRefused',
  'CodeRefused',
  'MemoRefused',
  'StudyEditRefused',
  'SearchQueryError',
  'FileTooLargeError',
]);
