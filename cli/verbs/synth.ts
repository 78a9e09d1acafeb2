/** `tessera synth -o STUDY.tessera`: writes a synthetic study, the same for the same options and seed. */
import { APP_VERSION } from '#shared/platform/app-version';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { DEFAULT_SYNTH_OPTIONS, synthesizeStudy, type SynthOptions } from '#shared/synth/synthesize-study';
import { EXIT, UsageError, integerOption, type VerbDefinition } from '../verb.ts';

/** The synth verb. */
export const synthVerb: VerbDefinition = {
  name: 'synth',
  summary: 'Write a synthetic multi-site study as a .tessera file (for demonstrations, tests and benchmarks).',
  positionals: [],
  options: {
    output: { type: 'string', short: 'o', placeholder: 'FILE', required: true, description: 'The .tessera file to write.' },
    docs: { type: 'string', placeholder: 'N', description: `Documents (default ${DEFAULT_SYNTH_OPTIONS.documents}).` },
    words: { type: 'string', placeholder: 'N', description: `Words per document (default ${DEFAULT_SYNTH_OPTIONS.wordsPerDocument}).` },
    codes: { type: 'string', placeholder: 'N', description: `Codes, categories included (default ${DEFAULT_SYNTH_OPTIONS.codes}).` },
    codings: { type: 'string', placeholder: 'N', description: `Codings (default ${DEFAULT_SYNTH_OPTIONS.codings}).` },
    coders: { type: 'string', placeholder: 'N', description: `Coders (default ${DEFAULT_SYNTH_OPTIONS.coders}).` },
    seed: { type: 'string', placeholder: 'N', description: `Random seed (default ${DEFAULT_SYNTH_OPTIONS.seed}).` },
    force: { type: 'boolean', description: 'Replace the output file if it exists.' },
  },
  async run({ values }, io) {
    const output = String(values.output);
    const options: SynthOptions = {
      documents: integerOption(values, 'docs', DEFAULT_SYNTH_OPTIONS.documents),
      wordsPerDocument: integerOption(values, 'words', DEFAULT_SYNTH_OPTIONS.wordsPerDocument),
      codes: integerOption(values, 'codes', DEFAULT_SYNTH_OPTIONS.codes),
      codings: integerOption(values, 'codings', DEFAULT_SYNTH_OPTIONS.codings),
      coders: integerOption(values, 'coders', DEFAULT_SYNTH_OPTIONS.coders),
      seed: integerOption(values, 'seed', DEFAULT_SYNTH_OPTIONS.seed, true),
    };
    let snapshot;
    try {
      snapshot = synthesizeStudy(options);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    // Saved "when" the synthetic project was last changed, so the same options give the same file.
    const bytes = await encodeProjectFile(snapshot, { appVersion: APP_VERSION, savedAt: snapshot.project.modifiedAt });
    await io.writeFile(output, bytes, { overwrite: values.force === true });
    io.out(
      `Wrote ${output}: ${snapshot.documents.length} documents, ${snapshot.codes.length} codes, ` +
        `${snapshot.codings.length} codings, ${snapshot.memos.length} memos, ${snapshot.coders.length} coders ` +
        `(seed ${options.seed}).\n`,
    );
    return EXIT.ok;
  },
};
