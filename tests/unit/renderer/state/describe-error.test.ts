import { describe, expect, it } from 'vitest';
import { describeError } from '#renderer/state/describe-error.ts';
import { UserError } from '#shared/model/user-error';
import { StoreError } from '#renderer/db/project-store-api.ts';
import { ImportError } from '#shared/import/import-error';
import { CodingRefused } from '#shared/coding/apply-code';
import { newProject } from '#shared/model/new-project';
import { seededRandom, seededUuidGenerator, systemClock } from '#shared/model/ids';
import { setRatingChange } from '#shared/ratings/rating-edits';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

/** The message the app shows for what `action` throws. */
function shownFor(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return describeError(error);
  }
  throw new Error('the action was expected to refuse');
}

describe('describeError', () => {
  it('shows the domain’s refusals as sentences, never as “Something went wrong”', () => {
    const study = synthesizeStudy({ documents: 1, wordsPerDocument: 40, codes: 2, codings: 1, coders: 1, seed: 1 });
    const newId = seededUuidGenerator(seededRandom(1));
    expect(shownFor(() => newProject({ name: ' ', coderName: 'A' }, newId, systemClock))).toBe('Give the project a name.');
    expect(shownFor(() => setRatingChange(study, { caseId: 'missing', codeId: study.codes[0]?.id ?? '' }, { value: '+1', summary: '', rationale: '', evidenceCodingIds: [] }, newId, systemClock(), null))).toBe(
      'That case is not in the project.',
    );
  });

  it('shows the messages written for researchers as they are', () => {
    expect(describeError(new UserError('The file is damaged.'))).toBe('The file is damaged.');
    expect(describeError(new StoreError('quota', 'The disk is full.'))).toBe('The disk is full.');
    expect(describeError(new CodingRefused('Select some text first.'))).toBe('Select some text first.');
    expect(describeError(new ImportError('a.txt', 'a.txt is empty.'))).toContain('a.txt');
  });

  it('keeps the message of an error that crossed a worker boundary by its name', () => {
    const crossed = Object.assign(new Error('a.docx is protected by a password.'), { name: 'ImportError' });
    expect(describeError(crossed)).toBe('a.docx is protected by a password.');
  });

  it('marks anything else as a bug, with its own words', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('Something went wrong: x is undefined');
    expect(describeError('plain string')).toBe('Something went wrong: plain string');
  });
});
