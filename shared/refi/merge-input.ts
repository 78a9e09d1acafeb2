/**
 * A REFI-QDA project read for merging into the open project: the same records, carried as a session of that project
 * (its project record and every record's `projectId`), which is what `planMerge` takes. Records are then matched as a
 * coder's session is: by id (a project exported from Tessera keeps its ids through REFI-QDA), documents by identical
 * text, codes by CFIR element or by name under matched parents; the merge review shows every match and decision.
 * Sites and phases named like the open project's are the open project's, so a site code stays unique.
 */
import { RECORD_KINDS } from '../model/record-kinds.ts';
import type { ProjectSnapshot, Uuid } from '../model/types.ts';

/** The imported snapshot as an incoming session of `base`, ready for `planMerge(base, [result])`. */
export function refiImportAsSession(base: ProjectSnapshot, imported: ProjectSnapshot): ProjectSnapshot {
  const siteIds = new Map<Uuid, Uuid>();
  for (const site of imported.sites) {
    const same = base.sites.find((s) => s.code.toLowerCase() === site.code.toLowerCase());
    if (same) siteIds.set(site.id, same.id);
  }
  const phaseIds = new Map<Uuid, Uuid>();
  for (const phase of imported.phases) {
    const same = base.phases.find((p) => p.name.toLowerCase() === phase.name.toLowerCase());
    if (same) phaseIds.set(phase.id, same.id);
  }
  const moved = Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, (imported[kind] as readonly { readonly projectId: Uuid }[]).map((record) => ({ ...record, projectId: base.project.id }))]),
  ) as unknown as Omit<ProjectSnapshot, 'project'>;
  return {
    ...moved,
    project: base.project,
    sites: moved.sites.filter((s) => !siteIds.has(s.id)),
    phases: moved.phases.filter((p) => !phaseIds.has(p.id)),
    documents: moved.documents.map((d) => ({
      ...d,
      attributes: {
        ...d.attributes,
        siteId: d.attributes.siteId === null ? null : (siteIds.get(d.attributes.siteId) ?? d.attributes.siteId),
        phaseId: d.attributes.phaseId === null ? null : (phaseIds.get(d.attributes.phaseId) ?? d.attributes.phaseId),
      },
    })),
  };
}
