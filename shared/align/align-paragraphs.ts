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
 * - timestamps: a pair whose sides begin at the same time (to the second) costs less, and, where the two texts'
 *   times agree, one whose sides begin at different times costs more; a time on one side only says nothing;
 * - numbers and names that both sides share and that are rare in the texts (in at most three paragraphs).
 * A paragraph with no counterpart costs its prior and a small charge per character (what translators leave out or add
 * is short), not Gale & Church's length term: a paragraph left out or added has no translation whose length could be
 * compared, and their steep charge made a translator's note cheaper to merge into its neighbour than to stand alone.
 *
 * The aligner runs twice. The first run uses the published length variance, the length ratio of the whole texts and
 * speakers whose labels say the same role and number ("P3" and "Teilnehmerin 3"). The second run uses what the
 * first run's pairs show: the length ratio of these two texts and how much their paragraphs spread around it, which
 * original label speaks where which translation label does ("Mshiriki 3" where "P3"), and whether the two texts'
 * timestamps agree (then differing times count against a pair).
 *
 * Pairs a user fixed are kept: the texts are cut at them and the programme runs between them.
 */
import { matchSpeakerLabel } from '../import/speaker-label.ts';
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
  /** Search the whole grid even for long texts, not a band around the diagonal (slower: for checking the band). */
  readonly searchWholeGrid?: boolean;
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

/**
 * What a paragraph without a counterpart costs per character, besides its prior: 1, that is a probability falling by
 * e for every 100 characters. What translators leave out is short (back-channel turns, laughter) and what they add is
 * a short note; a long turn is rarely dropped whole.
 */
const UNPAIRED_COST_PER_CHARACTER = 1;
/** Times this close (seconds) are the same time: a translation copies them, up to rounding to the second. */
const SAME_TIME_TOLERANCE = 0.5;
/** A name or number in more paragraphs than this on either side is too common to anchor a pair. */
const RARE_ANCHOR_PARAGRAPHS = 3;
/** The most paragraph spread (v², see `LengthModel`) the second run may use. */
const MOST_PARAGRAPH_SPREAD = 0.25;
/** The median of the square of a standard normal variable. */
const CHI_SQUARE_1_MEDIAN = 0.4549;
/** How many pairs a first run must have found before the second run estimates from them. */
const MIN_PAIRS_TO_ESTIMATE = 5;

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
  /**
   * Whose voice each paragraph is, as a speaker identity number: its speaker's, the note voice for a paragraph that
   * is all a note, and for a paragraph without a label the voice of the last labelled paragraph before it (a turn
   * that runs over several paragraphs labels only the first); -1 before the first label.
   */
  readonly voices: Int32Array;
  /** 1 where the voice is the paragraph's own (a label or a note), 0 where it is carried on from before. */
  readonly ownVoice: Uint8Array;
  /** 1 where the paragraph is all a note. */
  readonly notes: Uint8Array;
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
    ...voicesOf(paragraphs, identityOf),
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

  const originalIdentities = new Set(o.voices);
  const translationIdentities = new Set(t.voices);
  const totalOriginal = sum(o.lengths, 0, o.lengths.length);
  const totalTranslation = sum(t.lengths, 0, t.lengths.length);
  const firstModel: CostModel = {
    length: {
      ratio: totalOriginal > 0 && totalTranslation > 0 ? totalTranslation / totalOriginal : 1,
      variance: PUBLISHED_VARIANCE_PER_CHARACTER,
      paragraphSpread: 0,
    },
    sameSpeaker: (a, b) => a === b,
    comparableSpeakers: (a, b) => translationIdentities.has(a) || originalIdentities.has(b),
    timestampsAgree: false,
  };
  const wholeGrid = input.searchWholeGrid === true;
  const firstPairs = alignWithFixed(o, t, fixed, firstModel, wholeGrid);

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
  const pairs = alignWithFixed(o, t, fixed, secondModel, wholeGrid, firstPairs);
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

/**
 * The whole alignment: the fixed pairs as they are, the programme's pairs between them. `guide` is a first run's
 * alignment, around whose path a second run searches.
 */
