import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** Icon sizes the stores and both browsers ask for. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/**
 * Renders `assets/icon.svg` to PNGs at build time, so the repo keeps one drawn source
 * and the sizes can never drift from it.
 */
export async function renderIcons(svgPath: string, outDir: string): Promise<Map<number, string>> {
  const svg = await readFile(svgPath);
  await mkdir(outDir, { recursive: true });
  const out = new Map<number, string>();
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    const file = path.join(outDir, `${size}.png`);
    await writeFile(file, png);
    out.set(size, file);
  }
  return out;
}
