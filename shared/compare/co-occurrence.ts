/**
 * Code x code co-occurrence: how often two codes (each with the codes under it) come up together, where "together"
 * is the user's choice: their passages overlap, they are in the same paragraph, or in the same speaker turn.
 *
 * Counts and the co-occurrence coefficient c = n12 / (n1 + n2 - n12) are taken over units that make n12 at most n1
 * and n2, so c is in [0, 1]: passages (merged as the code matrix merges them) for overlap, and distinct paragraphs
 * or turns for the other two.
 */
import type { Code, Coding, TesseraDocument, Uuid } from '../model/types.ts';
import { codeWithDescendants, codingsOfCode } from '../index/project-index.ts';
import { retrieveSegments, type RetrievedSegment } from '../coding/retrieve-segments.ts';
import { codingPasses, describeFilter, type SegmentFilter } from '../coding/segment-filter.ts';
import { firstParagraphIndexFrom, paragraphIndexAt } from '../coding/paragraph-label.ts';
import type { MatrixSource } from './code-matrix.ts';
import type { StudyDesign } from './groupings.ts';
import { sharedPieces, unionOfIntervals, type Interval } from './intervals.ts';

/** When two codings co-occur. */
export type CoOccurrenceMode = 'overlap' | 'paragraph' | 'turn';

/** The modes with their names. */
export const CO_OCCURRENCE_MODES: Readonly<Record<CoOccurrenceMode, string>> = {
  overlap: 'Passages overlap',
  paragraph: 'Same paragraph',
  turn: 'Same speaker turn',
};

/** How co-occurrence is counted, in words, for the view and exports. */
export function coOccurrenceMethod(mode: CoOccurrenceMode): string {
  const unit =
    mode === 'overlap'
      ? 'n1 is the number of passages of code 1 (its codings and those of the codes under it, merged where they overlap); n12 the number of places where passages of both codes overlap (each run of overlapping passages once)'
      : mode === 'paragraph'
        ? 'n1 is the number of paragraphs that passages of code 1 (or of a code under it) touch; n12 the paragraphs touched by both codes'
        : 'n1 is the number of speaker turns (runs of consecutive paragraphs by one speaker) that passages of code 1 (or of a code under it) touch; n12 the turns touched by both codes';
  return `Co-occurrence (${CO_OCCURRENCE_MODES[mode].toLowerCase()}): ${unit}. c = n12 / (n1 + n2 - n12), from 0 (never together) to 1 (always together).`;
}

/** What to compute. */
export interface CoOccurrenceQuery {
  readonly codeIds: readonly Uuid[];
  readonly mode: CoOccurrenceMode;
  readonly filter: SegmentFilter;
}

/** A computed co-occurrence matrix: `counts[i][j]` is n12 of codes i and j (n1 on the diagonal). */
export interface CoOccurrenceMatrix {
  readonly codes: readonly Code[];
  readonly mode: CoOccurrenceMode;
  readonly counts: readonly (readonly number[])[];
  /** c of codes i and j; null when neither occurs. */
  readonly coefficients: readonly (readonly (number | null)[])[];
  readonly filter: SegmentFilter;
  readonly filterLabel: string;
  readonly method: string;
}

const turnsByDocument = new WeakMap<TesseraDocument, Int32Array>();

/** The speaker turn of each paragraph: consecutive paragraphs of one speaker share a turn; unlabelled ones are one each. */
export function paragraphTurns(document: Pick<TesseraDocument, 'paragraphs'> & object): Int32Array {
  let turns = turnsByDocument.get(document as TesseraDocument);
  if (!turns) {
    turns = new Int32Array(document.paragraphs.length);
    let turn = -1;
    document.paragraphs.forEach((p, i) => {
      const previous = document.paragraphs[i - 1];
      if (!previous || p.speakerId === null || previous.speakerId !== p.speakerId) turn++;
      (turns as Int32Array)[i] = turn;
    });
    turnsByDocument.set(document as TesseraDocument, turns);
  }
  return turns;
}

/** The units (paragraph or turn numbers) a coding touches, as "documentId:unit" keys. */
function unitsOf(mode: Exclude<CoOccurrenceMode, 'overlap'>, document: TesseraDocument, coding: Pick<Coding, 'start' | 'end'>): string[] {
  const first = firstParagraphIndexFrom(document.paragraphs, coding.start);
  const last = paragraphIndexAt(document.paragraphs, coding.end - 1);
  if (first < 0 || last < first) return [];
  const turns = mode === 'turn' ? paragraphTurns(document) : null;
  const units = new Set<string>();
  for (let i = first; i <= last; i++) units.add(`${document.id}:${turns ? turns[i] : i}`);
  return [...units];
}

