/**
 * The code x groups matrix: one row per code of the coding tree, one column per group of the study's text (see
 * groupings.ts), and in each cell what the code, with every code under it, holds in that group.
 *
 * A row counts passages, not codings: within one document and column, the codings of a code and of the codes under
 * it are merged where they overlap, so a passage that a construct and its parent (or two coders) both coded counts
 * once. A parent's figure is therefore at most the sum of its children's and at least the largest of them.
 * The method is spelled out in `MATRIX_METHOD`, which the view prints under the matrix and every export carries.
 */
import type { Code, Coding, Speaker, TesseraDocument, Uuid } from '../model/types.ts';
import type { ProjectIndex } from '../index/project-index.ts';
import { codingsOfCode } from '../index/project-index.ts';
import { treeOrder } from '../codebook/code-tree.ts';
import { retrieveSegments, type RetrievedSegment } from '../coding/retrieve-segments.ts';
import { describeFilter, documentPasses, filtersSpeakers, speakerAt, speakerPasses, type SegmentFilter } from '../coding/segment-filter.ts';
import { columnKeysOf, columnTexts, columnsFor, describeGrouping, isSpeakerGrouping, type ColumnGroup, type ColumnGrouping, type StudyDesign } from './groupings.ts';
import { overlapLength, unionOfIntervals, type Interval } from './intervals.ts';

/** What a cell shows. */
export type MatrixMeasure = 'codings' | 'documents' | 'speakers' | 'coverage' | 'per-1000-words' | 'row-percent' | 'column-percent';

/** Every measure, in the order the picker offers them. */
export const MATRIX_MEASURES: readonly MatrixMeasure[] = ['codings', 'documents', 'speakers', 'coverage', 'per-1000-words', 'row-percent', 'column-percent'];

/** The name of a measure for headings and pickers. */
export const MEASURE_LABELS: Readonly<Record<MatrixMeasure, string>> = {
  codings: 'Coded passages',
  documents: 'Documents with the code',
  speakers: 'Distinct speakers',
  coverage: 'Share of text coded (%)',
  'per-1000-words': 'Passages per 1,000 words',
  'row-percent': 'Row % of passages',
  'column-percent': 'Column % of coded text',
};

/** Whether a measure is a whole count (printed as an integer) rather than a share or a rate. */
export function isCountMeasure(measure: MatrixMeasure): boolean {
  return measure === 'codings' || measure === 'documents' || measure === 'speakers';
}

/** How the figures are counted, in words: printed under every matrix and in every export. */
export const MATRIX_METHOD =
  'Passages: within each document and column, the codings of a code and of every code under it are merged where ' +
  'they overlap, so a passage coded twice (by a parent and its child, or by two coders) counts once. A coding ' +
  'belongs to the column of its document, or, for speaker columns, of the speaker of the paragraph it starts in; ' +
  'for case columns, to every case that holds its document (cases may share documents). ' +
  'Documents: documents with at least one such passage. Speakers: distinct speakers of the paragraphs those ' +
  'passages start in. Share of text coded: code points of the merged passages within the column’s utterances ' +
  '(speaker labels excluded), divided by all code points of those utterances. Per 1,000 words: passages per ' +
  '1,000 words of the column’s utterances. Row %: a cell’s passages over the row’s passages in all columns. ' +
  'Column %: the code points a code covers in a column over those that any code covers there. A parent’s passages ' +
  'can be fewer than a child’s when its own coding joins two of the child’s passages into one.';

/** What to compute. */
export interface MatrixQuery {
  readonly grouping: ColumnGrouping;
  readonly filter: SegmentFilter;
  /** Only these codes' subtrees become rows (null: the whole tree). */
  readonly rootCodeIds?: readonly Uuid[] | null;
  /** Also count and show hidden codes. */
  readonly includeHidden?: boolean;
}

/** A column of a computed matrix: its group and the text it holds. */
export interface MatrixColumn extends ColumnGroup {
  readonly documents: number;
  readonly words: number;
  readonly codePoints: number;
  /** Passages of all codes in the column, merged. */
  readonly passages: number;
  /** Code points of the column's utterances that any code covers (the base of column percentages). */
  readonly codedCodePoints: number;
}

/** The figures of one cell. */
export interface MatrixCell {
  readonly passages: number;
  readonly documents: number;
  readonly speakers: number;
  /** Code points of the column's utterances that the passages cover. */
  readonly coveredCodePoints: number;
}

