/**
 * The coder of an installation: who codes on this computer (a name and initials, under one id), asked for at first
 * start and kept in the installation's settings. The same id is that coder's record in every project they open, so
 * their codings, memos and ratings name the same coder in every copy of a project, and merging copies made on
 * different laptops never confuses two coders or doubles one.
 */
import type { ProjectChange } from '../model/change.ts';
import { initialsOf } from '../model/new-project.ts';
import { stampsAt } from '../model/stamps.ts';
import type { Coder, IsoDateTime, ProjectSnapshot, Uuid } from '../model/types.ts';
import { UserError } from '../model/user-error.ts';

/** Who codes on this computer. */
export interface CoderIdentity {
  readonly id: Uuid;
  readonly name: string;
  /** Two or three letters shown beside a coding, e.g. "AL". */
  readonly initials: string;
}

const INITIALS_PATTERN = /^\p{L}[\p{L}\p{N}]{0,3}$/u;

/**
 * The identity the user typed, cleaned (spaces collapsed, initials upper-cased; initials from the name when left
 * empty). Refuses (UserError) an empty name or initials that are not 1 to 4 letters or digits starting with a letter.
 */
export function cleanCoderIdentity(id: Uuid, name: string, initials: string): CoderIdentity {
  const cleanName = name.trim().replace(/\s+/g, ' ');
  if (!cleanName) throw new UserError('Type your name: it is how your codings and memos are signed.');
  const cleanInitials = (initials.trim() || initialsOf(cleanName)).toUpperCase();
  if (!INITIALS_PATTERN.test(cleanInitials)) {
    throw new UserError(`Initials are 1 to 4 letters or digits, starting with a letter (not "${initials.trim()}").`);
  }
  return { id, name: cleanName, initials: cleanInitials };
}

/** Reads the identity kept in the settings, or null when there is none (or it is not one). */
export function parseCoderIdentity(stored: string | null): CoderIdentity | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<CoderIdentity>;
    if (typeof value.id !== 'string' || typeof value.name !== 'string' || typeof value.initials !== 'string') return null;
    return cleanCoderIdentity(value.id, value.name, value.initials);
  } catch {
    return null;
  }
}

/** The identity as kept in the settings. */
export function formatCoderIdentity(identity: CoderIdentity): string {
  return JSON.stringify({ id: identity.id, name: identity.name, initials: identity.initials });
}

/**
 * The change that makes the installation's coder one of the project's coders: adds the coder when missing, renames
 * it when the name or initials changed, nothing otherwise. The record is made with the coder as its maker.
 */
export function joinProjectAsCoder(snapshot: ProjectSnapshot, identity: CoderIdentity, at: IsoDateTime): ProjectChange {
  const existing = snapshot.coders.find((coder) => coder.id === identity.id);
  if (existing) {
    if (existing.name === identity.name && existing.initials === identity.initials) return {};
    return { put: { coders: [{ ...existing, name: identity.name, initials: identity.initials }] } };
  }
  const coder: Coder = { id: identity.id, projectId: snapshot.project.id, name: identity.name, initials: identity.initials, ...stampsAt(at, identity.id) };
  return { put: { coders: [coder] } };
}
