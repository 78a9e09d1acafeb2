/**
 * Saving the Compare view's pictures and tables: SVG as drawn, PNG rendered from the same SVG at print resolution
 * (four times the screen's 96 px per inch, about 384 dpi), and CSV.
 */
import { UserError } from '#shared/model/user-error';
import { platformApi } from '../../platform/api.ts';
import { savedFileNotice } from '../../platform/saved-file.ts';
import { attempt, notify } from '../../state/workspace-store.ts';

/** Pixels per SVG unit in a PNG: 4 x 96 = 384 dots per inch at the figure's size, above the 300 dpi journals ask. */
export const PNG_SCALE = 4;

/** Renders an SVG document to PNG bytes at `scale` times its size, on a white background. */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Uint8Array> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(image.naturalWidth * scale);
  canvas.height = Math.ceil(image.naturalHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new UserError('This window cannot draw pictures (no canvas).');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new UserError('The picture could not be made into a PNG.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** A file name from a title, safe on every file system. */
export function fileName(title: string, extension: string): string {
  const base = [...title].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'figure';
  return `${base}.${extension}`;
}

const KINDS = {
  svg: { name: 'SVG picture', title: 'Export the picture (SVG)' },
  png: { name: 'PNG picture', title: 'Export the picture (PNG, print resolution)' },
  csv: { name: 'CSV table', title: 'Export the table (CSV)' },
  docx: { name: 'Word document', title: 'Export the table (Word)' },
} as const;

/**
 * Saves a picture or table the user asked for, saying where it went: SVG, PNG and CSV from text, a Word table from
 * the bytes `content` makes.
 */
export async function exportFigure(kind: keyof typeof KINDS, title: string, content: () => string | Promise<Uint8Array>): Promise<void> {
  await attempt(kind === 'png' ? 'Drawing the picture…' : kind === 'docx' ? 'Writing the Word table…' : null, async () => {
    const made = await content();
    const bytes = typeof made !== 'string' ? made : kind === 'png' ? await svgToPng(made) : new TextEncoder().encode(made);
    const result = await platformApi().saveFile({
      title: KINDS[kind].title,
      suggestedName: fileName(title, kind),
      filters: [{ name: KINDS[kind].name, extensions: [kind] }],
      bytes,
    });
    if (result.status !== 'cancelled') notify('info', savedFileNotice(KINDS[kind].name, result));
  });
}