/** A row: a code with its depth in the tree and a cell per column. */
export interface MatrixRow {
  readonly code: Code;
  readonly depth: number;
  /** The names from the top of the tree down to this code. */
  readonly path: readonly string[];
  readonly parentId: Uuid | null;
  readonly hasChildren: boolean;
  readonly cells: readonly MatrixCell[];
  /** The row's passages over all columns (the base of row percentages). */
  readonly totalPassages: number;
}

/** A computed matrix, with what it was computed from. */
export interface CodeMatrix {
  readonly grouping: ColumnGrouping;
  readonly groupingLabel: string;
  readonly filter: SegmentFilter;
  /** The filter in a few words ("" when none is on). */
  readonly filterLabel: string;
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
  readonly method: string;
}

/** What the matrix reads of the project index. */
export type MatrixSource = Pick<ProjectIndex, 'codeById' | 'childCodes' | 'documentById' | 'codingsByCode' | 'coderById'>;

/**
 * Decides the columns of each coding (none when the filter drops it; several only under the case grouping, where
 * cases can share documents), caching per document what can be cached.
 */
function codingColumns(source: MatrixSource, design: StudyDesign, grouping: ColumnGrouping, filter: SegmentFilter, columns: readonly ColumnGroup[]) {
  const indexOf = new Map(columns.map((c, i) => [c.key, i]));
  const bySpeakerColumn = isSpeakerGrouping(grouping);
  const documentColumns = new Map<Uuid, readonly number[] | null>();
  const speakerColumns = new Map<string, readonly number[]>();
  const columnsOfDocument = (document: TesseraDocument): readonly number[] | null => {
    let found = documentColumns.get(document.id);
    if (found === undefined) {
      found = !documentPasses(filter, document) ? [] : bySpeakerColumn ? null : columnKeysOf(grouping, design, document, null).flatMap((key) => indexOf.get(key) ?? []);
      documentColumns.set(document.id, found);
    }
    return found;
  };
  return (coding: Coding): { columns: readonly number[]; document: TesseraDocument; speaker: Speaker | null } | null => {
    if (filter.coderIds.length && (coding.createdBy === null || !filter.coderIds.includes(coding.createdBy))) return null;
    const document = source.documentById.get(coding.documentId);
    if (!document) return null;
    let columns = columnsOfDocument(document);
    if (columns !== null && columns.length === 0) return null;
    // Every coding's speaker is looked up (the speakers measure counts them), once per coding record.
    const speaker = speakerOfCoding(document, coding);
    if (filtersSpeakers(filter) && !speakerPasses(filter, speaker)) return null;
    if (columns === null) {
      const key = columnKeysOf(grouping, design, document, speaker)[0] ?? '';
      let cached = speakerColumns.get(key);
      if (!cached) speakerColumns.set(key, (cached = indexOf.has(key) ? [indexOf.get(key) as number] : []));
      columns = cached;
    }
    return columns.length === 0 ? null : { columns, document, speaker };
  };
}

const speakerByCoding = new WeakMap<Coding, Speaker | null>();

/** The speaker where a coding starts, kept per coding record: codings are immutable and documents' texts fixed. */
function speakerOfCoding(document: TesseraDocument, coding: Coding): Speaker | null {
  let speaker = speakerByCoding.get(coding);
  if (speaker === undefined) {
    speaker = speakerAt(document, coding.start);
    speakerByCoding.set(coding, speaker);
  }
  return speaker;
}

/** A subtree's passages and speakers (each document's speaker records are its own), per column and document. */
interface SubtreeUsage {
  readonly passages: Map<number, Map<Uuid, Interval[]>>;
  readonly speakers: Map<number, Set<Speaker>>;
}

function emptyUsage(): SubtreeUsage {
  return { passages: new Map(), speakers: new Map() };
}

function addInterval(usage: SubtreeUsage, column: number, documentId: Uuid, interval: Interval): void {
  let byDocument = usage.passages.get(column);
  if (!byDocument) usage.passages.set(column, (byDocument = new Map()));
  const list = byDocument.get(documentId);
  if (list) list.push(interval);
  else byDocument.set(documentId, [interval]);
}

function addSpeakers(usage: SubtreeUsage, column: number, speakers: Iterable<Speaker>): void {
  let set = usage.speakers.get(column);
  if (!set) usage.speakers.set(column, (set = new Set()));
  for (const speaker of speakers) set.add(speaker);
}

