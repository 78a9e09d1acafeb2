/**
 * The coder filter of a search: the passages the chosen coders coded, by document, so that only hits in them count
 * ("stigma" where Amara coded). Read from the project index, which keeps each document's codings in order.
 */
import type { Uuid } from '../model/types.ts';
import { codingsOfDocument, type ProjectIndex } from '../index/project-index.ts';
import type { PassagesByDocument } from './text-search.ts';

/** The passages coded by any of `coderIds`, by document (documents without any are left out). */
export function passagesCodedBy(index: ProjectIndex, coderIds: readonly Uuid[]): PassagesByDocument {
  const chosen = new Set(coderIds);
  const passages: Record<Uuid, Uint32Array> = {};
  for (const documentId of index.documentById.keys()) {
    const coded = codingsOfDocument(index, documentId).filter((coding) => coding.createdBy !== null && chosen.has(coding.createdBy));
    if (coded.length > 0) passages[documentId] = Uint32Array.from(coded.flatMap((coding) => [coding.start, coding.end]));
  }
  return passages;
}
