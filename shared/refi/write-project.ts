/**
 * Writing a Tessera project as a REFI-QDA project (.qdpx) that validates against the official Project.xsd, for
 * NVivo, MAXQDA, ATLAS.ti and QualCoder, with a report of what REFI-QDA cannot carry.
 *
 * The archive holds `project.qde` and `sources/<document id>.txt`: each transcript as UTF-8 without a BOM, LF line
 * ends, exactly Tessera's stored text, so positions are code points with an exclusive end, as the standard says.
 * What becomes what (the inverse of read-project.ts, so that a Tessera -> .qdpx -> Tessera round trip keeps the
 * project):
 * - coders -> Users (initials as `id`); codes -> CodeBook (criteria and CFIR links in the Description);
 * - documents -> TextSources, codings -> PlainTextSelections (one per passage) holding one Coding per coding;
 * - memos -> Notes with their text, referred to by a NoteRef where the memo is written: on the project, a source, a
 *   code or a coding;
 * - the study attributes -> Variables "Site" (its Description names every site, "BU = Butabika", in order), "Phase"
 *   (its Description lists the phases in order), "Language", "Date", and one per free attribute, with each source's
 *   VariableValues; cases -> Cases over their documents, outcomes as VariableValues; document groups -> Sets.
 */
import { zipSync } from 'fflate';
import type { IdGenerator } from '../model/ids.ts';
import type { Case, Code, Coding, Memo, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';
import { childrenByParent } from '../codebook/code-tree.ts';
import { composeDescription } from './code-description.ts';
import { attributes, escapeText } from './xml-writer.ts';

/** How to write a project. */
export interface QdpxOptions {
  /** Written as the project's `origin`, e.g. "Tessera 0.1.0". */
  readonly origin: string;
  /** Ids for what Tessera has no record of: selections and variables. */
  readonly newId: IdGenerator;
  /** Deflate level of the archive (0 stores; 1 is fast and near the size of 6 for text). */
  readonly level?: 0 | 1 | 6;
}

/** A written .qdpx and what it could not carry. */
export interface QdpxExport {
  readonly bytes: Uint8Array;
  /** The project.qde text (what xmllint validates). */
  readonly qde: string;
  /** What REFI-QDA cannot carry, in words; empty when everything went. */
  readonly notCarried: readonly string[];
  /** Things the receiving tool's user should know (positions, hidden codes). */
  readonly notes: readonly string[];
}

/** The names of the variables that carry Tessera's study attributes. */
export const STUDY_VARIABLES = { site: 'Site', phase: 'Phase', language: 'Language', date: 'Date', kind: 'Document kind' } as const;

/** How a document kind is written in the "Document kind" variable. */
export const DOCUMENT_KIND_VALUES = { transcript: 'transcript', 'field-notes': 'field notes' } as const;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const guid = (id: Uuid): string => id.toUpperCase();

interface VariableOut {
  readonly id: Uuid;
  readonly name: string;
  readonly type: 'Text' | 'Date';
  readonly description: string;
}

/** The .qdpx of a project. */
export function writeQdpx(snapshot: ProjectSnapshot, options: QdpxOptions): QdpxExport {
  const notCarried: string[] = [];
  const notes: string[] = [];
  const lines: string[] = [];
  const coderIds = new Set(snapshot.coders.map((c) => c.id));
  const user = (id: Uuid | null): string | undefined => (id !== null && coderIds.has(id) ? guid(id) : undefined);

  // Memos by what they are written on.
  const memosOn = new Map<string, Memo[]>();
  for (const memo of snapshot.memos) {
    const key = memo.target.kind === 'project' ? 'project' : memo.target.id;
    const list = memosOn.get(key) ?? [];
    list.push(memo);
    memosOn.set(key, list);
  }
  const noteRefs = (key: string, indent: string): void => {
    for (const memo of memosOn.get(key) ?? []) lines.push(`${indent}<NoteRef${attributes({ targetGUID: guid(memo.id) })}/>`);
  };

  const project = snapshot.project;
  lines.push('<?xml version="1.0" encoding="utf-8"?>');
  lines.push(
    `<Project xmlns="urn:QDA-XML:project:1.0"${attributes({
      name: project.name,
      origin: options.origin,
      creatingUserGUID: user(project.createdBy),
      creationDateTime: project.createdAt,
      modifyingUserGUID: user(project.modifiedBy),
      modifiedDateTime: project.modifiedAt,
    })}>`,
  );

  if (snapshot.coders.length) {
    lines.push('  <Users>');
    for (const coder of snapshot.coders) lines.push(`    <User${attributes({ guid: guid(coder.id), name: coder.name, id: coder.initials })}/>`);
    lines.push('  </Users>');
  }

  // Codes: every code, hidden ones too, since codings and ratings may use them.
  const children = childrenByParent(snapshot.codes);
  const writeCode = (code: Code, indent: string): void => {
    const head = `${indent}<Code${attributes({
      guid: guid(code.id),
      name: code.name,
      isCodable: code.isCodable ? 'true' : 'false',
      color: /^#[0-9a-f]{6}$/i.test(code.color) ? code.color.toUpperCase() : undefined,
    })}`;
    const description = composeDescription(code);
    const kids = children.get(code.id) ?? [];
    const memos = memosOn.get(code.id) ?? [];
    if (!description && !kids.length && !memos.length) {
      lines.push(`${head}/>`);
      return;
    }
    lines.push(`${head}>`);
    if (description) lines.push(`${indent}  <Description>${escapeText(description)}</Description>`);
    noteRefs(code.id, `${indent}  `);
    for (const kid of kids) writeCode(kid, `${indent}  `);
    lines.push(`${indent}</Code>`);
  };
  const roots = children.get(null) ?? [];
  if (roots.length) {
    lines.push('  <CodeBook>', '    <Codes>');
    for (const root of roots) writeCode(root, '      ');
    lines.push('    </Codes>', '  </CodeBook>');
  }
  const hidden = snapshot.codes.filter((c) => c.isHidden).length;
  if (hidden) notCarried.push(`${plural(hidden, 'code')} hidden in Tessera ${hidden === 1 ? 'is' : 'are'} written as ordinary codes: REFI-QDA has no hidden codes.`);

  // Variables: the study attributes, then free attributes and case outcomes.
  const variables = new Map<string, VariableOut>();
  const variable = (name: string, type: VariableOut['type'] = 'Text', description = ''): VariableOut => {
    const key = name.toLowerCase();
    let found = variables.get(key);
    if (!found) {
      found = { id: options.newId(), name, type, description };
      variables.set(key, found);
    }
    return found;
  };
  const sites = new Map(snapshot.sites.map((s) => [s.id, s]));
  const phases = new Map(snapshot.phases.map((p) => [p.id, p]));
  const usedSites = snapshot.documents.some((d) => d.attributes.siteId !== null);
  const usedPhases = snapshot.documents.some((d) => d.attributes.phaseId !== null);
  if (usedSites) {
    const listed = [...snapshot.sites].sort((a, b) => a.order - b.order).map((s) => `${s.code} = ${s.name}`);
    variable(STUDY_VARIABLES.site, 'Text', listed.join('\n'));
  }
  if (usedPhases) variable(STUDY_VARIABLES.phase, 'Text', [...snapshot.phases].sort((a, b) => a.order - b.order).map((p) => p.name).join('\n'));
  if (snapshot.documents.some((d) => d.attributes.language)) variable(STUDY_VARIABLES.language);
  if (snapshot.documents.some((d) => /^\d{4}-\d\d-\d\d$/.test(d.attributes.date))) variable(STUDY_VARIABLES.date, 'Date');
  if (snapshot.documents.some((d) => d.kind !== 'transcript')) variable(STUDY_VARIABLES.kind);
  const linked = snapshot.documents.filter((d) => d.linkedDocumentId !== null).length;
  if (linked) notCarried.push(`The link from ${plural(linked, 'field-notes document')} to ${linked === 1 ? 'its' : 'their'} transcript: REFI-QDA links no sources.`);
  const reserved = new Set(Object.values(STUDY_VARIABLES).map((n) => n.toLowerCase()));
  let clashing = 0;
  for (const document of snapshot.documents) {
    for (const key of Object.keys(document.attributes.extra)) {
      if (reserved.has(key.toLowerCase())) clashing += 1;
      else variable(key);
    }
  }
  for (const c of snapshot.cases) for (const key of Object.keys(c.outcomes)) variable(key);
  if (clashing) notCarried.push(`${plural(clashing, 'free attribute')} named like a study attribute (Site, Phase, Language, Date) could not be written beside it.`);
  if (variables.size) {
    lines.push('  <Variables>');
    for (const v of variables.values()) {
      const head = `    <Variable${attributes({ guid: guid(v.id), name: v.name, typeOfVariable: v.type })}`;
      lines.push(v.description ? `${head}>\n      <Description>${escapeText(v.description)}</Description>\n    </Variable>` : `${head}/>`);
    }
    lines.push('  </Variables>');
  }
  const variableValue = (name: string, value: string, indent: string): void => {
    const v = variables.get(name.toLowerCase());
    if (!v) return;
    const element = v.type === 'Date' ? 'DateValue' : 'TextValue';
    lines.push(`${indent}<VariableValue><VariableRef${attributes({ targetGUID: guid(v.id) })}/><${element}>${escapeText(value)}</${element}></VariableValue>`);
  };

  // Cases.
  const documentsOf = (c: Case): readonly Uuid[] => {
    const scope = c.scope;
    if (scope.kind === 'documents') return scope.documentIds;
    return snapshot.documents
      .filter((d) => d.attributes.siteId === scope.siteId && (scope.kind === 'site' || d.attributes.phaseId === scope.phaseId))
      .map((d) => d.id);
  };
  if (snapshot.cases.length) {
    lines.push('  <Cases>');
    for (const c of [...snapshot.cases].sort((a, b) => a.order - b.order)) {
      lines.push(`    <Case${attributes({ guid: guid(c.id), name: c.name })}>`);
      if (c.description) lines.push(`      <Description>${escapeText(c.description)}</Description>`);
      for (const [key, value] of Object.entries(c.outcomes)) variableValue(key, value, '      ');
      for (const id of documentsOf(c)) lines.push(`      <SourceRef${attributes({ targetGUID: guid(id) })}/>`);
      lines.push('    </Case>');
    }
    lines.push('  </Cases>');
    const bySite = snapshot.cases.filter((c) => c.scope.kind !== 'documents').length;
    if (bySite) notCarried.push(`${plural(bySite, 'case')} made of a site (or a site in one phase) ${bySite === 1 ? 'is' : 'are'} written as ${bySite === 1 ? 'its' : 'their'} documents: REFI-QDA cases list sources.`);
  }

  // Sources, with their codings grouped into one selection per passage.
  const codingsByDocument = new Map<Uuid, Coding[]>();
  for (const coding of snapshot.codings) {
    const list = codingsByDocument.get(coding.documentId) ?? [];
    list.push(coding);
    codingsByDocument.set(coding.documentId, list);
  }
  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  let astralDocuments = 0;
  if (snapshot.documents.length) {
    lines.push('  <Sources>');
    for (const document of snapshot.documents) {
      const fileName = `${guid(document.id)}.txt`;
      files[`sources/${fileName}`] = encoder.encode(document.text);
      if (/[\ud800-\udbff]/.test(document.text)) astralDocuments += 1;
      lines.push(
        `    <TextSource${attributes({
          guid: guid(document.id),
          name: document.name,
          plainTextPath: `internal://${fileName}`,
          creatingUser: user(document.createdBy),
          creationDateTime: document.createdAt,
          modifyingUser: user(document.modifiedBy),
          modifiedDateTime: document.modifiedAt,
        })}>`,
      );
      writeSelections(codingsByDocument.get(document.id) ?? [], lines, options.newId, user, memosOn);
      noteRefs(document.id, '      ');
      writeDocumentValues(document, sites, phases, variableValue);
      lines.push('    </TextSource>');
    }
    lines.push('  </Sources>');
  }

  if (snapshot.memos.length) {
    lines.push('  <Notes>');
    for (const memo of snapshot.memos) {
      lines.push(
        `    <Note${attributes({
          guid: guid(memo.id),
          name: memo.title || undefined,
          creatingUser: user(memo.createdBy),
          creationDateTime: memo.createdAt,
          modifyingUser: user(memo.modifiedBy),
          modifiedDateTime: memo.modifiedAt,
        })}>`,
        `      <PlainTextContent>${escapeText(memo.text)}</PlainTextContent>`,
        '    </Note>',
      );
    }
    lines.push('  </Notes>');
  }

  if (snapshot.documentGroups.length) {
    lines.push('  <Sets>');
    for (const group of snapshot.documentGroups) {
      lines.push(`    <Set${attributes({ guid: guid(group.id), name: group.name })}>`);
      if (group.description) lines.push(`      <Description>${escapeText(group.description)}</Description>`);
      for (const id of group.documentIds) lines.push(`      <MemberSource${attributes({ targetGUID: guid(id) })}/>`);
      lines.push('    </Set>');
    }
    lines.push('  </Sets>');
  }
  if (project.description) lines.push(`  <Description>${escapeText(project.description)}</Description>`);
  noteRefs('project', '  ');
  lines.push('</Project>', '');

  if (snapshot.ratings.length) {
    notCarried.push(`${plural(snapshot.ratings.length, 'CFIR rating')} of constructs per case: REFI-QDA has no ratings.`);
  }
  const withSpeakers = snapshot.documents.filter((d) => d.speakers.length).length;
  if (withSpeakers) {
    notCarried.push(
      `The speaker structure of ${plural(withSpeakers, 'document')} (speakers, their roles and attributes): REFI-QDA has no speakers. The text keeps each speaker's label; a Tessera import recognises speakers again from it, but roles and attributes set by hand are lost.`,
    );
  }
  if (snapshot.originals.length) {
    notCarried.push(
      `${plural(snapshot.originals.length, 'original-language transcript')} and their alignment with the translations: not written to the .qdpx yet; they stay in the .tessera file.`,
    );
  }
  if (snapshot.tombstones.length) notCarried.push(`${plural(snapshot.tombstones.length, 'deletion')} (what was deleted, for merging): REFI-QDA has no deletions.`);
  if (project.codebooks.length) notCarried.push(`The list of built-in codebooks the project uses (${project.codebooks.join(', ')}); each code's CFIR link travels in its description.`);
  if (notCarried.length) notCarried.push("All of it stays in Tessera's own .tessera file.");
  if (astralDocuments) {
    notes.push(
      `${plural(astralDocuments, 'document')} ${astralDocuments === 1 ? 'holds' : 'hold'} characters outside the Basic Multilingual Plane (emoji, some scripts). Positions are code points, as REFI-QDA says; NVivo counts such characters twice, so its codings after them may sit one character off per such character.`,
    );
  }

  const qde = lines.join('\n');
  // Level 1: text deflates nearly as small as at 6, in a fraction of the time (a study is tens of MB of text).
  const level = options.level ?? 1;
  const entries: Record<string, [Uint8Array, { level: 0 | 1 | 6 }]> = { 'project.qde': [encoder.encode(qde), { level }] };
  for (const [name, bytes] of Object.entries(files)) entries[name] = [bytes, { level }];
  const bytes = zipSync(entries, { mtime: new Date(project.modifiedAt) });
  return { bytes, qde, notCarried, notes };
}