/** Merges each list of intervals into its union, in place. */
function normalise(usage: SubtreeUsage): SubtreeUsage {
  for (const byDocument of usage.passages.values()) {
    for (const [documentId, list] of byDocument) if (list.length > 1) byDocument.set(documentId, unionOfIntervals(list));
  }
  return usage;
}

function cellsOf(usage: SubtreeUsage, texts: readonly { ranges: ReadonlyMap<Uuid, readonly Interval[]> }[]): MatrixCell[] {
  return texts.map((text, column) => {
    const byDocument = usage.passages.get(column);
    let passages = 0;
    let documents = 0;
    let covered = 0;
    for (const [documentId, list] of byDocument ?? []) {
      if (list.length === 0) continue;
      passages += list.length;
      documents++;
      covered += overlapLength(list, text.ranges.get(documentId) ?? []);
    }
    return { passages, documents, speakers: usage.speakers.get(column)?.size ?? 0, coveredCodePoints: covered };
  });
}

/** The codes the rows show, in tree order with their depth, limited to the given roots' subtrees when asked. */
function rowCodes(source: MatrixSource, query: MatrixQuery) {
  const entries = treeOrder([...source.codeById.values()], { includeHidden: query.includeHidden === true });
  const roots = query.rootCodeIds ? new Set(query.rootCodeIds) : null;
  if (!roots) return entries.map((e) => ({ code: e.code, depth: e.depth }));
  const out: { code: Code; depth: number }[] = [];
  let rootDepth = -1;
  for (const entry of entries) {
    if (rootDepth >= 0 && entry.depth <= rootDepth) rootDepth = -1;
    if (rootDepth < 0 && roots.has(entry.code.id)) rootDepth = entry.depth;
    if (rootDepth >= 0) out.push({ code: entry.code, depth: entry.depth - rootDepth });
  }
  return out;
}

/**
 * Computes the matrix from the project index.
 *
 * Every figure of a document grouping is a sum over documents (passages are merged within a document, never across
 * documents; speakers are a document's own), so for those groupings the matrix is the per-document table, made once
 * for the filter's coder and speaker parts and kept, summed into the grouping's columns: a grouping change, or a
 * site, phase or kind filter, costs a pass over (code, document) figures instead of over the codings. Speaker
 * groupings split documents, so they are computed from the codings each time.
 */
export function computeCodeMatrix(source: MatrixSource, design: StudyDesign, query: MatrixQuery): CodeMatrix {
  if (isSpeakerGrouping(query.grouping) || query.grouping.kind === 'document') return computeFromCodings(source, design, query);
  const perDocument = perDocumentMatrix(source, design, query);
  return sumDocumentColumns(source, design, query, perDocument);
}

/**
 * The per-document table last made for each state of the codings (the index replaces its codings-by-code map on
 * every change to the codings), with the documents and codes and the query parts it was made for. A change that
 * touches none of them (a memo, a case, a rating) keeps the table.
 */
const perDocumentTables = new WeakMap<
  MatrixSource['codingsByCode'],
  { readonly key: string; readonly documentById: MatrixSource['documentById']; readonly codeById: MatrixSource['codeById']; readonly matrix: CodeMatrix }
>();

/** The per-document table for a query's coder and speaker filter, hidden codes and roots (kept for the next call). */
function perDocumentMatrix(source: MatrixSource, design: StudyDesign, query: MatrixQuery): CodeMatrix {
  const { coderIds, speakerRoles, speakerAttribute } = query.filter;
  const key = JSON.stringify([coderIds, speakerRoles, speakerAttribute, query.includeHidden === true, query.rootCodeIds ?? null]);
  const kept = perDocumentTables.get(source.codingsByCode);
  if (kept?.key === key && kept.documentById === source.documentById && kept.codeById === source.codeById) return kept.matrix;
  const filter: SegmentFilter = { ...query.filter, siteIds: [], phaseIds: [], kinds: [] };
  const matrix = computeFromCodings(source, design, { ...query, grouping: { kind: 'document' }, filter });
  perDocumentTables.set(source.codingsByCode, { key, documentById: source.documentById, codeById: source.codeById, matrix });
  return matrix;
}

