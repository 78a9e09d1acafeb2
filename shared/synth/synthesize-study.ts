/**
 * A synthetic multi-site pre/post study of peer support work, deterministic for a seed: for demonstrations, tests,
 * benchmarks (`tessera synth`) and trying out exports, never mistaken for data (the project says it is synthetic).
 *
 * Six sites, phases pre and post; documents named like "BU_pre_FGD", mostly transcripts with moderator and
 * participants P1..P8, a few field notes linked to their transcript; a code tree of CFIR 2.0 domains (categories)
 * with a sample of their constructs and inductive codes beneath some of them; codings from a sentence to a few
 * paragraphs long by several coders, the others re-coding a share of the first coder's passages with shifted
 * boundaries or other codes; memos on the project, documents, codes and codings.
 *
 * Documents go through the same recognition and `documentFromImport` as an imported text file, so a synthetic study
 * is built exactly as a real one would be.
 */
import cfir from '../codebooks/data/cfir-2.0.json' with { type: 'json' };
import { documentFromImport } from '../import/document-from-import.ts';
import { recogniseTranscript } from '../import/transcript-structure.ts';
import { seededRandom, seededUuidGenerator, steppingClock, type Clock, type IdGenerator } from '../model/ids.ts';
import type {
  Code,
  Coder,
  Coding,
  Memo,
  MemoTarget,
  Phase,
  ProjectSnapshot,
  Site,
  TesseraDocument,
  Uuid,
} from '../model/types.ts';
import { buildCodePointMap, codePointToUtf16, utf16ToCodePoint, type CodePointMap } from '../text/code-points.ts';
import { chooser, generateFieldNotes, generateTranscript, type Chooser, type GeneratedParagraph } from './text-generator.ts';
import {
  DOMAIN_COLOURS,
  INDUCTIVE_CODE_NAMES,
  INDUCTIVE_COLOURS,
  SYNTH_CODERS,
  SYNTH_GROUPS,
  SYNTH_SITES,
} from './word-lists.ts';
import { stampsAt } from '../model/stamps.ts';

/** The size and seed of a synthetic study. */
export interface SynthOptions {
  readonly documents: number;
  readonly wordsPerDocument: number;
  /** All codes, categories included. */
  readonly codes: number;
  readonly codings: number;
  readonly coders: number;
  readonly seed: number;
}

/** A small study, quick to generate and to look through. */
export const DEFAULT_SYNTH_OPTIONS: SynthOptions = {
  documents: 12,
  wordsPerDocument: 3000,
  codes: 40,
  codings: 600,
  coders: 2,
  seed: 1,
};

/** Upper bounds that keep a mistyped option from exhausting memory. */
export const SYNTH_LIMITS: Readonly<Record<keyof Omit<SynthOptions, 'seed'>, number>> = {
  documents: 10_000,
  wordsPerDocument: 1_000_000,
  codes: 10_000,
  codings: 10_000_000,
  coders: 100,
};

/** Every field-notes document follows this many transcripts. */
const TRANSCRIPTS_PER_FIELD_NOTES = 4;
/** Share of the first coder's passages that each other coder codes again. */
const RECODE_SHARE = 0.5;

interface CfirConstruct {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
}
interface CfirDomain {
  readonly id: string;
  readonly name: string;
  readonly constructs: readonly CfirConstruct[];
}

/** A codable unit of a document: a paragraph with its sentences, in code points from the document start. */
interface Unit {
  readonly paragraphIndex: number;
  readonly utteranceStart: number;
  readonly end: number;
  readonly sentences: readonly { readonly start: number; readonly end: number }[];
}

interface DocumentUnits {
  readonly document: TesseraDocument;
  readonly units: readonly Unit[];
  readonly paragraphEnds: readonly number[];
  /** Code-point map of the document's text, built once for the boundary shifts of re-coded passages. */
  readonly map: CodePointMap;
}

