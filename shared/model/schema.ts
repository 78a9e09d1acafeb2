/**
 * Runtime schemas of the domain model, applied wherever records cross a trust boundary (a .tessera file, an import,
 * an IPC payload), plus the referential-integrity check that a schema cannot express.
 *
 * The schemas mirror `types.ts` exactly: strict object shapes (an unknown field is an error, not silently kept),
 * canonical lowercase UUIDs, non-negative integer code-point offsets with an exclusive end, "#rrggbb" colours and
 * bounded string lengths, so a hostile or damaged file cannot smuggle in a 2 GB code name. A compile-time check
 * below keeps each schema and its TypeScript type in step.
 */
import { z } from 'zod';
import { isUuid } from './ids.ts';
import { buildCodePointMap, codePointToUtf16 } from '../text/code-points.ts';
import { isHlc } from './clock.ts';
import { AlignmentError, checkAlignment } from '../align/aligned-pairs.ts';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, isRecordKind, type RecordKind } from './record-kinds.ts';
import type {
  Case,
  Code,
  Coder,
  Coding,
  DocumentAttributes,
  DocumentGroup,
  AlignedPair,
  DocumentOriginal,
  DocumentSource,
  Memo,
  Paragraph,
  Phase,
  Project,
  ProjectSnapshot,
  Rating,
  Site,
  Speaker,
  Stamps,
  TesseraDocument,
  Tombstone,
  Uuid,
} from './types.ts';

/** Upper bounds on string lengths (UTF-16 units), generous for real use and small enough to refuse abuse. */
export const SCHEMA_LIMITS = {
  shortText: 32,
  name: 500,
  description: 100_000,
  memoText: 1_000_000,
  /** A 50 MB text file decodes to at most 50 M UTF-16 units; the rest is headroom for other importers. */
  documentText: 64 * 1024 * 1024,
  attributeEntries: 200,
  attributeKey: 200,
  attributeValue: 10_000,
  timestampsPerParagraph: 1_000,
} as const;

const uuid = z.string().refine(isUuid, { message: 'expected a lowercase UUID' });
const isoDateTime = z.iso.datetime();
const nonNegativeInt = z.int().nonnegative();
const name = z.string().min(1).max(SCHEMA_LIMITS.name);
const longText = z.string().max(SCHEMA_LIMITS.description);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour as #rrggbb' });
const attributeMap = z
  .record(z.string().min(1).max(SCHEMA_LIMITS.attributeKey), z.string().max(SCHEMA_LIMITS.attributeValue))
  .refine((record) => Object.keys(record).length <= SCHEMA_LIMITS.attributeEntries, {
    message: `at most ${SCHEMA_LIMITS.attributeEntries} attributes`,
  });

const hlc = z.string().refine(isHlc, { message: 'expected a clock reading' });

/** The stamps every record carries (see `Stamps`). */
const stamps = {
  createdAt: isoDateTime,
  createdBy: uuid.nullable(),
  modifiedAt: isoDateTime,
  modifiedBy: uuid.nullable(),
  clock: hlc,
};

/** The fields of every record of a project: id, project and stamps. */
const recordFields = { id: uuid, projectId: uuid, ...stamps };

/** Schema of a Site. */
export const siteSchema = z.strictObject({
  ...recordFields,
  code: z.string().min(1).max(SCHEMA_LIMITS.shortText),
  name,
  order: z.number(),
});

/** Schema of a Phase. */
export const phaseSchema = z.strictObject({
  ...recordFields,
  name,
  order: z.number(),
});

/** Schema of a DocumentGroup. */
export const documentGroupSchema = z.strictObject({
  ...recordFields,
  name,
  description: longText,
  documentIds: z.array(uuid),
});

/** The largest mean gap a rule can ask for: ratings run from -2 to +2. */
export const MAX_RATING_GAP = 4;

/** Schema of the project's distinguishing-construct rule; its messages are shown to the user who edits the rule. */
export const distinguishingRuleSchema = z
  .strictObject({
    highOutcome: z.string().trim().min(1, { message: 'Name the outcome of the cases that did well.' }).max(SCHEMA_LIMITS.name),
    lowOutcome: z.string().trim().min(1, { message: 'Name the outcome of the cases that did not.' }).max(SCHEMA_LIMITS.name),
    mixed: z.enum(['exclude', 'as-zero']),
    minRatedShare: z.number().min(0, { message: 'The share of cases rated is from 0% to 100%.' }).max(1, { message: 'The share of cases rated is from 0% to 100%.' }),
    strongGap: z.number().gt(0, { message: 'The gap for strongly distinguishing is above 0.' }).max(MAX_RATING_GAP, { message: `The gap for strongly distinguishing is at most ${MAX_RATING_GAP}.` }),
    strongNeedsSeparation: z.boolean(),
    weakGap: z.number().gt(0, { message: 'The gap for weakly distinguishing is above 0.' }).max(MAX_RATING_GAP, { message: `The gap for weakly distinguishing is at most ${MAX_RATING_GAP}.` }),
  })
  .refine((rule) => rule.highOutcome !== rule.lowOutcome, { message: 'The two outcome groups need different names.', path: ['lowOutcome'] })
  .refine((rule) => rule.weakGap <= rule.strongGap, { message: 'The gap for weakly distinguishing cannot exceed the gap for strongly distinguishing.', path: ['weakGap'] });

