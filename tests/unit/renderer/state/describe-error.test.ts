import { describe, expect, it } from 'vitest';
import { describeError } from '#renderer/state/describe-error.ts';
import { UserError } from '#shared/model/user-error';
import { StoreError } from '#renderer/db/project-store-api.ts';
import { ImportError } from '#shared/import/import-error';
import { CodingRefused } from '#shared/coding/apply-code';

describe('describeError', () => {
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
