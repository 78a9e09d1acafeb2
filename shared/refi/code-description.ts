/**
 * A code's texts in the one `Description` that REFI-QDA gives a code, and back.
 *
 * Written: the study's description first, then labelled paragraphs: "Inclusion: ", "Exclusion: ", "Example: ", and
 * for a code made from a built-in codebook a "Source: CFIR 2.0 subconstruct II.G.2 (id 2.0.II.G.2)." line with the
 * shipped "Definition: ". Other tools show this as readable text; Tessera reads the labels back, so a codebook
 * exported and imported again keeps its criteria and its CFIR links.
 */
import type { Code, CodeOrigin } from '../model/types.ts';
import { BUILTIN_CODEBOOK_IDS, builtinCodebook, builtinElement, originOfElement } from '../codebooks/builtin-codebooks.ts';
import { officialDefinition } from '../codebooks/code-info.ts';

/** The texts of a code that travel in its Description. */
export interface CodeTexts {
  readonly description: string;
  readonly inclusion: string;
  readonly exclusion: string;
  readonly example: string;
  readonly origin: CodeOrigin;
}

const LABELS = ['Inclusion', 'Exclusion', 'Example', 'Source', 'Definition'] as const;
type Label = (typeof LABELS)[number];

const SOURCE_LINE = /^(.*) \(id ([^()\s]+)\)\.?$/;

/** The Description text for a code (empty when it has nothing to say). */
export function composeDescription(code: Pick<Code, 'description' | 'inclusion' | 'exclusion' | 'example' | 'origin'>): string {
  const parts: string[] = [];
  if (code.description.trim()) parts.push(code.description.trim());
  if (code.inclusion.trim()) parts.push(`Inclusion: ${code.inclusion.trim()}`);
  if (code.exclusion.trim()) parts.push(`Exclusion: ${code.exclusion.trim()}`);
  if (code.example.trim()) parts.push(`Example: ${code.example.trim()}`);
  const definition = officialDefinition(code);
  if (definition) {
    const where = [definition.source, definition.kind === 'codebook' ? '' : definition.kind, definition.numbering].filter(Boolean).join(' ');
    parts.push(`Source: ${where} (id ${definition.elementId}).`);
    if (definition.definition) parts.push(`Definition: ${definition.definition}`);
  }
  return parts.join('\n\n');
}

/** The origin a "Source: ..." line names, or null when it names no shipped element. */
function originFromSource(text: string): CodeOrigin | null {
  const match = SOURCE_LINE.exec(text.trim());
  if (!match) return null;
  const [, where, elementId] = match as unknown as [string, string, string];
  for (const id of BUILTIN_CODEBOOK_IDS) {
    if (!where.startsWith(builtinCodebook(id).title)) continue;
    const element = builtinElement(id, elementId);
    if (element) return originOfElement(element);
  }
  return null;
}

/**
 * The texts of a code read back from a Description. Paragraphs that start with a known label go to their field; the
 * rest is the description. A shipped definition is dropped when its source line is recognised (Tessera shows it
 * from its own data) and kept in the description otherwise, so nothing a file says is lost.
 */
export function parseDescription(text: string): CodeTexts {
  const sections: Record<Label | 'description', string[]> = {
    description: [],
    Inclusion: [],
    Exclusion: [],
    Example: [],
    Source: [],
    Definition: [],
  };
  let current: Label | 'description' = 'description';
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const label = LABELS.find((l) => line.startsWith(`${l}: `));
    if (label) {
      current = label;
      sections[label].push(line.slice(label.length + 2));
    } else {
      sections[current].push(line);
    }
  }
  const join = (lines: readonly string[]): string => lines.join('\n').trim();
  const source = join(sections.Source);
  const origin = source ? originFromSource(source) : null;
  const unrecognised = [
    ...(source && !origin ? [`Source: ${source}`] : []),
    ...(join(sections.Definition) && !origin ? [`Definition: ${join(sections.Definition)}`] : []),
  ];
  return {
    description: [join(sections.description), ...unrecognised].filter(Boolean).join('\n\n'),
    inclusion: join(sections.Inclusion),
    exclusion: join(sections.Exclusion),
    example: join(sections.Example),
    origin: origin ?? { kind: 'inductive' },
  };
}
