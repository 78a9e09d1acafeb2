/**
 * A new, empty project with its first coder.
 */
import { UserError } from './user-error.ts';
import type { Clock, IdGenerator } from './ids.ts';
import type { CodebookId, Coder, Phase, ProjectSnapshot, Uuid } from './types.ts';
import { emptySnapshot } from './change.ts';
import { stampsAt } from './stamps.ts';

/** What the user gives when creating a project. */
export interface NewProjectInput {
  readonly name: string;
  readonly coderName: string;
  readonly codebooks?: readonly CodebookId[];
  /** The installation's coder (shared/coders/coder-identity.ts): its id, name and initials, instead of `coderName`. */
  readonly coder?: { readonly id: Uuid; readonly name: string; readonly initials: string };
}

/** Initials from a person's name: "Ada Lovelace" -> "AL", "Ada" -> "AD". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] as string).slice(0, 2).toUpperCase();
  return words
    .slice(0, 3)
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase();
}

/**
 * The snapshot of a new project: pre and post phases (the usual design; more can be added), no sites yet, and the
 * person creating it as its first coder.
 */
export function newProject(input: NewProjectInput, newId: IdGenerator, now: Clock): ProjectSnapshot {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new UserError('Give the project a name.');
  const at = now();
  const projectId = newId();
  const coderName = input.coder?.name ?? (input.coderName.trim() || 'Coder 1');
  const coderId = input.coder?.id ?? newId();
  const stamps = stampsAt(at, coderId);
  const coder: Coder = { id: coderId, projectId, name: coderName, initials: input.coder?.initials ?? initialsOf(coderName), ...stamps };
  const snapshot = emptySnapshot({ id: projectId, name, description: '', codebooks: input.codebooks ?? [], ...stamps });
  const phases: Phase[] = [
    { id: newId(), projectId, name: 'pre', order: 1, ...stamps },
    { id: newId(), projectId, name: 'post', order: 2, ...stamps },
  ];
  return { ...snapshot, coders: [coder], phases };
}