function alignWithFixed(
  o: SideFeatures,
  t: SideFeatures,
  fixed: readonly AlignedPair[],
  model: CostModel,
  wholeGrid: boolean,
  guide: readonly AlignedPair[] | null = null,
): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  let originalAt = 0;
  let translationAt = 0;
  const search = (originalRun: ParagraphRun, translationRun: ParagraphRun): AlignedPair[] =>
    alignRun(o, t, originalRun, translationRun, model, wholeGrid, guide === null ? null : guideRows(guide, originalRun, translationRun));
  for (const pair of fixed) {
    pairs.push(...search({ start: originalAt, end: pair.original.start }, { start: translationAt, end: pair.translation.start }));
    pairs.push(pair);
    originalAt = pair.original.end;
    translationAt = pair.translation.end;
  }
  pairs.push(...search({ start: originalAt, end: o.lengths.length }, { start: translationAt, end: t.lengths.length }));
  return pairs;
}

/** For each row of a run's grid, the columns a guiding path passes through there, or null if it leaves the run. */
function guideRows(guide: readonly AlignedPair[], originalRun: ParagraphRun, translationRun: ParagraphRun): BandRows | null {
  const n = originalRun.end - originalRun.start;
  const low = new Int32Array(n + 1).fill(-1);
  const high = new Int32Array(n + 1).fill(-1);
  low[0] = 0;
  high[0] = 0;
  let i = 0;
  let j = 0;
  for (const pair of guide) {
    if (pair.original.end <= originalRun.start && pair.translation.end <= translationRun.start) continue;
    if (pair.original.start >= originalRun.end && pair.translation.start >= translationRun.end) break;
    if (pair.original.start < originalRun.start || pair.translation.start < translationRun.start) return null;
    if (pair.original.end > originalRun.end || pair.translation.end > translationRun.end) return null;
    const nextI = pair.original.end - originalRun.start;
    const nextJ = pair.translation.end - translationRun.start;
    // Every row the pair spans takes in the columns where it starts and ends (a little more than the path touches).
    for (let row = i; row <= nextI; row++) {
      low[row] = low[row] === -1 ? j : Math.min(low[row] as number, j);
      high[row] = Math.max(high[row] as number, nextJ);
    }
    i = nextI;
    j = nextJ;
  }
  if (i !== n || j !== translationRun.end - translationRun.start) return null;
  return { low, high };
}

/**
 * The cheapest sequence of pairs that covers these runs of the two texts exactly.
 *
 * Long runs are searched in a band around the diagonal rather than the whole grid (a 30,000-word transcript has a
 * thousand paragraphs a side, a million cells). The band starts half as wide as the runs differ in paragraphs, plus
 * a margin: paragraphs left out on one side are spread through a transcript, so the path strays from the diagonal
 * by far less than their number. When the best path comes near the band's edge, the band is doubled and the search
 * run again, so the band does not decide the answer; at worst it grows to the whole grid. A second run searches a
 * narrower band around the first run's path, which it mostly keeps.
 */
function alignRun(
  o: SideFeatures,
  t: SideFeatures,
  originalRun: ParagraphRun,
  translationRun: ParagraphRun,
  model: CostModel,
  wholeGrid: boolean,
  guide: BandRows | null,
): AlignedPair[] {
  const n = originalRun.end - originalRun.start;
  const m = translationRun.end - translationRun.start;
  if (n === 0 && m === 0) return [];
  const whole = wholeGrid || (n + 1) * (m + 1) <= FULL_GRID_CELLS;
  let halfWidth = whole
    ? Math.max(n, m)
    : guide !== null
      ? GUIDED_HALF_WIDTH
      : Math.max(MIN_BAND_HALF_WIDTH, Math.ceil(Math.abs(n - m) / 2) + BAND_EDGE * 2);
  for (;;) {
    const result = alignInBand(o, t, originalRun, translationRun, model, halfWidth, whole ? null : guide);
    if (!result.nearEdge || halfWidth >= Math.max(n, m)) return result.pairs;
    halfWidth *= 2;
  }
}

/** The grid size up to which a run is searched whole. */
const FULL_GRID_CELLS = 250_000;
/** The half-width of a band around a first run's path, in paragraphs, before any widening. */
const GUIDED_HALF_WIDTH = 16;
/** The least half-width of a band, in paragraphs. */
const MIN_BAND_HALF_WIDTH = 24;
/** A path this close to the band's edge (in paragraphs) may have been bent by it: the band is widened. */
const BAND_EDGE = 8;

