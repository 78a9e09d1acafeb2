/**
 * `tessera refi import FILE.qdpx -o PROJECT.tessera` and `tessera refi export PROJECT.tessera -o FILE.qdpx|FILE.qdc`:
 * REFI-QDA projects from and for NVivo, MAXQDA, ATLAS.ti and QualCoder, with the app's reader and writer
 * (shared/refi/read-project.ts, write-project.ts), each printing its report. A hostile or broken file is refused with
 * one line and exit 1, and nothing is written.
 */
import { randomUuid, systemClock } from '#shared/model/ids';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { formatImportReport, readRefiProject, RefiProjectError } from '#shared/refi/read-project';
import { writeQdc } from '#shared/refi/write-codebook';
import { formatExportReport, writeQdpx } from '#shared/refi/write-project';
import { CodeRefused } from '#shared/codebook/create-code';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The refi verb. */
export const refiVerb: VerbDefinition = {
  name: 'refi',
  summary: 'Import a REFI-QDA project (.qdpx, .qde) as a Tessera project, or export a project to .qdpx or .qdc.',
  positionals: ['import|export', 'FILE'],
  options: {
    output: { type: 'string', short: 'o', placeholder: 'OUT', required: true, description: 'import: the PROJECT.tessera to write; export: FILE.qdpx or FILE.qdc.' },
    force: { type: 'boolean', description: 'Replace the output file if it exists.' },
  },
  async run({ positionals, values }, io) {
    const [action, input] = positionals as [string, string];
    const output = values.output as string;
    const overwrite = values.force === true;
    if (action === 'import') {
      if (!/\.tessera$/i.test(output)) throw new UsageError('tessera refi import writes a Tessera project: -o PROJECT.tessera.');
      const bytes = await io.readFile(input);
      let result;
      try {
        result = readRefiProject(bytes, { fileName: fileName(input), newId: randomUuid, now: systemClock });
      } catch (error) {
        if (error instanceof RefiProjectError) {
          io.err(`Cannot import ${fileName(input)}: ${error.message.replace(/\s+/g, ' ')} Nothing was written.\n`);
          return EXIT.failure;
        }
        throw error;
      }
      await io.writeFile(output, await encodeProjectFile(result.snapshot, { appVersion: APP_VERSION, savedAt: systemClock() }), { overwrite });
      io.out(formatImportReport(result.report));
      io.out(`Wrote ${output}.\n`);
      return EXIT.ok;
    }
    if (action === 'export') {
      const qdc = /\.qdc$/i.test(output);
      if (!qdc && !/\.qdpx$/i.test(output)) throw new UsageError('tessera refi export writes FILE.qdpx (the project) or FILE.qdc (its codebook).');
      const { snapshot } = await decodeProjectFile(await io.readFile(input));
      const origin = `Tessera ${APP_VERSION}`;
      if (qdc) {
        let text: string;
        try {
          text = writeQdc(snapshot, { origin, includeHidden: false });
        } catch (error) {
          if (error instanceof CodeRefused) {
            io.err(`${error.message}\n`);
            return EXIT.failure;
          }
          throw error;
        }
        await io.writeFile(output, new TextEncoder().encode(text), { overwrite });
        io.out(`Wrote ${output} (the codebook only: REFI-QDA codebook 1.0; hidden codes left out).\n`);
        return EXIT.ok;
      }
      const result = writeQdpx(snapshot, { origin, newId: randomUuid });
      await io.writeFile(output, result.bytes, { overwrite });
      io.out(formatExportReport(result, output));
      return EXIT.ok;
    }
    throw new UsageError(`tessera refi takes import or export, not "${action}".`);
  },
};