/** Schema of a Project record. */
export const projectSchema = z.strictObject({
  id: uuid,
  ...stamps,
  name,
  description: longText,
  codebooks: z.array(z.enum(['cfir-2.0', 'cfir-2009', 'ibrahim-2019', 'mirbahaeddin-2022'])),
  // Optional: files and stores from before the setting have none and read as the default rule.
  distinguishingRule: distinguishingRuleSchema.optional(),
  citationStyle: z
    .strictObject({ distinguishBy: z.enum(['phase', 'kind', 'group', 'label']), phaseAfterParagraph: z.boolean() })
    .optional(),
});

/** Schema of a Coder. */
export const coderSchema = z.strictObject({
  ...recordFields,
  name,
  initials: z.string().min(1).max(8),
});

/** Schema of a Speaker of one document. */
export const speakerSchema = z.strictObject({
  id: uuid,
  label: name,
  role: z.enum(['moderator', 'assistant', 'participant', 'group', 'unknown']),
  attributes: attributeMap,
});

/** Schema of a Paragraph: a non-empty code-point range whose utterance starts inside it. */
export const paragraphSchema = z
  .strictObject({
    n: z.int().positive(),
    start: nonNegativeInt,
    end: nonNegativeInt,
    utteranceStart: nonNegativeInt,
    speakerId: uuid.nullable(),
    timestamps: z.array(z.string().min(1).max(SCHEMA_LIMITS.shortText)).max(SCHEMA_LIMITS.timestampsPerParagraph),
    headingLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).optional(),
  })
  .refine((p) => p.start < p.end, { message: 'a paragraph must start before it ends', path: ['end'] })
  .refine((p) => p.start <= p.utteranceStart && p.utteranceStart <= p.end, {
    message: 'the utterance must start within the paragraph',
    path: ['utteranceStart'],
  });

/** Schema of DocumentAttributes. */
export const documentAttributesSchema = z.strictObject({
  siteId: uuid.nullable(),
  phaseId: uuid.nullable(),
  language: z.string().max(SCHEMA_LIMITS.name),
  date: z.union([z.literal(''), z.iso.date()]),
  extra: attributeMap,
});

/** Schema of DocumentSource. */
export const documentSourceSchema = z.strictObject({
  fileName: z.string().max(SCHEMA_LIMITS.name),
  format: z.enum(['txt', 'docx', 'vtt', 'srt', 'tessera', 'qdpx']),
  encoding: z.string().max(SCHEMA_LIMITS.shortText),
  importedAt: isoDateTime,
});

/** Schema of a TesseraDocument, text included. */
export const documentSchema = z.strictObject({
  ...recordFields,
  name,
  kind: z.enum(['transcript', 'field-notes']),
  attributes: documentAttributesSchema,
  paragraphs: z.array(paragraphSchema),
  speakers: z.array(speakerSchema),
  source: documentSourceSchema,
  linkedDocumentId: uuid.nullable(),
  length: nonNegativeInt,
  text: z.string().max(SCHEMA_LIMITS.documentText),
});

/** Schema of a run of paragraphs by index (start inclusive, end exclusive). */
const paragraphRunSchema = z
  .strictObject({ start: nonNegativeInt, end: nonNegativeInt })
  .refine((run) => run.start <= run.end, { message: 'a run must not end before it starts', path: ['end'] });

/** Schema of one pair of an alignment. */
const alignedPairSchema = z.strictObject({ original: paragraphRunSchema, translation: paragraphRunSchema });

/** Schema of a DocumentOriginal: the original-language text of a document, with its alignment. */
export const originalSchema = z.strictObject({
  ...recordFields,
  documentId: uuid,
  language: z.string().max(SCHEMA_LIMITS.name),
  direction: z.enum(['ltr', 'rtl']),
  source: documentSourceSchema,
  paragraphs: z.array(paragraphSchema),
  speakers: z.array(speakerSchema),
  length: nonNegativeInt,
  text: z.string().max(SCHEMA_LIMITS.documentText),
  alignment: z.strictObject({ pairs: z.array(alignedPairSchema), fixed: z.array(alignedPairSchema) }),
});

