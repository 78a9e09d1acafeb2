/**
 * Word transcripts in the layouts transcribers deliver, built with the docx package in the tests and imported through
 * the one entry point the app and the CLI share. Each test asserts the exact stored text, paragraph numbers and
 * ranges, speakers and timestamps.
 */
import { describe, expect, it } from 'vitest';
import { importTranscriptFile } from '#shared/import/import-file';
import type { ImportedText } from '#shared/import/imported-text';
import { sliceCodePoints } from '#shared/text/code-points';
import { DeletedTextRun, HeadingLevel, InsertedTextRun, Paragraph, Tab, TextRun } from 'docx';
import {
  boldLabel,
  boldLabelTranscript,
  docxBytes,
  plain,
  footnotesAndComments,
  hebrewTranscript,
  listsImagesTextBoxes,
  participantTableDocument,
  speakerTableTranscript,
  irregularSpeakerTableTranscript,
  timedSpeakerTableTranscript,
} from '../../../fixtures/docx/docx-fixtures.ts';

/** Each paragraph as [n, speaker, label part, utterance, timestamps]: what a reader of the import sees. */
function turns(imported: ImportedText): [number, string | null, string, string, readonly string[]][] {
  return imported.paragraphs.map((p) => [
    p.n,
    p.speakerLabel,
    sliceCodePoints(imported.text, p.start, p.utteranceStart),
    sliceCodePoints(imported.text, p.utteranceStart, p.end),
    p.timestamps,
  ]);
}

/** Paragraph ranges tile the text: each starts right after the line break that ends the one before. */
function expectTiling(imported: ImportedText): void {
  const lines = imported.text.split('\n');
  expect(imported.paragraphs).toHaveLength(lines.length);
  let offset = 0;
  imported.paragraphs.forEach((p, i) => {
    const length = [...(lines[i] as string)].length;
    expect([p.n, p.start, p.end]).toEqual([i + 1, offset, offset + length]);
    offset += length + 1;
  });
}

describe('a Word transcript with bold speaker labels', () => {
  it('keeps the exact text: headings, smart quotes, dashes, no-break spaces, soft breaks as line separators in their paragraph', async () => {
    const imported = await importTranscriptFile('BU_pre_FGD_EN.docx', await boldLabelTranscript());
    expect(imported.format).toBe('docx');
    expect(imported.text).toBe(
      [
        'Focus group discussion – Butabika, pre-implementation',
        'Q1: What do you expect from peer support?',
        'Moderator: Welcome everyone. Let us begin.',
        '[00:21:47] P3: I think it “helps” a lot\u00a0— really.',
        'Participant 2 – For me it was the supervision [inaudible 00:14:05] that mattered.',
        'Sarah: I’d say the ward was full [laughs]',
        'P3: First line of my turn\u2028and the second line of it.',
        'Moderator Thank you. Next question.',
        'Q2: What changed after the training?',
        'Moderator:',
        'P1: Trust changed first.',
        '[crosstalk]',
      ].join('\n'),
    );
    expectTiling(imported);
    expect(imported.warnings).toEqual([]);
  });

  it('keeps each label apart from its utterance, with its speaker and timestamps', async () => {
    const imported = await importTranscriptFile('BU_pre_FGD_EN.docx', await boldLabelTranscript());
    expect(turns(imported)).toEqual([
      [1, null, '', 'Focus group discussion – Butabika, pre-implementation', []],
      [2, null, '', 'Q1: What do you expect from peer support?', []],
      [3, 'Moderator', 'Moderator: ', 'Welcome everyone. Let us begin.', []],
      [4, 'P3', '[00:21:47] P3: ', 'I think it “helps” a lot\u00a0— really.', ['00:21:47']],
      [5, 'Participant 2', 'Participant 2 – ', 'For me it was the supervision [inaudible 00:14:05] that mattered.', ['00:14:05']],
      // A bold name that occurs once is a speaker: bold sets it apart as a label.
      [6, 'Sarah', 'Sarah: ', 'I’d say the ward was full [laughs]', []],
      [7, 'P3', 'P3: ', 'First line of my turn\u2028and the second line of it.', []],
      // A bold role word without a colon is still a label.
      [8, 'Moderator', 'Moderator ', 'Thank you. Next question.', []],
      // A heading is never a turn, even when it looks like "Q2: ...".
      [9, null, '', 'Q2: What changed after the training?', []],
      // A soft break before a new label starts a new paragraph.
      [10, 'Moderator', 'Moderator:', '', []],
      [11, 'P1', 'P1: ', 'Trust changed first.', []],
      [12, null, '', '[crosstalk]', []],
    ]);
    expect(imported.speakers).toEqual([
      { label: 'Moderator', role: 'moderator' },
      { label: 'P3', role: 'participant' },
      { label: 'Participant 2', role: 'participant' },
      { label: 'Sarah', role: 'unknown' },
      { label: 'P1', role: 'participant' },
    ]);
  });
});

