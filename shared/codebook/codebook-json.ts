/**
 * The codebook as plain JSON: the coding tree nested, each code with its numbering, origin, shipped definition,
 * the study's texts and its counts. What `tessera codebook --format json` writes, for scripts and other tools.
 */
import type { Code, CodeOrigin, ProjectSnapshot } from '../model/types.ts';
import { childrenByParent } from './code-tree.ts';
import { codeTreeCounts } from './code-counts.ts';
import type { CodingCount } from './code-counts.ts';
import { codeNumbering, officialDefinition, originLabel } from '../codebooks/code-info.ts';

/** One code in the JSON codebook. */
export interface CodebookJsonCode {
  readonly id: string;
  readonly name: string;
  readonly numbering: string | null;
  readonly origin: CodeOrigin;
  readonly originLabel: string;
  readonly isCodable: boolean;
  readonly isHidden: boolean;
  readonly color: string;
  /** The shipped definition (a paraphrase, see the codebook's note), or null for inductive codes and domains. */
  readonly definition: string | null;
  readonly suggestedCfir: readonly { readonly id: string; readonly numbering: string; readonly name: string }[];
  readonly description: string;
  readonly inclusion: string;
  readonly exclusion: string;
  readonly example: string;
  readonly codings: CodingCount;
  readonly codingsWithSubcodes: CodingCount;
  readonly children: readonly CodebookJsonCode[];
}

/** The JSON codebook of a project. */
export interface CodebookJson {
  readonly format: 'tessera-codebook';
  readonly version: 1;
  readonly project: string;
  readonly codebooks: readonly string[];
  readonly codes: readonly CodebookJsonCode[];
}

/** The codebook of a project as JSON data (hidden codes included, marked, unless left out). */
export function codebookJson(snapshot: Pick<ProjectSnapshot, 'project' | 'codes' | 'codings'>, includeHidden: boolean): CodebookJson {
  const children = childrenByParent(snapshot.codes);
  const counts = codeTreeCounts(snapshot.codes, snapshot.codings);
  const convert = (code: Code): CodebookJsonCode => {
    const definition = officialDefinition(code);
    const count = counts.get(code.id);
    return {
      id: code.id,
      name: code.name,
      numbering: codeNumbering(code),
      origin: code.origin,
      originLabel: originLabel(code.origin),
      isCodable: code.isCodable,
      isHidden: code.isHidden,
      color: code.color,
      definition: definition?.definition ?? null,
      suggestedCfir: (definition?.suggestedCfir ?? []).map(({ id, numbering, name }) => ({ id, numbering, name })),
      description: code.description,
      inclusion: code.inclusion,
      exclusion: code.exclusion,
      example: code.example,
      codings: count?.own ?? { codings: 0, documents: 0 },
      codingsWithSubcodes: count?.withDescendants ?? { codings: 0, documents: 0 },
      children: (children.get(code.id) ?? []).filter((c) => includeHidden || !c.isHidden).map(convert),
    };
  };
  return {
    format: 'tessera-codebook',
    version: 1,
    project: snapshot.project.name,
    codebooks: snapshot.project.codebooks,
    codes: (children.get(null) ?? []).filter((c) => includeHidden || !c.isHidden).map(convert),
  };
}
