/**
 * Small builders of real project records for the store tests: a two-site study with transcripts whose paragraphs,
 * speakers and code-point offsets are computed from their text, a CFIR code tree and codings on real passages.
 */
import { expect } from 'vitest';
import { StoreError } from '#renderer/db/project-store-api.ts';
import { RECORD_KINDS, emptySnapshot } from '#shared/model/change';
import { stampsAt } from '#shared/model/stamps';
import { seededRandom, seededUuidGenerator, steppingClock, type Clock, type IdGenerator } from '#shared/model/ids';
import type {
  Code,
  Coder,
  Coding,
  Memo,
  Paragraph,
  Phase,
  Project,
  ProjectSnapshot,
  Site,
  Speaker,
  TesseraDocument,
  Uuid,
} from '#shared/model/types';
import { codePointLength } from '#shared/text/code-points';

/** Deterministic ids and times for one test. */
export interface RecordFactory {
  readonly newId: IdGenerator;
  readonly now: Clock;
}

/** A factory whose ids and times depend only on the seed. */
export function recordFactory(seed: number): RecordFactory {
  return { newId: seededUuidGenerator(seededRandom(seed)), now: steppingClock('2026-11-23T09:00:00.000Z', 1000) };
}

/** A unique database name, so that tests never share a database. */
export function uniqueDbName(label: string): string {
  return `tessera-test-${label}-${globalThis.crypto.randomUUID()}`;
}

/** A project record with its study design: two sites and two phases. */
export interface StudyProject {
  readonly project: Project;
  readonly sites: readonly Site[];
  readonly phases: readonly Phase[];
}

/** A project record with two sites and two phases. */
export function makeProject(f: RecordFactory, name: string): StudyProject {
  const at = f.now();
  const id = f.newId();
  const stamps = stampsAt(at);
  return {
    project: { id, name, description: 'Implementation of task sharing in two hospitals', codebooks: ['cfir-2.0'], ...stamps },
    sites: [
      { id: f.newId(), projectId: id, code: 'BU', name: 'Butabika, Uganda', order: 1, ...stamps },
      { id: f.newId(), projectId: id, code: 'MU', name: 'Mulago, Uganda', order: 2, ...stamps },
    ],
    phases: [
      { id: f.newId(), projectId: id, name: 'pre', order: 1, ...stamps },
      { id: f.newId(), projectId: id, name: 'post', order: 2, ...stamps },
    ],
  };
}

/** A coder of a project. */
export function makeCoder(f: RecordFactory, projectId: Uuid, name: string, initials: string): Coder {
  return { id: f.newId(), projectId, name, initials, ...stampsAt(f.now()) };
}

/** A transcript built from "Label: utterance" lines, with paragraphs and speakers found as an import would. */
export function makeTranscript(
  f: RecordFactory,
  design: { readonly project: Pick<Project, 'id'>; readonly sites: readonly Site[]; readonly phases: readonly Phase[] },
  name: string,
  lines: readonly string[],
): TesseraDocument {
  const project = design.project;
  const text = lines.join('\n');
  const speakers = new Map<string, Speaker>();
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  lines.forEach((line, index) => {
    const label = /^([A-Za-z0-9]+):\s*/.exec(line);
    let speakerId: Uuid | null = null;
    if (label?.[1]) {
      const existing = speakers.get(label[1]);
      const speaker: Speaker = existing ?? {
        id: f.newId(),
        label: label[1],
        role: label[1] === 'Moderator' ? 'moderator' : 'participant',
        attributes: {},
      };
      speakers.set(label[1], speaker);
      speakerId = speaker.id;
    }
    const length = codePointLength(line);
    const utteranceStart = offset + (label ? codePointLength(label[0]) : 0);
    paragraphs.push({ n: index + 1, start: offset, end: offset + length, utteranceStart, speakerId, timestamps: [] });
    offset += length + 1;
  });
  const at = f.now();
  return {
    id: f.newId(),
    projectId: project.id,
    name,
    kind: 'transcript',
    attributes: {
      siteId: design.sites[0]?.id ?? null,
      phaseId: design.phases[0]?.id ?? null,
      language: 'Luganda',
      date: '2026-03-14',
      extra: {},
    },
    paragraphs,
    speakers: [...speakers.values()],
    source: { fileName: `${name}.docx`, format: 'docx', encoding: 'utf-8', importedAt: at },
    linkedDocumentId: null,
    length: codePointLength(text),
    ...stampsAt(at),
    text,
  };
}

