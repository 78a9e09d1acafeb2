/**
 * Intercoder agreement over a project: for chosen coders, documents and codes, at the unit the user decided in
 * advance (character, paragraph or speaker turn), per code, per CFIR domain and over all codes, pooled over the
 * documents (one table of counts, not an average of per-document figures), with per-document figures beside it
 * and bootstrap 95% intervals for the pooled kappa and alpha.
 *
 * For a code, a unit is coded by a coder when one of that coder's codings with that code covers it (character) or
 * overlaps it (paragraph, turn). A coder who made no coding at all in a document gave no values there (missing), so
 * with two coders a document counts only where both coded it. The pooled figures over several codes (a domain, all
 * codes) add the four counts of each code: every (code, unit) pair is one judgement.
 */
import { codePath, treeOrder } from '../codebook/code-tree.ts';
import { cfirElement } from '../codebooks/cfir-data.ts';
import { seededRandom } from '../model/ids.ts';
import type { Code, Coder, Coding, Paragraph, Uuid } from '../model/types.ts';
import {
  brennanPredigerKappa,
  cohenKappa,
  percentAgreement,
  tallyAlpha,
  tallyPercent,
  type BinaryCounts,
  type CodedTally,
} from './coefficients.ts';
import {
  addLengthsBySpan,
  codingCoder,
  coderIntervalUnion,
  intersectionLength,
  intervalDifference,
  intervalUnion,
  overlappedParagraphs,
  paragraphCharacterBounds,
  speakerTurns,
  unionLength,
  type IntervalUnion,
} from './coded-units.ts';

/** The unit of agreement. */
export type AgreementUnit = 'character' | 'paragraph' | 'turn';

export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['character', 'paragraph', 'turn'];

/** The documents' parts agreement reads (metadata and paragraphs; never the text). */
export interface AgreementDocument {
  readonly id: Uuid;
  readonly name: string;
  readonly length: number;
  readonly paragraphs: readonly Paragraph[];
}

/** What agreement is computed over. */
export interface AgreementInput {
  readonly coders: readonly Coder[];
  readonly documents: readonly AgreementDocument[];
  readonly codes: readonly Code[];
  readonly codings: readonly Coding[];
}

/** What to compute. */
export interface AgreementOptions {
  /** Two or more coders, by id. */
  readonly coderIds: readonly Uuid[];
  readonly unit: AgreementUnit;
  /** The documents; by default those every chosen coder made a coding in. */
  readonly documentIds?: readonly Uuid[];
  /** The codes; by default every codable code one of the chosen coders used in those documents. */
  readonly codeIds?: readonly Uuid[];
  /** Bootstrap replicates for the 95% intervals (0: none) and the seed that makes them repeatable. */
  readonly bootstrap?: { readonly replicates: number; readonly seed: number };
}

export const DEFAULT_BOOTSTRAP = { replicates: 1000, seed: 1 } as const;

/** The figures of one table of units. */
export interface AgreementFigures {
  /** Units with values from at least two coders. */
  readonly units: number;
  /** The four counts (two coders only; null with more). */
  readonly counts: BinaryCounts | null;
  /** tally[m][k]: units with values from m coders of which k coded the unit. */
  readonly tally: CodedTally;
  readonly percent: number | null;
  /** Cohen's kappa (two coders only). */
  readonly kappa: number | null;
  /** Krippendorff's alpha, nominal. */
  readonly alpha: number | null;
  /** Brennan & Prediger's kappa, q = 2. */
  readonly brennanPrediger: number | null;
}

/** A 95% percentile bootstrap interval, or null when too few replicates were defined. */
export type Interval = readonly [number, number] | null;

export interface DocumentFigures extends AgreementFigures {
  readonly documentId: Uuid;
}

/** A code's units in one document: the four counts (two coders) or the tally (more coders). */
export interface DocumentCounts {
  readonly documentId: Uuid;
  readonly counts: BinaryCounts | null;
  readonly tally: CodedTally | null;
}

export interface CodeAgreement extends AgreementFigures {
  readonly codeId: Uuid;
  /** The code's path in the tree: "Inner Setting › Culture". */
  readonly code: string;
  /** The CFIR domain it belongs to (its id in the CFIR data), or null. */
  readonly domainId: string | null;
  /**
   * The counts in each document where a chosen coder used the code (figures from them with `documentFigures`); in
   * the other documents every unit was coded by none.
   */
  readonly byDocument: readonly DocumentCounts[];
}

