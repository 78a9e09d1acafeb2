/**
 * The coded extracts of a selection as CSV, one row per extract, for a spreadsheet: UTF-8 with a byte-order mark
 * (so Excel reads accents, Hebrew and emoji right), CRLF line ends, every field quoted by papaparse as RFC 4180 says.
 */
import Papa from 'papaparse';
import type { Extract, ExtractSelection } from './extract-selection.ts';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'code path',
  'CFIR id',
  'document',
  'site',
  'phase',
  'paragraph label',
  'speaker',
  'role',
  'coder',
  'start',
  'end',
  'text',
  'memo',
] as const;

/** One extract as a row of the CSV (start and end are code-point offsets into the document text, end exclusive). */
export function csvRow(extract: Extract): readonly string[] {
  const { code } = extract;
  return [
    extract.codePath,
    code.origin.kind === 'cfir' ? code.origin.elementId : '',
    extract.document.name,
    extract.site?.code ?? '',
    extract.phase?.name ?? '',
    extract.paragraphLabel,
    extract.speaker?.label ?? '',
    extract.speaker?.role ?? '',
    extract.coder?.name ?? '',
    String(extract.coding.start),
    String(extract.coding.end),
    extract.text,
    extract.memos.map((memo) => (memo.title ? `${memo.title}: ${memo.text}` : memo.text)).join('\n\n'),
  ];
}

const BOM = '\uFEFF';

/**
 * The CSV text (with its byte-order mark). A field starting with "=", "@" or a tab is prefixed with an apostrophe
 * so a spreadsheet shows it rather than running it as a formula; "+" and "-" are left, since quotes start with them.
 */
export function extractsCsv(selection: Pick<ExtractSelection, 'extracts'>): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: selection.extracts.map((extract) => [...csvRow(extract)]) },
      { quotes: true, newline: '\r\n', escapeFormulae: /^[=@\t\r]/ },
    ) +
    '\r\n'
  );
}

/** The CSV as bytes, ready to write. */
export function extractsCsvBytes(selection: Pick<ExtractSelection, 'extracts'>): Uint8Array {
  return new TextEncoder().encode(extractsCsv(selection));
}
