import { describe, expect, it } from 'vitest';
import { codeTreeCounts, codeTreeCountsFromUsage } from '#shared/codebook/code-counts';
import { buildProjectIndex } from '#shared/index/project-index';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

describe('code counts', () => {
  const study = synthesizeStudy({ documents: 8, wordsPerDocument: 600, codes: 20, codings: 300, coders: 2, seed: 11 });

  it('counts the same from the index as from the codings', () => {
    const index = buildProjectIndex(study);
    const ownCodings = new Map([...index.codingsByCode].map(([codeId, list]) => [codeId, list.length]));
    const ownDocuments = new Map([...index.documentCountsByCode].map(([codeId, perDocument]) => [codeId, [...perDocument.keys()]]));
    expect(codeTreeCountsFromUsage(study.codes, ownCodings, ownDocuments)).toEqual(codeTreeCounts(study.codes, study.codings));
  });

  it('adds the codings of subcodes to their parent, and counts a document once', () => {
    const counts = codeTreeCounts(study.codes, study.codings);
    const parent = study.codes.find((code) => study.codes.some((child) => child.parentId === code.id));
    if (!parent) throw new Error('the synthetic study has a tree');
    const children = study.codes.filter((code) => code.parentId === parent.id);
    const sum = children.reduce((total, child) => total + (counts.get(child.id)?.withDescendants.codings ?? 0), 0);
    expect(counts.get(parent.id)?.withDescendants.codings).toBe((counts.get(parent.id)?.own.codings ?? 0) + sum);
    expect(counts.get(parent.id)?.withDescendants.documents).toBeLessThanOrEqual(8);
  });
});
