/**
 * The peer-support field's own implementation frameworks, shipped as starter codebooks (copies in `data/`):
 * Ibrahim et al. 2019's 14 influences on peer support work (with facilitators, barriers and the paper's own
 * mapping onto CFIR domains) and Mirbahaeddin & Chreim 2022's macro/meso/micro framework.
 *
 * Every element carries the compiler's suggested CFIR 2.0 constructs, so a study can code with the field's framework
 * and still report by CFIR. All descriptions in the data are paraphrases (see each file's licence note).
 */
import ibrahimJson from './data/ibrahim-2019-psw-influences.json' with { type: 'json' };
import mirbahaeddinJson from './data/mirbahaeddin-2022-psw-multilevel.json' with { type: 'json' };

/** A CFIR 2.0 construct suggested for a framework element, with why. */
export interface SuggestedCfirConstruct {
  /** A CFIR 2.0 element id, e.g. "2.0.III.D". */
  readonly id: string;
  readonly name: string;
  readonly rationale: string;
}

/** A labelled piece of text about an element (facilitators, barriers, scope notes...). */
export interface ElementNote {
  readonly label: string;
  readonly text: string;
}

/** One element of a framework: a level, factor, sub-factor, influence or interlevel interaction. */
export interface FrameworkElement {
  /** Stable id, e.g. "IB19.3" or "MC22.MESO.4.2". */
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  /** What kind of element it is, in words: "influence", "level", "factor", "sub-factor", "interlevel interaction". */
  readonly kind: string;
  readonly isCodable: boolean;
  readonly description: string;
  readonly notes: readonly ElementNote[];
  readonly suggestedCfir: readonly SuggestedCfirConstruct[];
}

/** A framework: its title, citation and elements in the paper's order. */
export interface FrameworkData {
  /** "IB19" or "MC22". */
  readonly shortCode: string;
  readonly title: string;
  readonly citation: string;
  readonly licenceNote: string;
  readonly elements: readonly FrameworkElement[];
}

interface CfirSuggestionJson {
  readonly id: string;
  readonly name: string;
  readonly rationale: string;
}

interface IbrahimInfluenceJson {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly direction: string;
  readonly papers_share: number;
  readonly facilitators: string | null;
  readonly barriers: string | null;
  readonly compiler_scope_note?: string;
  readonly subgroup_note: string | null;
  readonly cfir_domains: readonly string[];
  readonly cfir_2009_domain_ids: readonly string[];
  readonly cfir_2_0_ids: readonly CfirSuggestionJson[];
}

interface IbrahimFileJson {
  readonly framework: string;
  readonly short_code: string;
  readonly citation: string;
  readonly licence_note: string;
  readonly influences: readonly IbrahimInfluenceJson[];
}

interface McSubfactorJson {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly basis: string;
  readonly cfir_2_0_ids: readonly CfirSuggestionJson[];
}

interface McFactorJson {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly cfir_2_0_ids: readonly CfirSuggestionJson[];
  readonly subfactors: readonly McSubfactorJson[];
}

interface McLevelJson {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly factors: readonly McFactorJson[];
}

interface McInterlevelJson {
  readonly id: string;
  readonly from_levels: readonly string[];
  readonly to_levels: readonly string[];
  readonly description: string;
}

interface MirbahaeddinFileJson {
  readonly framework: string;
  readonly short_code: string;
  readonly citation: string;
  readonly licence_note: string;
  readonly levels: readonly McLevelJson[];
  readonly interlevel_interactions: readonly McInterlevelJson[];
}

const ibrahimFile: IbrahimFileJson = ibrahimJson;
const mirbahaeddinFile: MirbahaeddinFileJson = mirbahaeddinJson;

const suggestions = (list: readonly CfirSuggestionJson[]): readonly SuggestedCfirConstruct[] =>
  list.map(({ id, name, rationale }) => ({ id, name, rationale }));

const notes = (entries: readonly (readonly [string, string | null | undefined])[]): readonly ElementNote[] =>
  entries.filter((entry): entry is readonly [string, string] => Boolean(entry[1])).map(([label, text]) => ({ label, text }));