export interface DomainAgreement extends AgreementFigures {
  readonly domainId: string;
  /** "II Outer Setting". */
  readonly domain: string;
  readonly codeIds: readonly Uuid[];
}

export interface OverallAgreement extends AgreementFigures {
  readonly kappaInterval: Interval;
  readonly alphaInterval: Interval;
  readonly byDocument: readonly DocumentFigures[];
}

export interface AgreementResult {
  readonly unit: AgreementUnit;
  readonly coders: readonly Coder[];
  readonly documents: readonly AgreementDocument[];
  readonly codes: readonly CodeAgreement[];
  readonly domains: readonly DomainAgreement[];
  readonly overall: OverallAgreement;
  readonly bootstrap: { readonly replicates: number; readonly seed: number };
}

/** Why agreement cannot be computed as asked (fewer than two coders, an unknown id). */
export class AgreementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgreementError';
  }
}

/** A tally of m values over at most `coders` coders, flat: index m·(coders + 1) + k. */
class Tally {
  readonly cells: Float64Array;
  constructor(readonly coders: number) {
    this.cells = new Float64Array((coders + 1) * (coders + 1));
  }
  add(m: number, k: number, units: number): void {
    const at = m * (this.coders + 1) + k;
    this.cells[at] = (this.cells[at] as number) + units;
  }
  addTally(other: Tally): void {
    for (let i = 0; i < this.cells.length; i++) this.cells[i] = (this.cells[i] as number) + (other.cells[i] as number);
  }
  /** Adds two coders' four counts: n11 units with k = 2, n10 + n01 with k = 1, n00 with k = 0. */
  addCounts(counts: BinaryCounts): void {
    this.add(2, 2, counts.n11);
    this.add(2, 1, counts.n10 + counts.n01);
    this.add(2, 0, counts.n00);
  }
  nested(): number[][] {
    return Array.from({ length: this.coders + 1 }, (_, m) => Array.from(this.cells.subarray(m * (this.coders + 1), m * (this.coders + 1) + m + 1)));
  }
}

/** The figures of two coders' four counts, or of several coders' tally. */
function figuresOf(counts: BinaryCounts | null, several: Tally | null): AgreementFigures {
  let tally = several ?? new Tally(2);
  if (counts) {
    tally = new Tally(2);
    tally.addCounts(counts);
  }
  const nested = tally.nested();
  let units = 0;
  for (let m = 2; m < nested.length; m++) for (const count of nested[m] as number[]) units += count;
  const percent = counts ? percentAgreement(counts) : tallyPercent(nested);
  return {
    units,
    counts,
    tally: nested,
    percent,
    kappa: counts ? cohenKappa(counts) : null,
    alpha: tallyAlpha(nested),
    brennanPrediger: brennanPredigerKappa(percent),
  };
}

function addTo(target: { n11: number; n10: number; n01: number; n00: number }, counts: BinaryCounts): void {
  target.n11 += counts.n11;
  target.n10 += counts.n10;
  target.n01 += counts.n01;
  target.n00 += counts.n00;
}

/** The figures of a code in one document, from its counts. */
export function documentFigures(document: DocumentCounts): AgreementFigures {
  if (document.counts) return figuresOf(document.counts, null);
  const coders = (document.tally?.length ?? 1) - 1;
  const tally = new Tally(coders);
  document.tally?.forEach((row, m) => row.forEach((units, k) => tally.add(m, k, units)));
  return figuresOf(null, tally);
}

/** The CFIR domain element of a code: of the nearest code at or above it that is a CFIR element. */
function domainOf(code: Code, byId: ReadonlyMap<Uuid, Code>): { readonly id: string; readonly name: string } | null {
  const seen = new Set<Uuid>();
  let current: Code | undefined = code;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.origin.kind === 'cfir') {
      const version = current.origin.version;
      let element = cfirElement(version, current.origin.elementId);
      while (element && element.level !== 'domain' && element.parentId) element = cfirElement(version, element.parentId);
      if (element?.level === 'domain') return { id: element.id, name: `${element.label} ${element.name}` };
      return null;
    }
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return null;
}

