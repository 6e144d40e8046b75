/**
 * Reader benchmark: popup opened → article painted on the seed page in headless Chromium,
 * with the extraction share, against a bare extension page painted in the same run; and the gzip
 * sizes of the injected extraction script and of all the popup's JavaScript.
 * `npm run bench -- reader`
 */
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MARKS } from '../../lib/reader/reader-timing';
import { launchExtension } from '../../tests/e2e/support/extension';
import { seedHtml, startFixtureServer } from '../../tests/e2e/support/fixture-server';
import type { BenchSection } from '../bench';

const RUNS = 20;
const BUDGET = { paintedMs: 200, extractKb: 60, popupKb: 160 };

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The popup's scripts: those popup.html loads or preloads, and every chunk they import, transitively. */
export function popupScripts(outDir: string, html = 'popup.html'): string[] {
  const page = readFileSync(join(outDir, html), 'utf8');
  const queue = [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) =>
    resolve(outDir, `.${m[1].startsWith('/') ? '' : '/'}${m[1]}`),
  );
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(resolve(dirname(file), m[1]));
    }
  }
  return [...seen];
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<BenchSection> {
  if (!existsSync('.output/chrome-mv3/manifest.json')) execSync('npx wxt build', { stdio: 'ignore' });
  if (!existsSync('.output/chrome-mv3-e2e/manifest.json'))
    execSync('npx wxt build --mode e2e', { stdio: 'ignore' });

  const extractKb = gzipKb('.output/chrome-mv3/content-scripts/extract.js');
  const scripts = popupScripts('.output/chrome-mv3');
  const popupKb = scripts.reduce((sum, f) => sum + gzipKb(f), 0);

  // A copy of the e2e build plus a bare page: the baseline is the same browser painting an
  // extension page that does nothing.
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  cpSync('.output/chrome-mv3-e2e', dir, { recursive: true });
  writeFileSync(
    join(dir, 'bench-blank.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>blank</title><script type="module" src="/bench-blank.js"></script></head><body><p>Lede</p></body></html>',
  );
  writeFileSync(
    join(dir, 'bench-blank.js'),
    "requestAnimationFrame(() => setTimeout(() => performance.mark('bench:painted'), 0));",
  );

  const server = await startFixtureServer();
  const ext = await launchExtension(dir);
  try {
    const article = await ext.context.newPage();
    await article.goto(server.page('/2024/zelensky-nato/', seedHtml()));
    const tabId = await ext.tabIdOf(article);

    async function measure(path: string, mark: string) {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
        timeout: 10_000,
      });
      const timing = await page.evaluate(
        // No named inner functions here: tsx would wrap them in a helper the page does not have.
        ({ mark, boot, start, end }) => ({
          boot: performance.getEntriesByName(boot)[0]?.startTime ?? Number.NaN,
          painted: performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
          extract:
            (performance.getEntriesByName(end)[0]?.startTime ?? Number.NaN) -
            (performance.getEntriesByName(start)[0]?.startTime ?? Number.NaN),
        }),
        { mark, boot: MARKS.boot, start: MARKS.extractStart, end: MARKS.extractEnd },
      );
      await page.close();
      return timing;
    }

    // Warm-up: the first opening compiles the extension's scripts.
    await measure(`popup.html?tab=${tabId}`, MARKS.painted);
    await measure('bench-blank.html', 'bench:painted');
    const popup: number[] = [];
    const extract: number[] = [];
    const boot: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await measure(`popup.html?tab=${tabId}`, MARKS.painted);
      popup.push(t.painted);
      extract.push(t.extract);
      boot.push(t.boot);
      blank.push((await measure('bench-blank.html', 'bench:painted')).painted);
    }
    const p = stats(popup);
    const e = stats(extract);
    const b = stats(blank);
    const s = stats(boot);
    const results = {
      runs: RUNS,
      popupToPaintedMs: { median: round(p.median), p95: round(p.p95), budget: BUDGET.paintedMs },
      extractionMs: { median: round(e.median), p95: round(e.p95), shareOfMedian: round(e.median / p.median) },
      scriptStartMs: { median: round(s.median), p95: round(s.p95) },
      baselineBlankPageMs: { median: round(b.median), p95: round(b.p95) },
      ratioToBaseline: round(p.median / b.median),
      extractJsGzipKb: { size: round(extractKb), budget: BUDGET.extractKb },
      popupJsGzipKb: {
        size: round(popupKb),
        budget: BUDGET.popupKb,
        files: scripts.map((f) => f.slice(f.indexOf('chrome-mv3/') + 'chrome-mv3/'.length)),
      },
      pass: p.median <= BUDGET.paintedMs && extractKb <= BUDGET.extractKb && popupKb <= BUDGET.popupKb,
    };
    const table = [
      '| measure | median | p95 | budget |',
      '|---|---:|---:|---:|',
      `| popup opened → article painted (seed page) | ${round(p.median)} ms | ${round(p.p95)} ms | ≤ ${BUDGET.paintedMs} ms |`,
      `| … of which extraction (executeScript round trip) | ${round(e.median)} ms (${Math.round((100 * e.median) / p.median)} %) | ${round(e.p95)} ms | |`,
      `| … popup script running (page load + bundle) | ${round(s.median)} ms | ${round(s.p95)} ms | |`,
      `| baseline: bare extension page painted | ${round(b.median)} ms | ${round(b.p95)} ms | |`,
      `| ratio popup / baseline | ${round(p.median / b.median)}× | | |`,
      `| extract.js gzip | ${round(extractKb)} KB | | ≤ ${BUDGET.extractKb} KB |`,
      `| popup JS gzip (${scripts.length} files) | ${round(popupKb)} KB | | ≤ ${BUDGET.popupKb} KB |`,
    ].join('\n');
    return { name: 'reader', table, results };
  } finally {
    await ext.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