describe('headings of a topic guide and of field notes', () => {
  it('keeps each heading as one numbered paragraph with its level, and body text with none', async () => {
    const imported = await importTranscriptFile('BU_pre_FGD_EN.docx', await boldLabelTranscript());
    expect(imported.paragraphs.map((p) => [p.n, p.headingLevel ?? null])).toEqual([
      [1, 1], // Title
      [2, 2], // Heading 2
      [3, null],
      [4, null],
      [5, null],
      [6, null],
      [7, null],
      [8, null],
      [9, 2],
      [10, null],
      [11, null],
      [12, null],
    ]);
  });

  it('reads Heading 1 to 9, Subtitle, and a heading with a soft line break as one paragraph', async () => {
    const bytes = await docxBytes([
      new Paragraph({ text: 'Field notes, Kisumu', heading: HeadingLevel.TITLE }),
      // Subtitle as other tools write it: a style id with no style defined in the file.
      new Paragraph({ text: 'Post-implementation visit', style: 'Subtitle' }),
      new Paragraph({ text: 'Setting', heading: HeadingLevel.HEADING_1 }),
      plain('The clinic was busy.'),
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Observations'), new TextRun({ text: 'after lunch', break: 1 })] }),
      plain('Two peer workers arrived late.'),
      new Paragraph({ text: 'Detail', heading: HeadingLevel.HEADING_6 }),
    ]);
    const imported = await importTranscriptFile('KS_post_notes.docx', bytes);
    expect(imported.text).toBe(
      ['Field notes, Kisumu', 'Post-implementation visit', 'Setting', 'The clinic was busy.', 'Observations\u2028after lunch', 'Two peer workers arrived late.', 'Detail'].join('\n'),
    );
    expect(imported.paragraphs.map((p) => [p.n, p.headingLevel ?? null, p.speakerLabel])).toEqual([
      [1, 1, null],
      [2, 2, null],
      [3, 1, null],
      [4, null, null],
      [5, 3, null],
      [6, null, null],
      [7, 6, null],
    ]);
  });
});

describe('variants of speaker labels in Word', () => {
  it('joins a label split over runs, takes a tab or no-break space after a bold label, finds a label in a turn bold throughout', async () => {
    const bytes = await docxBytes([
      new Paragraph({ children: [new TextRun({ text: 'Mod', bold: true }), new TextRun({ text: 'erator', bold: true }), new TextRun({ text: ':', bold: true }), new TextRun(' Welcome.')] }),
      new Paragraph({ children: [new TextRun({ text: 'Anna', bold: true }), new TextRun({ children: [new Tab(), 'I agree.'] })] }),
      new Paragraph({ children: [new TextRun({ text: 'Moderator: What changed after the training?', bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: 'P2:', bold: true }), new TextRun('\u00a0Yes.')] }),
      // A bold word that opens a sentence is no label.
      new Paragraph({ children: [new TextRun({ text: 'Never', bold: true }), new TextRun(' again, she said.')] }),
    ]);
    const imported = await importTranscriptFile('variants.docx', bytes);
    expect(turns(imported)).toEqual([
      [1, 'Moderator', 'Moderator: ', 'Welcome.', []],
      [2, 'Anna', 'Anna\t', 'I agree.', []],
      [3, 'Moderator', 'Moderator: ', 'What changed after the training?', []],
      [4, 'P2', 'P2:\u00a0', 'Yes.', []],
      [5, null, '', 'Never again, she said.', []],
    ]);
  });

  it('lets a label on a line of its own open a turn that the paragraphs under it continue, up to the next label', async () => {
    const bytes = await docxBytes([
      boldLabel('Moderator:'),
      plain('Welcome everyone.'),
      plain('Let us begin with introductions.'),
      boldLabel('P1:'),
      plain('I am a peer worker.'),
      new Paragraph({ text: 'Topic 2', heading: HeadingLevel.HEADING_2 }),
      plain('A paragraph after a heading is nobody’s.'),
    ]);
    const imported = await importTranscriptFile('own-line.docx', bytes);
    expect(imported.paragraphs.map((p) => p.speakerLabel)).toEqual(['Moderator', 'Moderator', 'Moderator', 'P1', 'P1', null, null]);
  });
});

