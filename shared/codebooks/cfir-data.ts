/**
 * The two CFIR versions as shipped in `data/` (copies of the reference files), read into typed, flat lists of
 * elements: domains, constructs and subconstructs with their stable ids, published numbering ("II.G.2") and
 * definitions.
 *
 * The definitions in the data are one-sentence paraphrases written for the data files, not the official CFIR wording
 * (each file's `definitions_note` says so); the UI shows that note beside them.
 */
import cfir20Json from './data/cfir-2.0.json' with { type: 'json' };
import cfir2009Json from './data/cfir-2009.json' with { type: 'json' };

/** A CFIR version Tessera ships. */
export type CfirVersion = '2.0' | '2009';

/** The level of an element in the CFIR hierarchy. */
export type CfirLevel = 'domain' | 'construct' | 'subconstruct';

interface CfirSubconstructJson {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly definition: string;
}

interface CfirConstructJson extends CfirSubconstructJson {
  readonly subdomain?: string;
  readonly subconstructs: readonly CfirSubconstructJson[];
}

interface CfirDomainJson {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly constructs: readonly CfirConstructJson[];
}

interface CfirFileJson {
  readonly framework: string;
  readonly version: string;
  readonly citation: string;
  readonly definitions_note: string;
  readonly domains: readonly CfirDomainJson[];
}

// Assigning the imported JSON to the declared shape makes the compiler check the data against it.
const CFIR_FILES: Readonly<Record<CfirVersion, CfirFileJson>> = { '2.0': cfir20Json, '2009': cfir2009Json };

/** One domain, construct or subconstruct of a CFIR version. */
export interface CfirElement {
  readonly version: CfirVersion;
  /** Stable id, e.g. "2.0.II.G.2". */
  readonly id: string;
  /** Published numbering without the version, e.g. "II.G.2". */
  readonly label: string;
  readonly name: string;
  readonly level: CfirLevel;
  /** The definition (a paraphrase, see the file note); null for domains, which the data does not define. */
  readonly definition: string | null;
  /** The id of the domain or construct it belongs to; null for a domain. */
  readonly parentId: string | null;
  /** The subdomain within Individuals in CFIR 2.0 ("Roles", "Characteristics"), else null. */
  readonly subdomain: string | null;
}

/** What a CFIR version is, for titles and citations. */
export interface CfirVersionInfo {
  readonly version: CfirVersion;
  /** "CFIR 2.0" or "CFIR 2009". */
  readonly title: string;
  readonly citation: string;
  /** The data file's warning that definitions are paraphrases. */
  readonly definitionsNote: string;
}

function flatten(version: CfirVersion, file: CfirFileJson): readonly CfirElement[] {
  const elements: CfirElement[] = [];
  for (const domain of file.domains) {
    elements.push({ version, id: domain.id, label: domain.label, name: domain.name, level: 'domain', definition: null, parentId: null, subdomain: null });
    for (const construct of domain.constructs) {
      elements.push({
        version,
        id: construct.id,
        label: construct.label,
        name: construct.name,
        level: 'construct',
        definition: construct.definition,
        parentId: domain.id,
        subdomain: construct.subdomain ?? null,
      });
      for (const sub of construct.subconstructs) {
        elements.push({
          version,
          id: sub.id,
          label: sub.label,
          name: sub.name,
          level: 'subconstruct',
          definition: sub.definition,
          parentId: construct.id,
          subdomain: null,
        });
      }
    }
  }
  return elements;
}

const ELEMENTS: Readonly<Record<CfirVersion, readonly CfirElement[]>> = {
  '2.0': flatten('2.0', CFIR_FILES['2.0']),
  '2009': flatten('2009', CFIR_FILES['2009']),
};

const BY_ID: Readonly<Record<CfirVersion, ReadonlyMap<string, CfirElement>>> = {
  '2.0': new Map(ELEMENTS['2.0'].map((e) => [e.id, e])),
  '2009': new Map(ELEMENTS['2009'].map((e) => [e.id, e])),
};

/** Every element of a CFIR version in published order (each domain, then its constructs, each with its subconstructs). */
export function cfirElements(version: CfirVersion): readonly CfirElement[] {
  return ELEMENTS[version];
}

/** One element of a CFIR version by its stable id, or undefined. */
export function cfirElement(version: CfirVersion, id: string): CfirElement | undefined {
  return BY_ID[version].get(id);
}

/** Title, citation and definitions note of a CFIR version. */
export function cfirVersionInfo(version: CfirVersion): CfirVersionInfo {
  const file = CFIR_FILES[version];
  return { version, title: `CFIR ${version}`, citation: file.citation, definitionsNote: file.definitions_note };
}
