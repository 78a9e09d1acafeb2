/**
 * Where two coders differ, and settling it into a consensus version.
 *
 * A disagreement is a stretch of a document coded with a code by one coder and not by the other (a piece of the
 * difference of their interval unions), with the coder's codings that cover it: the disputed codings. The team
 * settles each into the consensus coder (a Coder record named "Consensus"): accept (the consensus codes the disputed
 * coding's passage), adjust (the consensus codes both coders' extent, or only their overlap) or reject (nothing is
 * coded; a memo on the disputed coding records the decision). Original codings are never changed, so agreement can
 * be computed before consensus (coder A with coder B) and after it (each coder with the consensus).
 */
import { UserError } from '#shared/model/user-error';
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Coder, Coding, Memo, Paragraph, ProjectSnapshot, TesseraDocument, Uuid } from '../model/types.ts';
import { paragraphIndexAt } from '../coding/paragraph-label.ts';
import { documentSlice } from '../index/text-maps.ts';
import { applyCode } from '../coding/apply-code.ts';
import { stampsAt } from '../model/stamps.ts';
import { createMemo } from '../memos/memos.ts';
import { codingCoder, intervalDifference, intervalUnion, type IntervalUnion } from './coded-units.ts';

/** The name of the coder that holds the agreed version. */
export const CONSENSUS_CODER_NAME = 'Consensus';
/** The title of the memo that records a rejected coding. */
export const REJECTED_MEMO_TITLE = 'Consensus: not kept';

/** A stretch coded by one coder and not the other. */
export interface Disagreement {
  /** Stable within a snapshot: document, code, coder and start. */
  readonly key: string;
  readonly documentId: Uuid;
  readonly codeId: Uuid;
  /** Who coded it, and who did not. */
  readonly coderId: Uuid;
  readonly otherCoderId: Uuid;
  readonly start: number;
  readonly end: number;
  /** Its length in code points. */
  readonly size: number;
  /** The coder's codings with the code that overlap it. */
  readonly disputedCodings: readonly Coding[];
  /** The other coder's codings with the code that touch the disputed codings (a boundary disagreement), if any. */
  readonly otherCodings: readonly Coding[];
}

/** How a disagreement stands in the consensus version. */
export type Settlement = 'open' | 'kept' | 'rejected';

/** The consensus coder of a project, if one was made. */
export function consensusCoder(snapshot: Pick<ProjectSnapshot, 'coders'>): Coder | undefined {
  return snapshot.coders.find((coder) => coder.name === CONSENSUS_CODER_NAME);
}

const overlaps = (coding: Coding, start: number, end: number): boolean => coding.start < end && coding.end > start;

/**
 * The disagreements of coders A and B over the given documents and codes (all codes when none are given), largest
 * first. Only documents both coders coded count (elsewhere one coder's values are missing, not in dispute).
 */
