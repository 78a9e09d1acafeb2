/**
 * Pre -> post ratings: the ratings of one site's constructs in each phase side by side (the site's site-phase
 * cases, in the phases' order), with what changed from one phase to the next: better, worse, the same, or not
 * comparable (X and M are not on the -2..+2 scale). Read off the rating matrix, so the ratings are the matrix's.
 */
import Papa from 'papaparse';
import type { Case, Phase, Site, Uuid } from '../model/types.ts';
import { ratingChange, ratingLabel, type RatingChange, type RatingValue } from './distinguishing-constructs.ts';
import { ratingOnScale } from './rating-edits.ts';
import type { RatingMatrix } from './rating-matrix.ts';

/** A change from one phase to the next; "not rated" when neither phase is rated yet. */
export type PrePostChange = RatingChange | 'not rated';

/** What a change is called in the view and the CSV. */
export const RATING_CHANGE_LABELS: Readonly<Record<PrePostChange, string>> = {
  'not rated': '–',
  better: 'better',
  worse: 'worse',
  same: 'same',
  'not comparable': 'not comparable',
};

/** How the change is read, written with every pre -> post table. */
export const PRE_POST_RATINGS_METHOD =
  'Each phase is the site’s case for that phase (a site x phase case). Better or worse: the rating rose or fell on ' +
  'the scale from -2 (strongly hindering) to +2 (strongly facilitating). Not comparable: one of the two is X (mixed) ' +
  'or M (missing) and the other differs. A cell not rated yet counts as M; – : rated in neither phase.';

/** One construct's ratings in the site's phases and the changes between consecutive phases. */
export interface PrePostRatingRow {
  readonly codeId: Uuid;
  readonly path: readonly string[];
  readonly depth: number;
  /** The rating in each phase (undefined: not rated yet), in the phases' order. */
  readonly values: readonly (RatingValue | undefined)[];
  readonly summaries: readonly string[];
  readonly changes: readonly PrePostChange[];
}

/** A site's ratings pre -> post. */
export interface PrePostRatings {
  readonly site: Site;
  /** The site's phases that have a case, in order, with the case. */
  readonly phases: readonly { readonly phase: Phase; readonly ratedCase: Case }[];
  readonly rows: readonly PrePostRatingRow[];
  readonly method: string;
}

/** The sites that have a case in at least two phases: those a pre -> post table can be made for. */
export function sitesWithPhaseCases(matrix: Pick<RatingMatrix, 'cases'>, design: { readonly sites: readonly Site[] }): readonly Site[] {
  return [...design.sites]
    .sort((a, b) => a.order - b.order)
    .filter((site) => new Set(matrix.cases.flatMap((c) => (c.scope.kind === 'site-phase' && c.scope.siteId === site.id ? [c.scope.phaseId] : []))).size >= 2);
}

/** The ratings of a site's constructs in each of its phases, with the changes. */
export function prePostRatings(matrix: RatingMatrix, design: { readonly sites: readonly Site[]; readonly phases: readonly Phase[] }, siteId: Uuid): PrePostRatings {
  const site = design.sites.find((s) => s.id === siteId);
  if (!site) throw new Error('That site is not in the project.');
  const phases = [...design.phases]
    .sort((a, b) => a.order - b.order)
    .flatMap((phase) => {
      // The first case of the site in the phase, in the cases' order (a project normally has one).
      const column = matrix.cases.findIndex((c) => c.scope.kind === 'site-phase' && c.scope.siteId === siteId && c.scope.phaseId === phase.id);
      return column < 0 ? [] : [{ phase, ratedCase: matrix.cases[column] as Case, column }];
    });
  const rows = matrix.rows.map((row) => {
    const values = phases.map(({ column }) => {
      const value = row.cells[column]?.value;
      return value ? ratingOnScale(value) : undefined;
    });
    const onScale = values.map((v) => v ?? 'M');
    return {
      codeId: row.code.id,
      path: row.path,
      depth: row.depth,
      values,
      summaries: phases.map(({ column }) => row.cells[column]?.summary ?? ''),
      changes: values.slice(1).map((after, i): PrePostChange => (after === undefined && values[i] === undefined ? 'not rated' : ratingChange(onScale[i] as RatingValue, onScale[i + 1] as RatingValue))),
    };
  });
  return { site, phases: phases.map(({ phase, ratedCase }) => ({ phase, ratedCase })), rows, method: PRE_POST_RATINGS_METHOD };
}

/**
 * The table as CSV: `construct`, one column per phase (headed "BU pre"), one "change pre -> post" column per pair of
 * consecutive phases, then the method. A cell not rated yet is empty.
 */
export function prePostRatingsCsv(table: PrePostRatings): string {
  const names = table.phases.map(({ phase }) => phase.name);
  const header = ['construct', ...names.map((name) => `${table.site.code} ${name}`), ...names.slice(1).map((name, i) => `change ${names[i]} -> ${name}`)];
  const rows = table.rows.map((row) => [row.path.join(' > '), ...row.values.map((v) => (v === undefined ? '' : ratingLabel(v))), ...row.changes.map((c) => RATING_CHANGE_LABELS[c])]);
  return `${Papa.unparse([header, ...rows, [`Method: ${table.method}`]], { newline: '\n' })}\n`;
}
