/**
 * Writing a rating cell (construct x case): its rating, summary, rationale and the codings chosen as its evidence,
 * as one project change that makes the cell's Rating record or replaces it. One record per cell, so the matrix,
 * the `.tessera` file and a merge of coder sessions all see one answer for a cell.
 */
import { UserError } from '#shared/model/user-error';
import type { ProjectChange } from '../model/change.ts';
import type { IdGenerator } from '../model/ids.ts';
import type { IsoDateTime, ProjectSnapshot, Rating, RatingValue as StoredRatingValue, Uuid } from '../model/types.ts';
import { stampsAt } from '../model/stamps.ts';
import type { RatingValue } from './distinguishing-constructs.ts';

/** What a user writes in a cell. */
export interface RatingCellInput {
  readonly value: StoredRatingValue | null;
  readonly summary: string;
  readonly rationale: string;
  readonly evidenceCodingIds: readonly Uuid[];
}

/** Every stored rating value, as the editor offers them. */
export const STORED_RATING_VALUES: readonly StoredRatingValue[] = ['+2', '+1', '0', '-1', '-2', 'X', 'M'];

/** A stored rating as the scale the distinguishing rules and figures work on (+2 -> 2); an unrated cell is M. */
export function ratingOnScale(value: StoredRatingValue | null): RatingValue {
  if (value === null || value === 'M') return 'M';
  if (value === 'X') return 'X';
  return Number(value) as RatingValue;
}

/** The rating of a cell, if one was written. */
export function ratingOfCell(ratings: readonly Rating[], caseId: Uuid, codeId: Uuid): Rating | undefined {
  return ratings.find((rating) => rating.caseId === caseId && rating.codeId === codeId);
}

/** Text trimmed of the blank lines and spaces around it; evidence without repeats, in the order chosen. */
function tidy(input: RatingCellInput): RatingCellInput {
  return { value: input.value, summary: input.summary.trim(), rationale: input.rationale.trim(), evidenceCodingIds: [...new Set(input.evidenceCodingIds)] };
}

/**
 * The change that sets a cell: replaces the cell's Rating record (keeping its id and creation stamps) or makes one.
 * Nothing changes (an empty change) when the cell already holds what is written. The case, the code and every
 * evidence coding must exist in the project: a rating never points at nothing.
 */
export function setRatingChange(
  snapshot: Pick<ProjectSnapshot, 'project' | 'cases' | 'codes' | 'codings' | 'ratings'>,
  cell: { readonly caseId: Uuid; readonly codeId: Uuid },
  input: RatingCellInput,
  newId: IdGenerator,
  at: IsoDateTime,
  by: Uuid | null,
): ProjectChange {
  if (!snapshot.cases.some((c) => c.id === cell.caseId)) throw new UserError('That case is not in the project.');
  if (!snapshot.codes.some((c) => c.id === cell.codeId)) throw new UserError('That construct is not in the project.');
  const written = tidy(input);
  const codingIds = new Set(snapshot.codings.map((c) => c.id));
  const unknown = written.evidenceCodingIds.filter((id) => !codingIds.has(id));
  if (unknown.length) throw new UserError(`${unknown.length} of the chosen passages are no longer coded in the project.`);
  const existing = ratingOfCell(snapshot.ratings, cell.caseId, cell.codeId);
  if (existing) {
    const same =
      existing.value === written.value &&
      existing.summary === written.summary &&
      existing.rationale === written.rationale &&
      existing.evidenceCodingIds.length === written.evidenceCodingIds.length &&
      existing.evidenceCodingIds.every((id, i) => written.evidenceCodingIds[i] === id);
    if (same) return {};
    return { put: { ratings: [{ ...existing, ...written, modifiedAt: at, modifiedBy: by }] } };
  }
  const rating: Rating = { id: newId(), projectId: snapshot.project.id, caseId: cell.caseId, codeId: cell.codeId, ...written, ...stampsAt(at, by) };
  return { put: { ratings: [rating] } };
}
