/**
 * Turns anything thrown into one sentence for the user. The domain's errors (StoreError, ImportError, UserError,
 * CodingRefused, ...) already carry a message written for researchers; anything else is a bug, reported with its
 * own words so that it can be passed on.
 */
import { USER_FACING_ERROR_NAMES } from '#shared/model/user-error';

/** The message to show for an error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return USER_FACING_ERROR_NAMES.has(error.name) ? error.message : `Something went wrong: ${error.message}`;
  }
  return `Something went wrong: ${String(error)}`;
}