/** A code of the project's tree. */
export function makeCode(
  f: RecordFactory,
  projectId: Uuid,
  name: string,
  parentId: Uuid | null,
  order: number,
  elementId: string,
): Code {
  const at = f.now();
  return {
    id: f.newId(),
    projectId,
    parentId,
    name,
    color: '#3b82f6',
    description: `CFIR construct ${elementId}`,
    inclusion: '',
    exclusion: '',
    example: '',
    order,
    origin: { kind: 'cfir', version: '2.0', elementId },
    isCodable: parentId !== null,
    isHidden: false,
    ...stampsAt(at, null),
  };
}

/** A coding of paragraph `n` (its utterance, without the speaker label) of a document. */
export function makeCoding(f: RecordFactory, document: TesseraDocument, n: number, code: Code, coder: Coder): Coding {
  const paragraph = document.paragraphs[n - 1];
  if (!paragraph) throw new Error(`${document.name} has no paragraph ${n}`);
  const at = f.now();
  return {
    id: f.newId(),
    projectId: document.projectId,
    documentId: document.id,
    codeId: code.id,
    start: paragraph.utteranceStart,
    end: paragraph.end,
    ...stampsAt(at, coder.id),
  };
}

/** A memo on a record of the project. */
export function makeMemo(f: RecordFactory, projectId: Uuid, target: Memo['target'], title: string, text: string): Memo {
  const at = f.now();
  return { id: f.newId(), projectId, target, title, text, ...stampsAt(at) };
}

/** A small but complete study: two transcripts, a CFIR code tree, codings by two coders and memos. */
export function makeStudy(f: RecordFactory, name = 'Task sharing study'): ProjectSnapshot {
  const design = makeProject(f, name);
  const project = design.project;
  const ada = makeCoder(f, project.id, 'Ada Lovelace', 'AL');
  const grace = makeCoder(f, project.id, 'Grace Hopper', 'GH');
  const bu = makeTranscript(f, design, 'FG BU 10 pre', [
    'Moderator: How did the new referral pathway work for you?',
    'P1: At first the nurses did not trust it, because nobody explained why we changed.',
    'P2: Mwebale nnyo - the training helped, but the forms are too long 📋.',
    'Moderator: What would make it easier?',
    'P1: More staff on the night shift, and a supervisor who listens.',
  ]);
  const mu = makeTranscript(f, design, 'FG BU 2 post', [
    'Moderator: What changed since the last meeting?',
    'P3: The supervisor now visits every week; the patients notice it.',
  ]);
  const domain = makeCode(f, project.id, 'Inner Setting', null, 2, 'IS');
  const outer = makeCode(f, project.id, 'Outer Setting', null, 1, 'OS');
  const culture = makeCode(f, project.id, 'Culture', domain.id, 2, 'IS-D');
  const resources = makeCode(f, project.id, 'Available Resources', domain.id, 1, 'IS-G');
  const codings = [
    makeCoding(f, bu, 2, culture, ada),
    makeCoding(f, bu, 3, resources, ada),
    makeCoding(f, bu, 5, resources, grace),
    makeCoding(f, mu, 2, culture, grace),
  ];
  const memos = [
    makeMemo(f, project.id, { kind: 'project' }, 'Sampling', 'Two sites, pre and post.'),
    makeMemo(f, project.id, { kind: 'code', id: resources.id }, 'Staffing', 'Night shift comes up at both sites.'),
  ];
  const codes = [domain, outer, culture, resources];
  return { ...emptySnapshot(project), sites: design.sites, phases: design.phases, coders: [ada, grace], documents: [bu, mu], codes, codings, memos };
}

/** A snapshot with every list sorted by id, for comparing snapshots whatever order they were read in. */
export function byIds(snapshot: ProjectSnapshot): ProjectSnapshot {
  const sorted = { ...snapshot } as Record<string, unknown>;
  for (const kind of RECORD_KINDS) {
    const records = [...(snapshot[kind] as readonly { id: Uuid }[])];
    sorted[kind] = records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return sorted as unknown as ProjectSnapshot;
}

/** Expects a promise to reject with a StoreError of this kind, and returns the error. */
export async function storeErrorOf(promise: Promise<unknown>, kind: StoreError['kind']): Promise<StoreError> {
  const error: unknown = await promise.then(
    () => new Error('expected a StoreError'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).kind).toBe(kind);
  return error as StoreError;
}
