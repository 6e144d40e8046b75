/**
 * `npm run bench -- highlights`: the reader's own highlights in the 10,000-article bench
 * library (scripts/bench/_library-corpus.ts) with 1,000 highlights over 1,000 articles, in
 * headless Chromium inside the built e2e extension. Measures the library's Highlights view
 * painted (Element Timing, fresh loads of library.html?view=highlights) against a bare extension
 * page painted in the same run (and on the first load after a highlight was saved, when no paint
 * snapshot is trusted: lib/library/paint-snapshot.ts), and saving one highlight against a bare put.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SNAPSHOT_MARK } from '../../lib/library/paint-snapshot';
import { launchExtension } from '../../tests/e2e/support/extension';
import type { BenchSection } from '../bench';
import { benchExtensionCopy, bundlePageHarness } from './_bench-extension';

const ARTICLES = Number(process.env.LEDE_BENCH_ARTICLES ?? 10_000);
const HIGHLIGHTS = Number(process.env.LEDE_BENCH_HIGHLIGHTS ?? 1_000);
const PAINTED_MARK = 'lede:highlights-painted';
const LOADS = 11;
/** Loads right after a write to the highlights: the first visit since a change. */
const COLD_LOADS = 5;
const SAVES = 30;
const SETTLE_MS = 5000;

