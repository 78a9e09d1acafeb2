/** `tessera info PROJECT.tessera`: what a project file holds, as a table or JSON. */
import { decodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, type VerbDefinition } from '../verb.ts';

/** The info verb. */
export const infoVerb: VerbDefinition = {
  name: 'info',
  summary: 'Show what a .tessera project file holds: documents, codes, codings, memos, coders.',
  positionals: ['PROJECT.tessera'],
  options: {
    json: { type: 'boolean', description: 'Print JSON instead of a table.' },
  },
  async run({ positionals, values }, io) {
    const bytes = await io.readFile(positionals[0] as string);
    const { snapshot, manifest, warnings } = await decodeProjectFile(bytes);
    const counts = {
      documents: snapshot.documents.length,
      codes: snapshot.codes.length,
      codings: snapshot.codings.length,
      memos: snapshot.memos.length,
      coders: snapshot.coders.length,
    };
    if (values.json) {
      const report = {
        project: { id: snapshot.project.id, name: snapshot.project.name },
        formatVersion: manifest.formatVersion,
        appVersion: manifest.appVersion,
        savedAt: manifest.savedAt,
        counts,
        sites: snapshot.project.sites.map((site) => site.code),
        phases: snapshot.project.phases.map((phase) => phase.name),
        warnings,
      };
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows: [string, string][] = [
      ['Project', snapshot.project.name],
      ['Saved', `${manifest.savedAt} by Tessera ${manifest.appVersion} (format ${manifest.formatVersion})`],
      ['Sites', snapshot.project.sites.map((site) => site.code).join(', ') || '-'],
      ['Phases', snapshot.project.phases.map((phase) => phase.name).join(', ') || '-'],
      ['Documents', String(counts.documents)],
      ['Codes', String(counts.codes)],
      ['Codings', String(counts.codings)],
      ['Memos', String(counts.memos)],
      ['Coders', String(counts.coders)],
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 2;
    const table = rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n');
    io.out(`${table}\n${warnings.map((warning) => `Warning: ${warning}\n`).join('')}`);
    return EXIT.ok;
  },
};