/** Per row of a grid (original paragraphs), the first and last column (translation paragraphs) of interest. */
interface BandRows {
  readonly low: Int32Array;
  readonly high: Int32Array;
}

/**
 * The dynamic programme within a band of `halfWidth` paragraphs either side of a guiding path, or of the diagonal
 * when there is none.
 */
function alignInBand(
  o: SideFeatures,
  t: SideFeatures,
  originalRun: ParagraphRun,
  translationRun: ParagraphRun,
  model: CostModel,
  halfWidth: number,
  guide: BandRows | null,
): { readonly pairs: AlignedPair[]; readonly nearEdge: boolean } {
  const n = originalRun.end - originalRun.start;
  const m = translationRun.end - translationRun.start;
  // Row i covers columns low[i]..high[i]; rows overlap so that a path can always go on.
  const low = new Int32Array(n + 1);
  const high = new Int32Array(n + 1);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const centre = n === 0 ? 0 : (i * m) / n;
    low[i] = Math.max(0, (guide ? (guide.low[i] as number) : Math.floor(centre)) - halfWidth);
    high[i] = Math.min(m, (guide ? (guide.high[i] as number) : Math.ceil(centre)) + halfWidth);
    if (i > 0) low[i] = Math.min(low[i] as number, high[i - 1] as number);
    offset[i + 1] = (offset[i] as number) + (high[i] as number) - (low[i] as number) + 1;
  }
  low[0] = 0;
  high[n] = m;
  offset[n + 1] = (offset[n] as number) + m - (low[n] as number) + 1;
  const cells = offset[n + 1] as number;
  const cost = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
  const back = new Uint8Array(cells);
  const cellCost = (i: number, j: number): number =>
    j < (low[i] as number) || j > (high[i] as number) ? Number.POSITIVE_INFINITY : (cost[(offset[i] as number) + j - (low[i] as number)] as number);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const rowLow = low[i] as number;
    const rowHigh = high[i] as number;
    const rowOffset = offset[i] as number;
    for (let j = rowLow; j <= rowHigh; j++) {
      if (i === 0 && j === 0) continue;
      let best = Number.POSITIVE_INFINITY;
      let bestMove = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const move = MOVES[k] as Move;
        if (move.original > i || move.translation > j) continue;
        const before = cellCost(i - move.original, j - move.translation);
        if (before === Number.POSITIVE_INFINITY) continue;
        const total =
          before +
          pairCost(o, t, originalRun.start + i - move.original, move.original, translationRun.start + j - move.translation, move.translation, move.kind, model);
        if (total < best) {
          best = total;
          bestMove = k;
        }
      }
      cost[rowOffset + j - rowLow] = best;
      back[rowOffset + j - rowLow] = bestMove;
    }
  }
  const pairs: AlignedPair[] = [];
  let nearEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (((low[i] as number) > 0 && j - (low[i] as number) < BAND_EDGE) || ((high[i] as number) < m && (high[i] as number) - j < BAND_EDGE)) nearEdge = true;
    const move = MOVES[back[(offset[i] as number) + j - (low[i] as number)] as number] as Move;
    const originalStart = originalRun.start + i - move.original;
    const translationStart = translationRun.start + j - move.translation;
    pairs.push({
      original: { start: originalStart, end: originalStart + move.original },
      translation: { start: translationStart, end: translationStart + move.translation },
    });
    i -= move.original;
    j -= move.translation;
  }
  return { pairs: pairs.reverse(), nearEdge };
}

