/**
 * `tessera export-word PROJECT.tessera -o OUT.docx`: coded extracts as a Word document (or `--csv` as a spreadsheet,
 * `--site-pack -o DIR/` as one validation pack per site, `--transcript NAME` as one coded transcript), with the
 * choices of the app's export dialog and the same export code.
 */
import { decodeProjectFile } from '#shared/project-file/project-file';
import { APP_VERSION } from '#shared/platform/app-version';
import type { Code, DocumentKind, ProjectSnapshot, SpeakerRole, Uuid } from '#shared/model/types';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { phasesInOrder, sitesInOrder } from '#shared/study/study-design';
import { casesInOrder } from '#shared/ratings/cases';
import { codeNumbering } from '#shared/codebooks/code-info';
import { ancestorsOf } from '#shared/codebook/code-tree';
import { EXTRACT_GROUPINGS, selectExtracts, type ExtractChoices } from '#shared/export/extract-selection';
import { extractsDocx } from '#shared/export/extracts-docx';
import { extractsCsvBytes } from '#shared/export/extracts-csv';
import { sitePacks } from '#shared/export/site-pack-docx';
import { codedTranscriptDocx } from '#shared/export/coded-transcript-docx';
import { EXIT, UsageError, listOption, type VerbDefinition, type VerbInput } from '../verb.ts';

const KINDS: readonly DocumentKind[] = ['transcript', 'field-notes'];
const ROLES: readonly SpeakerRole[] = ['moderator', 'assistant', 'participant', 'unknown'];

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** A code by id, numbering ("III.D"), name, or path of names from the top ("Inner Setting/Culture"). */
export function findCode(codes: readonly Code[], wanted: string): Code {
  const byId = codes.find((c) => c.id === wanted);
  if (byId) return byId;
  const parts = wanted.split(/\s*(?:\/|›|>)\s*/).map(fold).filter(Boolean);
  const matches = codes.filter((code) => {
    if (parts.length === 1 && (fold(code.name) === parts[0] || fold(codeNumbering(code) ?? '') === parts[0])) return true;
    const path = [...ancestorsOf(codes, code.id)].reverse().concat(code).map((c) => fold(c.name));
    return parts.length > 1 && path.length >= parts.length && parts.every((part, i) => path[path.length - parts.length + i] === part);
  });
  if (matches.length === 1) return matches[0] as Code;
  if (matches.length === 0) throw new UsageError(`--codes: no code "${wanted}" in the project (give its id, numbering, name or path such as "Inner Setting/Culture").`);
  throw new UsageError(`--codes: "${wanted}" names ${matches.length} codes; give its path (e.g. "Inner Setting/${matches[0]?.name}") or id.`);
}

function pick<T>(option: string, given: readonly string[], items: readonly T[], keys: (item: T) => readonly string[], id: (item: T) => Uuid): Uuid[] {
  return given.map((wanted) => {
    const found = items.find((item) => keys(item).some((key) => fold(key) === fold(wanted)));
    if (!found) throw new UsageError(`--${option}: no "${wanted}" in the project (it has ${items.map((item) => keys(item)[0]).join(', ') || 'none'}).`);
    return id(found);
  });
}

/** The dialog's choices from the command line's options. */
export function choicesFromOptions(snapshot: ProjectSnapshot, values: VerbInput['values']): ExtractChoices {
  const group = typeof values.group === 'string' ? values.group.replace(/\s+/g, '') : 'code,phase,site';
  const grouping = EXTRACT_GROUPINGS.find((g) => g.flag === group);
  if (!grouping) throw new UsageError(`--group is one of ${EXTRACT_GROUPINGS.map((g) => g.flag).join(' | ')}, not "${String(values.group)}".`);
  const kinds = listOption(values, 'kind').map((kind) => {
    const found = KINDS.find((k) => k === kind);
    if (!found) throw new UsageError(`--kind is ${KINDS.join(' or ')}, not "${kind}".`);
    return found;
  });
  const roles = listOption(values, 'role').map((role) => {
    const found = ROLES.find((r) => r === role);
    if (!found) throw new UsageError(`--role is one of ${ROLES.join(', ')}, not "${role}".`);
    return found;
  });
  // Code paths may hold commas in names; --codes is split on repeats only.
  const codeArgs = Array.isArray(values.codes) ? (values.codes as readonly string[]) : typeof values.codes === 'string' ? [values.codes] : [];
  return {
    codeIds: codeArgs.map((wanted) => findCode(snapshot.codes, wanted).id),
    documentIds: pick('document', listOption(values, 'document'), snapshot.documents, (d) => [d.name], (d) => d.id),
    caseIds: pick('case', listOption(values, 'case'), casesInOrder(snapshot.cases), (c) => [c.name], (c) => c.id),
    filter: {
      ...NO_FILTER,
      siteIds: pick('site', listOption(values, 'site'), sitesInOrder(snapshot.sites), (s) => [s.code, s.name], (s) => s.id),
      phaseIds: pick('phase', listOption(values, 'phase'), phasesInOrder(snapshot.phases), (p) => [p.name], (p) => p.id),
      kinds,
      speakerRoles: roles,
      coderIds: pick('coder', listOption(values, 'coder'), snapshot.coders, (c) => [c.name, c.initials], (c) => c.id),
    },
    grouping: grouping.id,
    includeHidden: values['include-hidden'] === true,
  };
}

