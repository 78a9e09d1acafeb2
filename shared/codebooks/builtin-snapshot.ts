/**
 * A built-in codebook on its own, as a project that holds only its codes: what `tessera codebook --cfir 2.0` writes,
 * through the same export code as a project's codebook. Ids and times are fixed, so every run writes the same codes.
 */
import { seededRandom, seededUuidGenerator } from '../model/ids.ts';
import { newProject } from '../model/new-project.ts';
import type { CodebookId, ProjectSnapshot } from '../model/types.ts';
import { withCodebooks } from './add-codebook.ts';
import { BUILTIN_CODEBOOK_IDS, builtinCodebook } from './builtin-codebooks.ts';

/** The date the shipped codebook data was compiled, used as the codes' creation time. */
const DATA_DATE = '2025-01-01T00:00:00.000Z';

/** A project holding only the codes of a built-in codebook, with the same ids and times on every call. */
export function builtinCodebookSnapshot(id: CodebookId): ProjectSnapshot {
  const newId = seededUuidGenerator(seededRandom(4099 + BUILTIN_CODEBOOK_IDS.indexOf(id)));
  const now = () => DATA_DATE;
  const base = newProject({ name: builtinCodebook(id).title, coderName: 'Tessera' }, newId, now);
  return { ...withCodebooks({ ...base, coders: [] }, [id], null, newId, now), coders: [] };
}