/** The units of one document and how a coder's interval union maps onto them. */
interface DocumentUnits {
  readonly document: AgreementDocument;
  readonly unitCount: number;
  /** Bootstrap blocks (paragraphs; turns for turn units) and where this document's start in the global list. */
  readonly blockCount: number;
  readonly blockOffset: number;
  /** For character units: the character span of each paragraph block. */
  readonly bounds: Float64Array | null;
  /** For turn units: the turn of each paragraph. */
  readonly turnOf: Int32Array | null;
}

function unitsOfDocument(document: AgreementDocument, unit: AgreementUnit, blockOffset: number): DocumentUnits {
  if (unit === 'character') {
    const bounds = paragraphCharacterBounds(document.paragraphs, document.length);
    const blockCount = Math.max(1, document.paragraphs.length);
    if (document.paragraphs.length === 0) bounds[0] = 0;
    return { document, unitCount: document.length, blockCount, blockOffset, bounds: document.paragraphs.length ? bounds : Float64Array.of(0, document.length), turnOf: null };
  }
  if (unit === 'paragraph') {
    return { document, unitCount: document.paragraphs.length, blockCount: document.paragraphs.length, blockOffset, bounds: null, turnOf: null };
  }
  const turns = speakerTurns(document.paragraphs);
  return { document, unitCount: turns.count, blockCount: turns.count, blockOffset, bounds: null, turnOf: turns.turnOf };
}

/** The units (paragraph or turn indices) an interval union touches, sorted, each once. */
function touchedUnits(union: IntervalUnion, units: DocumentUnits): number[] {
  const paragraphs = overlappedParagraphs(union, units.document.paragraphs);
  if (!units.turnOf) return paragraphs;
  const turns: number[] = [];
  for (const p of paragraphs) {
    const turn = units.turnOf[p] as number;
    if (turns[turns.length - 1] !== turn) turns.push(turn);
  }
  return turns;
}

function sortedIntersectionCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      count++;
      i++;
      j++;
    } else if ((a[i] as number) < (b[j] as number)) i++;
    else j++;
  }
  return count;
}

/** The chosen coders' codings, grouped by document and code, and which coders coded each document. */
interface GroupedCodings {
  /** Positions (in the coders asked for) of the coders who made a coding in each document. */
  readonly presentIn: ReadonlyMap<Uuid, ReadonlySet<number>>;
  /** Each coder's flat start/end list of the code in the document, or undefined when no chosen coder used it there. */
  flat(documentId: Uuid, codeId: Uuid): number[][] | undefined;
  /**
   * Calls back for each code a chosen coder used in the document, in the order of the project's codes, with the
   * codings as (coder position, start, end) triples.
   */
  forEachCode(documentId: Uuid, visit: (codeId: Uuid, triples: readonly number[]) => void): void;
}

function groupCodings(input: AgreementInput, coderPosition: ReadonlyMap<Uuid, number>): GroupedCodings {
  const coderCount = coderPosition.size;
  const documentAt = new Map(input.documents.map((document, i) => [document.id, i]));
  const codeAt = new Map(input.codes.map((code, i) => [code.id, i]));
  const codeTotal = input.codes.length;
  // One list of (coder position, start, end) triples per (document, code), not one per coder: fewer allocations.
  // Filled with undefined up front: a packed array, not the dictionary an array written at scattered indices becomes.
  const cells = new Array<number[] | undefined>(input.documents.length * codeTotal).fill(undefined);
  const present = new Uint8Array(input.documents.length * coderCount);
  for (const coding of input.codings) {
    const coder = codingCoder(coding);
    const position = coder === null ? undefined : coderPosition.get(coder);
    if (position === undefined) continue;
    const d = documentAt.get(coding.documentId);
    const c = codeAt.get(coding.codeId);
    if (d === undefined || c === undefined) continue;
    const at = d * codeTotal + c;
    const triples = cells[at];
    if (triples) triples.push(position, coding.start, coding.end);
    else cells[at] = [position, coding.start, coding.end];
    present[d * coderCount + position] = 1;
  }
  const presentIn = new Map<Uuid, Set<number>>();
  input.documents.forEach((document, d) => {
    const who = new Set<number>();
    for (let position = 0; position < coderCount; position++) if (present[d * coderCount + position]) who.add(position);
    if (who.size > 0) presentIn.set(document.id, who);
  });
  return {
    presentIn,
    flat(documentId, codeId) {
      const d = documentAt.get(documentId);
      const c = codeAt.get(codeId);
      const triples = d === undefined || c === undefined ? undefined : cells[d * codeTotal + c];
      if (!triples) return undefined;
      const perCoder: number[][] = Array.from({ length: coderCount }, () => []);
      for (let i = 0; i < triples.length; i += 3) (perCoder[triples[i] as number] as number[]).push(triples[i + 1] as number, triples[i + 2] as number);
      return perCoder;
    },
    forEachCode(documentId, visit) {
      const d = documentAt.get(documentId);
      if (d === undefined) return;
      for (let c = 0; c < codeTotal; c++) {
        const triples = cells[d * codeTotal + c];
        if (triples) visit((input.codes[c] as Code).id, triples);
      }
    },
  };
}