/** Schema of a CodeOrigin. */
export const codeOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('inductive') }),
  z.strictObject({
    kind: z.literal('cfir'),
    version: z.enum(['2.0', '2009']),
    elementId: z.string().min(1).max(SCHEMA_LIMITS.shortText),
  }),
  z.strictObject({
    kind: z.literal('framework'),
    frameworkId: z.string().min(1).max(SCHEMA_LIMITS.name),
    elementId: z.string().min(1).max(SCHEMA_LIMITS.name),
  }),
]);

/** Schema of a Code. */
export const codeSchema = z.strictObject({
  ...recordFields,
  parentId: uuid.nullable(),
  name,
  color: colour,
  description: longText,
  inclusion: longText,
  exclusion: longText,
  example: longText,
  order: z.number(),
  origin: codeOriginSchema,
  isCodable: z.boolean(),
  isHidden: z.boolean(),
});

/** Schema of a Coding: code points [start, end) with start < end. */
export const codingSchema = z
  .strictObject({
    ...recordFields,
    documentId: uuid,
    codeId: uuid,
    start: nonNegativeInt,
    end: nonNegativeInt,
  })
  .refine((c) => c.start < c.end, { message: 'a coding must start before it ends', path: ['end'] });

/** Schema of a MemoTarget. */
export const memoTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project') }),
  z.strictObject({ kind: z.literal('document'), id: uuid }),
  z.strictObject({ kind: z.literal('code'), id: uuid }),
  z.strictObject({ kind: z.literal('coding'), id: uuid }),
]);

/** Schema of a Memo. */
export const memoSchema = z.strictObject({
  ...recordFields,
  target: memoTargetSchema,
  title: z.string().max(SCHEMA_LIMITS.name),
  text: z.string().max(SCHEMA_LIMITS.memoText),
});

/** Schema of a CaseScope. */
export const caseScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('site'), siteId: uuid }),
  z.strictObject({ kind: z.literal('site-phase'), siteId: uuid, phaseId: uuid }),
  z.strictObject({ kind: z.literal('documents'), documentIds: z.array(uuid) }),
]);

/** Schema of a Case. */
export const caseSchema = z.strictObject({
  ...recordFields,
  name,
  scope: caseScopeSchema,
  outcomes: attributeMap,
  description: longText,
  order: z.number(),
});

/** Schema of a Rating. */
export const ratingSchema = z.strictObject({
  ...recordFields,
  caseId: uuid,
  codeId: uuid,
  value: z.enum(['+2', '+1', '0', '-1', '-2', 'X', 'M']).nullable(),
  summary: longText,
  rationale: longText,
  evidenceCodingIds: z.array(uuid),
});

/** Schema of a Tombstone. */
export const tombstoneSchema = z.strictObject({
  ...recordFields,
  kind: z.string().refine(isRecordKind, { message: 'expected a kind of record' }),
});

/** The schema of each kind of record. */
export const RECORD_SCHEMAS = {
  sites: siteSchema,
  phases: phaseSchema,
  coders: coderSchema,
  documentGroups: documentGroupSchema,
  documents: documentSchema,
  originals: originalSchema,
  codes: codeSchema,
  codings: codingSchema,
  memos: memoSchema,
  cases: caseSchema,
  ratings: ratingSchema,
  tombstones: tombstoneSchema,
} as const satisfies { readonly [K in RecordKind]: z.ZodType };

/** Schema of a whole ProjectSnapshot (records only; see `checkSnapshotIntegrity` for the links between them). */
export const projectSnapshotSchema = z.strictObject({
  project: projectSchema,
  ...(Object.fromEntries(RECORD_KINDS.map((kind) => [kind, z.array(RECORD_SCHEMAS[kind])])) as {
    [K in RecordKind]: z.ZodArray<(typeof RECORD_SCHEMAS)[K]>;
  }),
});

// Compile-time guard: each schema parses to its model type and declares no field the type lacks.
type Matches<S extends z.ZodType, M> = [z.output<S>] extends [M]
  ? [Exclude<keyof z.output<S>, keyof M> | Exclude<keyof M, keyof z.output<S>>] extends [never]
    ? true
    : false
  : false;
