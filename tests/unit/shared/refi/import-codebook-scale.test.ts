/**
 * Importing a large codebook costs about one step per code: 20,000 codes (checked for correctness here; timed in
 * tests/benches/codebook-import.bench.ts). And the indexed import gives exactly what placing each code by scanning
 * every code gives (the plain definition, written out below), on random codebooks with repeated names and codes
 * already in the project.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code, Uuid } from '#shared/model/types';
import { nextCodeColor, normaliseCodeName } from '#shared/codebook/create-code';
import { orderAfter } from '#shared/codebook/code-tree';
import type { RefiCode, RefiCodebook } from '#shared/refi/read-codebook';
import { importCodebook } from '#shared/refi/import-codebook';
import { applyChange } from '#shared/model/change';
import { projectWithTranscript } from '../fixture-project.ts';

const refi = (name: string, children: RefiCode[] = [], color: string | null = null): RefiCode => ({
  guid: null,
  name,
  isCodable: true,
  color,
  description: '',
  children,
});
const book = (codes: RefiCode[]): RefiCodebook => ({ origin: null, codes, sets: 0, warnings: [] });

/** The plain definition: each code placed by scanning every code so far (what the import did before). */
function placeByScanning(existing: readonly Code[], codes: readonly RefiCode[], parent: Uuid | null) {
  const all: Pick<Code, 'id' | 'parentId' | 'name' | 'order' | 'color'>[] = [...existing];
  const made: { parentId: Uuid | null; name: string; order: number; color: string }[] = [];
  let counter = 0;
  let existingCount = 0;
  const place = (code: RefiCode, under: Uuid | null): void => {
    const name = normaliseCodeName(code.name).slice(0, 200) || 'Unnamed code';
    const match = all.find((c) => c.parentId === under && c.name.toLowerCase() === name.toLowerCase());
    let id: Uuid;
    if (match) {
      existingCount += 1;
      id = match.id;
    } else {
      id = `made-${++counter}`;
      const entry = {
        id,
        parentId: under,
        name,
        order: orderAfter(all.filter((c) => c.parentId === under) as Code[]),
        color: code.color ?? nextCodeColor(all as Code[]),
      };
      all.push(entry);
      made.push({ parentId: entry.parentId, name, order: entry.order, color: entry.color });
    }
    for (const child of code.children) place(child, id);
  };
  for (const code of codes) place(code, parent);
  return { made, existing: existingCount };
}

describe('importing a codebook', () => {
  it('places each code exactly as scanning every code would, for random codebooks with repeated names', () => {
    const name = fc.constantFrom('Trust', 'trust', ' Trust ', 'Stigma', 'Peer support', 'Hierarchy', '');
    const color = fc.option(fc.constantFrom('#aa0000', '#00aa00'), { nil: null });
    type Node = { name: string; color: string | null; children: Node[] };
    const leaf: fc.Arbitrary<Node> = fc.record({ name, color, children: fc.constant([]) });
    const level = (below: fc.Arbitrary<Node>): fc.Arbitrary<Node> =>
      fc.record({ name, color, children: fc.array(below, { maxLength: 3 }) });
    const tree = level(level(leaf));
    const toRefi = (node: Node): RefiCode => refi(node.name, node.children.map(toRefi), node.color);
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 8 }), fc.boolean(), (nodes, alreadyImported) => {
        const fresh = projectWithTranscript();
        const { newId, now } = fresh;
        const codebook = book(nodes.map(toRefi));
        const snapshot = alreadyImported
          ? applyChange(fresh.snapshot, importCodebook(fresh.snapshot, codebook, null, null, newId, now).change)
          : fresh.snapshot;
        const result = importCodebook(snapshot, codebook, null, null, newId, now);
        const expected = placeByScanning(snapshot.codes, codebook.codes, null);
        const made = result.change.put?.codes ?? [];
        expect(made.map((c) => ({ name: c.name, order: c.order, color: c.color }))).toEqual(
          expected.made.map((c) => ({ name: c.name, order: c.order, color: c.color })),
        );
        expect(result.existing).toBe(expected.existing);
        // Parents: a made code's parent is the project's or another made code, as in the definition's tree.
        const ids = new Set([...snapshot.codes.map((c) => c.id), ...made.map((c) => c.id)]);
        for (const code of made) expect(code.parentId === null || ids.has(code.parentId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('takes in 20,000 codes (200 groups of 99), each once, ordered, and nothing the second time', () => {
    const codes = Array.from({ length: 200 }, (_, group) =>
      refi(`Group ${group}`, Array.from({ length: 99 }, (_, child) => refi(`Code ${group}.${child}`))),
    );
    const { snapshot, newId, now } = projectWithTranscript();
    const result = importCodebook(snapshot, book(codes), null, null, newId, now);
    const made = result.change.put?.codes ?? [];
    expect(result.added).toBe(20_000);
    expect(new Set(made.map((c) => c.id)).size).toBe(20_000);
    const groups = made.filter((c) => c.parentId === null);
    expect(groups.map((c) => c.order)).toEqual(groups.map((_, index) => index + orderAfter(snapshot.codes.filter((c) => c.parentId === null))));
    const firstGroup = made.filter((c) => c.parentId === groups[0]?.id);
    expect(firstGroup.map((c) => c.name)).toEqual(Array.from({ length: 99 }, (_, child) => `Code 0.${child}`));
    expect(firstGroup.map((c) => c.order)).toEqual(Array.from({ length: 99 }, (_, child) => child));
    // Colours spread evenly over the palette.
    const perColour = new Map<string, number>();
    for (const code of made) perColour.set(code.color, (perColour.get(code.color) ?? 0) + 1);
    expect(Math.max(...perColour.values()) - Math.min(...perColour.values())).toBeLessThanOrEqual(1 + snapshot.codes.length);

    const after = applyChange(snapshot, result.change);
    const again = importCodebook(after, book(codes), null, null, newId, now);
    expect(again.added).toBe(0);
    expect(again.existing).toBe(20_000);
  });
});
