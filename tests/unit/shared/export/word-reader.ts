/**
 * Reads back what the export tests need from a .docx: the body's paragraphs with their style and text (a Word line
 * break read as "\n"), and the comments. The file is unzipped with fflate; of the XML only w:p, w:pStyle, w:bidi,
 * w:t, w:br and w:tab matter here, and Tessera writes them without nesting, so patterns read them reliably.
 */
import { strFromU8, unzipSync } from 'fflate';

/** One paragraph of the body. */
export interface WordParagraph {
  /** The paragraph style id, e.g. "Heading2", "TesseraQuote"; "" for Normal. */
  readonly style: string;
  readonly text: string;
  readonly bidi: boolean;
}

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[entity]) return named[entity];
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

function paragraphsOf(xml: string): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (const match of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const body = match[1] ?? '';
    const style = /<w:pStyle w:val="([^"]*)"/.exec(body)?.[1] ?? '';
    let text = '';
    for (const piece of body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:br\s*\/>|<w:tab\s*\/>/g)) {
      if (piece[0].startsWith('<w:br')) text += '\n';
      else if (piece[0].startsWith('<w:tab')) text += '\t';
      else text += decode(piece[1] ?? '');
    }
    out.push({ style, text, bidi: /<w:bidi\s*\/>|<w:bidi w:val="(true|1)"/.test(body) });
  }
  return out;
}

/** The files of a .docx. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const entries = unzipSync(bytes);
  return Object.fromEntries(Object.entries(entries).filter(([name]) => name.endsWith('.xml')).map(([name, data]) => [name, strFromU8(data)]));
}

/** The paragraphs of the document body, in order. */
export function wordParagraphs(bytes: Uint8Array): WordParagraph[] {
  const xml = docxParts(bytes)['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  // The table of contents is a content control: its entries are not the document's headings.
  return paragraphsOf(xml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ''));
}

/** The comments (word/comments.xml): author and text. */
export function wordComments(bytes: Uint8Array): { author: string; text: string }[] {
  const xml = docxParts(bytes)['word/comments.xml'] ?? '';
  return [...xml.matchAll(/<w:comment\s([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    author: decode(/w:author="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? ''),
    text: paragraphsOf(m[2] ?? '').map((p) => p.text).join('\n'),
  }));
}

/**
 * The quotes of an extracts export: each quote paragraph's text up to its last line, which is the note (who coded
 * it, the other codes, the document) printed under the quote in the same paragraph.
 */
export function quoteTexts(paragraphs: readonly WordParagraph[]): { quote: string; note: string }[] {
  return paragraphs
    .filter((p) => p.style === 'TesseraQuote')
    .map((p) => {
      const cut = p.text.lastIndexOf('\n');
      return { quote: p.text.slice(0, cut), note: p.text.slice(cut + 1) };
    });
}

/** The tables of the document body: per table, per row, each cell's paragraphs joined with "\n", and its shading. */
export function wordTables(bytes: Uint8Array): { text: string; fill: string }[][][] {
  const xml = docxParts(bytes)['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => ({
        text: paragraphsOf(cell[1] ?? '').map((p) => p.text).join('\n'),
        fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6}|auto)"/.exec(cell[1] ?? '')?.[1] ?? '',
      })),
    ),
  );
}
