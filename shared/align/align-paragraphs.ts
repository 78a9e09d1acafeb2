/**
 * Aligns an original-language transcript with its translation, paragraph by paragraph.
 *
 * Method: dynamic programming over the two paragraph lists in the style of Gale & Church (1993). A path through the
 * grid is a sequence of pairs of the kinds 1:1, 1:0, 0:1, 2:1, 1:2 and 2:2; each costs -100 ln of its probability,
 * made of Gale & Church's prior for its kind, their normal model of how a translation's length follows its
 * source's (`gale-church.ts`), and anchors, each a likelihood ratio on the same scale:
 * - speakers: a pair whose two sides open with the same speaker costs less, one with different speakers more;
 *   a pair that joins turns of two speakers on one side costs much more (translators split and merge a speaker's
 *   paragraphs, they do not merge two people's turns), which is what leaves an untranslated "Mhm." on its own; a
 *   paragraph that is all a note in brackets ("[laughter]", "[Translator's note: ...]") is the voice of the
 *   transcriber or translator, so a note added to a translation stands on its own too;
 * - timestamps: a pair whose sides carry the same time (within two seconds) costs less; a time on one side only
 *   says nothing;
 * - numbers and names that both sides share and that are rare in the texts (in at most three paragraphs).
 * A paragraph with no counterpart costs its prior only: Gale & Church also charge it its length, but a paragraph
 * that was left out or added has no translation whose length could be compared, and charging it made a long
 * translator's note cheaper to merge into its neighbour than to stand alone.
 *
 * The aligner runs twice. The first run uses the published length variance, the length ratio of the whole texts and
 * speakers whose labels say the same role and number ("P3" and "Teilnehmerin 3"). The second run uses what the
 * first run's pairs show: the ratio and variance of these two texts, which original label speaks where which
 * translation label does ("Mshiriki 3" where "P3"), and whether the two texts' timestamps agree (then differing
 * times count against a pair).
 *
 * Pairs a user fixed are kept: the texts are cut at them and the programme runs between them.
 */
import {
  type AlignedPair,
  type ParagraphRun,
  checkAlignment,
  checkFixedPairs,
  isEmptyRun,
} from './aligned-pairs.ts';
import {
  type AlignmentParagraph,
  NOTE_VOICE,
  alignmentLength,
  anchorTokens,
  isNoteParagraph,
  speakerIdentity,
  timestampSeconds,
} from './alignment-features.ts';
import { BEAD_PRIOR_COSTS, type BeadKind, type LengthModel, PUBLISHED_VARIANCE_PER_CHARACTER, lengthCost } from './gale-church.ts';

/** The texts to align and the pairs a user fixed. */
export interface AlignInput {
  readonly original: readonly AlignmentParagraph[];
  readonly translation: readonly AlignmentParagraph[];
  /** Pairs a user corrected, kept as they are. */
  readonly fixed?: readonly AlignedPair[];
}

/** What the aligner found and the parameters it found it with (for the record of how an alignment was made). */
export interface AlignmentResult {
  readonly pairs: readonly AlignedPair[];
  readonly lengthModel: LengthModel;
  /** Original speaker label and the translation label found to speak in its place, for labels that differ. */
  readonly speakerCorrespondence: readonly (readonly [original: string, translation: string])[];
  /** Whether the two texts' timestamps agree, so that differing times counted against a pair. */
  readonly timestampsAgree: boolean;
}

// Anchor costs, in the same hundredths of a nat as the length model: 100 ln of a likelihood ratio, the chance of
// what is seen in a true pair over its chance in a wrong one.
/** Same speaker on both sides: about 0.95 in a true pair, about 0.2 in a wrong one (a focus group has ~5 voices). */
const SAME_SPEAKER = -100 * Math.log(0.95 / 0.2);
/** Different speakers whose labels are comparable: about 0.03 in a true pair, 0.8 in a wrong one. */
const DIFFERENT_SPEAKER = -100 * Math.log(0.03 / 0.8);
/** Two speakers' turns joined on one side of a pair: translators almost never do it (taken as 1 in 500). */
const TURN_CHANGE_IN_GROUP = -100 * Math.log(1 / 500);
/** The same time on both sides: about 0.95 in a true pair, about 0.01 in a wrong one. */
const SAME_TIME = -100 * Math.log(0.95 / 0.01);
/** Different times, where the texts' timestamps agree: about 0.03 in a true pair, 0.97 in a wrong one. */
const DIFFERENT_TIME = -100 * Math.log(0.03 / 0.97);
/** Each rare number or name on both sides: about 0.5 in a true pair, 0.05 in a wrong one; at most three count. */
const SHARED_ANCHOR = -100 * Math.log(0.5 / 0.05);
const MOST_SHARED_ANCHORS = 3;

