/**
 * What every Word document Tessera writes of coded extracts has in common: the styles (headings that Word's
 * navigation pane lists, a quote style), text runs that keep emoji and line breaks and turn right-to-left for Hebrew
 * and Arabic, the footer with page numbers, and the title page that states the choices and counts.
 */
import {
  AlignmentType,
  Footer,
  HeadingLevel,
  PageNumber,
  Paragraph,
  TextRun,
  type IStylesOptions,
  type IContext,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
import { xmlSafe } from '../refi/xml-writer.ts';

export const FONT = 'Calibri';
/** Half-points. */
export const SIZE = { small: 18, normal: 21, quote: 22 } as const;
export const GREY = '595959';

/**
 * The named styles the documents use (Word lists them in its Styles pane). Runs that recur with every extract take a
 * character style rather than their own formatting: a user restyles all citations at once, and a 5,000-extract
 * document is written in a fraction of the time.
 */
export const STYLE = {
  quote: 'TesseraQuote',
  note: 'TesseraNote',
  definition: 'TesseraDefinition',
  speaker: 'TesseraSpeaker',
  citation: 'TesseraCitation',
  noteText: 'TesseraNoteText',
} as const;

/** The document's styles: Calibri body, headings 1 to 6 sized down by level, a quote style and a note style. */
export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: SIZE.normal } },
    title: { run: { font: FONT, size: 52, bold: true, color: '1F3864' } },
    heading1: { run: { font: FONT, size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 28, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
    heading3: { run: { font: FONT, size: 25, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
    heading4: { run: { font: FONT, size: 23, bold: true, italics: true, color: '2F5496' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
    heading5: { run: { font: FONT, size: 22, bold: true, color: '404040' }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
    heading6: { run: { font: FONT, size: 21, italics: true, color: '404040' }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true } },
  },
  characterStyles: [
    { id: STYLE.speaker, name: 'Extract Speaker', basedOn: 'DefaultParagraphFont', run: { bold: true, color: '404040' } },
    { id: STYLE.citation, name: 'Extract Citation', basedOn: 'DefaultParagraphFont', run: { bold: true, color: '1F3864', size: SIZE.normal } },
    { id: STYLE.noteText, name: 'Extract Note Text', basedOn: 'DefaultParagraphFont', run: { size: SIZE.small, color: GREY } },
  ],
  paragraphStyles: [
    {
      id: STYLE.quote,
      name: 'Extract Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: SIZE.quote, color: '1A1A1A' },
      paragraph: { indent: { left: 567, right: 283 }, spacing: { before: 160, after: 40, line: 276 }, border: { left: { style: 'single', size: 12, color: 'A6A6A6', space: 8 } } },
    },
    {
      id: STYLE.note,
      name: 'Extract Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT, size: SIZE.small, color: GREY },
      paragraph: { indent: { left: 567 }, spacing: { after: 40 } },
    },
    {
      id: STYLE.definition,
      name: 'Code Definition',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT, size: SIZE.normal, italics: true, color: '404040' },
      paragraph: { spacing: { after: 100 } },
    },
  ],
};

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A heading paragraph of level 1 to 6 (deeper levels are shown as 6). */
export function heading(level: number, text: string): Paragraph {
  const style = HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1] ?? HeadingLevel.HEADING_6;
  const rtl = isRightToLeft(text) || undefined;
  return new Paragraph({ heading: style, bidirectional: rtl, children: [new TextRun({ text: xmlSafe(text), rightToLeft: rtl })] });
}

// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/u;

/** Whether a text reads right to left: its first strongly directional letter is Hebrew or Arabic. */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (RTL.test(ch)) return true;
    if (LTR.test(ch)) return false;
  }
  return false;
}

/** How a run looks. */
export interface RunLook {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
  readonly size?: number;
  readonly highlight?: 'yellow' | 'lightGray';
  readonly rightToLeft?: boolean;
}

/**
 * Runs for a text that may hold line breaks: each line a run, joined by Word line breaks, so a passage over two
 * paragraphs stays one quote and its text reads back exactly (a line break reads back as "\n").
 */
