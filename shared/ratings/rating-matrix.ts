/**
 * The construct x case rating matrix the Ratings view shows and `tessera ratings` prints: the rated constructs
 * (the project's CFIR codes in tree order, and any other code that has a rating) down, the cases across in their
 * order, each cell's rating record, and each construct's distinguishing label under the rule in force.
 */
import Papa from 'papaparse';
import type { Case, Code, ProjectSnapshot, Rating, Uuid } from '../model/types.ts';
import { treeOrder } from '../codebook/code-tree.ts';
import { casesInOrder } from './cases.ts';
import { describeDistinguishingRule, DISTINGUISHING_LABELS, labelConstruct, ratingLabel, type DistinguishingResult, type DistinguishingRule, type RatingValue } from './distinguishing-constructs.ts';
import { ratingOnScale } from './rating-edits.ts';

/** The outcome attribute a case is grouped by (per the CFIR Outcomes Addendum: the implementation outcome). */
export const OUTCOME_KEY = 'implementation';

/** One construct's row. */
export interface RatingMatrixRow {
  readonly code: Code;
  /** Names from the top of the tree down: ["Inner Setting", "Culture"]. */
  readonly path: readonly string[];
  readonly depth: number;
  /** The cell records by case, in the columns' order (undefined: not written). */
  readonly cells: readonly (Rating | undefined)[];
  /** The cells on the rating scale (an unwritten or unrated cell is M). */
  readonly values: readonly RatingValue[];
  readonly distinguishing: DistinguishingResult;
}

/** The matrix. */
export interface RatingMatrix {
  readonly cases: readonly Case[];
  readonly rows: readonly RatingMatrixRow[];
  readonly rule: DistinguishingRule;
  /** The rule in words, for under the matrix and in every export. */
  readonly ruleText: string;
}

/** The outcome of a case ("" when none is set). */
export function caseOutcome(c: Case): string {
  return c.outcomes[OUTCOME_KEY] ?? '';
}

/** Builds the matrix from the project's records. */
export function computeRatingMatrix(snapshot: Pick<ProjectSnapshot, 'codes' | 'cases' | 'ratings'>, rule: DistinguishingRule): RatingMatrix {
  const cases = casesInOrder(snapshot.cases);
  const rated = new Set(snapshot.ratings.map((r) => r.codeId));
  const byCell = new Map<string, Rating>();
  for (const rating of snapshot.ratings) byCell.set(`${rating.caseId} ${rating.codeId}`, rating);
  const byId = new Map(snapshot.codes.map((c) => [c.id, c]));
  const pathOf = (code: Code): string[] => {
    const names = [code.name];
    const seen = new Set<Uuid>([code.id]);
    for (let parent = code.parentId ? byId.get(code.parentId) : undefined; parent && !seen.has(parent.id); parent = parent.parentId ? byId.get(parent.parentId) : undefined) {
      seen.add(parent.id);
      names.unshift(parent.name);
    }
    return names;
  };
  const rows: RatingMatrixRow[] = [];
  for (const { code, depth } of treeOrder(snapshot.codes)) {
    const isConstruct = code.origin.kind === 'cfir' && code.isCodable;
    if (!isConstruct && !rated.has(code.id)) continue;
    const cells = cases.map((c) => byCell.get(`${c.id} ${code.id}`));
    const values = cells.map((cell) => ratingOnScale(cell?.value ?? null));
    const distinguishing = labelConstruct(
      cases.map((c, i) => ({ outcome: caseOutcome(c), value: values[i] ?? 'M' })),
      rule,
    );
    rows.push({ code, path: pathOf(code), depth, cells, values, distinguishing });
  }
  return { cases, rows, rule, ruleText: describeDistinguishingRule(rule) };
}

/**
 * The matrix as CSV: a header row (`construct`, the case names, `pattern`), one row per construct (its path joined
 * with " > ", the ratings as printed, "" for a cell not written, its distinguishing label), then the rule in force.
 */
export function ratingMatrixCsv(matrix: RatingMatrix): string {
  const header = ['construct', ...matrix.cases.map((c) => c.name), 'pattern'];
  const rows = matrix.rows.map((row) => [
    row.path.join(' > '),
    ...row.cells.map((cell) => (cell?.value ? ratingLabel(ratingOnScale(cell.value)) : '')),
    DISTINGUISHING_LABELS[row.distinguishing.label],
  ]);
  const rule = [`Rule: ${matrix.ruleText}`];
  return `${Papa.unparse([header, ...rows, rule], { newline: '\n' })}\n`;
}