describe('a Word transcript as a speaker | utterance table', () => {
  it('makes each row a turn, continues a turn over more paragraphs and empty speaker cells, drops the header row', async () => {
    const imported = await importTranscriptFile('table.docx', await speakerTableTranscript());
    expect(imported.text).toBe(
      [
        'Transcript FGD 1, Butabika',
        'Moderator: Welcome, and thank you for coming.',
        'P1: Thank you.',
        'It is good to be here.',
        'And I want to add something.',
        'Participant 2: The training helped.',
        'P1: Yes.',
      ].join('\n'),
    );
    expectTiling(imported);
    expect(turns(imported)).toEqual([
      [1, null, '', 'Transcript FGD 1, Butabika', []],
      [2, 'Moderator', 'Moderator: ', 'Welcome, and thank you for coming.', []],
      [3, 'P1', 'P1: ', 'Thank you.', []],
      [4, 'P1', '', 'It is good to be here.', []],
      [5, 'P1', '', 'And I want to add something.', []],
      [6, 'Participant 2', 'Participant 2: ', 'The training helped.', []],
      [7, 'P1', 'P1: ', 'Yes.', []],
    ]);
    expect(imported.warnings).toEqual(['The header row of 1 speaker table was left out.']);
  });

  it('puts a time column in front of the turn and keeps the time with its paragraph', async () => {
    const imported = await importTranscriptFile('timed.docx', await timedSpeakerTableTranscript());
    expect(turns(imported)).toEqual([
      [1, 'Moderator', '[00:00:05] Moderator: ', 'Welcome.', ['00:00:05']],
      [2, 'R1', '[00:00:12] R1: ', 'Thanks.', ['00:00:12']],
      [3, 'Moderator', '[00:01:40] Moderator: ', 'Shall we start?', ['00:01:40']],
    ]);
  });

  it('reads a table that is not a transcript as rows of tab-separated cells', async () => {
    const imported = await importTranscriptFile('participants.docx', await participantTableDocument());
    expect(imported.text).toBe('Participants\nName\tAge\tProfession\nAnna\t34\tNurse\nBen\t41\tPeer worker\nModerator: Welcome.');
    expect(imported.paragraphs.map((p) => p.speakerLabel)).toEqual([null, null, null, null, 'Moderator']);
  });
});

describe('footnotes, comments, lists, images and text boxes', () => {
  it('keeps the text free of note marks, and hands footnotes and comments on with the paragraph they cite', async () => {
    const imported = await importTranscriptFile('notes.docx', await footnotesAndComments());
    expect(imported.text).toBe(['P1: We took a matatu to the clinic.', 'P2: The boda boda was faster.'].join('\n'));
    expect(imported.paragraphs.map((p) => p.speakerLabel)).toEqual(['P1', 'P2']);
    expect(imported.speakers.map((s) => s.label)).toEqual(['P1', 'P2']);
    expect(imported.notes).toEqual([
      { n: 1, kind: 'footnote', number: '1', text: 'A matatu is a shared minibus taxi.', author: null },
      { n: 2, kind: 'comment', number: '1', text: 'Check this translation against the audio', author: 'Reviewer' },
      { n: 2, kind: 'footnote', number: '2', text: 'Translator: “faster” also means “cheaper” here.', author: null },
    ]);
    expect(imported.warnings).toEqual(['2 footnotes and 1 comment will become memos on the document, each citing its paragraph; the text keeps no note marks.']);
  });

  it('does not stumble on lists, images and text boxes, and says what was dropped', async () => {
    const imported = await importTranscriptFile('lists.docx', await listsImagesTextBoxes());
    expect(imported.text).toBe('Topic guide\nBarriers to peer support\nFacilitators of peer support\nSite: Butabika\nModerator: Welcome.');
    expect(imported.warnings).toEqual([
      '1 image was left out: Tessera imports text only.',
      '2 list items keep their text, without the bullet or number.',
      'The text of 1 text box is placed where it is anchored.',
    ]);
  });
});