/** Times closer than this (seconds) are the same time. */
const SAME_TIME_TOLERANCE = 2;
/** A name or number in more paragraphs than this on either side is too common to anchor a pair. */
const RARE_ANCHOR_PARAGRAPHS = 3;
/** The variance the second run may use, at most, as a multiple of the published one. */
const MOST_VARIANCE_FACTOR = 10;

interface Move {
  readonly original: 0 | 1 | 2;
  readonly translation: 0 | 1 | 2;
  readonly kind: BeadKind;
}

// In order of preference when two paths cost the same.
const MOVES: readonly Move[] = [
  { original: 1, translation: 1, kind: '1:1' },
  { original: 2, translation: 1, kind: '2:1' },
  { original: 1, translation: 2, kind: '1:2' },
  { original: 1, translation: 0, kind: '1:0' },
  { original: 0, translation: 1, kind: '0:1' },
  { original: 2, translation: 2, kind: '2:2' },
];

/** One text's paragraphs reduced to what the costs read. */
interface SideFeatures {
  readonly lengths: Int32Array;
  /** Speaker identity number, -1 for none. */
  readonly speakers: Int32Array;
  readonly times: readonly (readonly number[])[];
  /** Numbers of the rare anchors the paragraph shares with the other text, ascending. */
  readonly anchors: readonly (readonly number[])[];
}

/** What the costs of one run depend on. */
interface CostModel {
  readonly length: LengthModel;
  /** Whether original speaker identity a and translation identity b are the same speaker. */
  readonly sameSpeaker: (a: number, b: number) => boolean;
  /** Whether a difference between a and b means anything (both vocabularies known to correspond). */
  readonly comparableSpeakers: (a: number, b: number) => boolean;
  readonly timestampsAgree: boolean;
}

