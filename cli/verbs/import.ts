/**
 * `tessera import PROJECT.tessera FILES... [--site BU] [--phase pre]`: adds transcripts and field notes to a project
 * file, through the same import code as the app (`importTranscriptFile`, `buildImportChange`), so a file becomes the
 * same document here as there.
 *
 * Each file's site, phase, kind, language and date come from the options, else from its name (as the app's preview
 * reads them). A site code the project does not have is declared (named with --site-name, else by its code). A file
 * that cannot be imported is named on stderr with the reason and the others are still added; the exit code is then 1.
 * The project file is rewritten whole (temporary file, then rename) only when at least one document was added.
 */
import { importTranscriptFile } from '#shared/import/import-file';
import { ImportError } from '#shared/import/import-error';
import { buildImportChange, type BatchItem, type NewSite } from '#shared/import/import-batch';
import { commitChange, oneOffStamp } from '#shared/model/stamps';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { DocumentKind } from '#shared/model/types';
import { APP_VERSION } from '#shared/platform/app-version';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { isIsoDate } from '#shared/study/document-attributes';
import { attributesFromFileName } from '#shared/study/file-name-attributes';
import { normaliseSiteCode, StudyEditRefused } from '#shared/study/study-design';
import { CliFileError } from '../cli-io.ts';
import { EXIT, UsageError, type VerbDefinition } from '../verb.ts';

const KINDS: readonly DocumentKind[] = ['transcript', 'field-notes'];

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The import verb. */
export const importVerb: VerbDefinition = {
  name: 'import',
  summary: 'Add transcripts and field notes (.docx, .txt) to a .tessera project file, with site and phase.',
  positionals: ['PROJECT.tessera', 'FILES...'],
  variadic: true,
  options: {
    site: { type: 'string', placeholder: 'CODE', description: 'Site code of every file (default: read from each file name).' },
    'site-name': { type: 'string', placeholder: 'NAME', description: 'Full name of the site, when --site declares a new one.' },
    phase: { type: 'string', placeholder: 'NAME', description: 'Phase of every file, one of the project\'s (default: from each file name).' },
    kind: { type: 'string', placeholder: 'K', description: 'transcript or field-notes (default: from each file name, else transcript).' },
    language: { type: 'string', placeholder: 'L', description: 'Language the focus group was held in (default: from each file name).' },
    date: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'Date of the focus group (default: from each file name).' },
  },
  async run({ positionals, values }, io) {
    const [projectPath, ...files] = positionals as [string, ...string[]];
    const option = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const kindOption = option('kind');
    if (kindOption !== undefined && !KINDS.includes(kindOption as DocumentKind)) {
      throw new UsageError(`--kind is transcript or field-notes, not "${kindOption}".`);
    }
    const dateOption = option('date');
    if (dateOption !== undefined && !isIsoDate(dateOption)) throw new UsageError(`--date needs a date as yyyy-mm-dd, not "${dateOption}".`);

    const { snapshot } = await decodeProjectFile(await io.readFile(projectPath));
    const { sites, phases } = snapshot;
    const phaseOption = option('phase');
    const chosenPhase = phaseOption === undefined ? undefined : phases.find((phase) => phase.name.toLowerCase() === phaseOption.trim().toLowerCase());
    if (phaseOption !== undefined && !chosenPhase) {
      throw new UsageError(`The project has no phase "${phaseOption}"; its phases are ${phases.map((phase) => phase.name).join(', ') || '(none)'}.`);
    }
    const siteOption = option('site');
    const newSites: NewSite[] = [];
    const declare = (code: string, name: string): void => {
      const normal = normaliseSiteCode(code);
      if (!sites.some((site) => site.code.toUpperCase() === normal) && !newSites.some((site) => site.code === normal)) {
        newSites.push({ code: normal, name });
      }
    };
    if (siteOption !== undefined) declare(siteOption, option('site-name') ?? '');

    const items: BatchItem[] = [];
    const failures: string[] = [];
    for (const path of files) {
      const fileName = path.split(/[\\/]/).pop() ?? path;
      try {
        const imported = await importTranscriptFile(fileName, await io.readFile(path));
        const fromName = attributesFromFileName(fileName, sites, phases);
        let siteCode: string | null = siteOption ?? null;
        if (siteCode === null) {
          siteCode = sites.find((site) => site.id === fromName.siteId)?.code ?? fromName.newSiteCode;
          if (fromName.siteId === null && fromName.newSiteCode) declare(fromName.newSiteCode, '');
        }
        items.push({
          fileName,
          imported,
          name: fromName.name,
          kind: (kindOption as DocumentKind | undefined) ?? fromName.kind ?? 'transcript',
          siteCode,
          phaseId: chosenPhase?.id ?? fromName.phaseId,
          language: option('language') ?? fromName.language ?? '',
          date: dateOption ?? fromName.date ?? '',
          link: 'auto',
        });
      } catch (error) {
        if (error instanceof ImportError || error instanceof CliFileError) failures.push(error.message);
        else throw error;
      }
    }

    for (const failure of failures) io.err(`${failure}\n`);
    if (items.length === 0) {
      io.err(`Nothing was added to ${projectPath}: ${files.length === 1 ? 'the file' : `none of the ${files.length} files`} could${files.length === 1 ? ' not' : ''} be imported.\n`);
      return EXIT.failure;
    }
    let batch;
    try {
      batch = buildImportChange(snapshot, items, newSites, randomUuid, systemClock);
    } catch (error) {
      if (error instanceof StudyEditRefused) throw new UsageError(error.message);
      throw error;
    }
    const { snapshot: next } = commitChange(snapshot, batch.change, oneOffStamp(snapshot, null, systemClock()));
    const bytes = await encodeProjectFile(next, { appVersion: APP_VERSION, savedAt: systemClock() });
    await io.writeFile(projectPath, bytes, { overwrite: true });

    const siteCodes = new Map(next.sites.map((site) => [site.id, site.code]));
    const phaseNames = new Map(next.phases.map((phase) => [phase.id, phase.name]));
    const lines = batch.documents.map((document) => {
      const where = [siteCodes.get(document.attributes.siteId ?? '') ?? 'no site', phaseNames.get(document.attributes.phaseId ?? '') ?? 'no phase'];
      const linked = document.linkedDocumentId ? `, notes on ${next.documents.find((d) => d.id === document.linkedDocumentId)?.name ?? '?'}` : '';
      return `  ${document.name}: ${where.join(', ')}, ${document.kind}, ${count(document.paragraphs.length, 'paragraph')}, ${count(document.speakers.length, 'speaker')}${linked}\n`;
    });
    const declared = batch.sites.length ? ` New ${batch.sites.length === 1 ? 'site' : 'sites'}: ${batch.sites.map((site) => site.code).join(', ')}.` : '';
    io.out(`Added ${batch.documents.length} ${batch.documents.length === 1 ? 'document' : 'documents'} to ${projectPath}.${declared}\n${lines.join('')}`);
    if (failures.length) io.out(`${failures.length} of ${files.length} files could not be imported (see above); nothing of them was stored.\n`);
    return failures.length ? EXIT.failure : EXIT.ok;
  },
};
