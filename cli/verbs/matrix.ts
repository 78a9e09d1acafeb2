/**
 * `tessera matrix PROJECT.tessera --rows codes --cols site,phase --count codings|documents|speakers|coverage
 * [--coder ...] [--csv | --docx OUT.docx]`: the code x groups matrix of the Compare view, computed by the same code.
 */
import { decodeProjectFile } from '#shared/project-file/project-file';
import { NO_FILTER, type SegmentFilter } from '#shared/coding/segment-filter';
import type { MatrixMeasure } from '#shared/compare/code-matrix';
import type { ColumnGrouping } from '#shared/compare/groupings';
import type { Coder, DocumentKind, SpeakerRole } from '#shared/model/types';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

/** The column groupings `--cols` takes. */
export function groupingFromCols(cols: string): ColumnGrouping {
  const value = cols.replace(/\s+/g, '');
  const simple: Record<string, ColumnGrouping> = {
    all: { kind: 'all' },
    site: { kind: 'site' },
    phase: { kind: 'phase' },
    'site,phase': { kind: 'site-phase' },
    'phase,site': { kind: 'phase-site' },
    kind: { kind: 'document-kind' },
    role: { kind: 'speaker-role' },
    case: { kind: 'case' },
    cases: { kind: 'case' },
  };
  const found = simple[value];
  if (found) return found;
  const attribute = /^attribute=(.+)$/.exec(value);
  if (attribute?.[1]) return { kind: 'document-attribute', key: attribute[1] };
  const speaker = /^speaker=(.+)$/.exec(value);
  if (speaker?.[1]) return { kind: 'speaker-attribute', key: speaker[1] };
  throw new UsageError(`--cols is one of site, phase, site,phase, phase,site, kind, role, attribute=KEY, speaker=KEY, case or all, not "${cols}".`);
}

function codersFrom(raw: string, coders: readonly Coder[]): string[] {
  return raw.split(',').map((wanted) => {
    const key = wanted.trim().toLowerCase();
    const coder = coders.find((c) => c.id === key || c.initials.toLowerCase() === key || c.name.toLowerCase() === key);
    if (!coder) throw new UsageError(`No coder "${wanted.trim()}" in the project; its coders are ${coders.map((c) => `${c.initials} (${c.name})`).join(', ') || 'none'}.`);
    return coder.id;
  });
}

/** The measures `--count` takes (as MATRIX_MEASURES; listed here so that help needs no compare code loaded). */
const MEASURES: readonly MatrixMeasure[] = ['codings', 'documents', 'speakers', 'coverage', 'per-1000-words', 'row-percent', 'column-percent'];

const ROLES: readonly SpeakerRole[] = ['moderator', 'assistant', 'participant', 'unknown'];
const KINDS: readonly DocumentKind[] = ['transcript', 'field-notes'];

function listOption<T extends string>(raw: unknown, allowed: readonly T[], name: string): T[] {
  if (typeof raw !== 'string') return [];
  return raw.split(',').map((value) => {
    const found = allowed.find((a) => a === value.trim());
    if (!found) throw new UsageError(`--${name} takes ${allowed.join(', ')}, not "${value.trim()}".`);
    return found;
  });
}

/** The matrix verb. */
export const matrixVerb: VerbDefinition = {
  name: 'matrix',
  summary: 'Print the code x groups matrix (codes by site, phase, site x phase, ...) as a table or CSV.',
  positionals: ['PROJECT.tessera'],
  options: {
    rows: { type: 'string', placeholder: 'codes', description: 'What the rows are: codes (the coding tree; the default).' },
    cols: {
      type: 'string',
      placeholder: 'GROUPS',
      required: true,
      description: 'The columns: site, phase, site,phase, phase,site, kind, role, attribute=KEY, speaker=KEY, case (the project’s cases) or all.',
    },
    count: { type: 'string', placeholder: 'MEASURE', required: true, description: `What a cell shows: ${MEASURES.join(', ')}.` },
    coder: { type: 'string', placeholder: 'CODERS', description: 'Only these coders’ codings (initials, names or ids, comma-separated).' },
    role: { type: 'string', placeholder: 'ROLES', description: `Only these speaker roles (${ROLES.join(', ')}), comma-separated.` },
    kind: { type: 'string', placeholder: 'KINDS', description: `Only these document kinds (${KINDS.join(', ')}), comma-separated.` },
    csv: { type: 'boolean', description: 'Print CSV: a header row (code, then the column labels), then a row per code.' },
    docx: { type: 'string', placeholder: 'OUT.docx', description: 'Write the matrix as a Word table with its column sizes, filter and method.' },
    force: { type: 'boolean', description: 'Replace the --docx file if it exists.' },
  },
  async run({ positionals, values }, io) {
    if (values.rows !== undefined && values.rows !== 'codes') throw new UsageError(`--rows is codes, not "${String(values.rows)}".`);
    const grouping = groupingFromCols(String(values.cols));
    const measure = MEASURES.find((m) => m === values.count);
    if (!measure) throw new UsageError(`--count is one of ${MEASURES.join(', ')}, not "${String(values.count)}".`);
    // The compare code loads when this verb runs, not with every other verb.
    const [{ buildProjectIndex }, { cellValue, computeCodeMatrix, formatCellValue, MEASURE_LABELS }, { codeMatrixCsv }] = await Promise.all([
      import('#shared/index/project-index'),
      import('#shared/compare/code-matrix'),
      import('#shared/compare/matrix-csv'),
    ]);
    const { snapshot } = await decodeProjectFile(await io.readFile(positionals[0] as string));
    const filter: SegmentFilter = {
      ...NO_FILTER,
      coderIds: typeof values.coder === 'string' ? codersFrom(values.coder, snapshot.coders) : [],
      speakerRoles: listOption(values.role, ROLES, 'role'),
      kinds: listOption(values.kind, KINDS, 'kind'),
    };
    const matrix = computeCodeMatrix(buildProjectIndex(snapshot), snapshot, { grouping, filter });
    if (typeof values.docx === 'string') {
      if (values.csv) throw new UsageError('Give --csv or --docx, not both.');
      const { codeMatrixDocx } = await import('#shared/export/compare-docx');
      const title = `${snapshot.project.name}: ${MEASURE_LABELS[measure].toLowerCase()} by ${matrix.groupingLabel}`;
      await io.writeFile(values.docx, await codeMatrixDocx(matrix, measure, { title, subtitle: 'Exported from Tessera.' }), { overwrite: values.force === true });
      io.out(`Wrote ${values.docx}: ${matrix.rows.length} codes x ${matrix.columns.length} columns.\n`);
      return EXIT.ok;
    }
    if (values.csv) {
      io.out(codeMatrixCsv(matrix, measure));
      return EXIT.ok;
    }
    const header = ['Code', ...matrix.columns.map((c) => c.label)];
    const sizes = ['N documents / words', ...matrix.columns.map((c) => `${c.documents} / ${c.words}`)];
    const body = matrix.rows.map((row) => [`${'  '.repeat(row.depth)}${row.code.name}`, ...matrix.columns.map((_, i) => formatCellValue(cellValue(matrix, row, i, measure), measure))]);
    const table = [header, sizes, ...body];
    const widths = header.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
    const lines = table.map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd());
    io.out(
      `${MEASURE_LABELS[measure]} by ${matrix.groupingLabel}\n\n${lines.join('\n')}\n\n` +
        `Filter: ${matrix.filterLabel || 'none'}\nMethod: ${matrix.method}\n`,
    );
    return EXIT.ok;
  },
};