export function disagreementsBetween(
  snapshot: Pick<ProjectSnapshot, 'documents' | 'codings'>,
  coderA: Uuid,
  coderB: Uuid,
  filter: { readonly documentIds?: readonly Uuid[]; readonly codeIds?: readonly Uuid[] } = {},
): readonly Disagreement[] {
  const documents = new Set(filter.documentIds ?? snapshot.documents.map((d) => d.id));
  const codes = filter.codeIds ? new Set(filter.codeIds) : null;
  const lengths = new Map(snapshot.documents.map((d) => [d.id, d.length]));
  const grouped = new Map<string, { documentId: Uuid; codeId: Uuid; a: Coding[]; b: Coding[] }>();
  const coded = new Map<Uuid, Set<Uuid>>();
  for (const coding of snapshot.codings) {
    const coder = codingCoder(coding);
    if ((coder !== coderA && coder !== coderB) || !documents.has(coding.documentId)) continue;
    let who = coded.get(coding.documentId);
    if (!who) coded.set(coding.documentId, (who = new Set()));
    who.add(coder);
    if (codes && !codes.has(coding.codeId)) continue;
    const key = `${coding.documentId}|${coding.codeId}`;
    let group = grouped.get(key);
    if (!group) grouped.set(key, (group = { documentId: coding.documentId, codeId: coding.codeId, a: [], b: [] }));
    (coder === coderA ? group.a : group.b).push(coding);
  }
  const found: Disagreement[] = [];
  for (const group of grouped.values()) {
    if ((coded.get(group.documentId)?.size ?? 0) < 2) continue;
    const length = lengths.get(group.documentId) ?? 0;
    const unionA = intervalUnion(group.a.flatMap((c) => [c.start, c.end]), length);
    const unionB = intervalUnion(group.b.flatMap((c) => [c.start, c.end]), length);
    const sides = [
      { coderId: coderA, otherCoderId: coderB, pieces: intervalDifference(unionA, unionB), own: group.a, other: group.b },
      { coderId: coderB, otherCoderId: coderA, pieces: intervalDifference(unionB, unionA), own: group.b, other: group.a },
    ];
    for (const side of sides) {
      for (let i = 0; i < side.pieces.length; i += 2) {
        const start = side.pieces[i] as number;
        const end = side.pieces[i + 1] as number;
        const disputedCodings = side.own.filter((c) => overlaps(c, start, end));
        const otherCodings = side.other.filter((o) => disputedCodings.some((c) => o.start <= c.end && o.end >= c.start));
        found.push({
          key: `${group.documentId}|${group.codeId}|${side.coderId}|${start}`,
          documentId: group.documentId,
          codeId: group.codeId,
          coderId: side.coderId,
          otherCoderId: side.otherCoderId,
          start,
          end,
          size: end - start,
          disputedCodings,
          otherCodings,
        });
      }
    }
  }
  return found.sort((x, y) => y.size - x.size || x.key.localeCompare(y.key));
}

/**
 * How a disagreement stands: kept when the consensus coder coded the code over part of a disputed coding, rejected
 * when a disputed coding carries the rejection memo, else open.
 */
export function settlementOf(snapshot: Pick<ProjectSnapshot, 'coders' | 'codings' | 'memos'>, disagreement: Disagreement, consensusCodings?: readonly Coding[]): Settlement {
  const consensus = consensusCoder(snapshot);
  if (consensus) {
    const agreed = consensusCodings ?? snapshot.codings.filter((c) => codingCoder(c) === consensus.id);
    const kept = agreed.some(
      (c) => c.documentId === disagreement.documentId && c.codeId === disagreement.codeId && disagreement.disputedCodings.some((d) => overlaps(c, d.start, d.end)),
    );
    if (kept) return 'kept';
  }
  const disputed = new Set(disagreement.disputedCodings.map((c) => c.id));
  const rejected = snapshot.memos.some((memo: Memo) => memo.title === REJECTED_MEMO_TITLE && memo.target.kind === 'coding' && disputed.has(memo.target.id));
  return rejected ? 'rejected' : 'open';
}

/** What the team decides for a disagreement. */
export type ConsensusDecision = 'accept' | 'reject' | 'adjust-extent' | 'adjust-overlap';

/** The passage the consensus codes for a decision, or null for a rejection. */
export function consensusPassage(disagreement: Disagreement, decision: ConsensusDecision): { start: number; end: number } | null {
  const own = disagreement.disputedCodings;
  const ownStart = Math.min(...own.map((c) => c.start));
  const ownEnd = Math.max(...own.map((c) => c.end));
  switch (decision) {
    case 'reject':
      return null;
    case 'accept':
      return { start: ownStart, end: ownEnd };
    case 'adjust-extent': {
      const all = [...own, ...disagreement.otherCodings];
      return { start: Math.min(...all.map((c) => c.start)), end: Math.max(...all.map((c) => c.end)) };
    }
    case 'adjust-overlap': {
      const other = disagreement.otherCodings;
      if (other.length === 0) return null;
      const start = Math.max(ownStart, Math.min(...other.map((c) => c.start)));
      const end = Math.min(ownEnd, Math.max(...other.map((c) => c.end)));
      return end > start ? { start, end } : null;
    }
  }
}

/**
 * The change that settles a disagreement into the consensus version, making the consensus coder first if the
 * project has none: one change, so one step of undo.
 */