/**
 * Per-block contributions for the bootstrap: for two coders the four counts of each block, otherwise its tally.
 * Blocks are paragraphs (turns for turn units) of every document, one after the other.
 */
interface BlockAccumulator {
  readonly width: number;
  readonly cells: Float64Array;
}

/** Computes agreement as asked. Throws AgreementError for a request that makes no sense. */
export function computeAgreement(input: AgreementInput, options: AgreementOptions): AgreementResult {
  const coderIds = [...new Set(options.coderIds)];
  if (coderIds.length < 2) throw new AgreementError('Agreement needs at least two different coders.');
  const coders = coderIds.map((id) => {
    const coder = input.coders.find((candidate) => candidate.id === id);
    if (!coder) throw new AgreementError(`No coder with id ${id} in this project.`);
    return coder;
  });
  const coderCount = coders.length;
  const coderPosition = new Map(coderIds.map((id, i) => [id, i]));
  const twoCoders = coderCount === 2;

  // Codings of the chosen coders, by document, then code, then coder: flat start/end lists. Ids become positions
  // once, so the grouping of 50,000 codings costs two map look-ups each and the rest is array indexing.
  const grouped = groupCodings(input, coderPosition);
  const presentIn = grouped.presentIn;

  const documentById = new Map(input.documents.map((document) => [document.id, document]));
  let documents: AgreementDocument[];
  if (options.documentIds) {
    documents = options.documentIds.map((id) => {
      const document = documentById.get(id);
      if (!document) throw new AgreementError(`No document with id ${id} in this project.`);
      return document;
    });
  } else {
    documents = input.documents.filter((document) => (presentIn.get(document.id)?.size ?? 0) === coderCount);
  }

  const codeById = new Map(input.codes.map((code) => [code.id, code]));
  let codeIds: Uuid[];
  if (options.codeIds) {
    for (const id of options.codeIds) if (!codeById.has(id)) throw new AgreementError(`No code with id ${id} in this project.`);
    const wanted = new Set(options.codeIds);
    codeIds = treeOrder(input.codes, { includeHidden: true })
      .map((entry) => entry.code.id)
      .filter((id) => wanted.has(id));
  } else {
    const used = new Set<Uuid>();
    for (const document of documents) grouped.forEachCode(document.id, (codeId) => used.add(codeId));
    codeIds = treeOrder(input.codes, { includeHidden: true })
      .filter((entry) => entry.code.isCodable && used.has(entry.code.id))
      .map((entry) => entry.code.id);
  }

  const bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const unitsByDocument: DocumentUnits[] = [];
  let blockTotal = 0;
  for (const document of documents) {
    const units = unitsOfDocument(document, options.unit, blockTotal);
    unitsByDocument.push(units);
    blockTotal += units.blockCount;
  }
  const width = twoCoders ? 4 : (coderCount + 1) * (coderCount + 1);
  const blocks: BlockAccumulator | null = bootstrap.replicates > 0 ? { width, cells: new Float64Array(blockTotal * width) } : null;

  const codeResults: CodeAgreement[] = [];
  const overallByDocument = unitsByDocument.map(() => ({ counts: { n11: 0, n10: 0, n01: 0, n00: 0 }, tally: new Tally(coderCount) }));
  const codeTallies = new Map<Uuid, { counts: BinaryCounts | null; tally: Tally }>();
  const emptyUnion: IntervalUnion = [];

  const codePosition = new Map(codeIds.map((id, i) => [id, i]));
  // Two coders, the common case, go document by document over the codes used there (150 codes x 200 documents
  // would be 30,000 tables, most of them coded by nobody): a code a document does not hold adds its units to n00.
  const pairCounts = twoCoders ? twoCoderCounts(unitsByDocument, grouped, codePosition, options.unit, blocks) : null;
  for (let c = 0; c < codeIds.length; c++) {
    const codeId = codeIds[c] as Uuid;
    const code = codeById.get(codeId) as Code;
    const pooledTally = new Tally(coderCount);
    let pooledCounts: BinaryCounts | null = null;
    let perDocument: DocumentCounts[];
    if (pairCounts) {
      pooledCounts = pairCounts.pooled[c] as BinaryCounts;
      perDocument = pairCounts.byCode[c] as DocumentCounts[];
      pooledTally.addCounts(pooledCounts);
    } else {
      perDocument = [];
      for (let d = 0; d < unitsByDocument.length; d++) {
        const units = unitsByDocument[d] as DocumentUnits;
        const document = units.document;
        const present = presentIn.get(document.id);
        const m = present?.size ?? 0;
        if (m < 2) continue;
        const flat = grouped.flat(document.id, codeId);
        const tally = new Tally(coderCount);
        const presentUnions: IntervalUnion[] = [];
        for (let position = 0; position < coderCount; position++) {
          if (present?.has(position)) presentUnions.push(flat ? intervalUnion(flat[position] as number[], document.length) : emptyUnion);
        }
        multiTally(presentUnions, units, tally, blocks);
        pooledTally.addTally(tally);
        overallByDocument[d]?.tally.addTally(tally);
        if (flat) perDocument.push({ documentId: document.id, counts: null, tally: tally.nested() });
      }
    }
    codeTallies.set(codeId, { counts: pooledCounts, tally: pooledTally });
    codeResults.push({
      codeId,
      code: codePath(input.codes, codeId),
      domainId: domainOf(code, codeById)?.id ?? null,
      ...figuresOf(pooledCounts, pooledTally),
      byDocument: perDocument,
    });
  }
  if (pairCounts) pairCounts.byDocument.forEach((counts, d) => ((overallByDocument[d] as { counts: BinaryCounts }).counts = counts));

  // Domains: the pooled counts of the codes in each CFIR domain, in the order the domains first appear.
  const domainGroups = new Map<string, { name: string; codeIds: Uuid[] }>();
  for (const codeId of codeIds) {
    const domain = domainOf(codeById.get(codeId) as Code, codeById);
    if (!domain) continue;
    const group = domainGroups.get(domain.id);
    if (group) group.codeIds.push(codeId);
    else domainGroups.set(domain.id, { name: domain.name, codeIds: [codeId] });
  }
  const pooled = (ids: readonly Uuid[]): AgreementFigures => {
    const counts = { n11: 0, n10: 0, n01: 0, n00: 0 };
    const tally = new Tally(coderCount);
    for (const id of ids) {
      const entry = codeTallies.get(id);
      if (!entry) continue;
      if (entry.counts) addTo(counts, entry.counts);
      tally.addTally(entry.tally);
    }
    return figuresOf(twoCoders ? counts : null, tally);
  };
  const domains: DomainAgreement[] = [...domainGroups].map(([domainId, group]) => ({
    domainId,
    domain: group.name,
    codeIds: group.codeIds,
    ...pooled(group.codeIds),
  }));

  // Blocks never touched by a coding hold only units coded by nobody: fill those in from the block sizes.
  if (blocks) completeBlocks(blocks, unitsByDocument, presentIn, codeIds.length, options.unit, twoCoders, coderCount);
  const intervals = blocks ? bootstrapIntervals(blocks, twoCoders, coderCount, bootstrap) : { kappa: null, alpha: null };

  return {
    unit: options.unit,
    coders,
    documents,
    codes: codeResults,
    domains,
    overall: {
      ...pooled(codeIds),
      kappaInterval: intervals.kappa,
      alphaInterval: intervals.alpha,
      byDocument: unitsByDocument.map((units, d) => ({
        documentId: units.document.id,
        ...figuresOf(twoCoders ? (overallByDocument[d]?.counts as BinaryCounts) : null, twoCoders ? null : (overallByDocument[d]?.tally as Tally)),
      })),
    },
    bootstrap,
  };
}

