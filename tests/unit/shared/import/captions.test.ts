import { describe, expect, it } from 'vitest';
import { captionFormatOf } from '#shared/import/captions';
import { importTranscriptFile } from '#shared/import/import-file';
import type { ImportedText } from '#shared/import/imported-text';
import { sliceCodePoints } from '#shared/text/code-points';

function turns(imported: ImportedText): [number, string | null, string, readonly string[]][] {
  return imported.paragraphs.map((p) => [p.n, p.speakerLabel, sliceCodePoints(imported.text, p.utteranceStart, p.end), p.timestamps]);
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

// As Microsoft Teams writes a meeting's transcript: voice tags, cue ids, a NOTE block.
const TEAMS_VTT = `WEBVTT

NOTE exported from the meeting

0a1b/12-0
00:00:03.120 --> 00:00:05.400
<v Jane Doe>Thanks for joining,</v>

0a1b/12-1
00:00:05.400 --> 00:00:08.000
<v Jane Doe>can everyone hear me?</v>

0a1b/13-0
00:00:09.010 --> 00:00:11.500
<v.loud Okello Peter>Yes &amp; loud
and clear.</v>

00:00:12.000 --> 00:00:13.000
<v Jane Doe><i>Good.</i></v>
`;

// As Zoom writes its transcript: numbered cues, "Name: " in the text.
const ZOOM_VTT = `WEBVTT

1
00:00:01.000 --> 00:00:03.000
Interviewer: Welcome.

2
00:00:03.500 --> 00:00:06.000
Speaker 2: Thank you.

3
00:00:06.000 --> 00:00:08.000
Speaker 2: Happy to be here.
`;

const SRT = `1
00:00:01,000 --> 00:00:04,000
Moderator: What changed?

2
00:00:04,500 --> 00:00:07,250
P1: The visits.

3
00:00:07,250 --> 00:00:09,000
P1: And the supervision.

4
00:01:10,000 --> 00:01:12,000
[music]
`;

describe('caption files', () => {
  it('tells WebVTT and SubRip by their first lines, and nothing else', () => {
    expect(captionFormatOf(TEAMS_VTT)).toBe('vtt');
    expect(captionFormatOf(`\uFEFF${ZOOM_VTT}`)).toBe('vtt');
    expect(captionFormatOf(SRT)).toBe('srt');
    expect(captionFormatOf('1\nModerator: Welcome.')).toBeNull();
    expect(captionFormatOf('WEBVTTX is not a header')).toBeNull();
  });

  it('reads a Teams WebVTT with voice tags: consecutive cues of one speaker are one turn with its first time', async () => {
    const imported = await importTranscriptFile('meeting.vtt', encode(TEAMS_VTT));
    expect(imported.format).toBe('vtt');
    expect(turns(imported)).toEqual([
      [1, 'Jane Doe', 'Thanks for joining, can everyone hear me?', ['00:00:03']],
      [2, 'Okello Peter', 'Yes & loud and clear.', ['00:00:09']],
      [3, 'Jane Doe', 'Good.', ['00:00:12']],
    ]);
    expect(imported.text.split('\n')[0]).toBe('Jane Doe: Thanks for joining, can everyone hear me?');
    expect(imported.speakers.map((s) => s.label)).toEqual(['Jane Doe', 'Okello Peter']);
    expect(imported.warnings[0]).toMatch(/WebVTT captions/);
  });

  it('reads a Zoom WebVTT with "Name:" prefixes, unnamed speakers included', async () => {
    const imported = await importTranscriptFile('zoom.vtt', encode(ZOOM_VTT));
    expect(turns(imported)).toEqual([
      [1, 'Interviewer', 'Welcome.', ['00:00:01']],
      [2, 'Speaker 2', 'Thank you. Happy to be here.', ['00:00:03']],
    ]);
    expect(imported.speakers).toEqual([
      { label: 'Interviewer', role: 'moderator' },
      { label: 'Speaker 2', role: 'unknown' },
    ]);
  });

  it('reads SubRip with CRLF line ends, a cue with no speaker staying its own paragraph', async () => {
    const imported = await importTranscriptFile('fgd.srt', encode(SRT.replace(/\n/g, '\r\n')));
    expect(imported.format).toBe('srt');
    expect(turns(imported)).toEqual([
      [1, 'Moderator', 'What changed?', ['00:00:01']],
      [2, 'P1', 'The visits. And the supervision.', ['00:00:04']],
      [3, null, '[music]', ['00:01:10']],
    ]);
  });

  it('reads a caption file named .txt as captions, since the format comes from the bytes', async () => {
    const imported = await importTranscriptFile('export.txt', encode(SRT));
    expect(imported.format).toBe('srt');
  });

  it('refuses a caption file with no cue text', async () => {
    await expect(importTranscriptFile('empty.vtt', encode('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n'))).rejects.toThrow(/no text/);
  });
});
