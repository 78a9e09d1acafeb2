/**
 * Pre vs post for one code (or a whole CFIR domain): per site, one column per phase in the study's order, each with
 * its figures and the passages behind them, and the change of each figure from one phase to the next
 * (e.g. passages per 1,000 words 3.1 -> 7.4). Computed by the code matrix with site x phase columns, so the
 * figures are the matrix's and follow its method.
 */
import type { Uuid } from '../model/types.ts';
import type { RetrievedSegment } from '../coding/retrieve-segments.ts';
import type { SegmentFilter } from '../coding/segment-filter.ts';
import { cellPassages, cellValue, computeCodeMatrix, MATRIX_METHOD, type MatrixMeasure, type MatrixSource } from './code-matrix.ts';
import type { StudyDesign } from './groupings.ts';

/** The figures of one code in one site and phase. */
export interface PhaseFigures {
  readonly passages: number;
  readonly documents: number;
  readonly speakers: number;
  /** Share of the text coded, 0..1; null without text. */
  readonly coverage: number | null;
  readonly per1000Words: number | null;
  /** The text the phase holds at the site. */
  readonly documentsInGroup: number;
  readonly words: number;
}

/** The figures that change is reported for, with their names. */
export const PRE_POST_FIGURES: readonly { readonly key: keyof PhaseFigures; readonly label: string; readonly measure: MatrixMeasure }[] = [
  { key: 'passages', label: 'Coded passages', measure: 'codings' },
  { key: 'documents', label: 'Documents with the code', measure: 'documents' },
  { key: 'speakers', label: 'Distinct speakers', measure: 'speakers' },
  { key: 'coverage', label: 'Share of text coded (%)', measure: 'coverage' },
  { key: 'per1000Words', label: 'Passages per 1,000 words', measure: 'per-1000-words' },
];

/** One phase at one site. */
export interface PhaseColumn {
  readonly phaseLabel: string;
  readonly figures: PhaseFigures;
  readonly passages: readonly RetrievedSegment[];
}

/** A figure from one phase to the next: its value in each and the difference (null where either is undefined). */
export interface FigureChange {
  readonly key: keyof PhaseFigures;
  readonly from: number | null;
  readonly to: number | null;
  readonly difference: number | null;
}

/** The change between two consecutive phases at a site. */
export interface PhaseChange {
  readonly fromPhase: string;
  readonly toPhase: string;
  readonly figures: readonly FigureChange[];
}

/** One site: its phases in order and the changes between them. */
export interface SitePrePost {
  readonly siteLabel: string;
  readonly phases: readonly PhaseColumn[];
  readonly changes: readonly PhaseChange[];
}

/** Pre vs post for a code. */
export interface PrePostComparison {
  readonly codeId: Uuid;
  readonly filterLabel: string;
  readonly sites: readonly SitePrePost[];
  readonly method: string;
}

/** Compares the phases of each site for one code and everything under it. */
export function comparePrePost(source: MatrixSource, design: StudyDesign, codeId: Uuid, filter: SegmentFilter): PrePostComparison {
  const matrix = computeCodeMatrix(source, design, { grouping: { kind: 'site-phase' }, filter, rootCodeIds: [codeId], includeHidden: true });
  const row = matrix.rows.find((r) => r.code.id === codeId);
  const sites = new Map<string, { label: string; phases: PhaseColumn[] }>();
  matrix.columns.forEach((column, i) => {
    const [siteKey = '', phaseKey = ''] = column.key.split('|');
    const siteLabel = design.sites.find((s) => s.id === siteKey)?.code ?? '(no site)';
    const phaseLabel = design.phases.find((p) => p.id === phaseKey)?.name ?? '(no phase)';
    const cell = row?.cells[i];
    const figures: PhaseFigures = {
      passages: cell?.passages ?? 0,
      documents: cell?.documents ?? 0,
      speakers: cell?.speakers ?? 0,
      coverage: row ? cellValue(matrix, row, i, 'coverage') : null,
      per1000Words: row ? cellValue(matrix, row, i, 'per-1000-words') : null,
      documentsInGroup: column.documents,
      words: column.words,
    };
    const passages = row ? cellPassages(source, design, matrix, codeId, column.key) : [];
    let site = sites.get(siteKey);
    if (!site) sites.set(siteKey, (site = { label: siteLabel, phases: [] }));
    site.phases.push({ phaseLabel, figures, passages });
  });
  return {
    codeId,
    filterLabel: matrix.filterLabel,
    method: MATRIX_METHOD,
    sites: [...sites.values()].map((site) => ({
      siteLabel: site.label,
      phases: site.phases,
      changes: site.phases.slice(1).map((to, i) => {
        const from = site.phases[i] as PhaseColumn;
        return {
          fromPhase: from.phaseLabel,
          toPhase: to.phaseLabel,
          figures: PRE_POST_FIGURES.map(({ key }) => {
            const a = from.figures[key];
            const b = to.figures[key];
            return { key, from: a, to: b, difference: a === null || b === null ? null : b - a };
          }),
        };
      }),
    })),
  };
}