function ibrahimElements(file: IbrahimFileJson): readonly FrameworkElement[] {
  return file.influences.map((influence) => ({
    id: influence.id,
    parentId: null,
    name: influence.name,
    kind: 'influence',
    isCodable: true,
    description: influence.description,
    notes: notes([
      ['Facilitators', influence.facilitators],
      ['Barriers', influence.barriers],
      ['Direction', influence.direction === 'unclear' ? 'Unclear or conflicting in the review.' : 'Reported as facilitator and as barrier.'],
      ['Share of the 53 reviewed papers', `${Math.round(influence.papers_share * 100)}%`],
      ['Coding scope (compiler’s note)', influence.compiler_scope_note],
      ['Subgroup analyses', influence.subgroup_note],
      [
        'CFIR domains in the paper (2009)',
        influence.cfir_domains.length ? `${influence.cfir_domains.join('; ')} (${influence.cfir_2009_domain_ids.join(', ')})` : null,
      ],
    ]),
    suggestedCfir: suggestions(influence.cfir_2_0_ids),
  }));
}

const LEVEL_NAMES: Readonly<Record<string, string>> = { 'MC22.MACRO': 'Macro', 'MC22.MESO': 'Meso', 'MC22.MICRO': 'Micro' };

/** The id of the category Tessera adds to hold MC22's interlevel interactions (the data lists them apart). */
export const MC22_INTERLEVEL_GROUP_ID = 'MC22.IL';

function mirbahaeddinElements(file: MirbahaeddinFileJson): readonly FrameworkElement[] {
  const elements: FrameworkElement[] = [];
  for (const level of file.levels) {
    elements.push({ id: level.id, parentId: null, name: level.name, kind: 'level', isCodable: false, description: level.description, notes: [], suggestedCfir: [] });
    for (const factor of level.factors) {
      elements.push({
        id: factor.id,
        parentId: level.id,
        name: factor.name,
        kind: 'factor',
        isCodable: true,
        description: factor.description,
        notes: [],
        suggestedCfir: suggestions(factor.cfir_2_0_ids),
      });
      for (const sub of factor.subfactors) {
        elements.push({
          id: sub.id,
          parentId: factor.id,
          name: sub.name,
          kind: 'sub-factor',
          isCodable: true,
          description: sub.description,
          notes: notes([['Basis', sub.basis === 'abstract' ? 'Named in the abstract.' : 'A topic of the results text, labelled by the compiler.']]),
          suggestedCfir: suggestions(sub.cfir_2_0_ids),
        });
      }
    }
  }
  elements.push({
    id: MC22_INTERLEVEL_GROUP_ID,
    parentId: null,
    name: 'Interlevel interactions',
    kind: 'group',
    isCodable: false,
    description: 'How one level acts on another. No CFIR construct covers these: code one beside the codes of the levels it links.',
    notes: [],
    suggestedCfir: [],
  });
  for (const item of file.interlevel_interactions) {
    const levels = (ids: readonly string[]) => ids.map((id) => LEVEL_NAMES[id] ?? id).join(' and ');
    const number = item.id.slice(`${MC22_INTERLEVEL_GROUP_ID}.`.length);
    elements.push({
      id: item.id,
      parentId: MC22_INTERLEVEL_GROUP_ID,
      name: `${number}. ${levels(item.from_levels)} → ${levels(item.to_levels)}`,
      kind: 'interlevel interaction',
      isCodable: true,
      description: item.description,
      notes: [],
      suggestedCfir: [],
    });
  }
  return elements;
}

/** Ibrahim et al. 2019: 14 influences on implementing peer support work. */
export const IBRAHIM_2019: FrameworkData = {
  shortCode: ibrahimFile.short_code,
  title: 'Ibrahim et al. 2019: influences on peer support work implementation',
  citation: ibrahimFile.citation,
  licenceNote: ibrahimFile.licence_note,
  elements: ibrahimElements(ibrahimFile),
};

/** Mirbahaeddin & Chreim 2022: the macro/meso/micro framework of peer support role implementation. */
export const MIRBAHAEDDIN_2022: FrameworkData = {
  shortCode: mirbahaeddinFile.short_code,
  title: 'Mirbahaeddin & Chreim 2022: multilevel framework of peer support implementation',
  citation: mirbahaeddinFile.citation,
  licenceNote: mirbahaeddinFile.licence_note,
  elements: mirbahaeddinElements(mirbahaeddinFile),
};
