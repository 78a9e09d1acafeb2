/**
 * The messages between the window and the agreement worker. The project's coders, documents (without their texts:
 * agreement reads lengths and paragraphs only), codes and codings go over once per change of the project; each
 * request then names only what to compute.
 */
import type { AgreementInput, AgreementOptions, AgreementResult, PairAgreement } from '#shared/agreement/project-agreement';
import type { RatingAgreement } from '#shared/agreement/rating-agreement';
import type { Rating, Uuid } from '#shared/model/types';

/** What agreement of codings and of ratings reads from a project. */
export interface AgreementData extends AgreementInput {
  readonly ratings: readonly Rating[];
}

/** What the window asks. */
export type AgreementWorkerRequest =
  | { readonly type: 'data'; readonly data: AgreementData }
  | { readonly type: 'compute'; readonly id: number; readonly options: AgreementOptions; readonly ratingCoderIds: readonly Uuid[] };

/**
 * What the worker answers: first the table without bootstrap intervals (`final: false`, in tens of milliseconds),
 * then the table with them (`final: true`), or why it could not compute it.
 */
export type AgreementWorkerReply =
  | {
      readonly type: 'result';
      readonly id: number;
      readonly final: boolean;
      readonly result: AgreementResult;
      /** With three or more coders, each pair's figures (empty with two). */
      readonly pairs: readonly PairAgreement[];
      readonly ratings: RatingAgreement;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