/** Aligns the paragraphs of an original and its translation. Every paragraph ends up in exactly one pair. */
export function alignParagraphs(input: AlignInput): AlignmentResult {
  const { original, translation } = input;
  const fixed = checkFixedPairs(input.fixed ?? [], original.length, translation.length);

  const identities = new Map<string, number>();
  const labelOfIdentity: string[] = [];
  const identityOf = (label: string | null): number => {
    if (label === null) return -1;
    const identity = speakerIdentity(label);
    let id = identities.get(identity);
    if (id === undefined) {
      id = labelOfIdentity.length;
      identities.set(identity, id);
      labelOfIdentity.push(label);
    }
    return id;
  };
  const originalTokens = original.map((paragraph) => anchorTokens(paragraph.text));
  const translationTokens = translation.map((paragraph) => anchorTokens(paragraph.text));
  const anchorIds = rareSharedAnchors(originalTokens, translationTokens);
  const features = (paragraphs: readonly AlignmentParagraph[], tokens: readonly string[][]): SideFeatures => ({
    lengths: Int32Array.from(paragraphs, (paragraph) => alignmentLength(paragraph.text)),
    speakers: Int32Array.from(paragraphs, (paragraph) => identityOf(paragraph.speaker ?? (isNoteParagraph(paragraph.text) ? NOTE_VOICE : null))),
    times: paragraphs.map((paragraph) =>
      paragraph.timestamps.map(timestampSeconds).filter((seconds): seconds is number => seconds !== null),
    ),
    anchors: tokens.map((list) =>
      list
        .map((token) => anchorIds.get(token))
        .filter((id): id is number => id !== undefined)
        .sort((a, b) => a - b),
    ),
  });
  const o = features(original, originalTokens);
  const t = features(translation, translationTokens);

  const originalIdentities = new Set(o.speakers);
  const translationIdentities = new Set(t.speakers);
  const totalOriginal = sum(o.lengths, 0, o.lengths.length);
  const totalTranslation = sum(t.lengths, 0, t.lengths.length);
  const firstModel: CostModel = {
    length: {
      ratio: totalOriginal > 0 && totalTranslation > 0 ? totalTranslation / totalOriginal : 1,
      variance: PUBLISHED_VARIANCE_PER_CHARACTER,
    },
    sameSpeaker: (a, b) => a === b,
    comparableSpeakers: (a, b) => translationIdentities.has(a) || originalIdentities.has(b),
    timestampsAgree: false,
  };
  const firstPairs = alignWithFixed(o, t, fixed, firstModel);

  // Learn from the first run's pairs what holds for these two texts.
  const lengthModel = estimateLengthModel(o, t, firstPairs, firstModel.length);
  const correspondence = learnSpeakerCorrespondence(o, t, firstPairs);
  const mappedTranslation = new Set(correspondence.values());
  const secondModel: CostModel = {
    length: lengthModel,
    sameSpeaker: (a, b) => a === b || correspondence.get(a) === b,
    comparableSpeakers: (a, b) =>
      translationIdentities.has(a) || originalIdentities.has(b) || correspondence.has(a) || mappedTranslation.has(b),
    timestampsAgree: timestampsAgree(o, t, firstPairs),
  };
  const pairs = alignWithFixed(o, t, fixed, secondModel);
  checkAlignment(pairs, original.length, translation.length);
  return {
    pairs,
    lengthModel,
    speakerCorrespondence: [...correspondence]
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [labelOfIdentity[a] as string, labelOfIdentity[b] as string] as const),
    timestampsAgree: secondModel.timestampsAgree,
  };
}

/** Anchor tokens found on both sides, each in at most a few paragraphs of either side, numbered. */
function rareSharedAnchors(originalTokens: readonly string[][], translationTokens: readonly string[][]): Map<string, number> {
  const count = (lists: readonly string[][]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const list of lists) for (const token of list) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const inOriginal = count(originalTokens);
  const inTranslation = count(translationTokens);
  const ids = new Map<string, number>();
  for (const [token, n] of inOriginal) {
    const m = inTranslation.get(token);
    if (m !== undefined && n <= RARE_ANCHOR_PARAGRAPHS && m <= RARE_ANCHOR_PARAGRAPHS) ids.set(token, ids.size);
  }
  return ids;
}

/** The whole alignment: the fixed pairs as they are, the programme's pairs between them. */
function alignWithFixed(o: SideFeatures, t: SideFeatures, fixed: readonly AlignedPair[], model: CostModel): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  let originalAt = 0;
  let translationAt = 0;
  for (const pair of fixed) {
    pairs.push(...alignRun(o, t, { start: originalAt, end: pair.original.start }, { start: translationAt, end: pair.translation.start }, model));
    pairs.push(pair);
    originalAt = pair.original.end;
    translationAt = pair.translation.end;
  }
  pairs.push(...alignRun(o, t, { start: originalAt, end: o.lengths.length }, { start: translationAt, end: t.lengths.length }, model));
  return pairs;
}

/** The cheapest sequence of pairs that covers these runs of the two texts exactly. */
function alignRun(o: SideFeatures, t: SideFeatures, originalRun: ParagraphRun, translationRun: ParagraphRun, model: CostModel): AlignedPair[] {
  const n = originalRun.end - originalRun.start;
  const m = translationRun.end - translationRun.start;
  if (n === 0 && m === 0) return [];
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY);
  const back = new Uint8Array((n + 1) * width);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Number.POSITIVE_INFINITY;
      let bestMove = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const move = MOVES[k] as Move;
        if (move.original > i || move.translation > j) continue;
        const before = cost[(i - move.original) * width + (j - move.translation)] as number;
        if (before === Number.POSITIVE_INFINITY) continue;
        const total =
          before +
          pairCost(o, t, originalRun.start + i - move.original, move.original, translationRun.start + j - move.translation, move.translation, move.kind, model);
        if (total < best) {
          best = total;
          bestMove = k;
        }
      }
      cost[i * width + j] = best;
      back[i * width + j] = bestMove;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const move = MOVES[back[i * width + j] as number] as Move;
    const originalStart = originalRun.start + i - move.original;
    const translationStart = translationRun.start + j - move.translation;
    pairs.push({
      original: { start: originalStart, end: originalStart + move.original },
      translation: { start: translationStart, end: translationStart + move.translation },
    });
    i -= move.original;
    j -= move.translation;
  }
  return pairs.reverse();
}

