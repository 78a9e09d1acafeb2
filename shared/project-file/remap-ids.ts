/**
 * Gives a whole project new ids, consistently: used when a file holds a project that already exists here and the
 * user keeps both, so the copy shares no id with the original (ids are keys in the store and GUIDs in REFI-QDA).
 */
import type { IdGenerator } from '../model/ids.ts';
import type { Code, Coder, Coding, Memo, MemoTarget, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';

/**
 * The same project with every id renewed: project, sites, phases, coders, documents, speakers, codes, codings and
 * memos, and every reference to them. Everything else (names, text, offsets, times) is unchanged. The snapshot must
 * be consistent (see `checkSnapshotIntegrity`): a reference to an id the project does not have throws.
 */
export function remapProjectIds(snapshot: ProjectSnapshot, newId: IdGenerator): ProjectSnapshot {
  // One table per kind of record, so that ids are renewed even where two kinds happen to share one.
  const renewAll = (records: readonly { readonly id: Uuid }[]): Map<Uuid, Uuid> =>
    new Map(records.map((record) => [record.id, newId()]));
  const lookUp = (table: Map<Uuid, Uuid>, kind: string) => (id: Uuid): Uuid => {
    const fresh = table.get(id);
    if (fresh === undefined) throw new Error(`remapProjectIds: the project refers to an unknown ${kind} ${id}.`);
    return fresh;
  };
  const orNull = (map: (id: Uuid) => Uuid) => (id: Uuid | null): Uuid | null => (id === null ? null : map(id));

  const project = snapshot.project;
  const projectId = newId();
  const site = lookUp(renewAll(project.sites), 'site');
  const phase = lookUp(renewAll(project.phases), 'phase');
  const coder = lookUp(renewAll(snapshot.coders), 'coder');
  const document = lookUp(renewAll(snapshot.documents), 'document');
  const code = lookUp(renewAll(snapshot.codes), 'code');
  const coding = lookUp(renewAll(snapshot.codings), 'coding');
  const memo = lookUp(renewAll(snapshot.memos), 'memo');

  const coders = snapshot.coders.map((record): Coder => ({ ...record, id: coder(record.id), projectId }));
  const documents = snapshot.documents.map((doc): TesseraDocument => {
    // Speaker ids are only referred to within their own document.
    const speaker = lookUp(renewAll(doc.speakers), `speaker of "${doc.name}"`);
    return {
      ...doc,
      id: document(doc.id),
      projectId,
      attributes: {
        ...doc.attributes,
        siteId: orNull(site)(doc.attributes.siteId),
        phaseId: orNull(phase)(doc.attributes.phaseId),
      },
      speakers: doc.speakers.map((record) => ({ ...record, id: speaker(record.id) })),
      paragraphs: doc.paragraphs.map((paragraph) => ({ ...paragraph, speakerId: orNull(speaker)(paragraph.speakerId) })),
      linkedDocumentId: orNull(document)(doc.linkedDocumentId),
    };
  });
  const codes = snapshot.codes.map(
    (record): Code => ({
      ...record,
      id: code(record.id),
      projectId,
      parentId: orNull(code)(record.parentId),
      createdBy: orNull(coder)(record.createdBy),
    }),
  );
  const codings = snapshot.codings.map(
    (record): Coding => ({
      ...record,
      id: coding(record.id),
      projectId,
      documentId: document(record.documentId),
      codeId: code(record.codeId),
      coderId: orNull(coder)(record.coderId),
    }),
  );
  const memos = snapshot.memos.map(
    (record): Memo => ({
      ...record,
      id: memo(record.id),
      projectId,
      target: remapTarget(record.target, { document, code, coding }),
      authorId: orNull(coder)(record.authorId),
    }),
  );
  return {
    project: {
      ...project,
      id: projectId,
      sites: project.sites.map((record) => ({ ...record, id: site(record.id) })),
      phases: project.phases.map((record) => ({ ...record, id: phase(record.id) })),
    },
    coders,
    documents,
    codes,
    codings,
    memos,
  };
}

function remapTarget(
  target: MemoTarget,
  lookUp: Readonly<Record<'document' | 'code' | 'coding', (id: Uuid) => Uuid>>,
): MemoTarget {
  return target.kind === 'project' ? target : { kind: target.kind, id: lookUp[target.kind](target.id) };
}
