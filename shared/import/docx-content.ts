/**
 * Reads the text of a Word document out of mammoth's document model (what `transformDocument` is given), as the raw
 * paragraphs that `transcript-structure.ts` recognises, and counts what it leaves out so the user can be told.
 *
 * Layouts handled:
 * - Speaker labels in bold at the start of a paragraph ("**Moderator:** Welcome", "**P3** – yes", "**Sarah**: I
 *   agree") are layout labels: taken as speakers even when they name nobody's role.
 * - A table whose first column (or second, after a column of times) holds speaker labels is a transcript: each row
 *   becomes "Label: utterance" (the colon added when the cell has none), a time column's time stands in front
 *   ("[00:21:47] P3: ..."), more paragraphs of one utterance cell go on with that speaker (each its own paragraph),
 *   a row with an empty speaker cell goes on with the speaker above, and a header row ("Speaker | Text") is left out.
 *   Short labels ("INT", "R12", "M") and group answers ("All", "R2 & R4") are labels; a minority of rows whose
 *   speaker cell is no label are kept with no speaker and reported (`unrecognisedSpeaker`). Any other table becomes one
 *   paragraph per row, its cells separated by a tab.
 * - Headings (Word's Heading, Title and Subtitle styles) are paragraphs that are never a speaker's turn.
 * - A soft line break (Shift+Enter, `w:br`) inside a paragraph is kept as U+2028 LINE SEPARATOR, a line break inside
 *   the stored paragraph (see `TesseraDocument.text`), so paragraph numbers stay one per Word paragraph. Only when
 *   the text after the break opens a new turn (a speaker label that names a role, a bold label, or a timestamp), or
 *   the break is doubled, or it is a page or column break, does it start a new paragraph: a paragraph has one
 *   speaker, and transcribers who type a whole transcript with Shift+Enter still get their turns.
 * - Footnotes, endnotes and reviewers' comments leave no mark in the text: each is attached to the paragraph that
 *   refers to it (`RawParagraph.notes`, numbered as Word numbers them: 1, 2 ... and i, ii ...), and the import makes it
 *   a memo on the document that cites that paragraph. A comment whose reference is lost is kept with no paragraph.
 * - Left out, and counted: images, checkboxes, the bullets and numbers of list items (their text is kept). Text boxes are read where they are anchored (mammoth reads their text inline).
 */
import type { HeadingLevel } from '../model/types.ts';
import { matchLayoutLabel, matchSpeakerLabel, speakerKey } from './speaker-label.ts';
import type { RawNote, RawParagraph } from './transcript-structure.ts';
import { leadingTimestamp } from './timestamps.ts';

/** An element of mammoth's document model, as far as this module reads it (mammoth publishes no types for it). */
export interface DocxElement {
  readonly type: string;
  readonly children?: readonly DocxElement[];
  readonly value?: string;
  readonly isBold?: boolean;
  readonly styleId?: string | null;
  readonly styleName?: string | null;
  readonly numbering?: unknown;
  readonly breakType?: string;
  readonly noteType?: string;
  readonly noteId?: string;
  readonly isHeader?: boolean;
}

/** The document element: its body, and the footnotes, endnotes and comments beside it. */
export interface DocxDocument extends DocxElement {
  readonly notes?: { findNoteByKey(key: string): { readonly body?: readonly DocxElement[] } | null };
  readonly comments?: readonly DocxComment[];
}

/** A comment of the document, as mammoth reads it. */
export interface DocxComment {
  readonly commentId?: string;
  readonly body?: readonly DocxElement[];
  readonly authorName?: string | null;
}

/** What was read out of a document, and what was left out. */
export interface DocxContent {
  readonly paragraphs: readonly RawParagraph[];
  /** Comments that no paragraph refers to any more: memos on the document with no paragraph to cite. */
  readonly unanchoredNotes: readonly RawNote[];
  /** Counts of what is not in the text. */
  readonly leftOut: {
    readonly images: number;
    readonly checkboxes: number;
    readonly listItems: number;
    readonly tableHeaderRows: number;
  };
  /** How many footnotes, endnotes and comments are attached to paragraphs, to become memos. */
  readonly notes: { readonly footnotes: number; readonly endnotes: number; readonly comments: number };
  /** How many tables were read as speaker | utterance transcripts. */
  readonly speakerTables: number;
}

