/**
 * Builds the reader bench's baseline (scripts/bench/plain-reader/): a minimal extension whose popup
 * injects plain Readability into the tab and renders its result through Lede's sanitizer. Bundled
 * with esbuild from the repo's node_modules, minified like Lede's own build.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SRC = fileURLToPath(new URL('./plain-reader/', import.meta.url));

export async function buildPlainReader(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, minify: true, target: 'chrome120', logLevel: 'silent' } as const;
  await build({
    ...common,
    entryPoints: [join(SRC, 'inject.ts')],
    outfile: join(outDir, 'inject.js'),
    format: 'iife',
    globalName: 'plainRead',
    // The script's completion value is what executeScript returns.
    footer: { js: 'plainRead.result;' },
  });
  await build({
    ...common,
    entryPoints: [join(SRC, 'popup.ts')],
    outfile: join(outDir, 'popup.js'),
    format: 'esm',
  });
  for (const file of ['manifest.json', 'popup.html']) copyFileSync(join(SRC, file), join(outDir, file));
}
