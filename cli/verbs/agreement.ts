/**
 * `tessera agreement PROJECT.tessera --coders A,B --unit character|paragraph|turn [--codes ...] [--json]`: intercoder
 * agreement as the app's agreement view computes it, per code, per CFIR domain and over all codes, with the method;
 * with three or more coders, each pair's figures too. `--ratings` gives agreement on CFIR construct ratings instead
 * (ordinal alpha over construct x case cells, X and M treated as missing).
 */
import { agreementJson, agreementMethod, agreementRows, AGREEMENT_COLUMNS, documentRows, pairRows, PAIRWISE_NOTE, ratingAgreementJson, ratingSummary, rowCells } from '#shared/agreement/agreement-report';
import { AGREEMENT_UNITS, AgreementError, computeAgreement, DEFAULT_BOOTSTRAP, pairwiseAgreement, type AgreementUnit } from '#shared/agreement/project-agreement';
import { ratingAgreementOfRecords } from '#shared/agreement/rating-agreement';
import { codePath, descendantIds } from '#shared/codebook/code-tree';
import type { Code, Coder, ProjectSnapshot, Uuid } from '#shared/model/types';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, UsageError, integerOption, type VerbDefinition } from '../verb.ts';

const splitList = (raw: string): string[] =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** Coders named by name or initials (any case); an unknown or ambiguous one is a usage error listing the coders. */
function resolveCoders(snapshot: ProjectSnapshot, raw: string): Coder[] {
  const known = snapshot.coders.map((coder) => `${coder.name} (${coder.initials})`).join(', ') || 'none';
  return splitList(raw).map((wanted) => {
    const folded = wanted.toLocaleLowerCase();
    const byName = snapshot.coders.filter((coder) => coder.name.toLocaleLowerCase() === folded);
    const matches = byName.length > 0 ? byName : snapshot.coders.filter((coder) => coder.initials.toLocaleLowerCase() === folded || coder.id === folded);
    if (matches.length === 1) return matches[0] as Coder;
    if (matches.length === 0) throw new UsageError(`No coder "${wanted}" in this project. Coders: ${known}.`);
    throw new UsageError(`"${wanted}" names ${matches.length} coders; use the full name. Coders: ${known}.`);
  });
}

/**
 * Codes named by id, name or path ("Inner Setting › Culture", or with "/" between the names); a category stands for
 * the codable codes beneath it.
 */
function resolveCodes(snapshot: ProjectSnapshot, raw: string): Uuid[] {
  const normalise = (text: string): string =>
    text
      .split(/\s*(?:›|\/)\s*/)
      .map((part) => part.trim().toLocaleLowerCase())
      .join('/');
  const paths = new Map(snapshot.codes.map((code) => [code.id, normalise(codePath(snapshot.codes, code.id))]));
  const chosen = new Set<Uuid>();
  for (const wanted of splitList(raw)) {
    const key = normalise(wanted);
    let matches: Code[] = snapshot.codes.filter((code) => code.id === wanted.toLowerCase());
    if (matches.length === 0) matches = snapshot.codes.filter((code) => paths.get(code.id) === key);
    if (matches.length === 0) matches = snapshot.codes.filter((code) => code.name.toLocaleLowerCase() === key);
    if (matches.length === 0) throw new UsageError(`No code "${wanted}" in this project (give its name, its path or its id).`);
    if (matches.length > 1) throw new UsageError(`"${wanted}" names ${matches.length} codes; give its path, e.g. "${codePath(snapshot.codes, (matches[0] as Code).id)}".`);
    const code = matches[0] as Code;
    if (code.isCodable) chosen.add(code.id);
    for (const id of descendantIds(snapshot.codes, code.id)) if (snapshot.codes.find((c) => c.id === id)?.isCodable) chosen.add(id);
  }
  return [...chosen];
}

