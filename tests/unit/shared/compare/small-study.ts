/**
 * A small two-site pre/post study whose matrix figures are worked out by hand in the tests: sites BU and KA,
 * phases pre and post, three documents (KA post has none), a tree Inner Setting > Culture, Leadership and
 * Innovation > Cost, two coders, and codings that overlap, including a parent and its child on the same passage.
 */
import { newProject } from '#shared/model/new-project';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import { stampsAt } from '#shared/model/stamps';
import type { Code, Coder, Coding, DocumentKind, ProjectSnapshot, Speaker, SpeakerRole, TesseraDocument, Uuid } from '#shared/model/types';

/** One line of a transcript: speaker label (null: none), role, speaker attributes, what was said. */
type Line = readonly [label: string | null, role: SpeakerRole, attributes: Record<string, string>, text: string];

export interface SmallStudy {
  readonly snapshot: ProjectSnapshot;
  readonly ids: {
    readonly sites: { readonly BU: Uuid; readonly KA: Uuid };
    readonly phases: { readonly pre: Uuid; readonly post: Uuid };
    readonly codes: Readonly<Record<'inner' | 'culture' | 'leadership' | 'innovation' | 'cost', Uuid>>;
    readonly coders: { readonly A: Uuid; readonly B: Uuid };
    readonly documents: { readonly buPre: Uuid; readonly buPost: Uuid; readonly kaPre: Uuid };
  };
  /** Codings by name: c1..c7 as the tests describe them. */
  readonly codings: Readonly<Record<string, Coding>>;
}

export function smallStudy(): SmallStudy {
  const newId = seededUuidGenerator(seededRandom(12));
  const now = steppingClock('2026-02-01T09:00:00.000Z');
  const base = newProject({ name: 'Small study', coderName: 'Coder A' }, newId, now);
  const projectId = base.project.id;
  const sites = { BU: newId(), KA: newId() };
  const phases = { pre: newId(), post: newId() };
  const coderA = base.coders[0] as Coder;
  const coderB: Coder = { id: newId(), projectId, name: 'Coder B', initials: 'CB', ...stampsAt(now()) };

  const makeDocument = (name: string, kind: DocumentKind, siteId: Uuid, phaseId: Uuid, lines: readonly Line[]): TesseraDocument => {
    const speakers = new Map<string, Speaker>();
    const paragraphs = [];
    let offset = 0;
    const texts: string[] = [];
    for (const [i, [label, role, attributes, said]] of lines.entries()) {
      let speakerId: Uuid | null = null;
      if (label !== null) {
        let speaker = speakers.get(label);
        if (!speaker) speakers.set(label, (speaker = { id: newId(), label, role, attributes }));
        speakerId = speaker.id;
      }
      const line = label !== null ? `${label}: ${said}` : said;
      paragraphs.push({ n: i + 1, start: offset, end: offset + line.length, utteranceStart: label !== null ? offset + label.length + 2 : offset, speakerId, timestamps: [] });
      texts.push(line);
      offset += line.length + 1;
    }
    const text = texts.join('\n');
    return {
      id: newId(),
      projectId,
      name,
      kind,
      attributes: { siteId, phaseId, language: 'English', date: '', extra: { district: name.startsWith('BU') ? 'urban' : 'rural' } },
      paragraphs,
      speakers: [...speakers.values()],
      source: { fileName: `${name}.txt`, format: 'txt', encoding: 'utf-8', importedAt: now() },
      linkedDocumentId: null,
      length: text.length,
      ...stampsAt(now()),
      text,
    };
  };

  // BU pre: utterances of 12 + 26 + 16 = 54 code points and 2 + 5 + 3 = 10 words.
  const buPre = makeDocument('BU_pre_FGD', 'transcript', sites.BU, phases.pre, [
    ['Moderator', 'moderator', {}, 'What helped?'],
    ['P1', 'participant', { profession: 'nurse' }, 'The training helped a lot.'],
    ['P2', 'participant', { profession: 'doctor' }, 'Money was short.'],
  ]);
  // BU post: utterances of 8 + 18 = 26 code points and 2 + 3 = 5 words.
  const buPost = makeDocument('BU_post_FGD', 'transcript', sites.BU, phases.post, [
    ['Moderator', 'moderator', {}, 'And now?'],
    ['P1', 'participant', { profession: 'nurse' }, 'Leaders backed us.'],
  ]);
  // KA pre field notes: one unlabelled paragraph of 21 code points and 4 words.
  const kaPre = makeDocument('KA_pre_notes', 'field-notes', sites.KA, phases.pre, [[null, 'unknown', {}, 'Notes on the session.']]);

  const code = (name: string, parentId: Uuid | null, order: number, isCodable = true): Code => ({
    id: newId(),
    projectId,
    parentId,
    name,
    color: '#336699',
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    order,
    origin: { kind: 'inductive' },
    isCodable,
    isHidden: false,
    ...stampsAt(now(), coderA.id),
  });
  const inner = code('Inner Setting', null, 0);
  const culture = code('Culture', inner.id, 0);
  const leadership = code('Leadership', inner.id, 1);
  const innovation = code('Innovation', null, 1);
  const cost = code('Cost', innovation.id, 0);

  const coding = (document: TesseraDocument, codeId: Uuid, phrase: string, coderId: Uuid): Coding => {
    const start = document.text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in ${document.name}`);
    return { id: newId(), projectId, documentId: document.id, codeId, start, end: start + phrase.length, ...stampsAt(now(), coderId) };
  };
  const codings = {
    // BU pre, P1: Culture "training helped" (A) and Leadership "helped a lot" (B) overlap on "helped"; the parent
    // Inner Setting codes "training helped" too (A). Together: one passage "training helped a lot" (21 points).
    c1: coding(buPre, culture.id, 'training helped', coderA.id),
    c2: coding(buPre, leadership.id, 'helped a lot', coderB.id),
    c3: coding(buPre, inner.id, 'training helped', coderA.id),
    // BU pre, P2: Cost "was short" (A) and Culture "Money" (B): apart (a space between).
    c4: coding(buPre, cost.id, 'was short', coderA.id),
    c7: coding(buPre, culture.id, 'Money', coderB.id),
    // BU post, P1: Leadership "Leaders backed us" (A), 17 points.
    c5: coding(buPost, leadership.id, 'Leaders backed us', coderA.id),
    // KA pre notes, no speaker: Culture "session" (B), 7 points.
    c6: coding(kaPre, culture.id, 'session', coderB.id),
  };
  const snapshot: ProjectSnapshot = {
    ...base,
    sites: [
      { id: sites.BU, projectId, code: 'BU', name: 'Butabika', order: 0, ...stampsAt(now()) },
      { id: sites.KA, projectId, code: 'KA', name: 'Kampala', order: 1, ...stampsAt(now()) },
    ],
    phases: [
      { id: phases.pre, projectId, name: 'pre', order: 0, ...stampsAt(now()) },
      { id: phases.post, projectId, name: 'post', order: 1, ...stampsAt(now()) },
    ],
    coders: [coderA, coderB],
    documents: [buPre, buPost, kaPre],
    codes: [inner, culture, leadership, innovation, cost],
    codings: Object.values(codings),
  };
  return {
    snapshot,
    ids: {
      sites,
      phases,
      codes: { inner: inner.id, culture: culture.id, leadership: leadership.id, innovation: innovation.id, cost: cost.id },
      coders: { A: coderA.id, B: coderB.id },
      documents: { buPre: buPre.id, buPost: buPost.id, kaPre: kaPre.id },
    },
    codings,
  };
}
