import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { colorName } from '#shared/codebook/color-names';
import { CODE_PALETTE } from '#shared/codebook/create-code';
import { DOMAIN_COLORS } from '#shared/codebooks/add-codebook';

describe('colorName', () => {
  it('names colours as people say them', () => {
    expect(colorName('#4e79a7')).toBe('blue');
    expect(colorName('#000075')).toBe('dark blue');
    expect(colorName('#e6194b')).toBe('red');
    expect(colorName('#fabed4')).toBe('pale pink');
    expect(colorName('#9c755f')).toBe('brown');
    expect(colorName('#bab0ab')).toBe('light grey');
    expect(colorName('#667085')).toBe('grey');
    expect(colorName('#808000')).toBe('olive');
    expect(colorName('#3cb44b')).toBe('green');
    expect(colorName('#ffffff')).toBe('white');
    expect(colorName('not a colour')).toBe('a colour');
  });

  it('gives each colour of the pickers and of the codebooks’ palette its own name', () => {
    for (const palette of [CODE_PALETTE, DOMAIN_COLORS]) {
      const names = palette.map(colorName);
      expect(new Set(names).size, names.join(', ')).toBe(names.length);
    }
  });

  it('never says a hex value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const name = colorName(`#${n.toString(16).padStart(6, '0')}`);
        expect(name).toMatch(/^[a-z ]+$/);
      }),
    );
  });
});
