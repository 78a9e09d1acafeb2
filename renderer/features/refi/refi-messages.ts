/** The messages between the page and the REFI-QDA import worker. */
import type { ProjectSnapshot } from '#shared/model/types';
import type { RefiImportReport } from '#shared/refi/read-project';

/** Read this .qdpx or .qde. */
export interface RefiImportRequest {
  readonly id: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** The project read, or why not (a message for the user). */
export type RefiImportResponse =
  | { readonly id: number; readonly ok: true; readonly snapshot: ProjectSnapshot; readonly report: RefiImportReport }
  | { readonly id: number; readonly ok: false; readonly message: string };
