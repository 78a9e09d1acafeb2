/**
 * A small coded study for the export tests, built with the app's own functions: CFIR 2.0 plus an inductive code,
 * two sites, Butabika (BU) with one transcript before and one after the intervention, Kisumu (KS) with a transcript
 * and its field notes before, and an Israeli site (TA) whose transcript is in Hebrew. Codings by two coders include
 * a passage with an emoji, one in Hebrew and one over two paragraphs; one coding and one code have memos. The study
 * has one case per site and a hand-picked case of the two Butabika documents; Relational Connections is rated in BU
 * (+2) and TA (+1), Culture in BU (-1).
 */
import { applyChange } from '#shared/model/change';
import { newProject } from '#shared/model/new-project';
import type { Case, Code, Coder, ProjectSnapshot, TesseraDocument, Uuid } from '#shared/model/types';
import { withCodebooks } from '#shared/codebooks/add-codebook';
import { createCode } from '#shared/codebook/create-code';
import { applyCode } from '#shared/coding/apply-code';
import { addSite, phasesInOrder } from '#shared/study/study-design';
import { stampsAt } from '#shared/model/stamps';
import { createMemo } from '#shared/memos/memos';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { documentFromImport } from '#shared/import/document-from-import';
import { codePointLength } from '#shared/text/code-points';
import { defaultCasesChange } from '#shared/ratings/cases';
import { setRatingChange } from '#shared/ratings/rating-edits';
import { testIds } from '../fixture-project.ts';

/** The study and handles on what the tests look for. */
export interface ExportStudy {
  readonly snapshot: ProjectSnapshot;
  readonly documents: Readonly<Record<'buPre' | 'buPost' | 'ksPre' | 'ksNotes' | 'taPre', TesseraDocument>>;
  readonly codes: Readonly<Record<'trust' | 'culture' | 'tension' | 'peerPride', Code>>;
  readonly coders: readonly [Coder, Coder];
}

const TEXTS = {
  buPre: ['Moderator: How did the peer workers fit in?', 'P1: The nurses trusted them from the first week 😀 honestly.', 'P2: Some staff felt the peers took their place.', 'P2: It took months to settle.'],
  buPost: ['Moderator: And now?', 'P3: Now the peers run the Monday group on their own.'],
  ksPre: ['Moderator: Tell me about the ward.', 'P1: We argue about who decides discharge.'],
  ksNotes: ['The group was quiet at first; the ward manager sat in for ten minutes.'],
  taPre: ['Moderator: מה דעתכם על העמיתים?', 'P1: אנחנו סומכים על העמיתים, הם מבינים אותנו.'],
} as const;

/** Code-point offsets of a phrase in a document's text (the phrase must occur once). */
export function spanOf(document: TesseraDocument, phrase: string): { start: number; end: number } {
  const at = document.text.indexOf(phrase);
  if (at < 0 || document.text.indexOf(phrase, at + 1) >= 0) throw new Error(`"${phrase}" is not in ${document.name} exactly once`);
  const start = codePointLength(document.text.slice(0, at));
  return { start, end: start + codePointLength(phrase) };
}