function writeSelections(
  codings: readonly Coding[],
  lines: string[],
  newId: IdGenerator,
  user: (id: Uuid | null) => string | undefined,
  memosOn: ReadonlyMap<string, readonly Memo[]>,
): void {
  const passages = new Map<string, Coding[]>();
  for (const coding of codings) {
    const key = `${coding.start}:${coding.end}`;
    const list = passages.get(key) ?? [];
    list.push(coding);
    passages.set(key, list);
  }
  const ordered = [...passages.values()].sort((a, b) => (a[0] as Coding).start - (b[0] as Coding).start || (a[0] as Coding).end - (b[0] as Coding).end);
  for (const group of ordered) {
    const first = group[0] as Coding;
    lines.push(
      `      <PlainTextSelection${attributes({
        guid: guid(newId()),
        startPosition: String(first.start),
        endPosition: String(first.end),
        creatingUser: user(first.createdBy),
        creationDateTime: first.createdAt,
      })}>`,
    );
    for (const coding of group) {
      const head = `        <Coding${attributes({ guid: guid(coding.id), creatingUser: user(coding.createdBy), creationDateTime: coding.createdAt })}>`;
      const refs = (memosOn.get(coding.id) ?? []).map((memo) => `<NoteRef${attributes({ targetGUID: guid(memo.id) })}/>`).join('');
      lines.push(`${head}<CodeRef${attributes({ targetGUID: guid(coding.codeId) })}/>${refs}</Coding>`);
    }
    lines.push('      </PlainTextSelection>');
  }
}

