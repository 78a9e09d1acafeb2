/**
 * Writing a project's coding tree as a REFI-QDA codebook (.qdc) that validates against the official Codebook.xsd:
 * `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">` with nested `<Code guid name isCodable color>` elements, each with
 * its texts in `<Description>` (see code-description.ts). Hidden codes are left out unless asked for, since a study
 * hides the CFIR constructs it does not use.
 */
import type { Code, ProjectSnapshot } from '../model/types.ts';
import { childrenByParent } from '../codebook/code-tree.ts';
import { CodeRefused } from '../codebook/create-code.ts';
import { composeDescription } from './code-description.ts';
import { attributes, escapeText } from './xml-writer.ts';

/** How to write a codebook. */
export interface QdcOptions {
  /** Written as the file's `origin`, e.g. "Tessera 0.1.0". */
  readonly origin: string;
  readonly includeHidden: boolean;
}

/** The .qdc text of a project's codebook. Refuses a project with no code to write (the schema needs one). */
export function writeQdc(snapshot: Pick<ProjectSnapshot, 'codes'>, options: QdcOptions): string {
  const children = childrenByParent(snapshot.codes);
  const lines: string[] = [];
  const write = (code: Code, depth: number): void => {
    const indent = '  '.repeat(depth + 2);
    const head = `${indent}<Code${attributes({
      guid: code.id,
      name: code.name,
      isCodable: code.isCodable ? 'true' : 'false',
      color: /^#[0-9a-f]{6}$/i.test(code.color) ? code.color.toUpperCase() : undefined,
    })}`;
    const description = composeDescription(code);
    const kids = (children.get(code.id) ?? []).filter((c) => options.includeHidden || !c.isHidden);
    if (!description && kids.length === 0) {
      lines.push(`${head}/>`);
      return;
    }
    lines.push(`${head}>`);
    if (description) lines.push(`${indent}  <Description>${escapeText(description)}</Description>`);
    for (const kid of kids) write(kid, depth + 1);
    lines.push(`${indent}</Code>`);
  };
  const roots = (children.get(null) ?? []).filter((c) => options.includeHidden || !c.isHidden);
  if (roots.length === 0) throw new CodeRefused('There is no code to export: a REFI-QDA codebook needs at least one.');
  for (const root of roots) write(root, 0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"${attributes({ origin: options.origin })}>`,
    '  <Codes>',
    ...lines,
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