/** The cost of pairing original paragraphs [oi, oi+on) with translation paragraphs [ti, ti+tn). */
function pairCost(o: SideFeatures, t: SideFeatures, oi: number, on: number, ti: number, tn: number, kind: BeadKind, model: CostModel): number {
  let cost = BEAD_PRIOR_COSTS[kind];
  if (on === 0) return cost + (t.lengths[ti] as number) * UNPAIRED_COST_PER_CHARACTER;
  if (tn === 0) return cost + (o.lengths[oi] as number) * UNPAIRED_COST_PER_CHARACTER;
  cost += lengthCost(sum(o.lengths, oi, oi + on), sum(t.lengths, ti, ti + tn), model.length);
  cost += (turnChanges(o, oi, on) + turnChanges(t, ti, tn)) * TURN_CHANGE_IN_GROUP;
  // The voices that open the two sides. A carried-on voice counts for a pair but not against it: a label the importer
  // did not recognise (a name used only once) leaves its paragraph with the voice before it.
  const originalVoice = o.voices[oi] as number;
  const translationVoice = t.voices[ti] as number;
  if (originalVoice >= 0 && translationVoice >= 0) {
    if (model.sameSpeaker(originalVoice, translationVoice)) cost += SAME_SPEAKER;
    else if (o.ownVoice[oi] === 1 && t.ownVoice[ti] === 1 && model.comparableSpeakers(originalVoice, translationVoice)) cost += DIFFERENT_SPEAKER;
  }
  const time = timeEvidence(o.times, oi, on, t.times, ti, tn);
  if (time === 'same') cost += SAME_TIME;
  else if (time === 'different' && model.timestampsAgree) cost += DIFFERENT_TIME;
  const shared = sharedAnchors(o.anchors, oi, on, t.anchors, ti, tn);
  cost += Math.min(shared, MOST_SHARED_ANCHORS) * SHARED_ANCHOR;
  return cost;
}

function sum(values: Int32Array, from: number, to: number): number {
  let total = 0;
  for (let k = from; k < to; k++) total += values[k] as number;
  return total;
}

/** The voices of a text's paragraphs (see `SideFeatures`). */
function voicesOf(paragraphs: readonly AlignmentParagraph[], identityOf: (label: string | null) => number): Pick<SideFeatures, 'voices' | 'ownVoice' | 'notes'> {
  const voices = new Int32Array(paragraphs.length);
  const ownVoice = new Uint8Array(paragraphs.length);
  const notes = new Uint8Array(paragraphs.length);
  let speaking = -1;
  let label: string | null;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.speaker !== null) {
      speaking = identityOf(paragraph.speaker);
      voices[index] = speaking;
      ownVoice[index] = 1;
    } else if ((label = unrecognisedLabel(paragraph.text)) !== null) {
      // A label the importer left alone (a name written only once, "Mshiriki 7:") still says a new voice speaks.
      speaking = identityOf(label);
      voices[index] = speaking;
      ownVoice[index] = 1;
    } else if (isNoteParagraph(paragraph.text)) {
      // A note does not end the turn it interrupts: the paragraph after "[laughter]" is still the speaker's.
      voices[index] = identityOf(NOTE_VOICE);
      ownVoice[index] = 1;
      notes[index] = 1;
    } else {
      voices[index] = speaking;
    }
  });
  return { voices, ownVoice, notes };
}

/** The label that opens a paragraph without a speaker, by the importer's rules for a label, or null. */
function unrecognisedLabel(text: string): string | null {
  return matchSpeakerLabel(text)?.label ?? null;
}

/**
 * How often the voice changes between the paragraphs of a group: between two known speakers, or between a note and
 * speech (also where the texts have no speaker labels at all).
 */
function turnChanges(side: SideFeatures, from: number, count: number): number {
  let changes = 0;
  for (let k = from + 1; k < from + count; k++) {
    const previous = side.voices[k - 1] as number;
    const voice = side.voices[k] as number;
    if (side.notes[k - 1] !== side.notes[k] || (previous >= 0 && voice >= 0 && voice !== previous)) changes++;
  }
  return changes;
}

/**
 * What the timestamps say about a pair of groups. Where both groups' first paragraphs carry a time, those times
 * (when each group begins) decide: the same to the second, or different. Otherwise any time of one group that is
 * the same as a time of the other counts, any times at all that differ count against, and no times say nothing.
 */
