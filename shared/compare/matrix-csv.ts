/**
 * A code matrix as CSV, the format `tessera matrix --csv` prints and the view exports: a header row whose first
 * cell is `code` and whose other cells are the column labels ("BU pre"), then one row per code whose first cell is
 * its path from the root joined with " > ", and whose other cells are plain numbers: whole numbers for counts,
 * percentages and rates with up to four decimals, and an empty cell where a figure is undefined (a share of no text).
 */
import Papa from 'papaparse';
import { cellValue, isCountMeasure, type CodeMatrix, type MatrixMeasure } from './code-matrix.ts';

/** A cell as a plain number for CSV ("" where undefined); coverage is a percentage, as the view shows it. */
export function csvNumber(value: number | null, measure: MatrixMeasure): string {
  if (value === null) return '';
  if (isCountMeasure(measure)) return String(Math.round(value));
  const shown = measure === 'coverage' ? value * 100 : value;
  return String(Number(shown.toFixed(4)));
}

/** The matrix as CSV text (RFC 4180 quoting where needed, "\n" line ends, a final line end). */
export function codeMatrixCsv(matrix: CodeMatrix, measure: MatrixMeasure): string {
  const header = ['code', ...matrix.columns.map((c) => c.label)];
  const rows = matrix.rows.map((row) => [row.path.join(' > '), ...matrix.columns.map((_, i) => csvNumber(cellValue(matrix, row, i, measure), measure))]);
  return `${Papa.unparse([header, ...rows], { newline: '\n' })}\n`;
}