/** The cost of pairing original paragraphs [oi, oi+on) with translation paragraphs [ti, ti+tn). */
function pairCost(o: SideFeatures, t: SideFeatures, oi: number, on: number, ti: number, tn: number, kind: BeadKind, model: CostModel): number {
  let cost = BEAD_PRIOR_COSTS[kind];
  if (on === 0 || tn === 0) return cost;
  cost += lengthCost(sum(o.lengths, oi, oi + on), sum(t.lengths, ti, ti + tn), model.length);
  cost += turnChanges(o.speakers, oi, on) * TURN_CHANGE_IN_GROUP + turnChanges(t.speakers, ti, tn) * TURN_CHANGE_IN_GROUP;
  const originalSpeaker = firstSpeaker(o.speakers, oi, on);
  const translationSpeaker = firstSpeaker(t.speakers, ti, tn);
  if (originalSpeaker >= 0 && translationSpeaker >= 0) {
    if (model.sameSpeaker(originalSpeaker, translationSpeaker)) cost += SAME_SPEAKER;
    else if (model.comparableSpeakers(originalSpeaker, translationSpeaker)) cost += DIFFERENT_SPEAKER;
  }
  const gap = closestTimes(o.times, oi, on, t.times, ti, tn);
  if (gap <= SAME_TIME_TOLERANCE) cost += SAME_TIME;
  else if (model.timestampsAgree && gap !== Number.POSITIVE_INFINITY) cost += DIFFERENT_TIME;
  const shared = sharedAnchors(o.anchors, oi, on, t.anchors, ti, tn);
  cost += Math.min(shared, MOST_SHARED_ANCHORS) * SHARED_ANCHOR;
  return cost;
}

function sum(values: Int32Array, from: number, to: number): number {
  let total = 0;
  for (let k = from; k < to; k++) total += values[k] as number;
  return total;
}

/** How often the speaker changes between the paragraphs of a group (paragraphs without a speaker do not count). */
function turnChanges(speakers: Int32Array, from: number, count: number): number {
  let changes = 0;
  let previous = -1;
  for (let k = from; k < from + count; k++) {
    const speaker = speakers[k] as number;
    if (speaker < 0) continue;
    if (previous >= 0 && speaker !== previous) changes++;
    previous = speaker;
  }
  return changes;
}

function firstSpeaker(speakers: Int32Array, from: number, count: number): number {
  for (let k = from; k < from + count; k++) if ((speakers[k] as number) >= 0) return speakers[k] as number;
  return -1;
}

/** The smallest difference in seconds between a time of one group and a time of the other; infinite if either has none. */
function closestTimes(a: SideFeatures['times'], ai: number, an: number, b: SideFeatures['times'], bi: number, bn: number): number {
  let closest = Number.POSITIVE_INFINITY;
  for (let x = ai; x < ai + an; x++) {
    for (const first of a[x] as readonly number[]) {
      for (let y = bi; y < bi + bn; y++) {
        for (const second of b[y] as readonly number[]) closest = Math.min(closest, Math.abs(first - second));
      }
    }
  }
  return closest;
}

