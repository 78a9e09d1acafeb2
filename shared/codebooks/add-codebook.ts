/**
 * Adding a built-in codebook to a project: one code per element (domains, levels and groups as categories), in
 * published order, and the codebook recorded in `Project.codebooks`.
 *
 * Placement: CFIR domains go at the top of the coding tree, as CFIR studies lay out their codebooks. A second CFIR
 * version, and each peer-support framework, goes under one category named after it ("CFIR 2009", "Ibrahim et al.
 * 2019"), so that two versions' "Inner Setting" never stand side by side and a framework's codes stay together.
 * Elements that already have a code in the project (say, from an imported codebook) are not made twice.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import { applyChange } from '../model/change.ts';
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, CodebookId, ProjectSnapshot, Uuid } from '../model/types.ts';
import { CodeRefused } from '../codebook/create-code.ts';
import type { BuiltinElement } from './builtin-codebooks.ts';
import { builtinCodebook, cfirVersionOf, codebookIdOfOrigin, originOfElement } from './builtin-codebooks.ts';
import { orderAfter } from '../codebook/code-tree.ts';
import { stampsAt } from '../model/stamps.ts';

/**
 * Colours of a built-in codebook's codes, from a maintained palette (Tableau 10, through d3-scale-chromatic) in an
 * order chosen so that each colour differs clearly from the next two, also as seen with deuteranopia or protanopia
 * (CIELAB distance of at least 25 after the Viénot-Brettel-Mollon simulation; checked in the tests). The codes of one
 * domain take the colours in tree order, so codes next to each other in a domain never look alike; the domain's
 * start in the order moves on with each domain, so domains do not all begin with the same colour.
 */
export const DOMAIN_COLORS: readonly string[] = [0, 4, 7, 6, 5, 8, 3, 1, 2, 9].map((i) => schemeTableau10[i] as string);

/** The colour of the `index`-th code (in tree order) of the `domainIndex`-th top element of a codebook. */
export function domainCodeColor(domainIndex: number, index: number): string {
  return DOMAIN_COLORS[(domainIndex * 3 + index) % DOMAIN_COLORS.length] as string;
}

/** The codebook key of a code's origin plus element id, to find the code already made for an element. */
function elementKey(codebookId: CodebookId, elementId: string): string {
  return `${codebookId}\u0000${elementId}`;
}

/** Where a codebook's top elements go: as described above ('auto'), at the top, or under its own category. */
export type CodebookPlacement = 'auto' | 'top' | 'group';

/**
 * The change that adds a built-in codebook's codes to a project and records the codebook in the project. Refuses a
 * codebook the project already has.
 */
export function addCodebook(
  snapshot: ProjectSnapshot,
  codebookId: CodebookId,
  createdBy: Uuid | null,
  newId: IdGenerator,
  now: Clock,
  placement: CodebookPlacement = 'auto',
): { readonly change: ProjectChange; readonly codes: readonly Code[] } {
  const book = builtinCodebook(codebookId);
  if (snapshot.project.codebooks.includes(codebookId)) throw new CodeRefused(`${book.title} is already in this project.`);
  const at = now();
  const existing = new Map<string, Code>();
  for (const code of snapshot.codes) {
    const id = codebookIdOfOrigin(code.origin);
    if (id && code.origin.kind !== 'inductive') existing.set(elementKey(id, code.origin.elementId), code);
  }
  const version = cfirVersionOf(codebookId);
  const otherCfirPresent =
    version !== null &&
    snapshot.codes.some((code) => code.origin.kind === 'cfir' && code.origin.version !== version);
  const useGroup = placement === 'auto' ? version === null || otherCfirPresent : placement === 'group';

  const made: Code[] = [];
  const codeOfElement = new Map<string, Uuid>();
  const nextOrder = new Map<Uuid | null, number>();
  const orderUnder = (parentId: Uuid | null): number => {
    if (!nextOrder.has(parentId)) {
      const siblings = snapshot.codes.filter((c) => c.parentId === parentId);
      nextOrder.set(parentId, orderAfter(siblings));
    }
    const order = nextOrder.get(parentId) as number;
    nextOrder.set(parentId, order + 1);
    return order;
  };
  const make = (element: BuiltinElement, parentId: Uuid | null, color: string): Uuid => {
    const found = existing.get(elementKey(codebookId, element.id));
    if (found) return found.id;
    const code: Code = {
      id: newId(),
      projectId: snapshot.project.id,
      parentId,
      name: element.name,
      color,
      description: '',
      inclusion: '',
      exclusion: '',
      example: '',
      order: orderUnder(parentId),
      origin: originOfElement(element),
      isCodable: element.isCodable,
      isHidden: false,
      ...stampsAt(at, createdBy),
    };
    made.push(code);
    return code.id;
  };

  const rootId = useGroup ? make(book.group, null, '#667085') : null;
  const topIndex = new Map<string, number>();
  const shadeIndex = new Map<string, number>();
  const topOf = (element: BuiltinElement): string => {
    let current = element;
    while (current.parentId !== null) {
      const parent = book.elements.find((e) => e.id === current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current.id;
  };
  for (const element of book.elements) {
    const top = topOf(element);
    if (!topIndex.has(top)) topIndex.set(top, topIndex.size);
    const index = shadeIndex.get(top) ?? 0;
    shadeIndex.set(top, index + 1);
    const parentId = element.parentId === null ? rootId : (codeOfElement.get(element.parentId) ?? rootId);
    codeOfElement.set(element.id, make(element, parentId, domainCodeColor(topIndex.get(top) as number, index)));
  }
  const project = { ...snapshot.project, codebooks: [...snapshot.project.codebooks, codebookId], modifiedAt: at };
  return { change: { project, ...(made.length ? { put: { codes: made } } : {}) }, codes: made };
}

/** A snapshot with built-in codebooks added in order (used when a new project starts with CFIR). */
export function withCodebooks(
  snapshot: ProjectSnapshot,
  codebookIds: readonly CodebookId[],
  createdBy: Uuid | null,
  newId: IdGenerator,
  now: Clock,
): ProjectSnapshot {
  let next = snapshot;
  for (const id of codebookIds) next = applyChange(next, addCodebook(next, id, createdBy, newId, now).change);
  return next;
}
