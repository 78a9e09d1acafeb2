/**
 * What the agreement worker does with the window's messages: keeps the project's data, and answers each request
 * with the table at once and then with its bootstrap intervals. Kept apart from the worker's entry point so that
 * the client can be tested against it without a browser.
 */
import { AgreementError, computeAgreement, DEFAULT_BOOTSTRAP, pairwiseAgreement } from '#shared/agreement/project-agreement';
import { ratingAgreementOfRecords } from '#shared/agreement/rating-agreement';
import type { AgreementData, AgreementWorkerReply, AgreementWorkerRequest } from './agreement-protocol.ts';

/** A handler of the window's messages that answers through `reply`. */
export function createAgreementService(reply: (message: AgreementWorkerReply) => void): (message: AgreementWorkerRequest) => void {
  let data: AgreementData | null = null;
  return (message) => {
    if (message.type === 'data') {
      data = message.data;
      return;
    }
    const { id, options } = message;
    try {
      if (!data) throw new Error('The agreement worker has no project yet.');
      const ratings = ratingAgreementOfRecords(data.ratings, message.ratingCoderIds);
      const bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP;
      const wantsIntervals = bootstrap.replicates > 0;
      // The table first, so it shows while the bootstrap (a second or so on a large study) runs.
      const table = computeAgreement(data, { ...options, bootstrap: { ...bootstrap, replicates: 0 } });
      const pairs = table.coders.length > 2 ? pairwiseAgreement(data, table) : [];
      reply({ type: 'result', id, final: !wantsIntervals, result: table, pairs, ratings });
      if (wantsIntervals) reply({ type: 'result', id, final: true, result: computeAgreement(data, { ...options, bootstrap }), pairs, ratings });
    } catch (error) {
      const text = error instanceof AgreementError ? error.message : `Agreement could not be computed: ${error instanceof Error ? error.message : String(error)}`;
      reply({ type: 'error', id, message: text });
    }
  };
}