export function textRuns(text: string, look: RunLook = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: xmlSafe(line),
        break: i > 0 ? 1 : undefined,
        bold: look.bold,
        italics: look.italics,
        color: look.color,
        size: look.size,
        highlight: look.highlight,
        // Written only when true: a "not right to left" on every run only makes the file bigger and slower to write.
        rightToLeft: look.rightToLeft || undefined,
      }),
  );
}

/** A plain paragraph of runs, right to left when its text is. */
export function plain(text: string, look: RunLook & { style?: string; after?: number } = {}): Paragraph {
  const rtl = isRightToLeft(text);
  return new Paragraph({
    style: look.style,
    bidirectional: rtl || undefined,
    spacing: look.after !== undefined ? { after: look.after } : undefined,
    children: textRuns(text, { ...look, rightToLeft: rtl }),
  });
}

/** "Label: value" on one line. */
export function labelled(label: string, value: string, look: RunLook & { style?: string } = {}): Paragraph {
  const rtl = isRightToLeft(value);
  const children: ParagraphChild[] = [new TextRun({ text: xmlSafe(`${label}: `), bold: true, size: look.size, color: look.color }), ...textRuns(value, { ...look, rightToLeft: rtl })];
  return new Paragraph({ style: look.style, children, spacing: { after: 60 } });
}

/** The footer: "Title · page N of M", centred. */
export function pageFooter(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: xmlSafe(`${title} · page `), size: SIZE.small, color: GREY }),
          new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small, color: GREY }),
          new TextRun({ text: ' of ', size: SIZE.small, color: GREY }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: SIZE.small, color: GREY }),
        ],
      }),
    ],
  });
}

/** A4 portrait with 2.2 cm margins, the footer a little below the text. */
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1247, bottom: 1247, left: 1247, right: 1247, footer: 567 },
} as const;

/** A file name from a name, safe on every file system ("BU: Butabika" becomes "BU Butabika"). */
export function safeFileName(name: string, fallback: string): string {
  return (
    [...name]
      .map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch))
      .join('')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || fallback
  );
}

/** A run of a prepared paragraph: its text, and the character style or right-to-left mark it carries. */
export interface PreparedRun {
  readonly text: string;
  readonly style?: string;
  readonly rightToLeft?: boolean;
  /** A line break before the text. */
  readonly breakBefore?: boolean;
}

/** One `<w:r>` as the docx serializer takes it: the same XML a `TextRun` with these options writes. */
function preparedRun(run: PreparedRun): IXmlableObject {
  const properties: IXmlableObject[] = [];
  if (run.style) properties.push({ 'w:rStyle': { _attr: { 'w:val': run.style } } });
  if (run.rightToLeft) properties.push({ 'w:rtl': {} });
  const content: IXmlableObject[] = properties.length ? [{ 'w:rPr': properties }] : [];
  if (run.breakBefore) content.push({ 'w:br': {} });
  content.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, xmlSafe(run.text)] });
  return { 'w:r': content };
}

/**
 * A paragraph of plain runs in a paragraph style, handed to the docx serializer as the XML objects a `Paragraph` of
 * `TextRun`s would make (the export tests compare the two byte for byte). Why: a 5,000-extract export builds some
 * 25,000 runs, and docx's run objects (properties objects, their validation, a walk of each at writing) cost most of
 * the time that is ours; this writes the same XML with a fraction of the objects. Runs that need more than a
 * character style or a right-to-left mark stay docx components, prepared in place.
 */
export class PreparedParagraph extends Paragraph {
  constructor(
    private readonly paragraphStyle: string,
    private readonly bidirectionalParagraph: boolean,
    private readonly runs: readonly (PreparedRun | TextRun)[],
  ) {
    super({});
  }

  override prepForXml(context: IContext): IXmlableObject {
    const properties: IXmlableObject[] = [{ 'w:pStyle': { _attr: { 'w:val': this.paragraphStyle } } }];
    if (this.bidirectionalParagraph) properties.push({ 'w:bidi': {} });
    const children: IXmlableObject[] = [{ 'w:pPr': properties }];
    for (const run of this.runs) {
      if (run instanceof TextRun) {
        const prepared = run.prepForXml(context);
        if (prepared) children.push(prepared);
      } else children.push(preparedRun(run));
    }
    return { 'w:p': children };
  }
}
