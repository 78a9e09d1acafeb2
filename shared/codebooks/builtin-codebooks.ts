/**
 * The codebooks that ship with Tessera, in one shape: CFIR 2.0, CFIR 2009 and the two peer-support frameworks.
 *
 * A code made from a built-in codebook keeps only a pointer to its element (`CodeOrigin`); the element's numbering,
 * official name and definition are looked up here whenever they are shown, so the code's own `description` stays
 * the study's wording and the shipped definition is never lost or edited.
 */
import type { CodebookId, CodeOrigin } from '../model/types.ts';
import type { CfirVersion } from './cfir-data.ts';
import { cfirElements, cfirVersionInfo } from './cfir-data.ts';
import type { ElementNote, FrameworkData, SuggestedCfirConstruct } from './framework-data.ts';
import { IBRAHIM_2019, MIRBAHAEDDIN_2022 } from './framework-data.ts';

/** One element of a built-in codebook, as a code would be made from it. */
export interface BuiltinElement {
  readonly codebookId: CodebookId;
  /** Stable id, e.g. "2.0.II.G.2" or "IB19.3". */
  readonly id: string;
  readonly parentId: string | null;
  /** What a paper cites it by: "II.G.2" for CFIR, the id for the frameworks ("IB19.3"). */
  readonly numbering: string;
  readonly name: string;
  /** "domain", "construct", "subconstruct", "influence", "level", "factor", ... */
  readonly kind: string;
  /** Domains, levels and groups are categories; constructs, subconstructs, influences and factors are codable. */
  readonly isCodable: boolean;
  readonly definition: string | null;
  readonly notes: readonly ElementNote[];
  /** CFIR 2.0 constructs suggested for a framework element (empty for CFIR elements). */
  readonly suggestedCfir: readonly SuggestedCfirConstruct[];
}

/** A built-in codebook. */
export interface BuiltinCodebook {
  readonly id: CodebookId;
  /** Short title, e.g. "CFIR 2.0"; also the name of the category that holds it when it is added under one. */
  readonly title: string;
  /** One line on what it is and how big. */
  readonly summary: string;
  readonly citation: string;
  /** What the data says about its definitions (they are paraphrases). */
  readonly note: string;
  /** The category that holds the codebook's top elements when it goes under one (see add-codebook.ts). */
  readonly group: BuiltinElement;
  /** Its elements in published order, parents before children; top elements have parentId null. */
  readonly elements: readonly BuiltinElement[];
}

/** The built-in codebooks, in the order the app offers them. */
export const BUILTIN_CODEBOOK_IDS: readonly CodebookId[] = ['cfir-2.0', 'cfir-2009', 'ibrahim-2019', 'mirbahaeddin-2022'];

function cfirCodebook(id: CodebookId, version: CfirVersion, summary: string): BuiltinCodebook {
  const info = cfirVersionInfo(version);
  const elements: BuiltinElement[] = cfirElements(version).map((element) => ({
    codebookId: id,
    id: element.id,
    parentId: element.parentId,
    numbering: element.label,
    name: element.name,
    kind: element.level,
    isCodable: element.level !== 'domain',
    definition: element.definition,
    notes: element.subdomain ? [{ label: 'Subdomain', text: element.subdomain }] : [],
    suggestedCfir: [],
  }));
  const group: BuiltinElement = {
    codebookId: id,
    id: version,
    parentId: null,
    numbering: '',
    name: info.title,
    kind: 'codebook',
    isCodable: false,
    definition: summary,
    notes: [],
    suggestedCfir: [],
  };
  return { id, title: info.title, summary, citation: info.citation, note: info.definitionsNote, group, elements };
}

