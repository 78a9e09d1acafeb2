/** The heat map and bar chart SVGs of the small study (figures checked in code-matrix.test.ts). */
import { describe, expect, it } from 'vitest';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { computeCodeMatrix } from '#shared/compare/code-matrix';
import { amountColour, cellFill, domainBars, domainBarChartSvg, heatMapSvg, needsLightText, niceStep, visibleRows } from '#shared/compare/figures';
import { smallStudy } from './small-study.ts';

const study = smallStudy();
const matrix = computeCodeMatrix(buildProjectIndex(study.snapshot), study.snapshot, { grouping: { kind: 'site-phase' }, filter: NO_FILTER });

describe('heat map figure', () => {
  it('labels columns with their N, draws each cell, and writes the key, filter and method', () => {
    const svg = heatMapSvg(matrix, 'codings', { title: 'Small study & co', showNumbers: true });
    expect(svg).toContain('>Small study &amp; co<');
    for (const label of ['BU pre', 'BU post', 'KA pre', 'KA post']) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain('>1 / 10<');
    expect(svg).toContain('>0 / 0<');
    // 5 rows x 4 columns of cells; the Inner Setting row's numbers.
    expect(svg.match(/<rect x="\d+(\.\d+)?" y="\d+(\.\d+)?" width="\d+" height="22"/g)).toHaveLength(20);
    expect(svg).toContain(`fill="${cellFill(2, 2)}"`);
    expect(svg).toContain('Filter: none.');
    expect(svg).toContain('Passages: within each document');
  });

  it('leaves numbers out when asked and folded rows out when collapsed', () => {
    const svg = heatMapSvg(matrix, 'codings', { title: 't', showNumbers: false, collapsed: new Set([study.ids.codes.inner]) });
    expect(svg).not.toContain('>Culture<');
    expect(svg).toContain('>Inner Setting<');
    expect(svg.match(/height="22"/g)).toHaveLength(12);
    expect(svg).toContain('(colour only)');
    expect(visibleRows(matrix.rows, new Set([study.ids.codes.inner])).map((r) => r.code.name)).toEqual(['Inner Setting', 'Innovation', 'Cost']);
  });

  it('marks zero white, no text grey, and picks readable text colours', () => {
    expect(cellFill(0, 5)).toBe('#ffffff');
    expect(cellFill(null, 5)).toBe('#e6e6e6');
    expect(needsLightText(amountColour(1))).toBe(true);
    expect(needsLightText(amountColour(0))).toBe(false);
    expect(needsLightText('#ffffff')).toBe(false);
  });
});

describe('bar chart figure', () => {
  it('has a bar per domain and column with its value, and a key', () => {
    expect(domainBars(matrix)).toEqual({
      domains: ['Inner Setting', 'Innovation'],
      groups: [
        { label: 'BU pre', values: [2, 1] },
        { label: 'BU post', values: [1, 0] },
        { label: 'KA pre', values: [1, 0] },
        { label: 'KA post', values: [0, 0] },
      ],
    });
    const svg = domainBarChartSvg(matrix, 'Passages by domain');
    expect(svg).toContain('<title>BU pre, Inner Setting: 2</title>');
    expect(svg).toContain('>Innovation<');
    expect(niceStep(20)).toBe(5);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(130)).toBe(50);
  });
});