/** What one code (with its subtree) occupies: merged passages per document, or a set of unit keys. */
interface Occupancy {
  readonly passages: Map<Uuid, Interval[]>;
  readonly units: Set<string>;
  readonly size: number;
}

function occupancyOf(source: MatrixSource, codeId: Uuid, query: CoOccurrenceQuery): Occupancy {
  const passages = new Map<Uuid, Interval[]>();
  const units = new Set<string>();
  const documentOf = (id: Uuid) => source.documentById.get(id);
  for (const code of codeWithDescendants(source, codeId)) {
    for (const coding of codingsOfCode(source, code.id)) {
      if (!codingPasses(query.filter, coding, documentOf)) continue;
      const document = source.documentById.get(coding.documentId) as TesseraDocument;
      if (query.mode === 'overlap') {
        const list = passages.get(document.id);
        if (list) list.push({ start: coding.start, end: coding.end });
        else passages.set(document.id, [{ start: coding.start, end: coding.end }]);
      } else {
        for (const unit of unitsOf(query.mode, document, coding)) units.add(unit);
      }
    }
  }
  let size = units.size;
  if (query.mode === 'overlap') {
    size = 0;
    for (const [id, list] of passages) {
      const merged = unionOfIntervals(list);
      passages.set(id, merged);
      size += merged.length;
    }
  }
  return { passages, units, size };
}

function sharedCount(a: Occupancy, b: Occupancy, mode: CoOccurrenceMode): number {
  if (mode !== 'overlap') {
    const [small, large] = a.units.size <= b.units.size ? [a.units, b.units] : [b.units, a.units];
    let shared = 0;
    for (const unit of small) if (large.has(unit)) shared++;
    return shared;
  }
  let shared = 0;
  for (const [documentId, list] of a.passages) {
    const other = b.passages.get(documentId);
    if (other) shared += sharedPieces(list, other);
  }
  return shared;
}

/** c = n12 / (n1 + n2 - n12), or null when neither code occurs. */
export function coOccurrenceCoefficient(n1: number, n2: number, n12: number): number | null {
  const union = n1 + n2 - n12;
  return union > 0 ? n12 / union : null;
}

/** Computes the co-occurrence of every pair of the given codes. */
export function computeCoOccurrence(source: MatrixSource, design: StudyDesign, query: CoOccurrenceQuery): CoOccurrenceMatrix {
  const codes = query.codeIds.map((id) => source.codeById.get(id)).filter((c): c is Code => c !== undefined);
  const occupancies = codes.map((code) => occupancyOf(source, code.id, query));
  const counts = codes.map(() => codes.map(() => 0));
  const coefficients = codes.map(() => codes.map((): number | null => null));
  for (let i = 0; i < codes.length; i++) {
    for (let j = i; j < codes.length; j++) {
      const a = occupancies[i] as Occupancy;
      const b = occupancies[j] as Occupancy;
      const n12 = i === j ? a.size : sharedCount(a, b, query.mode);
      (counts[i] as number[])[j] = (counts[j] as number[])[i] = n12;
      (coefficients[i] as (number | null)[])[j] = (coefficients[j] as (number | null)[])[i] = coOccurrenceCoefficient(a.size, b.size, n12);
    }
  }
  return {
    codes,
    mode: query.mode,
    counts,
    coefficients,
    filter: query.filter,
    filterLabel: describeFilter(query.filter, design, [...source.coderById.values()]),
    method: coOccurrenceMethod(query.mode),
  };
}

/**
 * The passages behind a co-occurrence cell: retrieval's segments of either code (with the codes under it) that
 * co-occur with the other code in the chosen sense.
 */
export function coOccurrencePassages(
  source: MatrixSource,
  design: StudyDesign,
  query: Pick<CoOccurrenceQuery, 'mode' | 'filter'>,
  codeA: Uuid,
  codeB: Uuid,
): readonly RetrievedSegment[] {
  const full = { ...query, codeIds: [codeA, codeB] };
  const a = occupancyOf(source, codeA, full);
  const b = occupancyOf(source, codeB, full);
  const inA = new Set(codeWithDescendants(source, codeA).map((c) => c.id));
  const inB = new Set(codeWithDescendants(source, codeB).map((c) => c.id));
  const touches = (segment: RetrievedSegment, other: Occupancy): boolean => {
    if (query.mode === 'overlap') {
      return (other.passages.get(segment.document.id) ?? []).some((p) => p.start < segment.coding.end && segment.coding.start < p.end);
    }
    return unitsOf(query.mode, segment.document, segment.coding).some((unit) => other.units.has(unit));
  };
  const segments = retrieveSegments(source, design, { codeIds: [...inA, ...inB], filter: query.filter, order: 'site-phase' });
  return segments.filter((s) => (inA.has(s.code.id) && touches(s, b)) || (inB.has(s.code.id) && touches(s, a)));
}
