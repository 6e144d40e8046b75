/**
 * The e2e build for the library-page benches (library, people, highlights): built as `npm run
 * build:e2e` builds it (production code plus loopback host permissions), copied to a temporary
 * folder with a bare page, `bench-blank.html`, that each bench paints as its same-run baseline.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const EXT_DIR = resolve('.output/chrome-mv3-e2e');

/** Builds the e2e extension and returns a copy of it holding `bench-blank.html` with `blankBody`. */
export function benchExtensionCopy(name: string, blankBody: string): string {
  const built = spawnSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'ignore' });
  if (built.status !== 0 || !existsSync(EXT_DIR)) throw new Error('npm run build:e2e failed');
  const dir = mkdtempSync(join(tmpdir(), `lede-bench-${name}-`));
  cpSync(EXT_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, 'bench-blank.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body>${blankBody}</body></html>`,
  );
  return dir;
}

/** A page-side bench harness (`_*-page.ts` next to this file) bundled for `page.evaluate`. */
export async function bundlePageHarness(file: string): Promise<string> {
  const result = await build({
    entryPoints: [new URL(file, import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
