/**
 * The agreement table as a reader sees it, in one place for the app, the command line, CSV and Word: its rows,
 * the method paragraph a paper can cite (formula, unit, pooling, interval), and the JSON of `tessera agreement`.
 */
import Papa from 'papaparse';
import { APP_VERSION } from '../platform/app-version.ts';
import type { AgreementFigures, AgreementResult, Interval, PairAgreement } from './project-agreement.ts';
import type { RatingAgreement } from './rating-agreement.ts';

/** What goes beside the table of codings: each pair's figures (three or more coders) and agreement on CFIR ratings. */
export interface AgreementExtras {
  readonly pairs?: readonly PairAgreement[];
  readonly ratings?: RatingAgreement | null;
}

const UNIT_WORDS = {
  character: {
    name: 'character',
    rule: 'every code point of each document’s text is a unit, coded by a coder when one of that coder’s codings with the code covers it',
  },
  paragraph: {
    name: 'paragraph',
    rule: 'every paragraph is a unit, coded by a coder when one of that coder’s codings with the code overlaps it',
  },
  turn: {
    name: 'speaker turn',
    rule:
      'every speaker turn (consecutive paragraphs of one speaker; a paragraph without a speaker is a turn of its own) is a unit, ' +
      'coded by a coder when one of that coder’s codings with the code overlaps one of its paragraphs',
  },
} as const;

