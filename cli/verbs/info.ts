/** `tessera info PROJECT.tessera`: what a project file holds, as a table or JSON. */
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, recordCounts } from '#shared/model/record-kinds';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { EXIT, type VerbDefinition } from '../verb.ts';

/** The info verb. */
export const infoVerb: VerbDefinition = {
  name: 'info',
  summary: 'Show what a .tessera project file holds: how many records of each kind (documents, codes, codings, memos, ...).',
  positionals: ['PROJECT.tessera'],
  options: {
    json: { type: 'boolean', description: 'Print JSON instead of a table.' },
  },
  async run({ positionals, values }, io) {
    const bytes = await io.readFile(positionals[0] as string);
    const { snapshot, manifest, warnings } = await decodeProjectFile(bytes);
    // One count per kind of record, as the model declares them (shared/model/record-kinds.ts).
    const counts = recordCounts(snapshot);
    if (values.json) {
      const report = {
        project: { id: snapshot.project.id, name: snapshot.project.name },
        formatVersion: manifest.formatVersion,
        appVersion: manifest.appVersion,
        savedAt: manifest.savedAt,
        counts,
        sites: snapshot.sites.map((site) => site.code),
        phases: snapshot.phases.map((phase) => phase.name),
        warnings,
      };
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows: [string, string][] = [
      ['Project', snapshot.project.name],
      ['Saved', `${manifest.savedAt} by Tessera ${manifest.appVersion} (format ${manifest.formatVersion})`],
      ['Sites', snapshot.sites.map((site) => site.code).join(', ') || '-'],
      ['Phases', snapshot.phases.map((phase) => phase.name).join(', ') || '-'],
      ...RECORD_KINDS.filter((kind) => kind !== 'sites' && kind !== 'phases').map((kind): [string, string] => {
        const plural = RECORD_KIND_DEFINITIONS[kind].plural;
        return [plural.charAt(0).toUpperCase() + plural.slice(1), String(counts[kind])];
      }),
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 2;
    const table = rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n');
    io.out(`${table}\n${warnings.map((warning) => `Warning: ${warning}\n`).join('')}`);
    return EXIT.ok;
  },
};