function frameworkCodebook(id: CodebookId, data: FrameworkData, groupName: string, summary: string): BuiltinCodebook {
  const elements: BuiltinElement[] = data.elements.map((element) => ({
    codebookId: id,
    id: element.id,
    parentId: element.parentId,
    numbering: element.kind === 'group' ? '' : element.id,
    name: element.name,
    kind: element.kind,
    isCodable: element.isCodable,
    definition: element.description,
    notes: element.notes,
    suggestedCfir: element.suggestedCfir,
  }));
  const group: BuiltinElement = {
    codebookId: id,
    id: data.shortCode,
    parentId: null,
    numbering: '',
    name: groupName,
    kind: 'codebook',
    isCodable: false,
    definition: data.title,
    notes: [],
    suggestedCfir: [],
  };
  return { id, title: groupName, summary, citation: data.citation, note: data.licenceNote, group, elements };
}

const CODEBOOKS: Readonly<Record<CodebookId, BuiltinCodebook>> = {
  'cfir-2.0': cfirCodebook('cfir-2.0', '2.0', 'The updated CFIR (2022): 5 domains, 48 constructs, 19 subconstructs.'),
  'cfir-2009': cfirCodebook('cfir-2009', '2009', 'The original CFIR (2009): 5 domains, 26 constructs, 13 subconstructs.'),
  'ibrahim-2019': frameworkCodebook(
    'ibrahim-2019',
    IBRAHIM_2019,
    'Ibrahim et al. 2019',
    '14 influences on implementing peer support work, with facilitators, barriers and suggested CFIR constructs.',
  ),
  'mirbahaeddin-2022': frameworkCodebook(
    'mirbahaeddin-2022',
    MIRBAHAEDDIN_2022,
    'Mirbahaeddin & Chreim 2022',
    'Macro, meso and micro factors of peer support implementation and their interactions, with suggested CFIR constructs.',
  ),
};

const ELEMENT_INDEX: ReadonlyMap<CodebookId, ReadonlyMap<string, BuiltinElement>> = new Map(
  BUILTIN_CODEBOOK_IDS.map((id) => {
    const book = CODEBOOKS[id];
    return [id, new Map([[book.group.id, book.group], ...book.elements.map((e) => [e.id, e] as const)])];
  }),
);

/** A built-in codebook by id. */
export function builtinCodebook(id: CodebookId): BuiltinCodebook {
  return CODEBOOKS[id];
}

/** Whether a string names a built-in codebook. */
export function isCodebookId(value: string): value is CodebookId {
  return (BUILTIN_CODEBOOK_IDS as readonly string[]).includes(value);
}

/** The CFIR version of a CFIR codebook, or null for the frameworks. */
export function cfirVersionOf(id: CodebookId): CfirVersion | null {
  return id === 'cfir-2.0' ? '2.0' : id === 'cfir-2009' ? '2009' : null;
}

/** The origin a code made from an element records. */
export function originOfElement(element: BuiltinElement): CodeOrigin {
  const version = cfirVersionOf(element.codebookId);
  return version
    ? { kind: 'cfir', version, elementId: element.id }
    : { kind: 'framework', frameworkId: element.codebookId, elementId: element.id };
}

/** The built-in codebook a code's origin points into, or null for an inductive code or an unknown framework. */
export function codebookIdOfOrigin(origin: CodeOrigin): CodebookId | null {
  if (origin.kind === 'cfir') return origin.version === '2.0' ? 'cfir-2.0' : 'cfir-2009';
  if (origin.kind === 'framework' && isCodebookId(origin.frameworkId)) return origin.frameworkId;
  return null;
}

/** The built-in element a code's origin points to (the codebook's group included), or null. */
export function builtinElementOf(origin: CodeOrigin): BuiltinElement | null {
  const codebookId = codebookIdOfOrigin(origin);
  if (!codebookId || origin.kind === 'inductive') return null;
  return ELEMENT_INDEX.get(codebookId)?.get(origin.elementId) ?? null;
}

/** A built-in element by codebook and element id, or null. */
export function builtinElement(codebookId: CodebookId, elementId: string): BuiltinElement | null {
  return ELEMENT_INDEX.get(codebookId)?.get(elementId) ?? null;
}