/**
 * Two coders' four counts per code (pooled over the documents, and per document where a coder used the code) and
 * per document (all codes), over the documents both coders coded.
 */
function twoCoderCounts(
  unitsByDocument: readonly DocumentUnits[],
  grouped: GroupedCodings,
  codePosition: ReadonlyMap<Uuid, number>,
  unit: AgreementUnit,
  blocks: BlockAccumulator | null,
): { pooled: BinaryCounts[]; byCode: DocumentCounts[][]; byDocument: BinaryCounts[] } {
  const codeCount = codePosition.size;
  // n11, n10, n01 per code; n00 is what is left of the units of the documents both coded.
  const coded = new Float64Array(codeCount * 3);
  const byCode: DocumentCounts[][] = Array.from({ length: codeCount }, () => []);
  const perDocument: BinaryCounts[] = [];
  let pairedUnits = 0;
  for (const units of unitsByDocument) {
    const document = units.document;
    if ((grouped.presentIn.get(document.id)?.size ?? 0) < 2) {
      perDocument.push({ n11: 0, n10: 0, n01: 0, n00: 0 });
      continue;
    }
    pairedUnits += units.unitCount;
    let n11 = 0;
    let n10 = 0;
    let n01 = 0;
    grouped.forEachCode(document.id, (codeId, triples) => {
      const c = codePosition.get(codeId);
      if (c === undefined) return;
      const unions = [coderIntervalUnion(triples, 0, document.length), coderIntervalUnion(triples, 1, document.length)];
      const counts = unit === 'character' ? characterCounts(unions, units, blocks) : unitCounts(unions, units, blocks);
      coded[c * 3] = (coded[c * 3] as number) + counts.n11;
      coded[c * 3 + 1] = (coded[c * 3 + 1] as number) + counts.n10;
      coded[c * 3 + 2] = (coded[c * 3 + 2] as number) + counts.n01;
      n11 += counts.n11;
      n10 += counts.n10;
      n01 += counts.n01;
      (byCode[c] as DocumentCounts[]).push({ documentId: document.id, counts, tally: null });
    });
    perDocument.push({ n11, n10, n01, n00: units.unitCount * codeCount - n11 - n10 - n01 });
  }
  const pooled = Array.from({ length: codeCount }, (_, c): BinaryCounts => {
    const n11 = coded[c * 3] as number;
    const n10 = coded[c * 3 + 1] as number;
    const n01 = coded[c * 3 + 2] as number;
    return { n11, n10, n01, n00: pairedUnits - n11 - n10 - n01 };
  });
  return { pooled, byCode, byDocument: perDocument };
}

