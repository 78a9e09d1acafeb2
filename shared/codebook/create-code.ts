/**
 * Making a new code in the coding tree.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, CodeOrigin, ProjectSnapshot, Uuid } from '../model/types.ts';
import { orderAfter } from './code-tree.ts';
import { stampsAt } from '../model/stamps.ts';

/**
 * Colours for new codes: distinct hues that stay readable as a light highlight behind black text and as a solid
 * stripe, in an order where neighbours differ strongly.
 */
export const CODE_PALETTE: readonly string[] = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324',
  '#469990', '#808000', '#dcbeff', '#000075', '#fabed4', '#ffd8b1', '#aaffc3', '#bfef45',
];

/** The palette colour least used by the existing codes, so a new code stands apart from the ones around it. */
export function nextCodeColor(codes: readonly Code[]): string {
  const uses = new Map(CODE_PALETTE.map((color) => [color, 0]));
  for (const code of codes) {
    const count = uses.get(code.color.toLowerCase());
    if (count !== undefined) uses.set(code.color.toLowerCase(), count + 1);
  }
  let best = CODE_PALETTE[0] as string;
  for (const color of CODE_PALETTE) if ((uses.get(color) ?? 0) < (uses.get(best) ?? 0)) best = color;
  return best;
}

/** What the user gives for a new code. */
export interface NewCodeInput {
  readonly name: string;
  readonly parentId: Uuid | null;
  readonly color?: string;
  readonly description?: string;
  readonly inclusion?: string;
  readonly exclusion?: string;
  readonly example?: string;
  readonly origin?: CodeOrigin;
  readonly isCodable?: boolean;
}

/** Why a code cannot be made, in words for the user. */
export class CodeRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodeRefused';
  }
}

/** A code name as stored: trimmed, inner runs of white space made one space. */
export function normaliseCodeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Checks a (normalised) name for a code under `parentId`: not empty, not too long, and not the name of another code
 * there (case-insensitive), since coders pick codes by name. `exceptId` is the code being renamed or moved.
 */
export function checkCodeName(codes: readonly Code[], name: string, parentId: Uuid | null, exceptId: Uuid | null): void {
  if (!name) throw new CodeRefused('Give the code a name.');
  if (name.length > 200) throw new CodeRefused('A code name can be at most 200 characters long.');
  const clash = codes.find((c) => c.parentId === parentId && c.id !== exceptId && c.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new CodeRefused(`There is already a code named "${clash.name}" here.`);
}

/** Whether a colour is written as #rrggbb. */
export function isCodeColor(color: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(color);
}

/**
 * The change that adds a code at the end of its parent's children. Names are trimmed and must not be empty; two
 * codes under one parent may not share a name (case-insensitive), since coders pick codes by name.
 */
export function createCode(
  snapshot: ProjectSnapshot,
  input: NewCodeInput,
  createdBy: Uuid | null,
  newId: IdGenerator,
  now: Clock,
): { readonly change: ProjectChange; readonly code: Code } {
  const name = normaliseCodeName(input.name);
  if (input.parentId !== null && !snapshot.codes.some((c) => c.id === input.parentId)) {
    throw new CodeRefused('The parent code is no longer in the project.');
  }
  checkCodeName(snapshot.codes, name, input.parentId, null);
  const siblings = snapshot.codes.filter((c) => c.parentId === input.parentId);
  const color = input.color ?? nextCodeColor(snapshot.codes);
  if (!isCodeColor(color)) throw new CodeRefused('A colour is written as #rrggbb.');
  const at = now();
  const code: Code = {
    id: newId(),
    projectId: snapshot.project.id,
    parentId: input.parentId,
    name,
    color: color.toLowerCase(),
    description: input.description?.trim() ?? '',
    inclusion: input.inclusion?.trim() ?? '',
    exclusion: input.exclusion?.trim() ?? '',
    example: input.example?.trim() ?? '',
    order: orderAfter(siblings),
    origin: input.origin ?? { kind: 'inductive' },
    isCodable: input.isCodable ?? true,
    isHidden: false,
    ...stampsAt(at, createdBy),
  };
  return { change: { put: { codes: [code] } }, code };
}
