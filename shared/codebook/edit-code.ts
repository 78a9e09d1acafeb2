/**
 * Editing a code's own fields: rename, recolour, the study's description, inclusion and exclusion criteria, example
 * quote, hiding, and whether it is codable.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock } from '../model/ids.ts';
import type { Code, ProjectSnapshot, Uuid } from '../model/types.ts';
import { SCHEMA_LIMITS } from '../model/schema.ts';
import { CodeRefused, checkCodeName, isCodeColor, normaliseCodeName } from './create-code.ts';

/** The fields of a code a user can change directly. */
export interface CodePatch {
  readonly name?: string;
  readonly color?: string;
  readonly description?: string;
  readonly inclusion?: string;
  readonly exclusion?: string;
  readonly example?: string;
  readonly isHidden?: boolean;
  readonly isCodable?: boolean;
}

const TEXT_FIELDS = ['description', 'inclusion', 'exclusion', 'example'] as const;

/** The code a change is about, or a refusal when it is gone. */
export function codeOrRefuse(snapshot: ProjectSnapshot, codeId: Uuid): Code {
  const code = snapshot.codes.find((c) => c.id === codeId);
  if (!code) throw new CodeRefused('That code is no longer in the project.');
  return code;
}

/** The change that edits a code; empty when nothing differs. */
export function updateCode(snapshot: ProjectSnapshot, codeId: Uuid, patch: CodePatch, now: Clock): ProjectChange {
  const code = codeOrRefuse(snapshot, codeId);
  let next: Code = code;
  if (patch.name !== undefined) {
    const name = normaliseCodeName(patch.name);
    if (name !== code.name) {
      checkCodeName(snapshot.codes, name, code.parentId, code.id);
      next = { ...next, name };
    }
  }
  if (patch.color !== undefined) {
    if (!isCodeColor(patch.color)) throw new CodeRefused('A colour is written as #rrggbb.');
    next = { ...next, color: patch.color.toLowerCase() };
  }
  for (const field of TEXT_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value.length > SCHEMA_LIMITS.description) throw new CodeRefused(`That ${field} is too long to store.`);
    next = { ...next, [field]: value.trim() };
  }
  if (patch.isHidden !== undefined) next = { ...next, isHidden: patch.isHidden };
  if (patch.isCodable !== undefined && patch.isCodable !== code.isCodable) {
    const codings = snapshot.codings.filter((c) => c.codeId === code.id).length;
    if (!patch.isCodable && codings > 0) {
      throw new CodeRefused(`"${code.name}" has ${codings} ${codings === 1 ? 'coding' : 'codings'}: move or delete them before making it a category.`);
    }
    next = { ...next, isCodable: patch.isCodable };
  }
  const changed = (Object.keys(next) as (keyof Code)[]).some((key) => next[key] !== code[key]);
  return changed ? { put: { codes: [{ ...next, modifiedAt: now() }] } } : {};
}

/**
 * A name for a code arriving under `parentId` that no other code there has: the name itself, or the name with
 * " (2)", " (3)", ... added.
 */
export function freeName(codes: readonly Code[], parentId: Uuid | null, name: string, ignore: ReadonlySet<Uuid> = new Set()): string {
  const taken = new Set(
    codes.filter((c) => c.parentId === parentId && !ignore.has(c.id)).map((c) => c.name.toLowerCase()),
  );
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