function timeEvidence(a: SideFeatures['times'], ai: number, an: number, b: SideFeatures['times'], bi: number, bn: number): 'same' | 'different' | 'none' {
  const opening = (a[ai] as readonly number[])[0];
  const otherOpening = (b[bi] as readonly number[])[0];
  if (opening !== undefined && otherOpening !== undefined) return Math.abs(opening - otherOpening) <= SAME_TIME_TOLERANCE ? 'same' : 'different';
  const gap = closestTimes(a, ai, an, b, bi, bn);
  return gap <= SAME_TIME_TOLERANCE ? 'same' : gap === Number.POSITIVE_INFINITY ? 'none' : 'different';
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

/** How many distinct rare anchors the two groups share (most paragraphs have none, so that is checked first). */
function sharedAnchors(a: SideFeatures['anchors'], ai: number, an: number, b: SideFeatures['anchors'], bi: number, bn: number): number {
  let found: number[] | null = null;
  for (let x = ai; x < ai + an; x++) {
    for (const anchor of a[x] as readonly number[]) {
      if (found?.includes(anchor)) continue;
      for (let y = bi; y < bi + bn; y++) {
        if ((b[y] as readonly number[]).includes(anchor)) {
          (found ??= []).push(anchor);
          break;
        }
      }
    }
  }
  return found === null ? 0 : found.length;
}

/**
 * The length ratio of these two texts and the spread of their paragraphs, from the pairs of a first run that have
 * paragraphs on both sides. The ratio is total over total. With Gale & Church's per-character variance kept, the
 * paragraph spread v² is chosen so that the squared standardised differences of the longer half of the pairs have
 * the median a normal distribution gives them (0.455, the median of χ² with one degree of freedom): a median, so
 * that the first run's mistakes do not decide it. It is at most 0.25 (a paragraph's length spread by half of itself).
 */
function estimateLengthModel(o: SideFeatures, t: SideFeatures, pairs: readonly AlignedPair[], fallback: LengthModel): LengthModel {
  const lengths: (readonly [number, number])[] = [];
  for (const pair of pairs) {
    if (isEmptyRun(pair.original) || isEmptyRun(pair.translation)) continue;
    const a = sum(o.lengths, pair.original.start, pair.original.end);
    const b = sum(t.lengths, pair.translation.start, pair.translation.end);
    if (a > 0 && b > 0) lengths.push([a, b]);
  }
  if (lengths.length < MIN_PAIRS_TO_ESTIMATE) return fallback;
  const ratio = lengths.reduce((total, [, b]) => total + b, 0) / lengths.reduce((total, [a]) => total + a, 0);
  const variance = fallback.variance;
  // The longer half of the pairs: in short ones the per-character variance covers the spread, which would hide it.
  const allTerms = lengths.map(([a, b]) => ({ squared: (b - ratio * a) ** 2, mean: (a + b / ratio) / 2 })).sort((x, y) => x.mean - y.mean);
  const terms = allTerms.slice(Math.floor(allTerms.length / 2));
  const medianDelta = (spread: number): number => {
    const deltas = terms.map((term) => term.squared / (variance * term.mean + spread * term.mean * term.mean)).sort((x, y) => x - y);
    return deltas[Math.floor((deltas.length - 1) / 2)] as number;
  };
  let paragraphSpread = 0;
  if (medianDelta(0) > CHI_SQUARE_1_MEDIAN) {
    // The median falls as the spread grows: bisect for the spread that puts it where it belongs.
    let low = 0;
    let high = MOST_PARAGRAPH_SPREAD;
    if (medianDelta(high) > CHI_SQUARE_1_MEDIAN) low = high;
    else {
      for (let step = 0; step < 40; step++) {
        const middle = (low + high) / 2;
        if (medianDelta(middle) > CHI_SQUARE_1_MEDIAN) low = middle;
        else high = middle;
      }
    }
    paragraphSpread = low;
  }
  return { ratio, variance, paragraphSpread };
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
    if (isEmptyRun(pair.original) || isEmptyRun(pair.translation)) continue;
    // Only labels count here: a carried-on voice says nothing about which labels correspond.
    if (o.ownVoice[pair.original.start] !== 1 || t.ownVoice[pair.translation.start] !== 1) continue;
    const a = o.voices[pair.original.start] as number;
    const b = t.voices[pair.translation.start] as number;
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
    if (isEmptyRun(pair.original) || isEmptyRun(pair.translation)) continue;
    const evidence = timeEvidence(
      o.times,
      pair.original.start,
      pair.original.end - pair.original.start,
      t.times,
      pair.translation.start,
      pair.translation.end - pair.translation.start,
    );
    if (evidence === 'none') continue;
    timed++;
    if (evidence === 'same') same++;
  }
  return timed >= 3 && same >= 0.75 * timed;
}