/**
 * Two coders at character level: n11 = |A ∩ B|, n10 = |A| - n11, n01 = |B| - n11, n00 = length - |A ∪ B|. For the
 * bootstrap each block receives |A|, |A \ B| and |B \ A| of its span (n00 is filled in from the block sizes later).
 */
function characterCounts(unions: readonly IntervalUnion[], units: DocumentUnits, blocks: BlockAccumulator | null): BinaryCounts {
  const a = unions[0] as IntervalUnion;
  const b = unions[1] as IntervalUnion;
  const lengthA = unionLength(a);
  const lengthB = unionLength(b);
  const both = intersectionLength(a, b);
  if (blocks && units.bounds && (lengthA > 0 || lengthB > 0)) {
    // Block cells n11, n10, n01: n11 = |A| - |A \ B|, n10 = |A \ B|, n01 = |B \ A|.
    const offset = units.blockOffset * 4;
    const onlyA = intervalDifference(a, b);
    addLengthsBySpan(a, units.bounds, blocks.cells, { offset, stride: 4 });
    addLengthsBySpan(onlyA, units.bounds, blocks.cells, { offset, stride: 4, weight: -1 });
    addLengthsBySpan(onlyA, units.bounds, blocks.cells, { offset: offset + 1, stride: 4 });
    addLengthsBySpan(intervalDifference(b, a), units.bounds, blocks.cells, { offset: offset + 2, stride: 4 });
  }
  return { n11: both, n10: lengthA - both, n01: lengthB - both, n00: units.unitCount - lengthA - lengthB + both };
}