export function settleDisagreement(
  snapshot: ProjectSnapshot,
  disagreement: Disagreement,
  decision: ConsensusDecision,
  newId: IdGenerator,
  now: Clock,
): ProjectChange {
  const existing = consensusCoder(snapshot);
  const consensus: Coder = existing ?? {
    id: newId(),
    projectId: snapshot.project.id,
    name: CONSENSUS_CODER_NAME,
    initials: 'CON',
    ...stampsAt(now()),
  };
  const newCoders: Coder[] = existing ? [] : [consensus];
  const withCoder: ProjectSnapshot = newCoders.length ? { ...snapshot, coders: [...snapshot.coders, ...newCoders] } : snapshot;
  if (decision === 'reject') {
    const target = disagreement.disputedCodings[0];
    if (!target) throw new UserError('That disagreement has no coding left to reject.');
    const { memo } = createMemo(
      withCoder,
      { target: { kind: 'coding', id: target.id }, title: REJECTED_MEMO_TITLE, text: 'The team did not keep this coding in the consensus version.' },
      consensus.id,
      newId,
      now,
    );
    return { put: { ...(newCoders.length ? { coders: newCoders } : {}), memos: [memo] } };
  }
  const passage = consensusPassage(disagreement, decision);
  if (!passage) throw new UserError('The two coders’ codings do not overlap, so there is no shared part to keep.');
  const { coding } = applyCode(
    withCoder,
    { documentId: disagreement.documentId, codeId: disagreement.codeId, start: passage.start, end: passage.end, coderId: consensus.id },
    newId,
    now,
  );
  return { put: { ...(newCoders.length ? { coders: newCoders } : {}), codings: [coding] } };
}

/** A stretch of a paragraph shown around a disagreement, and who coded it with the disputed code. */
export interface ContextRun {
  readonly text: string;
  /** Coded by the coder who coded the disputed passage. */
  readonly first: boolean;
  /** Coded by the other coder. */
  readonly second: boolean;
  /** Inside the disputed passage. */
  readonly disputed: boolean;
}

export interface ContextParagraph {
  /** Its index in the document, and its number as citations give it. */
  readonly index: number;
  readonly n: number;
  readonly runs: readonly ContextRun[];
}

/**
 * A disagreement in its transcript: the paragraphs it spans and `around` paragraphs either side, each cut into runs
 * where what the two coders coded with the code, or the disputed passage, begins or ends.
 */
export function transcriptContext(document: TesseraDocument, codings: readonly Coding[], disagreement: Disagreement, around = 1): readonly ContextParagraph[] {
  const { paragraphs } = document;
  if (paragraphs.length === 0) return [];
  const firstIndex = Math.max(0, paragraphIndexAt(paragraphs, disagreement.start) - around);
  const lastIndex = Math.min(paragraphs.length - 1, paragraphIndexAt(paragraphs, Math.max(disagreement.start, disagreement.end - 1)) + around);
  const unionOf = (coderId: Uuid): IntervalUnion =>
    intervalUnion(
      codings
        .filter((c) => c.documentId === document.id && c.codeId === disagreement.codeId && codingCoder(c) === coderId)
        .flatMap((c) => [c.start, c.end]),
      document.length,
    );
  const first = unionOf(disagreement.coderId);
  const second = unionOf(disagreement.otherCoderId);
  const inside = (union: IntervalUnion, at: number): boolean => {
    for (let i = 0; i < union.length; i += 2) if ((union[i] as number) <= at && at < (union[i + 1] as number)) return true;
    return false;
  };
  const out: ContextParagraph[] = [];
  for (let index = firstIndex; index <= lastIndex; index++) {
    const paragraph = paragraphs[index] as Paragraph;
    const cuts = new Set([paragraph.start, paragraph.end, disagreement.start, disagreement.end, ...first, ...second]);
    const points = [...cuts].filter((at) => at >= paragraph.start && at <= paragraph.end).sort((a, b) => a - b);
    const runs: ContextRun[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] as number;
      const to = points[i + 1] as number;
      runs.push({
        text: documentSlice(document, from, to),
        first: inside(first, from),
        second: inside(second, from),
        disputed: from >= disagreement.start && from < disagreement.end,
      });
    }
    out.push({ index, n: paragraph.n, runs });
  }
  return out;
}