function writeDocumentValues(
  document: TesseraDocument,
  sites: ReadonlyMap<Uuid, { readonly code: string }>,
  phases: ReadonlyMap<Uuid, { readonly name: string }>,
  value: (name: string, value: string, indent: string) => void,
): void {
  const indent = '      ';
  const a = document.attributes;
  const site = a.siteId ? sites.get(a.siteId) : undefined;
  if (site) value(STUDY_VARIABLES.site, site.code, indent);
  const phase = a.phaseId ? phases.get(a.phaseId) : undefined;
  if (phase) value(STUDY_VARIABLES.phase, phase.name, indent);
  if (a.language) value(STUDY_VARIABLES.language, a.language, indent);
  if (/^\d{4}-\d\d-\d\d$/.test(a.date)) value(STUDY_VARIABLES.date, a.date, indent);
  value(STUDY_VARIABLES.kind, DOCUMENT_KIND_VALUES[document.kind], indent);
  for (const [key, v] of Object.entries(a.extra)) value(key, v, indent);
}

/** The export report as text. */
export function formatExportReport(result: Pick<QdpxExport, 'notCarried' | 'notes'>, fileName: string): string {
  const lines = [`Wrote ${fileName} (REFI-QDA project 1.0; text positions in Unicode code points, end exclusive).`];
  if (result.notCarried.length) {
    lines.push('', 'Not carried (REFI-QDA has no place for it):');
    for (const item of result.notCarried) lines.push(`  - ${item}`);
  }
  if (result.notes.length) {
    lines.push('', 'For the tool that opens it:');
    for (const item of result.notes) lines.push(`  - ${item}`);
  }
  return `${lines.join('\n')}\n`;
}