/** Documents named by name or id. */
function resolveDocuments(snapshot: ProjectSnapshot, raw: string): Uuid[] {
  return splitList(raw).map((wanted) => {
    const document = snapshot.documents.find((d) => d.id === wanted.toLowerCase() || d.name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
    if (!document) throw new UsageError(`No document "${wanted}" in this project.`);
    return document.id;
  });
}

/** The agreement verb. */
export const agreementVerb: VerbDefinition = {
  name: 'agreement',
  summary: 'Intercoder agreement (percent, Cohen’s kappa, Krippendorff’s alpha, Brennan & Prediger) per code, domain and overall.',
  positionals: ['PROJECT.tessera'],
  options: {
    coders: { type: 'string', placeholder: 'A,B[,C...]', required: true, description: 'Two or more coders, by name or initials.' },
    unit: { type: 'string', placeholder: 'character|paragraph|turn', description: 'The unit of agreement (required unless --ratings).' },
    ratings: { type: 'boolean', description: 'Agreement on CFIR construct ratings (ordinal alpha, X and M as missing) instead of codings.' },
    codes: { type: 'string', placeholder: 'CODES', description: 'Codes by name, path or id, comma-separated (default: every code the coders used).' },
    documents: { type: 'string', placeholder: 'DOCS', description: 'Documents by name, comma-separated (default: those every chosen coder coded).' },
    replicates: { type: 'string', placeholder: 'N', description: `Bootstrap replicates for the 95% intervals (default ${DEFAULT_BOOTSTRAP.replicates}; 0 for none).` },
    seed: { type: 'string', placeholder: 'N', description: `Bootstrap seed (default ${DEFAULT_BOOTSTRAP.seed}).` },
    json: { type: 'boolean', description: 'Print JSON instead of a table.' },
  },
  async run({ positionals, values }, io) {
    const unit = String(values.unit) as AgreementUnit;
    if (!values.ratings && values.unit === undefined) throw new UsageError('--unit is required (character, paragraph or turn), unless --ratings is given.');
    if (!values.ratings && !AGREEMENT_UNITS.includes(unit)) throw new UsageError(`--unit is one of ${AGREEMENT_UNITS.join(', ')}, not "${String(values.unit)}".`);
    const bootstrap = { replicates: integerOption(values, 'replicates', DEFAULT_BOOTSTRAP.replicates), seed: integerOption(values, 'seed', DEFAULT_BOOTSTRAP.seed, true) };
    const bytes = await io.readFile(positionals[0] as string);
    const { snapshot } = await decodeProjectFile(bytes);
    const coders = resolveCoders(snapshot, String(values.coders));
    if (new Set(coders.map((coder) => coder.id)).size < 2) throw new UsageError('--coders needs at least two different coders.');
    if (values.ratings) {
      const ratings = ratingAgreementOfRecords(snapshot.ratings, coders.map((coder) => coder.id));
      if (values.json) io.out(`${JSON.stringify(ratingAgreementJson(ratings, coders), null, 2)}\n`);
      else io.out(`${ratingSummary(ratings)}\n\n${ratings.method}\n`);
      return EXIT.ok;
    }
    let result;
    try {
      result = computeAgreement(snapshot, {
        coderIds: coders.map((coder) => coder.id),
        unit,
        bootstrap,
        ...(typeof values.codes === 'string' ? { codeIds: resolveCodes(snapshot, values.codes) } : {}),
        ...(typeof values.documents === 'string' ? { documentIds: resolveDocuments(snapshot, values.documents) } : {}),
      });
    } catch (error) {
      if (error instanceof AgreementError) throw new UsageError(error.message);
      throw error;
    }
    if (values.json) {
      io.out(`${JSON.stringify(agreementJson(result), null, 2)}\n`);
      return EXIT.ok;
    }
    const byDocument = documentRows(result).map(rowCells);
    const pairs = result.coders.length > 2 ? pairRows(result, pairwiseAgreement(snapshot, result)).map(rowCells) : [];
    const table = [[...AGREEMENT_COLUMNS], ...agreementRows(result).map(rowCells), ['Per document:'], ...byDocument, ...(pairs.length ? [['Pairs of coders:'], ...pairs] : [])];
    const widths = AGREEMENT_COLUMNS.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
    const lines = table.map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join('  ').trimEnd(),
    );
    io.out(`${lines.join('\n')}\n\n${pairs.length ? `${PAIRWISE_NOTE}\n\n` : ''}${agreementMethod(result)}\n`);
    return EXIT.ok;
  },
};