const _schemasMatchTypes: [
  Matches<typeof siteSchema, Site>,
  Matches<typeof phaseSchema, Phase>,
  Matches<typeof documentGroupSchema, DocumentGroup>,
  Matches<typeof caseSchema, Case>,
  Matches<typeof ratingSchema, Rating>,
  Matches<typeof tombstoneSchema, Tombstone>,
  Matches<z.ZodObject<typeof stamps>, Stamps>,
  Matches<typeof projectSchema, Project>,
  Matches<typeof coderSchema, Coder>,
  Matches<typeof speakerSchema, Speaker>,
  Matches<typeof paragraphSchema, Paragraph>,
  Matches<typeof documentAttributesSchema, DocumentAttributes>,
  Matches<typeof documentSourceSchema, DocumentSource>,
  Matches<typeof documentSchema, TesseraDocument>,
  Matches<typeof originalSchema, DocumentOriginal>,
  Matches<typeof codeSchema, Code>,
  Matches<typeof codingSchema, Coding>,
  Matches<typeof memoSchema, Memo>,
  Matches<typeof projectSnapshotSchema, ProjectSnapshot>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

/** The outcome of parsing untrusted data as a snapshot: the typed snapshot, or readable problems. */
export type SnapshotParseResult =
  | { readonly ok: true; readonly snapshot: ProjectSnapshot }
  | { readonly ok: false; readonly problems: readonly IntegrityProblem[] };

/** At most this many problems are listed; a file with more is broken beyond what a longer list would explain. */
const MAX_PROBLEMS = 100;

/** Parses untrusted data against the snapshot schema, turning zod's issues into path + message problems. */
export function parseProjectSnapshot(data: unknown): SnapshotParseResult {
  const result = projectSnapshotSchema.safeParse(data);
  if (result.success) return { ok: true, snapshot: result.data };
  const problems = result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  return { ok: false, problems };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** One broken link or rule in a snapshot, e.g. `{ path: "codings[3].codeId", message: "no code with this id" }`. */
export interface IntegrityProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks the links between the records of a schema-valid snapshot and returns every problem found (up to a cap;
 * an empty list means the snapshot is consistent):
 * - every record carries the project's id, ids are unique within each kind of record (and within the speakers of a
 *   document), and site codes are unique;
 * - every reference a kind declares (`RECORD_KIND_DEFINITIONS[kind].references`: a document's site and phase, a
 *   code's parent, a coding's document and code, a memo's target, a rating's case, construct and evidence, every
 *   stamp's coder, ...) names a record of the project;
 * - documents: a linked document is another document, `length` is the text's length in code points, paragraphs are
 *   numbered 1..n and cover the text exactly as lines joined by "\n" (the first starts at 0, each next one right
 *   after the line break that ends the previous, the last ends at the end of the text, and the text has no other
 *   line break), paragraph speakers are speakers of the document;
 * - codes: the code tree has no cycle; codings: `end` is within the document;
 * - a tombstone names no record that exists (a record is either there or deleted).
 */
export function checkSnapshotIntegrity(snapshot: ProjectSnapshot): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const report = (path: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };
  const projectId = snapshot.project.id;

  const ids = new Map<RecordKind, Set<Uuid>>();
  for (const kind of RECORD_KINDS) ids.set(kind, uniqueIds(snapshot[kind], kind, report));
  for (const kind of RECORD_KINDS) {
    const definition = RECORD_KIND_DEFINITIONS[kind] as { references: (record: unknown) => readonly { field: string; kind: RecordKind; id: Uuid }[] };
    (snapshot[kind] as readonly { readonly projectId: Uuid }[]).forEach((record, i) => {
      if (record.projectId !== projectId) report(`${kind}[${i}].projectId`, 'belongs to another project');
      for (const reference of definition.references(record)) {
        if (!ids.get(reference.kind)?.has(reference.id)) {
          report(`${kind}[${i}].${reference.field}`, `no ${RECORD_KIND_DEFINITIONS[reference.kind].label} with this id`);
        }
      }
    });
  }

  const siteCodes = new Set<string>();
  snapshot.sites.forEach((site, i) => {
    if (siteCodes.has(site.code)) report(`sites[${i}].code`, `site code "${site.code}" is used twice`);
    siteCodes.add(site.code);
  });

  const documentLengths = new Map<Uuid, number>();
  snapshot.documents.forEach((doc) => documentLengths.set(doc.id, doc.length));
  snapshot.documents.forEach((doc, i) => {
    const path = `documents[${i}]`;
    if (doc.linkedDocumentId === doc.id) report(`${path}.linkedDocumentId`, 'must name another document of the project');
    checkDocumentText(doc, path, report);
  });

  const paragraphCounts = new Map(snapshot.documents.map((doc) => [doc.id, doc.paragraphs.length]));
  const withOriginal = new Set<Uuid>();
  snapshot.originals.forEach((original, i) => {
    const path = `originals[${i}]`;
    if (withOriginal.has(original.documentId)) report(`${path}.documentId`, 'the document already has an original');
    withOriginal.add(original.documentId);
    checkDocumentText(original, path, report);
    const translationCount = paragraphCounts.get(original.documentId);
    if (translationCount === undefined) return;
    const fault = alignmentFault(original.alignment.pairs, original.paragraphs.length, translationCount);
    if (fault) report(`${path}.alignment.pairs`, fault);
  });

  const parents = new Map<Uuid, Uuid | null>();
  snapshot.codes.forEach((code) => parents.set(code.id, code.parentId));
  snapshot.codes.forEach((code, i) => {
    // Walk up from each code; meeting the code again (or more steps than codes) means a cycle.
    let current = parents.get(code.id) ?? null;
    for (let steps = 0; current !== null; steps++) {
      if (current === code.id || steps > parents.size) {
        report(`codes[${i}].parentId`, 'the code tree has a cycle through this code');
        break;
      }
      current = parents.get(current) ?? null;
    }
  });

  snapshot.codings.forEach((coding, i) => {
    const length = documentLengths.get(coding.documentId);
    if (length !== undefined && coding.end > length) report(`codings[${i}].end`, `beyond the end of the document (${length} characters)`);
  });

  snapshot.tombstones.forEach((tombstone, i) => {
    if (isRecordKind(tombstone.kind) && ids.get(tombstone.kind)?.has(tombstone.id)) {
      report(`tombstones[${i}].id`, `the ${RECORD_KIND_DEFINITIONS[tombstone.kind].label} it records as deleted is in the project`);
    }
  });

  return problems;
}

function uniqueIds(
  records: readonly { readonly id: Uuid }[],
  path: string,
  report: (path: string, message: string) => void,
): Set<Uuid> {
  const ids = new Set<Uuid>();
  records.forEach((record, i) => {
    if (ids.has(record.id)) report(`${path}[${i}].id`, 'the same id is used twice');
    ids.add(record.id);
  });
  return ids;
}

/** Why pairs are not a whole alignment of texts of these paragraph counts, or null when they are. */
function alignmentFault(pairs: readonly AlignedPair[], originalCount: number, translationCount: number): string | null {
  try {
    checkAlignment(pairs, originalCount, translationCount);
    return null;
  } catch (error) {
    if (error instanceof AlignmentError) return error.message;
    throw error;
  }
}

function checkDocumentText(
  doc: Pick<TesseraDocument, 'text' | 'length' | 'speakers' | 'paragraphs'>,
  path: string,
  report: (path: string, message: string) => void,
): void {
  const map = buildCodePointMap(doc.text);
  if (doc.length !== map.codePointLength) {
    report(`${path}.length`, `is ${doc.length} but the text has ${map.codePointLength} characters`);
    return;
  }
  const speakerIds = uniqueIds(doc.speakers, `${path}.speakers`, report);
  let lineBreaks = 0;
  for (let i = doc.text.indexOf('\n'); i !== -1; i = doc.text.indexOf('\n', i + 1)) lineBreaks++;
  const paragraphs = doc.paragraphs;
  if (paragraphs.length === 0) {
    if (doc.length > 0) report(`${path}.paragraphs`, 'a document with text needs paragraphs');
    return;
  }
  if (lineBreaks !== paragraphs.length - 1) {
    report(`${path}.paragraphs`, `${paragraphs.length} paragraphs but the text has ${lineBreaks + 1} lines`);
  }
  let expectedStart = 0;
  paragraphs.forEach((paragraph, i) => {
    const at = `${path}.paragraphs[${i}]`;
    if (paragraph.n !== i + 1) report(`${at}.n`, `should be ${i + 1}: paragraphs are numbered 1..n in order`);
    if (paragraph.start !== expectedStart) {
      report(`${at}.start`, `should be ${expectedStart}: paragraphs follow each other, one line each`);
    }
    const isLast = i === paragraphs.length - 1;
    if (isLast) {
      if (paragraph.end !== doc.length) report(`${at}.end`, `should be ${doc.length}, the end of the text`);
    } else if (paragraph.end >= doc.length || doc.text[codePointToUtf16(map, paragraph.end)] !== '\n') {
      report(`${at}.end`, 'a paragraph must end at a line break');
    }
    if (paragraph.speakerId !== null && !speakerIds.has(paragraph.speakerId)) {
      report(`${at}.speakerId`, 'no speaker with this id in the document');
    }
    expectedStart = paragraph.end + 1;
  });
}
