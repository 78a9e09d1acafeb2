/**
 * `tessera add-original PROJECT.tessera ORIGINAL_FILE --document NAME --language LANGUAGE -o OUT.tessera`: gives a
 * translated document its original-language transcript, read by the app's importer and aligned by the app's aligner
 * (`originalFromImport`), committed as the app commits it. Prints the pairs found, as `tessera align` does; with
 * --json, `tessera align`'s JSON.
 */
import { countPairs } from '#shared/align/describe-alignment';
import { originalFromImport, setOriginalChange } from '#shared/align/document-original';
import { importTranscriptFile } from '#shared/import/import-file';
import { randomUuid, systemClock } from '#shared/model/ids';
import { commitChange, oneOffStamp } from '#shared/model/stamps';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';
import { pairsJson } from './align.ts';

/** The add-original verb. */
export const addOriginalVerb: VerbDefinition = {
  name: 'add-original',
  summary: 'Give a translated document its original-language transcript, aligned paragraph by paragraph.',
  positionals: ['PROJECT.tessera', 'ORIGINAL_FILE'],
  options: {
    document: { type: 'string', placeholder: 'NAME', required: true, description: 'The translated document, by name.' },
    language: { type: 'string', placeholder: 'LANGUAGE', required: true, description: 'The language of the original, e.g. Luganda.' },
    output: { type: 'string', short: 'o', placeholder: 'OUT.tessera', required: true, description: 'The project file to write.' },
    force: { type: 'boolean', description: 'Replace the output file if it exists.' },
    json: { type: 'boolean', description: 'Print the pairs as tessera align --json does.' },
  },
  async run({ positionals, values }, io) {
    const [projectPath, originalPath] = positionals as [string, string];
    const { snapshot } = await decodeProjectFile(await io.readFile(projectPath));
    const name = String(values.document).trim();
    const document = snapshot.documents.find((d) => d.name === name) ?? snapshot.documents.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!document) {
      const names = snapshot.documents.map((d) => d.name);
      throw new UsageError(`The project has no document "${name}"; its documents are ${names.slice(0, 20).join(', ') || '(none)'}${names.length > 20 ? ', …' : ''}.`);
    }
    const fileName = originalPath.split(/[\\/]/).pop() ?? originalPath;
    const imported = await importTranscriptFile(fileName, await io.readFile(originalPath));
    const original = originalFromImport(document, imported, {
      language: String(values.language),
      sourceFileName: fileName,
      newId: randomUuid,
      now: systemClock,
    });
    const { snapshot: next } = commitChange(snapshot, setOriginalChange(snapshot, original), oneOffStamp(snapshot, null, systemClock()));
    const output = String(values.output);
    await io.writeFile(output, await encodeProjectFile(next, { appVersion: APP_VERSION, savedAt: systemClock() }), { overwrite: values.force === true });
    if (values.json) {
      io.out(`${pairsJson(original.alignment.pairs)}\n`);
      return EXIT.ok;
    }
    const kinds = countPairs(original.alignment.pairs);
    io.out(
      `Wrote ${output}: "${document.name}" has its ${original.language} original (${original.paragraphs.length} paragraphs, ` +
        `${original.direction === 'rtl' ? 'right to left' : 'left to right'}) in ${original.alignment.pairs.length} pairs: ` +
        `${kinds.both} with both, ${kinds.originalOnly} original only, ${kinds.translationOnly} translation only.\n`,
    );
    return EXIT.ok;
  },
};