/** The export-word verb. */
export const exportWordVerb: VerbDefinition = {
  name: 'export-word',
  summary: 'Export coded extracts to Word (or CSV, site validation packs, one coded transcript), with their citations.',
  positionals: ['PROJECT.tessera'],
  options: {
    output: { type: 'string', short: 'o', placeholder: 'FILE', required: true, description: 'The .docx (or .csv) to write; with --site-pack, the folder.' },
    codes: { type: 'string', multiple: true, placeholder: 'ID|PATH', description: 'Export this code and everything beneath it (id, numbering, name or path); repeatable. Default: all.' },
    site: { type: 'string', multiple: true, placeholder: 'CODE', description: 'Only documents of this site; repeatable.' },
    phase: { type: 'string', multiple: true, placeholder: 'NAME', description: 'Only documents of this phase; repeatable.' },
    kind: { type: 'string', multiple: true, placeholder: 'KIND', description: 'Only documents of this kind (transcript, field-notes); repeatable.' },
    document: { type: 'string', multiple: true, placeholder: 'NAME', description: 'Only this document; repeatable.' },
    case: { type: 'string', multiple: true, placeholder: 'NAME', description: 'Only the documents of this case (a site, a site in one phase, or a set of documents); repeatable.' },
    coder: { type: 'string', multiple: true, placeholder: 'NAME', description: 'Only codings by this coder (name or initials); repeatable.' },
    role: { type: 'string', multiple: true, placeholder: 'ROLE', description: 'Only passages spoken by this role (moderator, assistant, participant, unknown); repeatable.' },
    group: { type: 'string', placeholder: 'ORDER', description: 'code,phase,site (default) | site,code | phase,code.' },
    context: { type: 'boolean', description: 'Print each extract within its whole paragraph, the coded words marked.' },
    memos: { type: 'boolean', description: 'Print the memos written on each coding.' },
    definitions: { type: 'boolean', description: 'Head each code’s section with its definition (CFIR’s and the project’s) and memos.' },
    ratings: { type: 'boolean', description: 'Head each rated construct’s section with its rating in each case, with the rating legend on the title page.' },
    'include-hidden': { type: 'boolean', description: 'Also export codes hidden in the coding tree.' },
    csv: { type: 'boolean', description: 'Write a CSV (one row per extract, UTF-8 with BOM) instead of Word.' },
    'site-pack': { type: 'boolean', description: 'Write one validation pack per site into the folder given with -o.' },
    transcript: { type: 'string', placeholder: 'NAME', description: 'Write this one document with its codings as Word comments.' },
    force: { type: 'boolean', description: 'Replace output files that exist.' },
  },
  async run({ positionals, values }, io) {
    const modes = [values.csv === true, values['site-pack'] === true, values.transcript !== undefined].filter(Boolean).length;
    if (modes > 1) throw new UsageError('Give at most one of --csv, --site-pack and --transcript.');
    const snapshot = (await decodeProjectFile(await io.readFile(positionals[0] as string))).snapshot;
    const choices = choicesFromOptions(snapshot, values);
    const output = String(values.output);
    const overwrite = values.force === true;
    const subtitle = `Exported from Tessera ${APP_VERSION} on ${new Date().toISOString().slice(0, 10)}.`;
    const index = buildProjectIndex(snapshot);

    if (values.transcript !== undefined) {
      const [documentId] = pick('transcript', [String(values.transcript)], snapshot.documents, (d) => [d.name], (d) => d.id);
      const bytes = await codedTranscriptDocx(snapshot, documentId as Uuid, { subtitle, coderIds: choices.filter.coderIds, includeHidden: choices.includeHidden });
      await io.writeFile(output, bytes, { overwrite });
      io.out(`Wrote ${output}: ${String(values.transcript)} with its codings as comments.\n`);
      return EXIT.ok;
    }
    if (values['site-pack'] === true) {
      const packs = await sitePacks(snapshot, choices, { subtitle, index });
      if (packs.length === 0) {
        io.err('No site has extracts under these choices; nothing written.\n');
        return EXIT.failure;
      }
      await io.makeDirectory(output);
      for (const pack of packs) {
        const path = `${output.replace(/[\\/]+$/, '')}/${pack.fileName}`;
        await io.writeFile(path, pack.bytes, { overwrite });
        io.out(`Wrote ${path}: ${pack.extracts} extracts.\n`);
      }
      return EXIT.ok;
    }
    const selection = selectExtracts(snapshot, choices, index);
    const bytes = values.csv === true
      ? extractsCsvBytes(selection)
      : await extractsDocx(snapshot, selection, {
          title: `Coded extracts: ${snapshot.project.name}`,
          subtitle,
          context: values.context === true,
          memos: values.memos === true,
          definitions: values.definitions === true,
          ratings: values.ratings === true,
        });
    await io.writeFile(output, bytes, { overwrite });
    io.out(
      `Wrote ${output}: ${selection.extracts.length} extracts from ${selection.documents} documents under ${selection.codesWithExtracts} codes` +
        `${selection.emptyCodes ? ` (${selection.emptyCodes} codes without extracts left out)` : ''}.\n`,
    );
    return EXIT.ok;
  },
};