/** Sums the per-document table into the columns of a document grouping, keeping the documents the filter keeps. */
function sumDocumentColumns(source: MatrixSource, design: StudyDesign, query: MatrixQuery, perDocument: CodeMatrix): CodeMatrix {
  const { grouping, filter } = query;
  const documents = [...source.documentById.values()];
  const groups = columnsFor(grouping, design, documents, filter);
  const indexOf = new Map(groups.map((g, i) => [g.key, i]));
  // The grouping's columns of each per-document column (none for a document the filter drops).
  const targets = perDocument.columns.map((column) => {
    const document = source.documentById.get(column.key);
    if (!document || !documentPasses(filter, document)) return [];
    return columnKeysOf(grouping, design, document, null).flatMap((k) => indexOf.get(k) ?? []);
  });
  const sizes = groups.map(() => ({ documents: 0, words: 0, codePoints: 0, passages: 0, codedCodePoints: 0 }));
  perDocument.columns.forEach((column, d) => {
    for (const target of targets[d] ?? []) {
      const size = sizes[target] as (typeof sizes)[number];
      size.documents += column.documents;
      size.words += column.words;
      size.codePoints += column.codePoints;
      size.passages += column.passages;
      size.codedCodePoints += column.codedCodePoints;
    }
  });
  const rows = perDocument.rows.map((row) => {
    const sums = groups.map(() => ({ passages: 0, documents: 0, speakers: 0, coveredCodePoints: 0 }));
    row.cells.forEach((cell, d) => {
      if (cell.passages === 0) return;
      for (const target of targets[d] ?? []) {
        const sum = sums[target] as (typeof sums)[number];
        sum.passages += cell.passages;
        sum.documents += cell.documents;
        sum.speakers += cell.speakers;
        sum.coveredCodePoints += cell.coveredCodePoints;
      }
    });
    return { ...row, cells: sums, totalPassages: sums.reduce((total, cell) => total + cell.passages, 0) };
  });
  return {
    grouping,
    groupingLabel: describeGrouping(grouping),
    filter,
    filterLabel: describeFilter(filter, design, [...source.coderById.values()]),
    columns: groups.map((group, i) => ({ ...group, ...(sizes[i] as (typeof sizes)[number]) })),
    rows,
    method: MATRIX_METHOD,
  };
}

/**
 * Computes the matrix from the codings: each code's own codings are sorted into columns once, and each parent
 * merges its children's passages with its own, so the whole tree costs about one pass over the codings per level.
 * Exported for the test that checks the sums of the per-document table against it.
 */
export function computeFromCodings(source: MatrixSource, design: StudyDesign, query: MatrixQuery): CodeMatrix {
  const { grouping, filter } = query;
  const documents = [...source.documentById.values()];
  const groups = columnsFor(grouping, design, documents, filter);
  const texts = columnTexts(grouping, design, documents, filter, groups);
  const columnOf = codingColumns(source, design, grouping, filter, groups);
  const codes = rowCodes(source, query);
  const shown = new Set(codes.map((c) => c.code.id));
  const children = new Map<Uuid, Code[]>();
  for (const { code } of codes) {
    if (code.parentId === null || !shown.has(code.parentId)) continue;
    const list = children.get(code.parentId);
    if (list) list.push(code);
    else children.set(code.parentId, [code]);
  }

  // Post-order over the rows: a code's usage is its own codings plus its children's passages, merged.
  const usageOf = new Map<Uuid, SubtreeUsage>();
  const cellsByCode = new Map<Uuid, MatrixCell[]>();
  const root = emptyUsage();
  for (let i = codes.length - 1; i >= 0; i--) {
    const { code } = codes[i] as { code: Code };
    const usage = emptyUsage();
    for (const coding of codingsOfCode(source, code.id)) {
      const place = columnOf(coding);
      if (!place) continue;
      for (const column of place.columns) {
        addInterval(usage, column, coding.documentId, { start: coding.start, end: coding.end });
        if (place.speaker) addSpeakers(usage, column, [place.speaker]);
      }
    }
    for (const child of children.get(code.id) ?? []) {
      const childUsage = usageOf.get(child.id);
      if (!childUsage) continue;
      for (const [column, byDocument] of childUsage.passages) for (const [documentId, list] of byDocument) for (const interval of list) addInterval(usage, column, documentId, interval);
      for (const [column, speakers] of childUsage.speakers) addSpeakers(usage, column, speakers);
      usageOf.delete(child.id);
    }
    normalise(usage);
    usageOf.set(code.id, usage);
    cellsByCode.set(code.id, cellsOf(usage, texts));
    if (code.parentId === null || !shown.has(code.parentId)) {
      for (const [column, byDocument] of usage.passages) for (const [documentId, list] of byDocument) for (const interval of list) addInterval(root, column, documentId, interval);
    }
  }
  const rootCells = cellsOf(normalise(root), texts);

  const names = new Map<Uuid, readonly string[]>();
  const rows: MatrixRow[] = codes.map(({ code, depth }) => {
    const parentPath = code.parentId !== null ? names.get(code.parentId) : undefined;
    const path = [...(parentPath ?? ancestorNames(source, code)), code.name];
    names.set(code.id, path);
    const cells = cellsByCode.get(code.id) ?? [];
    return {
      code,
      depth,
      path,
      parentId: code.parentId !== null && shown.has(code.parentId) ? code.parentId : null,
      hasChildren: (children.get(code.id)?.length ?? 0) > 0,
      cells,
      totalPassages: cells.reduce((sum, cell) => sum + cell.passages, 0),
    };
  });
  const columns: MatrixColumn[] = groups.map((group, i) => {
    const text = texts[i] as { documents: number; words: number; codePoints: number };
    return { ...group, documents: text.documents, words: text.words, codePoints: text.codePoints, passages: rootCells[i]?.passages ?? 0, codedCodePoints: rootCells[i]?.coveredCodePoints ?? 0 };
  });
  const coders = [...source.coderById.values()];
  return {
    grouping,
    groupingLabel: describeGrouping(grouping),
    filter,
    filterLabel: describeFilter(filter, design, coders),
    columns,
    rows,
    method: MATRIX_METHOD,
  };
}

