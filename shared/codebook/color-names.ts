/**
 * Colours said in words ("dark blue", "pale pink", "grey") for people who cannot see them or cannot tell them
 * apart: the name a screen reader reads for a code's swatch and stripe, instead of "#4e79a7". Names follow hue,
 * lightness and saturation (HSL) in broad bands, the words people use for colours, not a colour-science catalogue.
 */

/** Hue bands, in degrees, with their names: each band runs up to (not including) its `below`. */
const HUE_NAMES: readonly { readonly below: number; readonly name: string }[] = [
  { below: 12, name: 'red' },
  { below: 40, name: 'orange' },
  { below: 65, name: 'yellow' },
  { below: 90, name: 'lime' },
  { below: 150, name: 'green' },
  { below: 185, name: 'teal' },
  { below: 200, name: 'turquoise' },
  { below: 245, name: 'blue' },
  { below: 265, name: 'indigo' },
  { below: 290, name: 'purple' },
  { below: 330, name: 'magenta' },
  { below: 340, name: 'pink' },
  { below: 361, name: 'red' },
];

/** Hue (degrees), saturation and lightness (0..1) of a #rrggbb colour. */
function hsl(hex: string): { readonly hue: number; readonly saturation: number; readonly lightness: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma === 0) return { hue: 0, saturation: 0, lightness };
  const saturation = chroma / (1 - Math.abs(2 * lightness - 1));
  const sector = max === r ? ((g - b) / chroma + 6) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return { hue: sector * 60, saturation, lightness };
}

/** The name of a #rrggbb colour in words; "a colour" for anything that is not #rrggbb. */
export function colorName(hex: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return 'a colour';
  const { hue, saturation, lightness } = hsl(hex);
  if (lightness < 0.1) return 'black';
  if (lightness > 0.95) return 'white';
  if (saturation < 0.15) return lightness < 0.35 ? 'dark grey' : lightness > 0.65 ? 'light grey' : 'grey';
  let name = HUE_NAMES.find((band) => hue < band.below)?.name ?? 'red';
  // Dark yellow is olive, dark or dull oranges are what people call brown; light reds are pink.
  if (name === 'yellow' && lightness < 0.4) return 'olive';
  if (name === 'orange' && (lightness < 0.4 || (saturation < 0.45 && lightness < 0.6))) return lightness < 0.25 ? 'dark brown' : 'brown';
  if (name === 'red' && lightness > 0.7) name = 'pink';
  if (name === 'orange' && lightness > 0.8) return 'peach';
  const shade = lightness < 0.3 ? 'dark ' : lightness > 0.78 ? 'pale ' : lightness > 0.65 ? 'light ' : '';
  const dull = saturation < 0.3 && shade === '' ? 'greyish ' : '';
  return `${shade}${dull}${name}`;
}