/** Builds the study. */
export function exportStudy(): ExportStudy {
  const { newId, now } = testIds(13);
  let s = newProject({ name: 'Peer support study', coderName: 'Ada Lovelace' }, newId, now);
  s = withCodebooks(s, ['cfir-2.0'], null, newId, now);
  const bu = addSite(s, { code: 'BU', name: 'Butabika' }, newId, now);
  s = applyChange(s, bu.change);
  const ks = addSite(s, { code: 'KS', name: 'Kisumu' }, newId, now);
  s = applyChange(s, ks.change);
  const ta = addSite(s, { code: 'TA', name: 'Tel Aviv' }, newId, now);
  s = applyChange(s, ta.change);
  const [pre, post] = phasesInOrder(s.phases);
  if (!pre || !post) throw new Error('a new project has phases pre and post');
  const second: Coder = { id: newId(), projectId: s.project.id, name: 'Grace Hopper', initials: 'GH', ...stampsAt(now()) };
  s = { ...s, coders: [...s.coders, second] };
  const first = s.coders[0] as Coder;

  const make = (key: keyof typeof TEXTS, name: string, siteId: Uuid, phaseId: Uuid, kind: 'transcript' | 'field-notes', language: string) =>
    documentFromImport(
      { ...recogniseTranscript([...TEXTS[key]]), encoding: 'utf-8', format: 'txt', warnings: [] },
      { projectId: s.project.id, name, kind, attributes: { siteId, phaseId, language, date: '', extra: {} }, sourceFileName: `${name}.txt`, newId, now },
    );
  const documents = {
    buPre: make('buPre', 'BU_pre_FGD', bu.site.id, pre.id, 'transcript', 'Luganda'),
    buPost: make('buPost', 'BU_post_FGD', bu.site.id, post.id, 'transcript', 'Luganda'),
    ksPre: make('ksPre', 'KS_pre_FGD', ks.site.id, pre.id, 'transcript', 'Swahili'),
    ksNotes: make('ksNotes', 'KS_pre_notes', ks.site.id, pre.id, 'field-notes', 'English'),
    taPre: make('taPre', 'TA_pre_FGD', ta.site.id, pre.id, 'transcript', 'Hebrew'),
  };
  s = { ...s, documents: Object.values(documents) };

  const cfir = (elementId: string) => s.codes.find((c) => c.origin.kind === 'cfir' && c.origin.elementId === elementId) as Code;
  const culture = cfir('2.0.III.D'); // Inner Setting › Culture
  const trust = cfir('2.0.III.B'); // Inner Setting › Relational Connections
  const tension = cfir('2.0.III.C'); // Inner Setting › Communications
  const made = createCode(s, { name: 'Peer pride', parentId: null }, first.id, newId, now);
  s = applyChange(s, made.change);
  const peerPride = made.code;

  const code = (document: TesseraDocument, phrase: string, c: Code, coder: Coder) => {
    const span = spanOf(document, phrase);
    const applied = applyCode(s, { documentId: document.id, codeId: c.id, ...span, coderId: coder.id }, newId, now);
    s = applyChange(s, applied.change);
    return applied.coding;
  };
  const emoji = code(documents.buPre, 'The nurses trusted them from the first week 😀 honestly.', trust, first);
  code(documents.buPre, 'The nurses trusted them', trust, second);
  code(documents.buPre, 'Some staff felt the peers took their place.\nP2: It took months to settle.', culture, first);
  code(documents.buPre, 'Some staff felt the peers took their place.', tension, second);
  code(documents.buPost, 'Now the peers run the Monday group on their own.', peerPride, first);
  code(documents.ksPre, 'We argue about who decides discharge.', tension, first);
  code(documents.ksNotes, 'the ward manager sat in for ten minutes', culture, second);
  code(documents.taPre, 'אנחנו סומכים על העמיתים, הם מבינים אותנו.', trust, first);

  s = applyChange(s, createMemo(s, { target: { kind: 'coding', id: emoji.id }, title: '', text: 'Trust came early at BU.' }, first.id, newId, now).change);
  s = applyChange(s, createMemo(s, { target: { kind: 'code', id: culture.id }, title: 'Culture', text: 'Mostly about status.' }, first.id, newId, now).change);
  s = applyChange(s, defaultCasesChange(s, 'site', newId, now(), first.id));
  const bothBu: Case = { ...(s.cases[0] as Case), id: newId(), name: 'BU pre and post', scope: { kind: 'documents', documentIds: [documents.buPre.id, documents.buPost.id] }, order: 10 };
  s = { ...s, cases: [...s.cases, bothBu] };
  const caseOf = (name: string) => (s.cases.find((c) => c.name === name) as Case).id;
  const rate = (caseName: string, c: Code, value: '+2' | '+1' | '-1', summary: string) => {
    s = applyChange(s, setRatingChange(s, { caseId: caseOf(caseName), codeId: c.id }, { value, summary, rationale: '', evidenceCodingIds: [] }, newId, now(), first.id));
  };
  rate('BU', trust, '+2', 'Nurses and peers trusted each other early.');
  rate('TA', trust, '+1', 'Trust stated in general terms.');
  rate('BU', culture, '-1', 'Status worries slowed the start.');
  return { snapshot: s, documents, codes: { trust, culture, tension, peerPride }, coders: [first, second] };
}