/** How many distinct rare anchors the two groups share. */
function sharedAnchors(a: SideFeatures['anchors'], ai: number, an: number, b: SideFeatures['anchors'], bi: number, bn: number): number {
  let shared = 0;
  const counted = new Set<number>();
  for (let x = ai; x < ai + an; x++) {
    for (const anchor of a[x] as readonly number[]) {
      if (counted.has(anchor)) continue;
      for (let y = bi; y < bi + bn; y++) {
        if ((b[y] as readonly number[]).includes(anchor)) {
          counted.add(anchor);
          shared++;
          break;
        }
      }
    }
  }
  return shared;
}

/**
 * The length ratio and variance of these two texts, from the pairs of a first run that have paragraphs on both sides.
 * The variance is the model's maximum-likelihood estimate over the pairs, leaving out the tenth that fit worst (a
 * first run's mistakes); it never goes below the published value, nor above ten times it.
 */
function estimateLengthModel(o: SideFeatures, t: SideFeatures, pairs: readonly AlignedPair[], fallback: LengthModel): LengthModel {
  const lengths: (readonly [number, number])[] = [];
  for (const pair of pairs) {
    if (isEmptyRun(pair.original) || isEmptyRun(pair.translation)) continue;
    const a = sum(o.lengths, pair.original.start, pair.original.end);
    const b = sum(t.lengths, pair.translation.start, pair.translation.end);
    if (a > 0 && b > 0) lengths.push([a, b]);
  }
  if (lengths.length < 3) return fallback;
  const ratio = lengths.reduce((total, [, b]) => total + b, 0) / lengths.reduce((total, [a]) => total + a, 0);
  const terms = lengths
    .map(([a, b]) => ({ squared: (b - ratio * a) ** 2, mean: (a + b / ratio) / 2 }))
    .sort((x, y) => x.squared / x.mean - y.squared / y.mean);
  const kept = terms.slice(0, Math.max(3, Math.ceil(terms.length * 0.9)));
  const estimate = kept.reduce((total, term) => total + term.squared, 0) / kept.reduce((total, term) => total + term.mean, 0);
  const variance = Math.min(MOST_VARIANCE_FACTOR * PUBLISHED_VARIANCE_PER_CHARACTER, Math.max(PUBLISHED_VARIANCE_PER_CHARACTER, estimate));
  return { ratio, variance };
}

/**
 * Which translation speaker speaks where each original speaker does, from the first run's pairs: the translation
 * label that opens most of the pairs an original label opens, when it does so at least twice and in most of them,
 * one translation label for one original label.
 */
function learnSpeakerCorrespondence(o: SideFeatures, t: SideFeatures, pairs: readonly AlignedPair[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  const totals = new Map<number, number>();
  for (const pair of pairs) {
    const a = firstSpeaker(o.speakers, pair.original.start, pair.original.end - pair.original.start);
    const b = firstSpeaker(t.speakers, pair.translation.start, pair.translation.end - pair.translation.start);
    if (a < 0 || b < 0) continue;
    const row = counts.get(a) ?? new Map<number, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    counts.set(a, row);
    totals.set(a, (totals.get(a) ?? 0) + 1);
  }
  const candidates: { a: number; b: number; count: number }[] = [];
  for (const [a, row] of counts) {
    for (const [b, count] of row) {
      if (count >= 2 && count > 0.5 * (totals.get(a) ?? 0)) candidates.push({ a, b, count });
    }
  }
  candidates.sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);
  const correspondence = new Map<number, number>();
  const taken = new Set<number>();
  for (const { a, b } of candidates) {
    if (correspondence.has(a) || taken.has(b)) continue;
    correspondence.set(a, b);
    taken.add(b);
  }
  return correspondence;
}

/** Whether most first-run pairs with a time on both sides have the same time there. */
function timestampsAgree(o: SideFeatures, t: SideFeatures, pairs: readonly AlignedPair[]): boolean {
  let timed = 0;
  let same = 0;
  for (const pair of pairs) {
    const gap = closestTimes(
      o.times,
      pair.original.start,
      pair.original.end - pair.original.start,
      t.times,
      pair.translation.start,
      pair.translation.end - pair.translation.start,
    );
    if (gap === Number.POSITIVE_INFINITY) continue;
    timed++;
    if (gap <= SAME_TIME_TOLERANCE) same++;
  }
  return timed >= 3 && same >= 0.75 * timed;
}
