/**
 * `tessera codebook`: writes a codebook as JSON, a REFI-QDA .qdc or a Word document: a built-in one
 * (`--cfir 2.0|2009`, `--framework ibrahim-2019|mirbahaeddin-2022`) or a project's (`tessera codebook
 * PROJECT.tessera`), with the same export code as the app.
 */
import { decodeProjectFile } from '#shared/project-file/project-file';
import { APP_VERSION } from '#shared/platform/app-version';
import type { CodebookId, ProjectSnapshot } from '#shared/model/types';
import { builtinCodebookSnapshot } from '#shared/codebooks/builtin-snapshot';
import { builtinCodebook } from '#shared/codebooks/builtin-codebooks';
import { codebookJson } from '#shared/codebook/codebook-json';
import { writeQdc } from '#shared/refi/write-codebook';
import { CodeRefused } from '#shared/codebook/create-code';
import { codebookDocx } from '#shared/export/codebook-docx';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

const FORMATS = ['json', 'qdc', 'docx'] as const;
type Format = (typeof FORMATS)[number];

const CFIR_VERSIONS: Readonly<Record<string, CodebookId>> = { '2.0': 'cfir-2.0', '2009': 'cfir-2009' };
const FRAMEWORKS: readonly CodebookId[] = ['ibrahim-2019', 'mirbahaeddin-2022'];

function chooseSource(positionals: readonly string[], cfir: unknown, framework: unknown): { project: string } | { builtin: CodebookId } {
  const chosen = [positionals.length > 0, cfir !== undefined, framework !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('Give one of: a PROJECT.tessera file, --cfir 2.0|2009, or --framework ibrahim-2019|mirbahaeddin-2022.');
  if (positionals[0] !== undefined) return { project: positionals[0] };
  if (cfir !== undefined) {
    const id = CFIR_VERSIONS[String(cfir)];
    if (!id) throw new UsageError(`--cfir is 2.0 or 2009, not "${String(cfir)}".`);
    return { builtin: id };
  }
  const id = FRAMEWORKS.find((f) => f === framework);
  if (!id) throw new UsageError(`--framework is ${FRAMEWORKS.join(' or ')}, not "${String(framework)}".`);
  return { builtin: id };
}

/** The codebook verb. */
export const codebookVerb: VerbDefinition = {
  name: 'codebook',
  summary: 'Write a codebook (built-in CFIR 2.0/2009 or a framework, or a project’s) as JSON, REFI-QDA .qdc or Word.',
  positionals: [],
  optionalPositionals: ['PROJECT.tessera'],
  options: {
    cfir: { type: 'string', placeholder: 'VERSION', description: 'Write the built-in CFIR codebook: 2.0 or 2009.' },
    framework: { type: 'string', placeholder: 'ID', description: `Write a built-in framework: ${FRAMEWORKS.join(' or ')}.` },
    format: { type: 'string', placeholder: 'FORMAT', required: true, description: 'json, qdc (REFI-QDA codebook) or docx (Word).' },
    output: { type: 'string', short: 'o', placeholder: 'FILE', required: true, description: 'The file to write.' },
    'include-hidden': { type: 'boolean', description: 'Also write the codes hidden in the project.' },
    force: { type: 'boolean', description: 'Replace the output file if it exists.' },
  },
  async run({ positionals, values }, io) {
    const format = FORMATS.find((f) => f === values.format) as Format | undefined;
    if (!format) throw new UsageError(`--format is one of ${FORMATS.join(', ')}, not "${String(values.format)}".`);
    const source = chooseSource(positionals, values.cfir, values.framework);
    const includeHidden = values['include-hidden'] === true;
    let snapshot: ProjectSnapshot;
    let title: string;
    let subtitle: string;
    if ('project' in source) {
      snapshot = (await decodeProjectFile(await io.readFile(source.project))).snapshot;
      title = `Codebook: ${snapshot.project.name}`;
      subtitle = `Exported from Tessera ${APP_VERSION} on ${new Date().toISOString().slice(0, 10)}.`;
    } else {
      snapshot = builtinCodebookSnapshot(source.builtin);
      const book = builtinCodebook(source.builtin);
      title = `${book.title} codebook`;
      subtitle = `${book.summary} Written by Tessera ${APP_VERSION}.`;
    }
    let bytes: Uint8Array;
    if (format === 'json') {
      bytes = new TextEncoder().encode(`${JSON.stringify(codebookJson(snapshot, includeHidden), null, 2)}\n`);
    } else if (format === 'qdc') {
      try {
        bytes = new TextEncoder().encode(writeQdc(snapshot, { origin: `Tessera ${APP_VERSION}`, includeHidden }));
      } catch (error) {
        if (!(error instanceof CodeRefused)) throw error;
        io.err(`${error.message}\n`);
        return EXIT.failure;
      }
    } else {
      bytes = await codebookDocx(snapshot, { title, subtitle, includeHidden, includeCounts: 'project' in source });
    }
    const output = String(values.output);
    await io.writeFile(output, bytes, { overwrite: values.force === true });
    const codes = snapshot.codes.filter((c) => includeHidden || !c.isHidden).length;
    io.out(`Wrote ${output}: ${codes} codes as ${format}.\n`);
    return EXIT.ok;
  },
};