/** The names of a code's ancestors, top first (for a row whose parent is not itself a row). */
function ancestorNames(source: MatrixSource, code: Code): string[] {
  const names: string[] = [];
  const seen = new Set<Uuid>([code.id]);
  let parent = code.parentId !== null ? source.codeById.get(code.parentId) : undefined;
  while (parent && !seen.has(parent.id)) {
    names.unshift(parent.name);
    seen.add(parent.id);
    parent = parent.parentId !== null ? source.codeById.get(parent.parentId) : undefined;
  }
  return names;
}

/** A cell's figure for a measure; null where it is undefined (a share of no text, a percentage of nothing). */
export function cellValue(matrix: Pick<CodeMatrix, 'columns'>, row: MatrixRow, column: number, measure: MatrixMeasure): number | null {
  const cell = row.cells[column];
  const col = matrix.columns[column];
  if (!cell || !col) return null;
  switch (measure) {
    case 'codings':
      return cell.passages;
    case 'documents':
      return cell.documents;
    case 'speakers':
      return cell.speakers;
    case 'coverage':
      return col.codePoints > 0 ? cell.coveredCodePoints / col.codePoints : null;
    case 'per-1000-words':
      return col.words > 0 ? (cell.passages * 1000) / col.words : null;
    case 'row-percent':
      return row.totalPassages > 0 ? (100 * cell.passages) / row.totalPassages : null;
    case 'column-percent':
      return col.codedCodePoints > 0 ? (100 * cell.coveredCodePoints) / col.codedCodePoints : null;
  }
}

/** A figure as printed: counts whole, coverage as a percentage with one decimal, rates with one or two. */
export function formatCellValue(value: number | null, measure: MatrixMeasure): string {
  if (value === null) return '–';
  if (isCountMeasure(measure)) return String(value);
  if (measure === 'coverage') return (value * 100).toFixed(1);
  if (measure === 'per-1000-words') return value.toFixed(2);
  return value.toFixed(1);
}

/** The codes of a row's subtree as the matrix counted them (the row's code and every shown code under it). */
export function subtreeCodeIds(matrix: Pick<CodeMatrix, 'rows'>, codeId: Uuid): readonly Uuid[] {
  const ids = new Set<Uuid>([codeId]);
  for (const row of matrix.rows) if (row.parentId !== null && ids.has(row.parentId)) ids.add(row.code.id);
  return [...ids];
}

/**
 * The passages behind a cell: retrieval's segments of the row's codes (the code and every code under it) that the
 * matrix's filter keeps and that fall in the cell's column, with their citations ("BU 45"), speakers and coders.
 */
export function cellPassages(
  source: MatrixSource,
  design: StudyDesign,
  matrix: Pick<CodeMatrix, 'rows' | 'grouping' | 'filter'>,
  codeId: Uuid,
  columnKey: string,
): readonly RetrievedSegment[] {
  const segments = retrieveSegments(source, design, { codeIds: subtreeCodeIds(matrix, codeId), filter: matrix.filter, order: 'site-phase' });
  return segments.filter((s) => columnKeysOf(matrix.grouping, design, s.document, s.speaker).includes(columnKey));
}