/** Read in the page once it is done: when the first highlight entries were painted. */
const READ_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries().filter((e) => e.identifier === 'highlight-entry');
    resolve({
      painted: Math.min(...entries.map((e) => e.renderTime || e.loadTime)),
      mark: performance.getEntriesByName(${JSON.stringify(PAINTED_MARK)})[0]?.startTime ?? NaN,
      boot: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      read: performance.getEntriesByName('lede:highlights-read')[0]?.startTime ?? NaN,
      snapshot: performance.getEntriesByName(${JSON.stringify(SNAPSHOT_MARK)})[0]?.startTime ?? NaN,
    });
  }).observe({ type: 'element', buffered: true });
})`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const pass = (v: number, limit: number) => (v <= limit ? 'ok' : 'OVER');

function call(page: Page, harness: string, name: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([h, n, a]) =>
      (
        (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[h as string][
          n as string
        ] as (...x: unknown[]) => unknown
      )(...(a as unknown[])),
    [harness, name, args] as const,
  );
}

function progress(step: string): void {
  process.stderr.write(`[highlights bench ${new Date().toISOString().slice(11, 19)}] ${step}\n`);
}

type Load = { painted: number; mark: number; boot: number; read: number; snapshot: number };

/** One fresh load of `path`: when it painted, and its steps. */
async function loadOnce(
  open: (path: string) => Promise<Page>,
  path: string,
  wait: (p: Page) => Promise<unknown>,
) {
  const page = await open(path);
  await wait(page);
  const load = (await page.evaluate(READ_PAINT)) as Load;
  await page.close();
  return load;
}

/** Fresh loads of `path`, the first a warm-up; the painted time of each measured one. */
async function paintTimes(
  open: (path: string) => Promise<Page>,
  path: string,
  wait: (p: Page) => Promise<unknown>,
) {
  const times: Load[] = [];
  for (let r = 0; r <= LOADS; r++) times.push(await loadOnce(open, path, wait));
  return times.slice(1);
}

export async function run(): Promise<BenchSection> {
  const code = await bundlePageHarness('./_highlights-page.ts');
  // The baseline: the same browser painting an extension page with one quote and nothing else.
  const dir = benchExtensionCopy(
    'highlights',
    '<blockquote elementtiming="highlight-entry">Lede</blockquote>',
  );
  const ext = await launchExtension(dir);
  try {
    const open = (path: string) => ext.openExtensionPage(path);
    progress(`populating ${ARTICLES} articles`);
    let page = await open('manifest.json');
    await page.evaluate(code);
    const populated = (await call(page, '__ledeBench', 'populate', ARTICLES)) as { ms: number };
    progress(`adding ${HIGHLIGHTS} highlights`);
    const added = (await call(page, '__ledeHighlightsBench', 'addHighlights', HIGHLIGHTS)) as {
      ms: number;
      highlights: number;
      articles: number;
    };
    await page.close();
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));

    progress('Highlights view painted');
    const painted = (p: Page) =>
      p.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PAINTED_MARK, {
        timeout: 30_000,
      });
    const view = await paintTimes(open, 'library.html?view=highlights', painted);
    // Loads right after a highlight is saved from another page: no paint snapshot is trusted then.
    const cold: Load[] = [];
    for (let r = 0; r < COLD_LOADS; r++) {
      const writer = await open('manifest.json');
      await writer.evaluate(code);
      await call(writer, '__ledeHighlightsBench', 'saveHighlight', 1);
      await writer.close();
      cold.push(await loadOnce(open, 'library.html?view=highlights', painted));
    }
    const blank = await paintTimes(open, 'bench-blank.html', (p) => p.waitForTimeout(300));

    progress('saving a highlight');
    page = await open('manifest.json');
    await page.evaluate(code);
    const save = (await call(page, '__ledeHighlightsBench', 'saveHighlight', SAVES)) as {
      times: number[];
      dbTimes: number[];
      bare: number[];
    };
    await page.close();

    const results = {
      articles: ARTICLES,
      highlights: added.highlights,
      highlightedArticles: added.articles,
      populateMs: populated.ms,
      addHighlightsMs: added.ms,
      viewPaintedMs: median(view.map((v) => v.painted)),
      viewPaintedAll: view.map((v) => v.painted),
      viewMarkMs: median(view.map((v) => v.mark)),
      viewSnapshotMs: median(view.map((v) => v.snapshot)),
      viewColdPaintedMs: median(cold.map((v) => v.painted)),
      viewColdAll: cold.map((v) => v.painted),
      viewPageBootMs: median(view.map((v) => v.boot)),
      viewReadMs: median(view.map((v) => v.read)),
      viewBaselineBlankPageMs: median(blank.map((v) => v.painted)),
      saveMs: median(save.times),
      saveP95Ms: p95(save.times),
      saveDbMs: median(save.dbTimes),
      saveBaselineBarePutMs: median(save.bare),
    };
    const table = [
      `library: ${ARTICLES} articles, ${added.highlights} highlights over ${added.articles} articles (about half with a note)`,
      '| measure | value | baseline (same run) | ratio | bar |',
      '|---|---|---|---|---|',
      `| Highlights view painted (Element Timing, median of ${LOADS} fresh loads after a warm-up, from navigation) | ${ms(results.viewPaintedMs)} | bare extension page painted ${ms(results.viewBaselineBlankPageMs)} | ${ratio(results.viewPaintedMs, results.viewBaselineBlankPageMs)} | ≤ 150 ms ${pass(results.viewPaintedMs, 150)} |`,
      `| … its paint snapshot painted (mark, from navigation) | ${ms(results.viewSnapshotMs)} | | | |`,
      `| … the page's own mark (task after the frame with the highlights) | ${ms(results.viewMarkMs)} | | | |`,
      `| … of which page boot (DOMContentLoaded) | ${ms(results.viewPageBootMs)} | | | |`,
      `| … the view has its first screen of highlights (mark, from navigation) | ${ms(results.viewReadMs)} | | | |`,
      `| … the first load after a highlight was saved (no snapshot trusted; median of ${COLD_LOADS}) | ${ms(results.viewColdPaintedMs)} | | | |`,
      `| save one highlight: selection → offsets → selector → marks → library write (median of ${SAVES}) | ${ms(results.saveMs)} (p95 ${ms(results.saveP95Ms)}) | bare put, no indexes ${ms(results.saveBaselineBarePutMs)} | ${ratio(results.saveMs, results.saveBaselineBarePutMs)} | ≤ 30 ms ${pass(results.saveMs, 30)} |`,
      `| … of which the library write | ${ms(results.saveDbMs)} | | ${ratio(results.saveDbMs, results.saveBaselineBarePutMs)} | |`,
    ].join('\n');
    return { name: 'highlights', table, results };
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