/** Generates a synthetic study; the same options always give the same snapshot. */
export function synthesizeStudy(options: SynthOptions): ProjectSnapshot {
  validate(options);
  const choose = chooser(seededRandom(options.seed));
  // Ids come from their own stream, so the content does not depend on how many ids were drawn before it.
  const newId = seededUuidGenerator(seededRandom((options.seed ^ 0x5bd1e995) >>> 0));
  const now = steppingClock('2025-04-01T08:00:00.000Z', 20_000);

  const projectId = newId();
  const projectCreatedAt = now();
  const design = stampsAt(projectCreatedAt);
  const sites: Site[] = SYNTH_SITES.map((site, i) => ({ id: newId(), projectId, code: site.code, name: site.name, order: i + 1, ...design }));
  const phases: Phase[] = [
    { id: newId(), projectId, name: 'pre', order: 1, ...design },
    { id: newId(), projectId, name: 'post', order: 2, ...design },
  ];
  const coders: Coder[] = Array.from({ length: options.coders }, (_, i) => ({
    id: newId(),
    projectId,
    name: SYNTH_CODERS[i]?.name ?? `Coder ${i + 1}`,
    initials: SYNTH_CODERS[i]?.initials ?? `C${i + 1}`,
    ...stampsAt(now()),
  }));

  const documents = makeDocuments(options, choose, { projectId, sites, phases, newId, now });
  const codes = makeCodes(options.codes, choose, { projectId, createdBy: coders[0]?.id ?? null, newId, now });
  const codings = makeCodings(options, choose, { projectId, documents, codes, coders, newId, now });
  const memos = makeMemos(choose, { projectId, documents: documents.map((d) => d.document), codes, codings, coders, newId, now });

  return {
    project: {
      id: projectId,
      name: `Peer support work study (synthetic, seed ${options.seed})`,
      description:
        'A synthetic multi-site study generated by Tessera for demonstration and testing: invented focus groups ' +
        'with peer support workers and their colleagues before and after implementation, coded with the CFIR 2.0. ' +
        'It holds no real data.',
      codebooks: ['cfir-2.0'],
      ...stampsAt(projectCreatedAt),
      modifiedAt: now(),
    },
    sites,
    phases,
    coders,
    documentGroups: [],
    documents: documents.map((d) => d.document),
    originals: [],
    codes,
    codings,
    memos,
    cases: [],
    ratings: [],
    tombstones: [],
  };
}

