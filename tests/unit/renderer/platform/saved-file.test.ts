import { describe, expect, it } from 'vitest';
import { savedFileNotice } from '#renderer/platform/saved-file.ts';

describe('savedFileNotice', () => {
  it('says where a written file is', () => {
    expect(savedFileNotice('Codebook', { status: 'saved', location: '/home/ada/cfir.qdc' })).toBe('Codebook was saved to /home/ada/cfir.qdc.');
  });

  it('never calls a browser download saved, and says what to check', () => {
    const text = savedFileNotice('Project', { status: 'downloading', fileName: 'Study.tessera' });
    expect(text).toBe(
      'Project went to your browser as the download “Study.tessera”. A web page cannot see whether a download finished: ' +
        'check your browser’s downloads before you rely on the file.',
    );
    expect(text).not.toMatch(/saved/);
  });
});