/** Two coders at paragraph or turn level: counts of units touched by both, one, or neither. */
function unitCounts(unions: readonly IntervalUnion[], units: DocumentUnits, blocks: BlockAccumulator | null): BinaryCounts {
  const a = touchedUnits(unions[0] as IntervalUnion, units);
  const b = touchedUnits(unions[1] as IntervalUnion, units);
  const both = sortedIntersectionCount(a, b);
  if (blocks) {
    const inB = new Set(b);
    const inA = new Set(a);
    for (const unit of a) {
      const at = (units.blockOffset + unit) * 4;
      blocks.cells[at + (inB.has(unit) ? 0 : 1)] = (blocks.cells[at + (inB.has(unit) ? 0 : 1)] as number) + 1;
    }
    for (const unit of b) {
      if (inA.has(unit)) continue;
      const at = (units.blockOffset + unit) * 4 + 2;
      blocks.cells[at] = (blocks.cells[at] as number) + 1;
    }
  }
  return { n11: both, n10: a.length - both, n01: b.length - both, n00: units.unitCount - a.length - b.length + both };
}

/** Several coders: the units covered by exactly k of the m present coders, added to the tally (and the blocks). */
function multiTally(unions: readonly IntervalUnion[], units: DocumentUnits, tally: Tally, blocks: BlockAccumulator | null): void {
  const m = unions.length;
  const width = tally.coders + 1;
  const byK = new Float64Array(m + 1);
  if (units.bounds) {
    // Sweep over every interval boundary, keeping how many coders cover the stretch since the last one.
    const events: [number, number][] = [];
    for (const union of unions) {
      for (let i = 0; i < union.length; i += 2) events.push([union[i] as number, 1], [union[i + 1] as number, -1]);
    }
    events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let depth = 0;
    let previous = 0;
    for (const [at, step] of events) {
      if (at > previous && depth > 0) {
        byK[depth] = (byK[depth] as number) + (at - previous);
        if (blocks) {
          addLengthsBySpan([previous, at], units.bounds, blocks.cells, {
            offset: units.blockOffset * blocks.width + m * width + depth,
            stride: blocks.width,
          });
        }
      }
      previous = at;
      depth += step;
    }
  } else {
    const coverage = new Map<number, number>();
    for (const union of unions) for (const unit of touchedUnits(union, units)) coverage.set(unit, (coverage.get(unit) ?? 0) + 1);
    for (const [unit, k] of coverage) {
      byK[k] = (byK[k] as number) + 1;
      if (blocks) {
        const cell = (units.blockOffset + unit) * blocks.width + m * width + k;
        blocks.cells[cell] = (blocks.cells[cell] as number) + 1;
      }
    }
  }
  let coded = 0;
  for (let k = 1; k <= m; k++) {
    coded += byK[k] as number;
    if (byK[k]) tally.add(m, k, byK[k] as number);
  }
  tally.add(m, 0, units.unitCount - coded);
}

/** The units of each block times the number of codes, less what the codings filled in, are units coded by none. */
function completeBlocks(
  blocks: BlockAccumulator,
  unitsByDocument: readonly DocumentUnits[],
  presentIn: ReadonlyMap<Uuid, ReadonlySet<number>>,
  codeCount: number,
  unit: AgreementUnit,
  twoCoders: boolean,
  coderCount: number,
): void {
  for (const units of unitsByDocument) {
    const m = presentIn.get(units.document.id)?.size ?? 0;
    for (let i = 0; i < units.blockCount; i++) {
      const base = (units.blockOffset + i) * blocks.width;
      if (m < 2) {
        blocks.cells.fill(0, base, base + blocks.width);
        continue;
      }
      const size = unit === 'character' && units.bounds ? (units.bounds[i + 1] as number) - (units.bounds[i] as number) : 1;
      const total = size * codeCount;
      if (twoCoders) {
        blocks.cells[base + 3] = total - (blocks.cells[base] as number) - (blocks.cells[base + 1] as number) - (blocks.cells[base + 2] as number);
      } else {
        const row = base + m * (coderCount + 1);
        let coded = 0;
        for (let k = 1; k <= m; k++) coded += blocks.cells[row + k] as number;
        blocks.cells[row] = total - coded;
      }
    }
  }
}

