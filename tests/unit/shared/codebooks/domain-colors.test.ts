/**
 * The colours a built-in codebook gives its codes: within one CFIR domain, codes next to each other in the tree
 * (and two apart) differ clearly, for normal colour vision and as seen with deuteranopia or protanopia.
 */
import { describe, expect, it } from 'vitest';
import { withCodebooks } from '#shared/codebooks/add-codebook';
import type { Code } from '#shared/model/types';
import { colorName } from '#shared/codebook/color-names';
import { projectWithTranscript } from '../fixture-project.ts';

/** Viénot, Brettel & Mollon (1999) dichromat simulation matrices, in linear sRGB. */
const SIMULATIONS: Record<string, readonly (readonly number[])[]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  deuteranopia: [[0.29275, 0.70725, 0], [0.29275, 0.70725, 0], [-0.02234, 0.02234, 1]],
  protanopia: [[0.11238, 0.88762, 0], [0.11238, 0.88762, 0], [0.00401, -0.00401, 1]],
};

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** CIELAB (D65) of a colour as seen through a simulation. */
function labSeen(hex: string, simulation: readonly (readonly number[])[]): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));
  const [r, g, b] = simulation.map((row) => Math.max(0, (row[0] as number) * (rgb[0] as number) + (row[1] as number) * (rgb[1] as number) + (row[2] as number) * (rgb[2] as number))) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The smallest CIELAB distance between two colours over the three ways of seeing them. */
function leastDifference(a: string, b: string): number {
  return Math.min(
    ...Object.values(SIMULATIONS).map((simulation) => {
      const [p, q] = [labSeen(a, simulation), labSeen(b, simulation)];
      return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
    }),
  );
}

/** The codes of each top-level domain, in tree order (depth first, by order). */
function domainsInTreeOrder(codes: readonly Code[]): Code[][] {
  const children = (parentId: string | null) => codes.filter((c) => c.parentId === parentId).sort((a, b) => a.order - b.order);
  const walk = (code: Code): Code[] => [code, ...children(code.id).flatMap(walk)];
  return children(null).map(walk);
}

describe('colours of a built-in codebook', () => {
  it.each(['cfir-2.0', 'cfir-2009'] as const)('%s: neighbouring codes of a domain can be told apart, also with colour-vision deficiency', (codebookId) => {
    const { snapshot, newId, now } = projectWithTranscript();
    const codes = withCodebooks({ ...snapshot, codes: [] }, [codebookId], null, newId, now).codes;
    const domains = domainsInTreeOrder(codes);
    expect(domains.length).toBeGreaterThanOrEqual(5);
    for (const domain of domains) {
      for (let i = 0; i < domain.length; i++) {
        for (const step of [1, 2]) {
          const [a, b] = [domain[i], domain[i + step]];
          if (!a || !b) continue;
          const difference = leastDifference(a.color, b.color);
          expect(difference, `${a.name} (${colorName(a.color)}) and ${b.name} (${colorName(b.color)})`).toBeGreaterThanOrEqual(25);
        }
      }
    }
  });
});
