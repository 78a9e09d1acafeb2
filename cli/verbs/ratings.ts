/**
 * `tessera ratings PROJECT.tessera [--csv | --docx OUT.docx]`: the construct x case rating matrix of the Ratings view, with each
 * construct's distinguishing label and the rule in force written under it, computed by the same code. The rule is
 * the project's (Compare > Ratings > Change the rule); the rule options override parts of it for this print only,
 * and what is printed under the matrix is the rule actually applied.
 */
import { decodeProjectFile } from '#shared/project-file/project-file';
import type { DistinguishingRule } from '#shared/ratings/distinguishing-constructs';
import { projectDistinguishingRule } from '#shared/ratings/distinguishing-rule-setting';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

function gapOption(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+(\.\d+)?$/.test(raw) || value > 4) throw new UsageError(`--${name} is a number from 0 to 4, not "${String(raw)}".`);
  return value;
}

/** The ratings verb. */
export const ratingsVerb: VerbDefinition = {
  name: 'ratings',
  summary: 'Print the CFIR construct x case rating matrix with each construct’s distinguishing label.',
  positionals: ['PROJECT.tessera'],
  options: {
    high: { type: 'string', placeholder: 'OUTCOME', description: 'Instead of the project’s rule: the implementation outcome of the cases that did well.' },
    low: { type: 'string', placeholder: 'OUTCOME', description: 'Instead of the project’s rule: the outcome of the cases that did not.' },
    'strong-gap': { type: 'string', placeholder: 'N', description: 'Instead of the project’s rule: the least mean gap for strongly distinguishing.' },
    'weak-gap': { type: 'string', placeholder: 'N', description: 'Instead of the project’s rule: the least mean gap for weakly distinguishing.' },
    'mixed-as-zero': { type: 'boolean', description: 'Instead of the project’s rule: count X (mixed) as 0 rather than leaving it out like M.' },
    csv: { type: 'boolean', description: 'Print CSV: construct, the cases, pattern; then the rule in force.' },
    docx: { type: 'string', placeholder: 'OUT.docx', description: 'Write the matrix as a Word table (the layout CFIR papers print) with the legend and the rule in force.' },
    force: { type: 'boolean', description: 'Replace the --docx file if it exists.' },
  },
  async run({ positionals, values }, io) {
    const { snapshot } = await decodeProjectFile(await io.readFile(positionals[0] as string));
    const projectRule = projectDistinguishingRule(snapshot.project);
    const rule: DistinguishingRule = {
      ...projectRule,
      highOutcome: typeof values.high === 'string' ? values.high : projectRule.highOutcome,
      lowOutcome: typeof values.low === 'string' ? values.low : projectRule.lowOutcome,
      strongGap: gapOption(values['strong-gap'], 'strong-gap', projectRule.strongGap),
      weakGap: gapOption(values['weak-gap'], 'weak-gap', projectRule.weakGap),
      mixed: values['mixed-as-zero'] ? 'as-zero' : projectRule.mixed,
    };
    const [{ computeRatingMatrix, ratingMatrixCsv, caseOutcome }, { DISTINGUISHING_LABELS, RATING_LEGEND, ratingLabel }, { ratingOnScale }] = await Promise.all([
      import('#shared/ratings/rating-matrix'),
      import('#shared/ratings/distinguishing-constructs'),
      import('#shared/ratings/rating-edits'),
    ]);
    const matrix = computeRatingMatrix(snapshot, rule);
    if (typeof values.docx === 'string') {
      if (values.csv) throw new UsageError('Give --csv or --docx, not both.');
      const { ratingMatrixDocx } = await import('#shared/export/compare-docx');
      const bytes = await ratingMatrixDocx(matrix, { title: `${snapshot.project.name}: CFIR construct ratings by case`, subtitle: `Exported from Tessera: ${matrix.cases.length} cases, ${matrix.rows.length} constructs.` });
      await io.writeFile(values.docx, bytes, { overwrite: values.force === true });
      io.out(`Wrote ${values.docx}: ${matrix.rows.length} constructs x ${matrix.cases.length} cases, with the legend and the rule in force.\n`);
      return EXIT.ok;
    }
    if (values.csv) {
      io.out(ratingMatrixCsv(matrix));
      return EXIT.ok;
    }
    if (matrix.cases.length === 0) {
      io.out('The project has no cases yet: make them in Compare > Ratings (one per site, or per site and phase).\n');
      return EXIT.ok;
    }
    const header = ['Construct', ...matrix.cases.map((c) => c.name), 'Pattern'];
    const outcomes = ['Outcome', ...matrix.cases.map((c) => caseOutcome(c) || '-'), ''];
    const body = matrix.rows.map((row) => [
      `${'  '.repeat(row.depth)}${row.code.name}`,
      ...row.cells.map((cell) => (cell?.value ? ratingLabel(ratingOnScale(cell.value)) : '.')),
      DISTINGUISHING_LABELS[row.distinguishing.label],
    ]);
    const table = [header, outcomes, ...body];
    const last = header.length - 1;
    const widths = header.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
    const lines = table.map((line) => line.map((cell, i) => (i === 0 || i === last ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd());
    const legend = RATING_LEGEND.map((entry) => `  ${ratingLabel(entry.value)}: ${entry.meaning}`).join('\n');
    io.out(`CFIR construct ratings by case\n\n${lines.join('\n')}\n\n. = not rated yet (counted as M)\nLegend:\n${legend}\nRule: ${matrix.ruleText}\n`);
    return EXIT.ok;
  },
};
