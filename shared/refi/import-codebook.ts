/**
 * Adding a codebook read from a REFI-QDA file to a project, as one change.
 *
 * Every imported code gets a new id: the store keys codes by id across all projects, so a GUID from a file (which
 * may be this app's own export of another project) is never trusted to be free. A code whose name is already used
 * by a code at the same place in the tree is taken to be that code: it is not made twice, and the file's subcodes
 * go under it, so importing the same codebook twice adds nothing the second time. A code whose description names a
 * shipped CFIR or framework element (as Tessera's own export writes it) keeps that link; adding that codebook to the
 * project later then uses the imported code rather than making a second one.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, ProjectSnapshot, Uuid } from '../model/types.ts';
import { SCHEMA_LIMITS } from '../model/schema.ts';
import { nextCodeColor, normaliseCodeName } from '../codebook/create-code.ts';
import { parseDescription } from './code-description.ts';
import type { RefiCode, RefiCodebook } from './read-codebook.ts';
import { orderAfter } from '../codebook/code-tree.ts';
import { stampsAt } from '../model/stamps.ts';

/** What an import did, for the message after it. */
export interface CodebookImport {
  readonly change: ProjectChange;
  readonly added: number;
  /** Codes already in the project under the same name at the same place. */
  readonly existing: number;
  readonly warnings: readonly string[];
}

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** The change that adds a codebook's codes under `parentId` (null: the top of the tree). */
export function importCodebook(
  snapshot: ProjectSnapshot,
  codebook: RefiCodebook,
  parentId: Uuid | null,
  createdBy: Uuid | null,
  newId: IdGenerator,
  now: Clock,
): CodebookImport {
  const at = now();
  const warnings = [...codebook.warnings];
  const codes: Code[] = [...snapshot.codes];
  const made: Code[] = [];
  let existing = 0;

  const place = (refi: RefiCode, parent: Uuid | null): void => {
    const name = clip(normaliseCodeName(refi.name), 200) || 'Unnamed code';
    const match = codes.find((c) => c.parentId === parent && c.name.toLowerCase() === name.toLowerCase());
    let id: Uuid;
    if (match) {
      existing += 1;
      id = match.id;
    } else {
      const texts = parseDescription(refi.description);
      const siblings = codes.filter((c) => c.parentId === parent);
      const code: Code = {
        id: newId(),
        projectId: snapshot.project.id,
        parentId: parent,
        name,
        color: refi.color ?? nextCodeColor(codes),
        description: clip(texts.description, SCHEMA_LIMITS.description),
        inclusion: clip(texts.inclusion, SCHEMA_LIMITS.description),
        exclusion: clip(texts.exclusion, SCHEMA_LIMITS.description),
        example: clip(texts.example, SCHEMA_LIMITS.description),
        order: orderAfter(siblings),
        origin: texts.origin,
        isCodable: refi.isCodable,
        isHidden: false,
        ...stampsAt(at, createdBy),
      };
      codes.push(code);
      made.push(code);
      id = code.id;
    }
    for (const child of refi.children) place(child, id);
  };
  for (const code of codebook.codes) place(code, parentId);

  const change: ProjectChange = made.length ? { put: { codes: made } } : {};
  return { change, added: made.length, existing, warnings };
}
