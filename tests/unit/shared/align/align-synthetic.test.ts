/**
 * The aligner's quality on long synthetic translated focus groups with a known alignment (see
 * tests/fixtures/align/synthetic-bilingual.ts): the share of the true pairs it finds exactly, by how much the texts
 * give it to go on. The floors sit a little under what it finds today, so a change that makes it worse fails.
 */
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '#shared/align/align-paragraphs';
import { runAsParagraphNumbers } from '#shared/align/aligned-pairs';
import { alignmentParagraphsOfImport } from '#shared/align/alignment-paragraphs';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { type SyntheticBilingualOptions, syntheticBilingual } from '../../../fixtures/align/synthetic-bilingual.ts';

/** The share of the true pairs found exactly, over seeds 1 to `seeds`. */
function recall(options: Omit<SyntheticBilingualOptions, 'seed'>, seeds: number): number {
  let found = 0;
  let total = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const texts = syntheticBilingual({ ...options, seed });
    const { pairs } = alignParagraphs({
      original: alignmentParagraphsOfImport(recogniseTranscript(texts.original)),
      translation: alignmentParagraphsOfImport(recogniseTranscript(texts.translation)),
    });
    const keys = new Set(pairs.map((pair) => JSON.stringify({ translation: runAsParagraphNumbers(pair.translation), original: runAsParagraphNumbers(pair.original) })));
    for (const pair of texts.expected) {
      total++;
      if (keys.has(JSON.stringify(pair))) found++;
    }
  }
  return found / total;
}

describe('alignParagraphs on long synthetic translations', { timeout: 120_000 }, () => {
  it('finds nearly all pairs when speakers are labelled and timestamps agree', () => {
    expect(recall({ words: 3000, timestamps: 'both', speakerLabels: true, lengthSpread: 0.15 }, 3)).toBeGreaterThanOrEqual(0.97);
  });

  it('finds most pairs with labels but no timestamps, even when the translator’s wordiness varies widely', () => {
    expect(recall({ words: 3000, timestamps: 'none', speakerLabels: true, lengthSpread: 0.3 }, 3)).toBeGreaterThanOrEqual(0.93);
  });

  it('still finds most pairs from lengths, timestamps, numbers and names alone', () => {
    expect(recall({ words: 3000, timestamps: 'both', speakerLabels: false, lengthSpread: 0.15 }, 3)).toBeGreaterThanOrEqual(0.86);
  });

  it('finds in its band around the diagonal the same pairs as a search of the whole grid', () => {
    const texts = syntheticBilingual({ seed: 11, words: 20_000, timestamps: 'none', speakerLabels: true, lengthSpread: 0.25 });
    const original = alignmentParagraphsOfImport(recogniseTranscript(texts.original));
    const translation = alignmentParagraphsOfImport(recogniseTranscript(texts.translation));
    // Large enough for the band (more than 250,000 cells).
    expect((original.length + 1) * (translation.length + 1)).toBeGreaterThan(250_000);
    const banded = alignParagraphs({ original, translation }).pairs;
    expect(alignParagraphs({ original, translation, searchWholeGrid: true }).pairs).toEqual(banded);
  });

  it('is as good on a 15,000-word transcript, which it searches in a band around the diagonal', () => {
    expect(recall({ words: 15_000, timestamps: 'original', speakerLabels: true, lengthSpread: 0.2 }, 1)).toBeGreaterThanOrEqual(0.96);
  });
});