/** A figure to three decimals, or "n/a" where it is not defined. */
export function formatFigure(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

/** A share as a percentage with one decimal, or "n/a". */
export function formatPercent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

/** An interval as "[0.512, 0.634]", or "n/a". */
export function formatInterval(interval: Interval): string {
  return interval ? `[${interval[0].toFixed(3)}, ${interval[1].toFixed(3)}]` : 'n/a';
}

/** The coders as the method names them: "Amara (AM) and Bongani (BO)". */
function coderList(result: AgreementResult): string {
  const names = result.coders.map((coder) => `${coder.name} (${coder.initials})`);
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The method paragraph: what was compared, at which unit, by which formulas, pooled how, with which interval. */
export function agreementMethod(result: AgreementResult): string {
  const unit = UNIT_WORDS[result.unit];
  const two = result.coders.length === 2;
  const [first, second] = result.coders;
  const documentCount = result.documents.length;
  const blocks = result.unit === 'turn' ? 'speaker turns' : 'paragraphs';
  const parts = [
    `Intercoder agreement of ${coderList(result)} over ${documentCount} document${documentCount === 1 ? '' : 's'}, ` +
      `at the ${unit.name} level: ${unit.rule}. A coder who made no coding in a document gave no values there (missing).`,
    two
      ? `For each code, n11 counts the units coded by both coders, n10 those coded by ${first?.name} only, n01 by ` +
        `${second?.name} only and n00 by neither, pooled over all documents (one table, not an average of ` +
        'per-document figures); the rows for a CFIR domain and for all codes add the four counts of their codes. ' +
        'Percent agreement po = (n11 + n00) / N. Cohen’s kappa = (po − pe) / (1 − pe) with pe = pA·pB + ' +
        '(1 − pA)(1 − pB), where pA and pB are each coder’s share of coded units. Krippendorff’s alpha (nominal) ' +
        '= 1 − (n − 1)(n10 + n01) / (n1·n0) from the coincidence matrix, with n = 2N pairable values, n1 = 2·n11 + ' +
        'n10 + n01 and n0 = 2·n00 + n10 + n01. Brennan & Prediger’s kappa = (po − 1/q) / (1 − 1/q) with q = 2.'
      : 'For each code, units are pooled over all documents; the rows for a CFIR domain and for all codes pool the ' +
        'units of their codes. Percent agreement is the mean share of agreeing coder pairs per unit (Fleiss’s P̄). ' +
        'Krippendorff’s alpha (nominal) is computed from the coincidence matrix, each unit with m values ' +
        'contributing 1/(m − 1) per pair of values. Brennan & Prediger’s kappa (Randolph’s free-marginal kappa for ' +
        'several coders) = (po − 1/q) / (1 − 1/q) with q = 2. Cohen’s kappa is defined for two coders only.',
    result.bootstrap.replicates > 0
      ? `The 95% intervals of the overall ${two ? 'kappa and alpha' : 'alpha'} are percentile bootstrap intervals from ` +
        `${result.bootstrap.replicates} replicates, each resampling the ${blocks} of the documents with replacement` +
        `${result.unit === 'character' ? ' (the characters of a paragraph are not independent)' : ''}, with seed ${result.bootstrap.seed}.`
      : 'No bootstrap intervals were computed.',
    `"n/a" marks a figure that is not defined for the data (no units, or no variation). Computed by Tessera ${APP_VERSION}.`,
  ];
  return parts.join(' ');
}

/** One row of the agreement table. */
export interface AgreementRow {
  readonly kind: 'code' | 'domain' | 'overall';
  readonly label: string;
  readonly figures: AgreementFigures;
  readonly kappaInterval: Interval;
  readonly alphaInterval: Interval;
}

/** The rows of the table: each code, each CFIR domain (pooled), then all codes (pooled). */
export function agreementRows(result: AgreementResult): readonly AgreementRow[] {
  return [
    ...result.codes.map((code) => ({ kind: 'code' as const, label: code.code, figures: code, kappaInterval: null, alphaInterval: null })),
    ...result.domains.map((domain) => ({
      kind: 'domain' as const,
      label: `CFIR domain ${domain.domain} (${domain.codeIds.length} code${domain.codeIds.length === 1 ? '' : 's'} pooled)`,
      figures: domain,
      kappaInterval: null,
      alphaInterval: null,
    })),
    {
      kind: 'overall' as const,
      label: `All codes (${result.codes.length} pooled)`,
      figures: result.overall,
      kappaInterval: result.overall.kappaInterval,
      alphaInterval: result.overall.alphaInterval,
    },
  ];
}

/** The overall figures of each document (all codes pooled within it), shown beside the pooled table. */
export function documentRows(result: AgreementResult): readonly AgreementRow[] {
  const names = new Map(result.documents.map((document) => [document.id, document.name]));
  return result.overall.byDocument.map((figures) => ({
    kind: 'code' as const,
    label: names.get(figures.documentId) ?? figures.documentId,
    figures,
    kappaInterval: null,
    alphaInterval: null,
  }));
}

/** Each pair of coders' figures, all codes pooled, as rows labelled "Amara – Ben". */
export function pairRows(result: AgreementResult, pairs: readonly PairAgreement[]): readonly AgreementRow[] {
  const names = new Map(result.coders.map((coder) => [coder.id, coder.name]));
  return pairs.map((pair) => ({
    kind: 'code' as const,
    label: `${names.get(pair.coderIds[0]) ?? pair.coderIds[0]} – ${names.get(pair.coderIds[1]) ?? pair.coderIds[1]}`,
    figures: pair.overall,
    kappaInterval: null,
    alphaInterval: null,
  }));
}

/** The sentence on pairs under the pairwise table. */
export const PAIRWISE_NOTE =
  'Each pair of coders over the same documents, codes and units as the table above, all codes pooled: n11, n10, n01 and n00 count ' +
  'the units coded by both, by the first only, by the second only and by neither, and the figures are computed from them as ' +
  'for two coders.';

/** Agreement on CFIR ratings in one sentence, with its counts; "n/a" where alpha is not defined. */
export function ratingSummary(ratings: RatingAgreement): string {
  const cells = ratings.pairableCells;
  return (
    `Krippendorff’s alpha (ordinal) on CFIR ratings: ${formatFigure(ratings.alpha)}, over ${cells} construct × case cell${cells === 1 ? '' : 's'} ` +
    `rated on the −2..+2 scale by two or more coders (${ratings.pairableValues} ratings); ` +
    `${ratings.excludedMixedOrMissing} rating${ratings.excludedMixedOrMissing === 1 ? '' : 's'} X or M treated as missing.`
  );
}

/** Column headings of the table as text (CSV, Word, the command line). */
export const AGREEMENT_COLUMNS = [
  'Code',
  'Units',
  'n11',
  'n10',
  'n01',
  'n00',
  'Percent agreement',
  'Cohen’s kappa',
  'Kappa 95% CI',
  'Krippendorff’s alpha',
  'Alpha 95% CI',
  'Brennan & Prediger',
] as const;

const count = (value: number | undefined): string => (value === undefined ? 'n/a' : String(Math.round(value)));

/** A row's cells as text, in the order of AGREEMENT_COLUMNS. */
export function rowCells(row: AgreementRow): string[] {
  const { figures } = row;
  return [
    row.label,
    String(Math.round(figures.units)),
    count(figures.counts?.n11),
    count(figures.counts?.n10),
    count(figures.counts?.n01),
    count(figures.counts?.n00),
    formatPercent(figures.percent),
    formatFigure(figures.kappa),
    row.kind === 'overall' ? formatInterval(row.kappaInterval) : '',
    formatFigure(figures.alpha),
    row.kind === 'overall' ? formatInterval(row.alphaInterval) : '',
    formatFigure(figures.brennanPrediger),
  ];
}

/**
 * The table as CSV (RFC 4180, CRLF): the codes, domains and all codes, then per document, each pair of coders
 * (three or more coders) and agreement on CFIR ratings, with the method paragraphs as last rows so the file states
 * its method.
 */
export function agreementCsv(result: AgreementResult, extras: AgreementExtras = {}): string {
  const width = AGREEMENT_COLUMNS.length;
  const line = (text: string): string[] => [text, ...new Array<string>(width - 1).fill('')];
  const blank = line('');
  const rows = [...agreementRows(result).map(rowCells), blank, line('Per document (all codes pooled within it)'), ...documentRows(result).map(rowCells)];
  if (extras.pairs && extras.pairs.length > 0) rows.push(blank, line('Pairs of coders (all codes pooled)'), ...pairRows(result, extras.pairs).map(rowCells), line(PAIRWISE_NOTE));
  if (extras.ratings) rows.push(blank, line('CFIR ratings'), line(ratingSummary(extras.ratings)), line(`Method (ratings): ${extras.ratings.method}`));
  rows.push(blank, line(`Method: ${agreementMethod(result)}`));
  return Papa.unparse({ fields: [...AGREEMENT_COLUMNS], data: rows }, { newline: '\r\n' });
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1e6) / 1e6);

/** The JSON `tessera agreement --json` prints: exactly the shape the issue names, figures to six decimals. */
export function agreementJson(result: AgreementResult): object {
  const figures = (f: AgreementFigures): object => ({
    n11: f.counts?.n11 ?? null,
    n10: f.counts?.n10 ?? null,
    n01: f.counts?.n01 ?? null,
    n00: f.counts?.n00 ?? null,
    percent: round(f.percent),
    kappa: round(f.kappa),
    alpha: round(f.alpha),
    brennanPrediger: round(f.brennanPrediger),
  });
  return {
    unit: result.unit,
    coders: result.coders.map((coder) => coder.name),
    documents: result.documents.length,
    codes: result.codes.map((code) => ({ codeId: code.codeId, code: code.code, ...figures(code) })),
    overall: {
      ...figures(result.overall),
      kappaInterval: result.overall.kappaInterval ? result.overall.kappaInterval.map(round) : null,
      byDocument: result.overall.byDocument.map((document) => ({
        documentId: document.documentId,
        document: result.documents.find((d) => d.id === document.documentId)?.name ?? null,
        ...figures(document),
      })),
      alphaInterval: result.overall.alphaInterval ? result.overall.alphaInterval.map(round) : null,
      bootstrap: result.bootstrap,
      method: agreementMethod(result),
    },
  };
}

/** The JSON of `tessera agreement --ratings --json`: ordinal alpha of the chosen coders' CFIR ratings, with its method. */
export function ratingAgreementJson(ratings: RatingAgreement, coders: readonly { readonly name: string }[]): object {
  return {
    scale: 'CFIR ratings -2..+2 (ordinal); X and M treated as missing',
    coders: coders.map((coder) => coder.name),
    cells: ratings.pairableCells,
    values: ratings.pairableValues,
    excludedMixedOrMissing: ratings.excludedMixedOrMissing,
    alpha: round(ratings.alpha),
    method: ratings.method,
  };
}