describe('tracked changes', () => {
  it('reads the text with every change accepted, and says so', async () => {
    const when = '2024-03-12T10:00:00Z';
    const bytes = await docxBytes([
      new Paragraph({
        children: [
          new TextRun({ text: 'P1:', bold: true }),
          new TextRun(' We '),
          new DeletedTextRun({ text: 'never ', id: 1, author: 'Translator', date: when }),
          new InsertedTextRun({ text: 'often ', id: 2, author: 'Translator', date: when }),
          new TextRun('met.'),
        ],
      }),
    ]);
    const imported = await importTranscriptFile('tracked.docx', bytes);
    expect(imported.text).toBe('P1: We often met.');
    expect(imported.warnings).toEqual(['The document has 2 tracked changes: its text was read with all of them accepted.']);
  });
});

describe('right-to-left text', () => {
  it('keeps Hebrew in logical order, recognises Hebrew role labels and counts code points', async () => {
    const imported = await importTranscriptFile('hebrew.docx', await hebrewTranscript());
    expect(turns(imported)).toEqual([
      [1, 'מנחה', 'מנחה: ', 'ברוכים הבאים לקבוצת המיקוד.', []],
      [2, 'משתתף 1', 'משתתף 1: ', 'תמיכת עמיתים עזרה לי מאוד.', []],
      [3, 'P2', 'P2: ', 'We say שלום עליכם to every new peer worker.', []],
    ]);
    expect(imported.speakers).toEqual([
      { label: 'מנחה', role: 'moderator' },
      { label: 'משתתף 1', role: 'participant' },
      { label: 'P2', role: 'participant' },
    ]);
    expectTiling(imported);
  });
});

describe('a speaker | utterance table with irregular rows', () => {
  it('attributes the label rows, flags group answers, keeps cell paragraphs apart, and reports the row it could not read', async () => {
    const imported = await importTranscriptFile('irregular.docx', await irregularSpeakerTableTranscript());
    expect(turns(imported)).toEqual([
      [1, 'INT', 'INT: ', 'What did the training change?', []],
      [2, 'R1', 'R1: ', 'We talk to patients differently now.', []],
      [3, 'R1', '', 'We listen first.', []],
      [4, 'R1', '', 'And we write less.', []],
      [5, 'All', 'All: ', '[laughter]', []],
      [6, 'M', 'M: ', 'Anyone else?', []],
      [7, 'R2 & R4', 'R2 & R4: ', 'Yes, the supervision.', []],
      [8, 'F2', 'F2: ', 'For me, the visits.', []],
      [9, 'PSW2', 'PSW2: ', 'The peer group meets weekly.', []],
      [10, 'P3', 'P3 [translated]: ', 'The nurses came more often.', []],
      [11, null, '', 'Someone at the back, unclear: It was too short.', []],
      [12, 'Several', 'Several: ', 'Yes, yes.', []],
      [13, 'INT', 'INT: ', 'Thank you.', []],
    ]);
    expect(imported.speakers).toEqual([
      { label: 'INT', role: 'moderator' },
      { label: 'R1', role: 'participant' },
      { label: 'All', role: 'group' },
      { label: 'M', role: 'moderator' },
      { label: 'R2 & R4', role: 'group' },
      { label: 'F2', role: 'participant' },
      { label: 'PSW2', role: 'participant' },
      { label: 'P3', role: 'participant' },
      { label: 'Several', role: 'group' },
    ]);
    expect(imported.unattributed).toEqual([{ n: 11, label: 'Someone at the back, unclear' }]);
    expect(imported.warnings.some((warning) => warning.includes('paragraph 11 ("Someone at the back, unclear")'))).toBe(true);
    expectTiling(imported);
  });
});