function validate(options: SynthOptions): void {
  for (const key of Object.keys(SYNTH_LIMITS) as (keyof typeof SYNTH_LIMITS)[]) {
    const value = options[key];
    if (!Number.isInteger(value) || value < 0 || value > SYNTH_LIMITS[key]) {
      throw new RangeError(`${key} must be a whole number from 0 to ${SYNTH_LIMITS[key]}, not ${value}.`);
    }
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be a whole number, not ${options.seed}.`);
  if (options.codings > 0 && (options.documents === 0 || options.wordsPerDocument === 0 || options.codes === 0)) {
    throw new RangeError('codings need at least one document with words and at least one code.');
  }
}

interface DocumentContext {
  readonly projectId: Uuid;
  readonly sites: readonly Site[];
  readonly phases: readonly Phase[];
  readonly newId: IdGenerator;
  readonly now: Clock;
}

function makeDocuments(options: SynthOptions, choose: Chooser, context: DocumentContext): DocumentUnits[] {
  const out: DocumentUnits[] = [];
  let transcriptSlot = 0;
  let lastTranscript: { readonly document: TesseraDocument; readonly site: number; readonly phase: number; readonly group: string } | null = null;
  for (let i = 0; i < options.documents; i++) {
    const isFieldNotes = lastTranscript !== null && i % (TRANSCRIPTS_PER_FIELD_NOTES + 1) === TRANSCRIPTS_PER_FIELD_NOTES;
    let siteIndex: number;
    let phaseIndex: number;
    let name: string;
    let group: string;
    if (isFieldNotes && lastTranscript) {
      siteIndex = lastTranscript.site;
      phaseIndex = lastTranscript.phase;
      group = lastTranscript.group;
      name = `${lastTranscript.document.name}_notes`;
    } else {
      // Every site before the first post-phase group; later rounds repeat the pattern with other groups.
      siteIndex = transcriptSlot % SYNTH_SITES.length;
      phaseIndex = Math.floor(transcriptSlot / SYNTH_SITES.length) % 2;
      const round = Math.floor(transcriptSlot / (SYNTH_SITES.length * 2));
      group = SYNTH_GROUPS[round % SYNTH_GROUPS.length] as string;
      name = `${SYNTH_SITES[siteIndex]?.code}_${phaseIndex === 0 ? 'pre' : 'post'}_FGD${round > 0 ? round + 1 : ''}`;
      transcriptSlot++;
    }
    const site = SYNTH_SITES[siteIndex] as (typeof SYNTH_SITES)[number];
    const phaseName = phaseIndex === 0 ? 'pre' : 'post';
    const generationContext = {
      siteName: site.name,
      phase: phaseName,
      group,
      targetWords: isFieldNotes ? Math.ceil(options.wordsPerDocument * 0.3) : options.wordsPerDocument,
    } as const;
    const generated =
      options.wordsPerDocument === 0
        ? []
        : isFieldNotes
          ? generateFieldNotes(choose, generationContext)
          : generateTranscript(choose, generationContext);
    const recognised = recogniseTranscript(generated.map((paragraph) => paragraph.text));
    const day = 3 + ((siteIndex * 4 + Math.floor(transcriptSlot / 12)) % 25);
    const document = documentFromImport(
      { ...recognised, encoding: 'utf-8', format: 'txt', warnings: [] },
      {
        projectId: context.projectId,
        name,
        kind: isFieldNotes ? 'field-notes' : 'transcript',
        attributes: {
          siteId: context.sites[siteIndex]?.id ?? null,
          phaseId: context.phases[phaseIndex]?.id ?? null,
          language: site.language,
          date: `${phaseIndex === 0 ? '2024-02' : '2025-02'}-${String(day).padStart(2, '0')}`,
          extra: { group },
        },
        sourceFileName: `${name}.txt`,
        newId: context.newId,
        now: context.now,
        linkedDocumentId: isFieldNotes && lastTranscript ? lastTranscript.document.id : null,
      },
    );
    out.push(unitsOf(document, generated));
    if (!isFieldNotes) lastTranscript = { document, site: siteIndex, phase: phaseIndex, group };
  }
  return out;
}

/** The codable units of a document: its substantive paragraphs with their sentences placed in the text. */
function unitsOf(document: TesseraDocument, generated: readonly GeneratedParagraph[]): DocumentUnits {
  const units: Unit[] = [];
  document.paragraphs.forEach((paragraph, i) => {
    const source = generated[i];
    if (!source?.substantive || source.sentences.length === 0) return;
    units.push({
      paragraphIndex: i,
      utteranceStart: paragraph.utteranceStart,
      end: paragraph.end,
      sentences: source.sentences.map((s) => ({ start: paragraph.start + s.start, end: paragraph.start + s.end })),
    });
  });
  return {
    document,
    units,
    paragraphEnds: document.paragraphs.map((p) => p.end),
    map: buildCodePointMap(document.text),
  };
}

interface CodeContext {
  readonly projectId: Uuid;
  readonly createdBy: Uuid | null;
  readonly newId: IdGenerator;
  readonly now: Clock;
}

function shuffled<T>(list: readonly T[], choose: Chooser): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(choose.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Mixes a "#rrggbb" colour with white by `amount` (0 keeps it, 1 is white). */
function lighten(colour: string, amount: number): string {
  const channel = (at: number): string => {
    const value = parseInt(colour.slice(at, at + 2), 16);
    return Math.round(value + (255 - value) * amount).toString(16).padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

function makeCodes(total: number, choose: Chooser, context: CodeContext): Code[] {
  const domains = (cfir as { readonly domains: readonly CfirDomain[] }).domains;
  const codes: Code[] = [];
  const base = (fields: Pick<Code, 'parentId' | 'name' | 'color' | 'description' | 'order' | 'origin' | 'isCodable'>): Code => {
    const at = context.now();
    return {
      id: context.newId(),
      projectId: context.projectId,
      inclusion: '',
      exclusion: '',
      example: '',
      isHidden: false,
      ...stampsAt(at, context.createdBy),
      ...fields,
    };
  };
  // Categories: one per CFIR domain when there are enough codes to fill them; with very few codes, none.
  const categoryCount = Math.min(domains.length, Math.floor(total / 4));
  const categories: { readonly code: Code; readonly domain: CfirDomain }[] = [];
  for (let d = 0; d < categoryCount; d++) {
    const domain = domains[d] as CfirDomain;
    const code = base({
      parentId: null,
      name: domain.name,
      color: DOMAIN_COLOURS[d % DOMAIN_COLOURS.length] as string,
      description: `CFIR 2.0 domain ${domain.id.replace('2.0.', '')}: ${domain.name}.`,
      order: d,
      origin: { kind: 'cfir', version: '2.0', elementId: domain.id },
      isCodable: false,
    });
    codes.push(code);
    categories.push({ code, domain });
  }
  const remaining = total - categoryCount;
  // Constructs: a seeded sample, taken round-robin from the domains so each domain gets its share.
  const pools = (categories.length > 0 ? categories.map((c) => c.domain) : domains).map((domain, d) => ({
    parent: categories[d]?.code ?? null,
    domainIndex: domains.indexOf(domain),
    constructs: shuffled(domain.constructs, choose),
  }));
  const available = pools.reduce((sum, pool) => sum + pool.constructs.length, 0);
  const constructTarget = Math.min(available, remaining - Math.floor(remaining / 4));
  const picked: { readonly pool: (typeof pools)[number]; readonly construct: CfirConstruct }[] = [];
  for (let round = 0; picked.length < constructTarget; round++) {
    for (const pool of pools) {
      const construct = pool.constructs[round];
      if (construct && picked.length < constructTarget) picked.push({ pool, construct });
    }
  }
  const constructCodes: Code[] = [];
  // Within each domain, constructs keep the CFIR's own order.
  const cfirOrder = (construct: CfirConstruct): number =>
    domains.flatMap((domain) => domain.constructs).findIndex((candidate) => candidate.id === construct.id);
  picked.sort((a, b) => cfirOrder(a.construct) - cfirOrder(b.construct));
  picked.forEach(({ pool, construct }, i) => {
    const colour = DOMAIN_COLOURS[pool.domainIndex % DOMAIN_COLOURS.length] as string;
    const code = base({
      parentId: pool.parent?.id ?? null,
      name: construct.name,
      color: lighten(colour, (i % 4) * 0.15),
      description: construct.definition,
      order: cfirOrder(construct),
      origin: { kind: 'cfir', version: '2.0', elementId: construct.id },
      isCodable: true,
    });
    codes.push(code);
    constructCodes.push(code);
  });
  // Inductive codes beneath constructs (or domains), as coders add them while coding.
  const parents = constructCodes.length > 0 ? constructCodes : categories.map((c) => c.code);
  const usedNames = new Set<string>();
  for (let i = 0; codes.length < total; i++) {
    const stem = INDUCTIVE_CODE_NAMES[i % INDUCTIVE_CODE_NAMES.length] as string;
    let name = stem;
    for (let n = 2; usedNames.has(name); n++) name = `${stem} (${n})`;
    usedNames.add(name);
    const parent = parents.length > 0 ? choose.pick(parents) : null;
    codes.push(
      base({
        parentId: parent?.id ?? null,
        name,
        color: INDUCTIVE_COLOURS[i % INDUCTIVE_COLOURS.length] as string,
        description: `Inductive code: ${name.toLowerCase()}, as it came up in the focus groups.`,
        order: 1000 + i,
        origin: { kind: 'inductive' },
        isCodable: true,
      }),
    );
  }
  return codes;
}

interface CodingContext {
  readonly projectId: Uuid;
  readonly documents: readonly DocumentUnits[];
  readonly codes: readonly Code[];
  readonly coders: readonly Coder[];
  readonly newId: IdGenerator;
  readonly now: Clock;
}

/** Index of the first entry of an ascending list of cumulative weights that exceeds `value`. */
function weightedIndex(cumulative: readonly number[], value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] as number) > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

function cumulativeOf(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

interface Passage {
  readonly doc: DocumentUnits;
  readonly codeIndex: number;
  readonly start: number;
  readonly end: number;
}

function makeCodings(options: SynthOptions, choose: Chooser, context: CodingContext): Coding[] {
  if (options.codings === 0) return [];
  const codable = shuffled(context.codes.filter((code) => code.isCodable), choose);
  // Some codes are used far more than others, as in real coding (a Zipf-like spread).
  const codeCumulative = cumulativeOf(codable.map((_, k) => 1 / Math.pow(k + 1, 0.8)));
  const codeTotal = codeCumulative[codeCumulative.length - 1] as number;
  const docs = context.documents.filter((d) => d.units.length > 0);
  if (docs.length === 0 || codable.length === 0) throw new RangeError('codings need documents with text and codable codes.');
  const docCumulative = cumulativeOf(docs.map((d) => d.document.length));
  const docTotal = docCumulative[docCumulative.length - 1] as number;
  const pickCode = (): number => weightedIndex(codeCumulative, choose.random() * codeTotal);

  const codings: Coding[] = [];
  const seen = new Set<string>();
  const add = (passage: Passage, coderId: Uuid | null): boolean => {
    const code = codable[passage.codeIndex] as Code;
    const key = `${passage.doc.document.id}|${code.id}|${coderId}|${passage.start}|${passage.end}`;
    if (passage.end <= passage.start || seen.has(key)) return false;
    seen.add(key);
    const at = context.now();
    codings.push({
      id: context.newId(),
      projectId: context.projectId,
      documentId: passage.doc.document.id,
      codeId: code.id,
      start: passage.start,
      end: passage.end,
      ...stampsAt(at, coderId),
    });
    return true;
  };

  const coderCount = context.coders.length;
  const baseTarget = coderCount <= 1 ? options.codings : Math.ceil(options.codings / (1 + RECODE_SHARE * (coderCount - 1)));
  const firstCoder = context.coders[0]?.id ?? null;
  const basePassages: Passage[] = [];
  const attemptsLimit = options.codings * 20 + 100;
  for (let attempts = 0; basePassages.length < baseTarget && attempts < attemptsLimit; attempts++) {
    // Now and then a second code on a passage already coded: the overlaps real coding is full of.
    const previous = basePassages.length > 0 && choose.chance(0.12) ? choose.pick(basePassages) : null;
    const passage = previous ? { ...previous, codeIndex: pickCode() } : randomPassage(docs, docCumulative, docTotal, choose, pickCode());
    if (add(passage, firstCoder)) basePassages.push(passage);
  }

  // Each other coder re-codes a share of the first coder's passages: the same, with moved boundaries, or otherwise.
  for (let c = 1; c < coderCount && codings.length < options.codings; c++) {
    const coderId = (context.coders[c] as Coder).id;
    for (const passage of basePassages) {
      if (codings.length >= options.codings) break;
      if (!choose.chance(RECODE_SHARE)) continue;
      const roll = choose.random();
      const variant =
        roll < 0.3
          ? passage
          : roll < 0.75
            ? shiftBoundaries(passage, choose)
            : { ...passage, codeIndex: pickCode() };
      add(variant, coderId);
    }
  }
  // Whatever is still missing (duplicates skipped, rounding) is coded afresh by the coders in turn.
  for (let attempts = 0; codings.length < options.codings && attempts < attemptsLimit; attempts++) {
    const coderId = coderCount > 0 ? (context.coders[attempts % coderCount] as Coder).id : null;
    add(randomPassage(docs, docCumulative, docTotal, choose, pickCode()), coderId);
  }
  return codings;
}

/** A passage as a coder marks it: mostly a sentence or a few, sometimes an utterance or a run of paragraphs. */
function randomPassage(
  docs: readonly DocumentUnits[],
  docCumulative: readonly number[],
  docTotal: number,
  choose: Chooser,
  codeIndex: number,
): Passage {
  const doc = docs[weightedIndex(docCumulative, choose.random() * docTotal)] as DocumentUnits;
  const unitIndex = Math.floor(choose.random() * doc.units.length);
  const unit = doc.units[unitIndex] as Unit;
  const roll = choose.random();
  const sentences = unit.sentences;
  if (roll < 0.55) {
    const sentence = choose.pick(sentences);
    return { doc, codeIndex, start: sentence.start, end: sentence.end };
  }
  if (roll < 0.8) {
    const first = Math.floor(choose.random() * sentences.length);
    const last = Math.min(sentences.length - 1, first + choose.between(1, 2));
    return { doc, codeIndex, start: (sentences[first] as Unit['sentences'][number]).start, end: (sentences[last] as Unit['sentences'][number]).end };
  }
  if (roll < 0.95) return { doc, codeIndex, start: unit.utteranceStart, end: unit.end };
  // Over two or three paragraphs: from this utterance to the end of a following paragraph.
  const lastParagraph = Math.min(doc.paragraphEnds.length - 1, unit.paragraphIndex + choose.between(1, 2));
  return { doc, codeIndex, start: unit.utteranceStart, end: doc.paragraphEnds[lastParagraph] as number };
}

/** The same passage with its start and end moved by a few words, as a second coder marks it. */
function shiftBoundaries(passage: Passage, choose: Chooser): Passage {
  const text = passage.doc.document.text;
  const map = passage.doc.map;
  // Moves to the start of the next (or previous) word, never across a line break, so the passage stays in its lines.
  const moveByWords = (offset: number, words: number): number => {
    let at = codePointToUtf16(map, offset);
    for (let w = 0; w < Math.abs(words); w++) {
      const space = words > 0 ? text.indexOf(' ', at) : text.lastIndexOf(' ', at - 2);
      if (space === -1) break;
      const candidate = space + 1;
      if (text.slice(Math.min(at, candidate), Math.max(at, candidate)).includes('\n')) break;
      at = candidate;
    }
    return utf16ToCodePoint(map, at);
  };
  const start = moveByWords(passage.start, choose.between(-3, 3));
  let end = moveByWords(passage.end, choose.between(-3, 3));
  // A word start lies after a space; a passage ending there would take the space in, so its end steps back over it.
  if (end > start && text[codePointToUtf16(map, end) - 1] === ' ') end--;
  return end > start ? { ...passage, start, end } : passage;
}

interface MemoContext {
  readonly projectId: Uuid;
  readonly documents: readonly TesseraDocument[];
  readonly codes: readonly Code[];
  readonly codings: readonly Coding[];
  readonly coders: readonly Coder[];
  readonly newId: IdGenerator;
  readonly now: Clock;
}

function makeMemos(choose: Chooser, context: MemoContext): Memo[] {
  const memos: Memo[] = [];
  const add = (target: MemoTarget, title: string, text: string): void => {
    const at = context.now();
    memos.push({
      id: context.newId(),
      projectId: context.projectId,
      target,
      title,
      text,
      ...stampsAt(at, context.coders.length > 0 ? (choose.pick(context.coders) as Coder).id : null),
    });
  };
  add(
    { kind: 'project' },
    'Analysis plan',
    'Code all transcripts deductively with the CFIR 2.0 constructs, add inductive codes where talk does not fit, ' +
      'and compare sites and phases. Two coders code a shared subset to check agreement before the rest is split.',
  );
  context.documents.forEach((document, i) => {
    if (i % 4 !== 0) return;
    add(
      { kind: 'document', id: document.id },
      `About ${document.name}`,
      document.kind === 'field-notes'
        ? 'These notes were written during and right after the session; they explain some silences in the recording.'
        : 'The group warmed up slowly; the second half of the discussion is richer. Check the translation of the ' +
          'passages about payment with the local team.',
    );
  });
  context.codes.forEach((code, i) => {
    if (!code.isCodable || i % 5 !== 0) return;
    add(
      { kind: 'code', id: code.id },
      `Coding rule: ${code.name}`,
      `Use "${code.name}" only where a speaker talks about it directly; a passage that merely mentions it in passing ` +
        'is not coded. Discussed in the coders’ meeting.',
    );
  });
  for (let i = 0; i < context.codings.length; i += 100) {
    const coding = context.codings[i] as Coding;
    add(
      { kind: 'coding', id: coding.id },
      'Quote candidate',
      'A strong example for the report; check whether the speaker agreed to be quoted.',
    );
  }
  return memos;
}
