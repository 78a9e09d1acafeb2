/**
 * What the app shows about a code wherever it is picked or inspected: its numbering ("II.G.2"), a label with it
 * ("II.G.2 Market Pressure"), where it comes from, and the shipped definition of the element it was made from.
 *
 * Numbering is never stored in a code's name: it comes from the shipped data through the code's origin, so renaming
 * a CFIR code keeps its numbering, and the name stays what coders type to find it.
 */
import type { Code, CodeOrigin } from '../model/types.ts';
import type { BuiltinElement } from './builtin-codebooks.ts';
import { builtinCodebook, builtinElement, builtinElementOf, codebookIdOfOrigin } from './builtin-codebooks.ts';
import type { ElementNote } from './framework-data.ts';

/** The published numbering of a code made from a built-in codebook ("II.G.2", "IB19.3"), or null. */
export function codeNumbering(code: Pick<Code, 'origin'>): string | null {
  const element = builtinElementOf(code.origin);
  return element?.numbering ? element.numbering : null;
}

/** The code's name with its numbering in front when it has one: "II.G.2 Market Pressure". */
export function codeLabel(code: Pick<Code, 'origin' | 'name'>): string {
  const numbering = codeNumbering(code);
  return numbering ? `${numbering} ${code.name}` : code.name;
}

/** Where a code comes from, in words: "CFIR 2.0 construct", "Ibrahim et al. 2019 influence", "Inductive". */
export function originLabel(origin: CodeOrigin): string {
  if (origin.kind === 'inductive') return 'Inductive';
  const codebookId = codebookIdOfOrigin(origin);
  const element = builtinElementOf(origin);
  if (!codebookId || !element) return origin.kind === 'cfir' ? `CFIR ${origin.version} (unknown element ${origin.elementId})` : 'Framework';
  const title = builtinCodebook(codebookId).title;
  return element.kind === 'codebook' ? title : `${title} ${element.kind}`;
}

/** A CFIR 2.0 construct suggested for a framework code, with its numbering and definition from the CFIR data. */
export interface SuggestedConstructInfo {
  readonly id: string;
  readonly numbering: string;
  readonly name: string;
  readonly definition: string | null;
  readonly rationale: string;
}

/** The shipped definition of a built-in code, with everything needed to show and cite it. */
export interface OfficialDefinition {
  /** "CFIR 2.0", "Ibrahim et al. 2019", ... */
  readonly source: string;
  readonly elementId: string;
  readonly numbering: string;
  /** The element's name as published (the code may have been renamed). */
  readonly officialName: string;
  readonly kind: string;
  /** The definition, or null where the data gives none (CFIR domains). */
  readonly definition: string | null;
  readonly notes: readonly ElementNote[];
  readonly suggestedCfir: readonly SuggestedConstructInfo[];
  readonly citation: string;
  /** The data's own warning that its definitions are paraphrases, not quotations. */
  readonly note: string;
}

function suggestedInfo(element: BuiltinElement): readonly SuggestedConstructInfo[] {
  return element.suggestedCfir.map((suggestion) => {
    const construct = builtinElement('cfir-2.0', suggestion.id);
    return {
      id: suggestion.id,
      numbering: construct?.numbering ?? suggestion.id,
      name: construct?.name ?? suggestion.name,
      definition: construct?.definition ?? null,
      rationale: suggestion.rationale,
    };
  });
}

/** The shipped definition behind a code made from a built-in codebook, or null for an inductive code. */
export function officialDefinition(code: Pick<Code, 'origin'>): OfficialDefinition | null {
  const codebookId = codebookIdOfOrigin(code.origin);
  const element = builtinElementOf(code.origin);
  if (!codebookId || !element) return null;
  const book = builtinCodebook(codebookId);
  return {
    source: book.title,
    elementId: element.id,
    numbering: element.numbering,
    officialName: element.name,
    kind: element.kind,
    definition: element.definition,
    notes: element.notes,
    suggestedCfir: suggestedInfo(element),
    citation: book.citation,
    note: book.note,
  };
}