/** Whether a value is an element of mammoth's model (an object with a string `type`). */
export function isDocxElement(value: unknown): value is DocxElement {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A piece of a line: text that is bold or not. */
interface Segment {
  readonly text: string;
  readonly bold: boolean;
}

/** A paragraph's lines, as its breaks cut it: each line with the kind of break that comes before it. */
interface LineDraft {
  segments: Segment[];
  /** The notes and comments referred to in this line. */
  readonly notes: RawNote[];
  /** The break before this line: none for the first, a soft line break, or a hard break (page, column). */
  readonly before: 'none' | 'soft' | 'hard';
}

/** How a soft line break is stored inside its paragraph (see `TesseraDocument.text`). */
export const SOFT_LINE_BREAK = '\u2028';

const HEADING_STYLE = /^(?:heading\s*\d|title|subtitle)$/i;
const HEADING_STYLE_ID = /^(?:heading\d|title|subtitle)$/i;
const HEADER_SPEAKER_WORDS = /^(?:speakers?|names?|who|participants?|respondents?|person|role)$/i;
const HEADER_TEXT_WORDS = /^(?:text|utterances?|transcript(?:ion)?|dialogue|content|speech|responses?|statements?|words|quotes?)$/i;
const HEADER_TIME_WORDS = /^(?:time(?:stamp)?s?|times?|start|start time|time code|tc)$/i;

/** Reads a document model into raw paragraphs. */
export function readDocxContent(document: DocxDocument): DocxContent {
  const reader = new ContentReader(document);
  const paragraphs = reader.readBlocks(document.children ?? []);
  return {
    paragraphs,
    leftOut: {
      images: reader.images,
      checkboxes: reader.checkboxes,
      listItems: reader.listItems,
      tableHeaderRows: reader.tableHeaderRows,
    },
    unanchoredNotes: reader.unanchoredComments(),
    notes: { footnotes: reader.footnoteOrder.length, endnotes: reader.endnoteOrder.length, comments: reader.commentOrder.length },
    speakerTables: reader.speakerTables,
  };
}

class ContentReader {
  images = 0;
  checkboxes = 0;
  listItems = 0;
  tableHeaderRows = 0;
  speakerTables = 0;
  readonly footnoteOrder: string[] = [];
  readonly endnoteOrder: string[] = [];
  readonly commentOrder: string[] = [];

  constructor(private readonly document: DocxDocument) {}

  /** Reads body-level elements (paragraphs, tables, and anything that holds them) in order. */
  readBlocks(elements: readonly DocxElement[]): RawParagraph[] {
    const out: RawParagraph[] = [];
    for (const element of elements) {
      if (element.type === 'paragraph') out.push(...this.readParagraph(element));
      else if (element.type === 'table') out.push(...this.readTable(element));
      else out.push(...this.readBlocks(element.children ?? []));
    }
    return out;
  }

  /** A paragraph's lines, with soft breaks resolved, as raw paragraphs. */
  readParagraph(paragraph: DocxElement): RawParagraph[] {
    const headingLevel = headingLevelOf(paragraph);
    const isHeading = headingLevel !== null;
    if (paragraph.numbering) this.listItems++;
    const drafts: LineDraft[] = [{ segments: [], notes: [], before: 'none' }];
    this.collectInline(paragraph.children ?? [], false, drafts);

    const out: RawParagraph[] = [];
    let current: Segment[] | null = null;
    /** Notes of lines read so far that belong to the paragraph being built (or the next, on a blank line first). */
    let notes: RawNote[] = [];
    const flush = (): void => {
      if (current) {
        const paragraph = headingLevel !== null ? headingParagraph(current, headingLevel) : bodyParagraph(current);
        out.push(notes.length > 0 ? { ...paragraph, notes } : paragraph);
        notes = [];
      }
      current = null;
    };
    drafts.forEach((draft, index) => {
      const blank = segmentsText(draft.segments).trim().length === 0;
      if (blank) {
        notes.push(...draft.notes);
        // A doubled soft break is a paragraph break typed with Shift+Enter.
        if (index > 0) flush();
        return;
      }
      if (current === null || draft.before === 'hard' || (!isHeading && opensTurn(draft.segments))) {
        flush();
        current = [...draft.segments];
        notes.push(...draft.notes);
        return;
      }
      const joined: Segment[] = current;
      joined.push({ text: SOFT_LINE_BREAK, bold: false }, ...draft.segments);
      notes.push(...draft.notes);
    });
    flush();
    // Notes on a paragraph with no text go to the paragraph before, if this one read any.
    if (notes.length > 0 && out.length > 0) {
      const last = out[out.length - 1] as RawParagraph;
      out[out.length - 1] = { ...last, notes: [...(last.notes ?? []), ...notes] };
    } else if (notes.length > 0) {
      this.orphanNotes.push(...notes);
    }
    return out;
  }

  /** Walks inline content (runs, hyperlinks, fields), appending text to the last line and opening lines at breaks. */
  collectInline(elements: readonly DocxElement[], bold: boolean, drafts: LineDraft[]): void {
    const append = (text: string, isBold: boolean): void => {
      (drafts[drafts.length - 1] as LineDraft).segments.push({ text, bold: isBold });
    };
    for (const element of elements) {
      switch (element.type) {
        case 'text':
          append(element.value ?? '', bold);
          break;
        case 'tab':
          append('\t', bold);
          break;
        case 'break':
          drafts.push({ segments: [], notes: [], before: element.breakType === 'line' ? 'soft' : 'hard' });
          break;
        case 'run':
          this.collectInline(element.children ?? [], element.isBold === true, drafts);
          break;
        case 'noteReference':
          (drafts[drafts.length - 1] as LineDraft).notes.push(this.note(element));
          break;
        case 'commentReference': {
          const note = this.comment(element);
          if (note) (drafts[drafts.length - 1] as LineDraft).notes.push(note);
          break;
        }
        case 'image':
          this.images++;
          break;
        case 'checkbox':
          this.checkboxes++;
          break;
        case 'paragraph':
          // A paragraph inside inline content (mammoth reads a text box's paragraphs where the box is anchored).
          drafts.push({ segments: [], notes: [], before: 'hard' });
          this.collectInline(element.children ?? [], bold, drafts);
          drafts.push({ segments: [], notes: [], before: 'hard' });
          break;
        default:
          this.collectInline(element.children ?? [], bold, drafts);
      }
    }
  }

  /** Notes whose paragraph has no text of its own (an empty paragraph holding only a reference). */
  readonly orphanNotes: RawNote[] = [];

  /** A footnote or endnote, numbered in order of first reference as Word numbers them: 1, 2 ... and i, ii ... */
  note(reference: DocxElement): RawNote {
    const isEndnote = reference.noteType === 'endnote';
    const order = isEndnote ? this.endnoteOrder : this.footnoteOrder;
    const id = reference.noteId ?? '';
    let index = order.indexOf(id);
    if (index < 0) {
      order.push(id);
      index = order.length - 1;
    }
    const noteType = isEndnote ? 'endnote' : 'footnote';
    const body = this.document.notes?.findNoteByKey(`${noteType}-${id}`)?.body ?? [];
    return { kind: noteType, number: isEndnote ? romanNumeral(index + 1) : String(index + 1), text: this.blocksText(body), author: null };
  }

  /** A comment, numbered in order of reference; null when the document has no such comment. */
  comment(reference: DocxElement & { readonly commentId?: string }): RawNote | null {
    const id = reference.commentId ?? '';
    const comment = this.document.comments?.find((candidate) => candidate.commentId === id);
    if (!comment) return null;
    if (!this.commentOrder.includes(id)) this.commentOrder.push(id);
    return {
      kind: 'comment',
      number: String(this.commentOrder.indexOf(id) + 1),
      text: this.blocksText(comment.body ?? []),
      author: comment.authorName?.trim() || null,
    };
  }

  /** Comments no paragraph refers to, and notes whose paragraph had no text: kept, with no paragraph to cite. */
  unanchoredComments(): RawNote[] {
    const out = [...this.orphanNotes];
    for (const comment of this.document.comments ?? []) {
      const id = comment.commentId ?? '';
      if (this.commentOrder.includes(id)) continue;
      this.commentOrder.push(id);
      out.push({ kind: 'comment', number: String(this.commentOrder.length), text: this.blocksText(comment.body ?? []), author: comment.authorName?.trim() || null });
    }
    return out;
  }

  /** The text of a note's or comment's paragraphs, one line each. */
  blocksText(blocks: readonly DocxElement[]): string {
    return this.readBlocks(blocks)
      .map((paragraph) => paragraph.text.trim())
      .filter((line) => line.length > 0)
      .join('\n');
  }

  /** A table: a speaker | utterance transcript, or one paragraph per row with tab-separated cells. */
  readTable(table: DocxElement): RawParagraph[] {
    const rows = (table.children ?? []).filter((row) => row.type === 'tableRow');
    const cells = rows.map((row) =>
      (row.children ?? []).filter((cell) => cell.type === 'tableCell').map((cell) => this.readBlocks(cell.children ?? [])),
    );
    const layout = speakerTableLayout(rows, cells);
    if (layout) {
      this.speakerTables++;
      return this.readSpeakerTable(cells, layout);
    }
    const out: RawParagraph[] = [];
    for (const row of cells) {
      const text = row
        .map((cell) => cell.map((paragraph) => paragraph.text.trim()).filter(Boolean).join(' '))
        .join('\t')
        .trimEnd();
      const notes = notesOf(row.flat());
      if (text.trim()) out.push(notes.length > 0 ? { text, notes } : { text });
      else this.orphanNotes.push(...notes);
    }
    return out;
  }

  readSpeakerTable(cells: readonly (readonly RawParagraph[])[][], layout: SpeakerTableLayout): RawParagraph[] {
    const out: RawParagraph[] = [];
    cells.forEach((row, index) => {
      if (layout.headerRows.has(index)) {
        this.tableHeaderRows++;
        return;
      }
      const speakerCell = cellText(row[layout.speakerColumn]);
      const timeCell = layout.timeColumn === null ? '' : cellText(row[layout.timeColumn]);
      const utterance = (row[layout.utteranceColumn] ?? []).filter((paragraph) => paragraph.text.trim().length > 0);
      const extra = row
        .filter((_, column) => column !== layout.speakerColumn && column !== layout.timeColumn && column !== layout.utteranceColumn)
        .flat()
        .filter((paragraph) => paragraph.text.trim().length > 0);
      // Each paragraph of the utterance cell stays a paragraph of its own, with the notes it refers to; the notes of
      // the speaker and time cells go with the row's first paragraph.
      const parts = [...utterance, ...extra];
      const texts = parts.map((paragraph) => paragraph.text.trim());
      const firstNotes = [
        ...notesOf(row[layout.speakerColumn] ?? []),
        ...(layout.timeColumn === null ? [] : notesOf(row[layout.timeColumn] ?? [])),
        ...notesOf(parts.slice(0, 1)),
      ];
      const withNotes = (paragraph: RawParagraph, at: number): RawParagraph => {
        const notes = at === 0 ? firstNotes : notesOf([parts[at] as RawParagraph]);
        return notes.length > 0 ? { ...paragraph, notes } : paragraph;
      };
      const time = timeCell ? (/^[[(]/.test(timeCell) ? `${timeCell} ` : `[${timeCell}] `) : '';
      const [first = '', ...rest] = texts;
      if (speakerCell === '') {
        // An empty speaker cell: the row goes on with the speaker above.
        texts.forEach((text, at) => out.push(withNotes({ text: at === 0 ? `${time}${text}` : text, continuesTurn: true }, at)));
        if (texts.length === 0) this.orphanNotes.push(...firstNotes);
        return;
      }
      const written = speakerCell.replace(/[ \t]*(?::|[–—-])$/u, '');
      const prefix = `${time}${written}:`;
      const text = first ? `${prefix} ${first}` : prefix;
      const label = layout.labels.get(index);
      // A speaker cell that is no label ("Moderator and P2 together") is kept as written, nobody's turn, and reported.
      out.push(
        withNotes(label ? { text, layoutLabel: { label, utteranceStart: prefix.length + (first ? 1 : 0) } } : { text, unrecognisedSpeaker: written }, 0),
      );
      rest.forEach((line, at) => out.push(withNotes({ text: line, continuesTurn: true }, at + 1)));
    });
    return out;
  }
}

/** Where a speaker table keeps its labels, times and utterances, which rows are headers, and each row's speaker. */
interface SpeakerTableLayout {
  readonly speakerColumn: number;
  readonly utteranceColumn: number;
  readonly timeColumn: number | null;
  readonly headerRows: ReadonlySet<number>;
  /** The speaker label of each row whose speaker cell is one, by row index. */
  readonly labels: ReadonlyMap<number, string>;
}

/**
 * Whether a table is a transcript in speaker | utterance form (optionally with a column of times before, between or
 * after): two or three columns; at least two rows have a label in the speaker column (short labels such as "INT",
 * "R1", "M" and group answers such as "All" or "R2 & R4" count); the labels name roles or repeat (a table of names and
 * ages is not a transcript); and the rows whose speaker cell is no label are a minority. Those rows are kept, with no
 * speaker, and reported: one irregular row does not make a transcript a plain table.
 */
function speakerTableLayout(rows: readonly DocxElement[], cells: readonly (readonly RawParagraph[])[][]): SpeakerTableLayout | null {
  const width = Math.max(0, ...cells.map((row) => row.length));
  if (width < 2 || width > 3 || cells.length < 2) return null;
  const texts = cells.map((row) => row.map(cellText));
  const isTimeColumn = (column: number): boolean =>
    texts.some((row) => (row[column] ?? '') !== '') &&
    texts.every((row, index) => {
      const text = row[column] ?? '';
      return text === '' || isTimeOnly(text) || (index === 0 && HEADER_TIME_WORDS.test(text));
    });
  const timeColumn = width === 3 ? ([0, 1, 2].find(isTimeColumn) ?? null) : null;
  if (width === 3 && timeColumn === null) return null;
  const remaining = [0, 1, 2].slice(0, width).filter((column) => column !== timeColumn);
  const speakerColumn = remaining[0] as number;
  const utteranceColumn = remaining[1] as number;

  const headerRows = new Set<number>();
  texts.forEach((row, index) => {
    const speaker = row[speakerColumn] ?? '';
    const utterance = row[utteranceColumn] ?? '';
    const isHeader =
      rows[index]?.isHeader === true ||
      (index === 0 && (HEADER_SPEAKER_WORDS.test(speaker.replace(/:$/, '')) || HEADER_TEXT_WORDS.test(utterance)));
    if (isHeader) headerRows.add(index);
  });

  const found = new Map<number, { readonly label: string; readonly isRoleLabel: boolean }>();
  let irregular = 0;
  for (let index = 0; index < texts.length; index++) {
    if (headerRows.has(index)) continue;
    const speaker = texts[index]?.[speakerColumn] ?? '';
    if (speaker === '') continue;
    const label = tableSpeakerLabel(speaker);
    if (label) found.set(index, label);
    else irregular++;
  }
  const labels = [...found.values()];
  if (labels.length < 2 || irregular >= labels.length) return null;
  const roleLabels = labels.filter((label) => label.isRoleLabel).length;
  const distinct = new Set(labels.map((label) => speakerKey(label.label))).size;
  if (roleLabels === 0 && distinct === labels.length) return null;
  // "P3 (laughing)" is P3 when P3 speaks elsewhere in the table: the parenthesis is a note on the turn, not a name.
  const keys = new Set(labels.map((label) => speakerKey(label.label)));
  const speakerOfRow = new Map<number, string>();
  for (const [index, { label }] of found) {
    const bare = label.replace(/\s*\([^()]*\)$/u, '');
    speakerOfRow.set(index, bare !== label && keys.has(speakerKey(bare)) ? bare : label);
  }
  return { speakerColumn, utteranceColumn, timeColumn, headerRows, labels: speakerOfRow };
}

/**
 * The speaker label of a table's speaker cell: a label on its own ("INT", "R1", "All", "R2 & R4", "Moderator:"), or
 * a label followed by a note in brackets or after a dash ("P3 [translated]", "M – inaudible"); null otherwise.
 */
function tableSpeakerLabel(cell: string): { readonly label: string; readonly isRoleLabel: boolean } | null {
  const whole = matchLayoutLabel(cell);
  if (whole) return whole;
  const noted = /^(.{1,40}?)\s*(?:\[[^\]]*\]|\([^)]*\)|[–—-]\s.*|[,;]\s.*)$/u.exec(cell.trim());
  if (!noted) return null;
  const head = matchLayoutLabel(noted[1] ?? '');
  return head?.isRoleLabel ? head : null;
}

function notesOf(paragraphs: readonly RawParagraph[]): RawNote[] {
  return paragraphs.flatMap((paragraph) => paragraph.notes ?? []);
}

function cellText(cell: readonly RawParagraph[] | undefined): string {
  return (cell ?? [])
    .map((paragraph) => paragraph.text.trim())
    .filter(Boolean)
    .join(' ');
}

function isTimeOnly(text: string): boolean {
  const timestamp = leadingTimestamp(text);
  return timestamp !== null && text.slice(timestamp.end).trim() === '';
}

function segmentsText(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join('');
}

/** Whether a line opens a new turn: a role label, a bold label, or a timestamp at its start. */
function opensTurn(segments: readonly Segment[]): boolean {
  const text = segmentsText(segments).trimStart();
  if (leadingTimestamp(text)) return true;
  if (matchSpeakerLabel(text)?.isRoleLabel) return true;
  return boldLead(segments) !== null;
}

function headingParagraph(segments: readonly Segment[], level: HeadingLevel): RawParagraph {
  return { text: segmentsText(segments).trim(), role: 'heading', headingLevel: level };
}

/**
 * The heading level of a paragraph by its Word style, or null for body text: Title is 1, Subtitle 2, Heading n is n
 * (Word has nine; levels past 6 are shown as 6, the deepest HTML and ARIA know). The style's name is read first, its
 * id when it has none (documents made by other tools often give only "Heading2").
 */
export function headingLevelOf(paragraph: Pick<DocxElement, 'styleName' | 'styleId'>): HeadingLevel | null {
  const style = HEADING_STYLE.test(paragraph.styleName ?? '') ? (paragraph.styleName ?? '') : HEADING_STYLE_ID.test(paragraph.styleId ?? '') ? (paragraph.styleId ?? '') : null;
  if (style === null) return null;
  if (/^title$/i.test(style)) return 1;
  if (/^subtitle$/i.test(style)) return 2;
  const level = Number(/\d+/.exec(style)?.[0] ?? '1');
  return Math.min(Math.max(level, 1), 6) as HeadingLevel;
}

function bodyParagraph(segments: readonly Segment[]): RawParagraph {
  const whole = segmentsText(segments);
  const lead = whole.length - whole.trimStart().length;
  const text = whole.trim();
  const label = boldLead(segments);
  return label
    ? { text, layoutLabel: { label: label.label, utteranceStart: label.utteranceStart - lead } }
    : { text };
}

/**
 * The bold label that opens a line ("**Moderator:** Welcome", "[00:21:47] **P3** – yes", "**Sarah**: I agree"), with
 * where the utterance starts (UTF-16 index into the untrimmed line), or null. Bold text that is not label-shaped (a
 * bold sentence, a whole bold line that is no label) is no label; bold text with no colon or dash after it is a label
 * only when it names a role or a tab follows it.
 */
function boldLead(segments: readonly Segment[]): { readonly label: string; readonly utteranceStart: number } | null {
  const text = segmentsText(segments);
  let from = text.length - text.trimStart().length;
  const timestamp = leadingTimestamp(text, from);
  if (timestamp) from = timestamp.end;
  // The bold span that starts at `from`: the segment holding that character and the bold segments right after it.
  let at = 0;
  let boldEnd = -1;
  for (const segment of segments) {
    const end = at + segment.text.length;
    if (segment.text.length === 0) continue;
    if (boldEnd < 0) {
      if (end > from) {
        if (!segment.bold) return null;
        boldEnd = end;
      }
    } else if (segment.bold) {
      boldEnd = end;
    } else {
      break;
    }
    at = end;
  }
  if (boldEnd < 0) return null;
  const boldText = text.slice(from, boldEnd);
  const match = matchLayoutLabel(boldText);
  if (!match) return null;
  const rest = text.slice(boldEnd);
  if (rest.trim() === '') {
    // A line that is all label: "Moderator:" on a line of its own, whose turn follows.
    return /(?::|[–—-])\s*$/u.test(boldText) || match.isRoleLabel ? { label: match.label, utteranceStart: text.trimEnd().length } : null;
  }
  if (/(?::|[ \t\u00a0\u202f][–—-])[ \t\u00a0\u202f]*$/u.test(boldText)) {
    return { label: match.label, utteranceStart: boldEnd + (/^[ \t\u00a0\u202f]*/.exec(rest)?.[0].length ?? 0) };
  }
  const separator = /^[ \t\u00a0\u202f]*(?::|[–—-](?=[ \t\u00a0\u202f]))[ \t\u00a0\u202f]*/u.exec(rest);
  if (separator && (separator[0].includes(':') || /^[ \t\u00a0\u202f]/.test(rest) || /[ \t\u00a0\u202f]$/.test(boldText))) {
    return { label: match.label, utteranceStart: boldEnd + separator[0].length };
  }
  if (match.isRoleLabel || rest.startsWith('\t')) {
    return { label: match.label, utteranceStart: boldEnd + (/^[ \t\u00a0\u202f]*/.exec(rest)?.[0].length ?? 0) };
  }
  return null;
}

/** i, ii, iii, iv ... as Word numbers endnotes. */
function romanNumeral(n: number): string {
  const numerals: readonly [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let rest = n;
  let out = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