/** The 2.5th and 97.5th percentiles of the defined replicate values, or null when fewer than half are defined. */
function percentileInterval(values: number[], replicates: number): Interval {
  if (values.length < replicates / 2 || values.length === 0) return null;
  values.sort((a, b) => a - b);
  const at = (q: number): number => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))] as number;
  return [at(0.025), at(0.975)];
}

/**
 * Bootstrap: each replicate draws as many blocks as there are, with replacement and uniformly, sums their counts
 * and computes kappa and alpha of the sum. The seeded generator makes the same project give the same interval.
 */
function bootstrapIntervals(
  blocks: BlockAccumulator,
  twoCoders: boolean,
  coderCount: number,
  bootstrap: { readonly replicates: number; readonly seed: number },
): { kappa: Interval; alpha: Interval } {
  const count = blocks.cells.length / blocks.width;
  if (count === 0) return { kappa: null, alpha: null };
  const random = seededRandom(bootstrap.seed);
  const kappas: number[] = [];
  const alphas: number[] = [];
  const sum = new Float64Array(blocks.width);
  const tally = new Tally(coderCount);
  for (let r = 0; r < bootstrap.replicates; r++) {
    sum.fill(0);
    const cells = blocks.cells;
    if (blocks.width === 4) {
      // Two coders: the four counts, summed in locals (a million draws per thousand replicates of 1,000 paragraphs).
      let n11 = 0;
      let n10 = 0;
      let n01 = 0;
      let n00 = 0;
      for (let i = 0; i < count; i++) {
        const base = Math.floor(random() * count) * 4;
        n11 += cells[base] as number;
        n10 += cells[base + 1] as number;
        n01 += cells[base + 2] as number;
        n00 += cells[base + 3] as number;
      }
      sum[0] = n11;
      sum[1] = n10;
      sum[2] = n01;
      sum[3] = n00;
    } else {
      for (let i = 0; i < count; i++) {
        const base = Math.floor(random() * count) * blocks.width;
        for (let w = 0; w < blocks.width; w++) sum[w] = (sum[w] as number) + (cells[base + w] as number);
      }
    }
    let kappa: number | null;
    if (twoCoders) {
      const counts = { n11: sum[0] as number, n10: sum[1] as number, n01: sum[2] as number, n00: sum[3] as number };
      kappa = cohenKappa(counts);
      tally.cells.fill(0);
      tally.addCounts(counts);
    } else {
      kappa = null;
      tally.cells.set(sum);
    }
    const alpha = tallyAlpha(tally.nested());
    if (kappa !== null) kappas.push(kappa);
    if (alpha !== null) alphas.push(alpha);
  }
  return { kappa: twoCoders ? percentileInterval(kappas, bootstrap.replicates) : null, alpha: percentileInterval(alphas, bootstrap.replicates) };
}

/** One pair of coders' figures over all codes pooled, for the pairwise table beside three or more coders' alpha. */
export interface PairAgreement {
  readonly coderIds: readonly [Uuid, Uuid];
  readonly overall: AgreementFigures;
}

/**
 * Every pair of the result's coders over the same documents and codes as the result (so the pairs' figures and the
 * alpha of all coders describe the same units), without bootstrap intervals: Cohen's kappa and the four counts
 * are defined for two coders only, so with three or more they are reported pair by pair.
 */
export function pairwiseAgreement(input: AgreementInput, result: AgreementResult): readonly PairAgreement[] {
  const pairs: PairAgreement[] = [];
  const documentIds = result.documents.map((document) => document.id);
  const codeIds = result.codes.map((code) => code.codeId);
  for (let i = 0; i < result.coders.length; i++) {
    for (let j = i + 1; j < result.coders.length; j++) {
      const coderIds = [(result.coders[i] as Coder).id, (result.coders[j] as Coder).id] as const;
      const pair = computeAgreement(input, { coderIds, unit: result.unit, documentIds, codeIds, bootstrap: { replicates: 0, seed: result.bootstrap.seed } });
      pairs.push({ coderIds, overall: pair.overall });
    }
  }
  return pairs;
}
