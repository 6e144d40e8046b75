/**
 * Reader benchmark on real pages: the 121 dev pages of ../shared/corpus/extraction, each served
 * from loopback with page scripts off (`script-src 'none'`, as the corpus was captured), read by
 * Lede's popup (the e2e build, opened as a tab at the popup's 520×600) and by a plain-Readability
 * popup built in the same run (scripts/bench/plain-reader/: Readability on a clone of the page, its
 * result through Lede's sanitizer). Both extensions are loaded in one browser with the same flags;
 * on every page the two readers alternate which goes first, and before each opening the garbage of
 * earlier runs is collected (both extensions' processes and the article tab) so no run pays for
 * the one before. Times are from the popup's navigation start: article painted is the browser's
 * paint time of the title (Element Timing) and, beside it, the page's own mark (the task after that
 * frame); highlights painted is Lede's mark after the frame with its marks. A breakdown comes from
 * the pages' marks (lib/reader/reader-timing.ts) and from running the injected work again in the
 * article tab. Also the gzip sizes of the injected script and of the popup's JavaScript
 * (production build). `npm run bench -- reader`; BENCH_READER_ROUNDS=n reads each page n times.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { EXTRACT_SCRIPT } from '../../lib/reader/early-read';
import { MARKS } from '../../lib/reader/reader-timing';
import {
  EXTRACTION_PAGES,
  type FixtureServer,
  serveCorpusPage,
  startFixtureServer,
} from '../../tests/e2e/support/fixture-server';
import type { BenchSection } from '../bench';
import { buildPlainReader } from './_plain-reader';
import { launchBenchBrowser } from './_reader-browser';
import { type TabPhases, tabPhasesScript } from './_reader-phases';

/** Each page is read this many times by each reader (alternating which goes first). `BENCH_READER_ROUNDS` overrides. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_READER_ROUNDS) || 1);
/** Pages read before measuring: the first openings compile both extensions' scripts. */
const WARM_UP = 3;
const TARGET = { medianRatio: 1.0, p90Ratio: 1.1 };
const BUDGET = { extractKb: 60, popupKb: 160 };
const VIEWPORT = { width: 520, height: 600 };
/** Quiet time before each opening, after the garbage collection (see `settle`). */
const SETTLE_MS = 100;

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The popup's scripts: those popup.html loads or preloads, and every chunk they import, transitively. */
export function popupScripts(outDir: string, html = 'popup.html', dynamic = true): string[] {
  const page = readFileSync(join(outDir, html), 'utf8');
  const queue = [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) =>
    resolve(outDir, `.${m[1].startsWith('/') ? '' : '/'}${m[1]}`),
  );
  const seen = new Set<string>();
  const imports = dynamic
    ? /(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g
    : /(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(imports)) queue.push(resolve(dirname(file), m[1]));
  }
  return [...seen];
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Every `lede:*` / `plain:*` mark and measure of the page, by name (first entry), and the state. */
interface Timeline {
  state: string;
  marks: Record<string, number>;
  measures: Record<string, number>;
  /** The browser's paint time of the article's title (Element Timing, `elementtiming="article-title"`). */
  titlePainted: number;
  /** Navigation timing: when the HTML was parsed. */
  domInteractive: number;
}

function build(mode: 'e2e' | 'production'): void {
  const args = ['wxt', 'build', ...(mode === 'e2e' ? ['--mode', 'e2e'] : [])];
  // Production code in both modes (as `npm run build:e2e` builds it): another Vite mode would
  // compile Preact for development.
  const built = spawnSync('npx', args, { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  if (built.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
}

/**
 * Expressions evaluated in the popup through the bare DevTools protocol (`Runtime.evaluate`), not
 * Playwright's `evaluate`, whose first call injects a script of its own (~20 ms of main thread)
 * into the page it would be timing.
 */
const ROOT = `(document.querySelector('[data-testid="reader"]') ?? document.getElementById('app'))`;
const DONE = (reader: Reader) => `(() => {
  const state = ${ROOT}?.dataset.state;
  if (!state || state === 'loading') return false;
  if (state !== 'ready') return true;
  return performance.getEntriesByName(${JSON.stringify(reader === 'plain' ? 'plain:painted' : MARKS.highlightsPainted)}).length > 0;
})()`;
const TIMELINE = (prefix: string) => `new Promise((resolve) => {
  const marks = {};
  const measures = {};
  for (const e of performance.getEntriesByType('mark'))
    if (e.name.startsWith(${JSON.stringify(prefix)}) && !(e.name in marks)) marks[e.name] = e.startTime;
  for (const e of performance.getEntriesByType('measure'))
    if (e.name.startsWith(${JSON.stringify(prefix)})) measures[e.name] = (measures[e.name] ?? 0) + e.duration;
  const nav = performance.getEntriesByType('navigation')[0];
  const out = { state: ${ROOT}?.dataset.state ?? 'missing', marks, measures, titlePainted: NaN, domInteractive: nav ? nav.domInteractive : NaN };
  const timer = setTimeout(() => resolve(out), 500);
  new PerformanceObserver((list, observer) => {
    const title = list.getEntries().find((e) => e.identifier === 'article-title');
    if (!title) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve({ ...out, titlePainted: title.renderTime || title.startTime });
  }).observe({ type: 'element', buffered: true });
})`;

async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/** `other`: a second Lede build (BENCH_READER_OTHER), e.g. before a change, read in the same rotation. */
type Reader = 'lede' | 'plain' | 'other';

interface Run {
  page: string;
  reader: Reader;
  timeline: Timeline;
}

export async function run(): Promise<BenchSection> {
  const started = performance.now();
  // BENCH_SKIP_BUILD=1 reuses .output (while iterating on the bench itself).
  if (!process.env.BENCH_SKIP_BUILD) {
    build('production');
    build('e2e');
  }
  const extractKb = gzipKb(`.output/chrome-mv3${EXTRACT_SCRIPT}`);
  const scripts = popupScripts('.output/chrome-mv3');
  const popupKb = scripts.reduce((sum, f) => sum + gzipKb(f), 0);
  const firstFrame = popupScripts('.output/chrome-mv3', 'popup.html', false);
  const firstFrameKb = firstFrame.reduce((sum, f) => sum + gzipKb(f), 0);

  // Copies: .output is shared with other builds, which must not change a run half-way.
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-reader-'));
  const ledeDir = join(dir, 'lede');
  const plainDir = join(dir, 'plain');
  cpSync('.output/chrome-mv3-e2e', ledeDir, { recursive: true });
  await buildPlainReader(plainDir);
  // BENCH_READER_OTHER=<dir of another e2e build>: compare two Lede builds in one run.
  const otherDir = process.env.BENCH_READER_OTHER ? join(dir, 'other') : null;
  if (otherDir) cpSync(process.env.BENCH_READER_OTHER as string, otherDir, { recursive: true });
  const extensionDirs = [ledeDir, plainDir, ...(otherDir ? [otherDir] : [])];
  const plainJsKb = gzipKb(join(plainDir, 'popup.js'));
  const plainInjectKb = gzipKb(join(plainDir, 'inject.js'));
  // A page that does nothing in each extension, kept open so that neither reader's popup ever
  // pays for starting its extension's process.
  for (const d of extensionDirs) {
    writeFileSync(join(d, 'bench-idle.html'), '<!doctype html><meta charset="utf-8"><title>idle</title>');
  }
  const phasesScript = await tabPhasesScript();

  const ids = readdirSync(EXTRACTION_PAGES)
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.replace('.html.gz', ''))
    .sort()
    // BENCH_READER_PAGES=n reads the first n pages only (while iterating on the bench itself).
    .slice(0, Number(process.env.BENCH_READER_PAGES) || undefined);
  const server: FixtureServer = await startFixtureServer();
  const urls = ids.map((id) => serveCorpusPage(server, EXTRACTION_PAGES, id));
  const browser = await launchBenchBrowser(extensionDirs);
  const { context } = browser;
  try {
    const ledeId = browser.idOf(ledeDir);
    const extensionIds = {
      lede: ledeId,
      plain: browser.idOf(plainDir),
      other: otherDir ? browser.idOf(otherDir) : '',
    };
    const isLede = (w: { url(): string }) => w.url().startsWith(`chrome-extension://${ledeId}/`);
    const worker =
      context.serviceWorkers().find(isLede) ??
      (await context.waitForEvent('serviceworker', { predicate: isLede }));
    const sessions: CDPSession[] = [];
    for (const id of Object.values(extensionIds).filter(Boolean)) {
      const idle = await context.newPage();
      await idle.goto(`chrome-extension://${id}/bench-idle.html`);
      sessions.push(await context.newCDPSession(idle));
    }
    const article = await context.newPage();
    sessions.push(await context.newCDPSession(article));
    /**
     * Before each opening: the garbage of the previous runs collected (in both extensions' processes
     * and in the article tab) and a moment of quiet, as when a reader opens the popup on a page, not
     * every 300 ms: otherwise each run pays for sweeping up after the one before.
     */
    const settle = async () => {
      await Promise.all(sessions.map((s) => s.send('HeapProfiler.collectGarbage')));
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    };
    await article.goto(urls[0], { waitUntil: 'load' });
    const tabId = await worker.evaluate(async (target: string) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return (await api.tabs.query({})).find((tab) => tab.url === target)?.id as number;
    }, urls[0]);

    const popupUrl = (reader: Reader) => `chrome-extension://${extensionIds[reader]}/popup.html?tab=${tabId}`;

    async function open(reader: Reader): Promise<Timeline> {
      await settle();
      const popup = await context.newPage();
      try {
        await popup.setViewportSize(VIEWPORT);
        const cdp = await context.newCDPSession(popup);
        await popup.goto(popupUrl(reader), { waitUntil: 'commit' });
        // Polled every 50 ms: cheap for the page, and the times come from its own timeline anyway.
        for (const start = Date.now(); !(await evaluate<boolean>(cdp, DONE(reader))); ) {
          if (Date.now() - start > 20_000) throw new Error('timed out');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return await evaluate<Timeline>(cdp, TIMELINE(reader === 'plain' ? 'plain:' : 'lede:'));
      } finally {
        await popup.close();
      }
    }

    const runs: Run[] = [];
    const phases: Record<string, TabPhases> = {};
    for (let i = -WARM_UP; i < ids.length; i++) {
      const index = Math.max(0, i);
      if (i >= -1) {
        await article.goto(urls[index], { waitUntil: 'load' });
      }
      for (let round = 0; round < (i < 0 ? 1 : ROUNDS); round++) {
        const readers: Reader[] = otherDir ? ['lede', 'plain', 'other'] : ['lede', 'plain'];
        const order = (i + round) % 2 === 0 ? readers : [...readers].reverse();
        for (const reader of order) {
          const timeline = await open(reader).catch(
            (error: Error): Timeline => ({
              state: `failed: ${error.message.split('\n')[0]}`,
              marks: {},
              measures: {},
              titlePainted: Number.NaN,
              domInteractive: Number.NaN,
            }),
          );
          if (i >= 0) runs.push({ page: ids[index], reader, timeline });
        }
      }
      // What the injected side costs, phase by phase, on the same live document (outside the timed runs).
      if (i >= 0) {
        await settle();
        phases[ids[index]] = (await article.evaluate(`(${phasesScript})(${i % 2 === 1})`)) as TabPhases;
      }
    }
    return report({
      runs,
      phases,
      pages: ids.length,
      seconds: (performance.now() - started) / 1000,
      sizes: { extractKb, popupKb, firstFrameKb, plainJsKb, plainInjectKb, files: scripts, firstFrame },
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Sizes {
  extractKb: number;
  popupKb: number;
  firstFrameKb: number;
  plainJsKb: number;
  plainInjectKb: number;
  files: string[];
  firstFrame: string[];
}

const short = (f: string) => f.slice(f.indexOf('chrome-mv3/') + 'chrome-mv3/'.length);

function report(input: {
  runs: Run[];
  phases: Record<string, TabPhases>;
  pages: number;
  seconds: number;
  sizes: Sizes;
}): BenchSection {
  const { runs, phases, sizes } = input;
  // Per page and reader: the median of its rounds.
  const perPage = new Map<string, Record<Reader, Timeline[]>>();
  for (const run of runs) {
    const entry = perPage.get(run.page) ?? { lede: [], plain: [], other: [] };
    entry[run.reader].push(run.timeline);
    perPage.set(run.page, entry);
  }
  const failed = runs
    .filter((r) => r.timeline.state.startsWith('failed'))
    .map((r) => `${r.reader} ${r.page}`);
  const series = {
    ledePaint: [] as number[],
    plainPaint: [] as number[],
    ledeMark: [] as number[],
    plainMark: [] as number[],
    highlights: [] as number[],
    perPageRatio: [] as number[],
    otherPaint: [] as number[],
    otherHighlights: [] as number[],
  };
  const notCompared: string[] = [];
  const steps = new Map<string, { lede: number[]; plain: number[] }>();
  const step = (name: string, reader: 'lede' | 'plain', value: number) => {
    if (!Number.isFinite(value)) return;
    const entry = steps.get(name) ?? { lede: [], plain: [] };
    entry[reader].push(value);
    steps.set(name, entry);
  };
  const med = (values: number[]) => quantile(values, 0.5);
  const paintOf = (t: Timeline) => t.titlePainted;
  for (const [page, both] of perPage) {
    const lede = both.lede.filter((t) => t.state === 'ready' && Number.isFinite(paintOf(t)));
    const plain = both.plain.filter((t) => t.state === 'ready' && Number.isFinite(paintOf(t)));
    if (!lede.length || !plain.length) {
      notCompared.push(`${page.slice(0, 12)} (Lede ${both.lede[0]?.state}, plain ${both.plain[0]?.state})`);
      continue;
    }
    const l = med(lede.map(paintOf));
    const p = med(plain.map(paintOf));
    series.ledePaint.push(l);
    series.plainPaint.push(p);
    series.perPageRatio.push(l / p);
    series.ledeMark.push(med(lede.map((t) => t.marks[MARKS.painted])));
    series.plainMark.push(med(plain.map((t) => t.marks['plain:painted'])));
    const h = lede.map((t) => t.marks[MARKS.highlightsPainted]).filter(Number.isFinite);
    if (h.length) series.highlights.push(med(h));
    const other = both.other.filter((t) => t.state === 'ready' && Number.isFinite(paintOf(t)));
    if (other.length) series.otherPaint.push(med(other.map(paintOf)));
    const oh = other.map((t) => t.marks[MARKS.highlightsPainted]).filter(Number.isFinite);
    if (oh.length) series.otherHighlights.push(med(oh));
    for (const t of lede) breakdown(t, 'lede', step);
    for (const t of plain) breakdown(t, 'plain', step);
  }
  const stat = (values: number[]) => ({ median: med(values), p90: quantile(values, 0.9) });
  const L = stat(series.ledePaint);
  const P = stat(series.plainPaint);
  const LM = stat(series.ledeMark);
  const PM = stat(series.plainMark);
  const H = stat(series.highlights);
  const O = stat(series.otherPaint);
  const OH = stat(series.otherHighlights);
  const hasOther = series.otherPaint.length > 0;
  const ratio = { median: L.median / P.median, p90: L.p90 / P.p90 };
  const phaseList = Object.values(phases);
  const phaseNames = [...new Set(phaseList.flatMap((p) => Object.keys(p.ms)))];
  const phase = (name: string) => stat(phaseList.map((p) => p.ms[name] ?? 0));
  const resultKb = {
    lede: stat(phaseList.map((p) => p.resultKb.lede)),
    plain: stat(phaseList.map((p) => p.resultKb.plain)),
  };
  const round = (x: { median: number; p90: number }) => ({ median: r1(x.median), p90: r1(x.p90) });

  const results = {
    pages: input.pages,
    comparedPages: series.ledePaint.length,
    rounds: ROUNDS,
    seconds: Math.round(input.seconds),
    viewport: VIEWPORT,
    lede: { paintedMs: round(L), paintedMarkMs: round(LM), highlightsMs: round(H) },
    plainReadability: { paintedMs: round(P), paintedMarkMs: round(PM) },
    ...(hasOther
      ? {
          otherLedeBuild: {
            dir: process.env.BENCH_READER_OTHER,
            paintedMs: round(O),
            highlightsMs: round(OH),
            ratio: { median: r2(O.median / P.median), p90: r2(O.p90 / P.p90) },
          },
        }
      : {}),
    ratio: {
      median: r2(ratio.median),
      p90: r2(ratio.p90),
      perPageMedian: r2(med(series.perPageRatio)),
      target: TARGET,
    },
    breakdownMedianMs: Object.fromEntries(
      [...steps].map(([name, v]) => [name, { lede: r1(med(v.lede)), plain: r1(med(v.plain)) }]),
    ),
    tabPhasesMs: Object.fromEntries(phaseNames.map((n) => [n, round(phase(n))])),
    resultKb: { lede: round(resultKb.lede), plain: round(resultKb.plain) },
    notCompared,
    failed,
    sizes: {
      extractJsGzipKb: { size: r1(sizes.extractKb), budget: BUDGET.extractKb },
      popupJsGzipKb: { size: r1(sizes.popupKb), budget: BUDGET.popupKb, files: sizes.files.map(short) },
      popupFirstFrameJsGzipKb: { size: r1(sizes.firstFrameKb), files: sizes.firstFrame.map(short) },
      plainPopupJsGzipKb: r1(sizes.plainJsKb),
      plainInjectJsGzipKb: r1(sizes.plainInjectKb),
    },
    pass:
      ratio.median <= TARGET.medianRatio &&
      ratio.p90 <= TARGET.p90Ratio &&
      sizes.extractKb <= BUDGET.extractKb &&
      sizes.popupKb <= BUDGET.popupKb,
  };
  const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '–');
  const x = (n: number) => `${r2(n).toFixed(2)}×`;
  const table = [
    `${series.ledePaint.length} of ${input.pages} dev pages read by both, ${ROUNDS} runs per page and reader (median per page), popup ${VIEWPORT.width}×${VIEWPORT.height}, ${Math.round(input.seconds)} s`,
    '',
    '| popup opened → | Lede median | Lede p90 | plain Readability median | plain p90 | ratio median | ratio p90 |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| **article painted** (browser paint time of the title) | ${ms(L.median)} | ${ms(L.p90)} | ${ms(P.median)} | ${ms(P.p90)} | **${x(ratio.median)}** (≤ ${TARGET.medianRatio}) | **${x(ratio.p90)}** (≤ ${TARGET.p90Ratio}) |`,
    `| article painted (page's own mark, the task after that frame) | ${ms(LM.median)} | ${ms(LM.p90)} | ${ms(PM.median)} | ${ms(PM.p90)} | ${x(LM.median / PM.median)} | ${x(LM.p90 / PM.p90)} |`,
    `| highlights painted (Lede only) | ${ms(H.median)} | ${ms(H.p90)} | | | ${x(H.median / P.median)} | ${x(H.p90 / P.p90)} |`,
    ...(hasOther
      ? [
          `| other Lede build (BENCH_READER_OTHER): article painted | ${ms(O.median)} | ${ms(O.p90)} | | | ${x(O.median / P.median)} | ${x(O.p90 / P.p90)} |`,
          `| other Lede build: highlights painted | ${ms(OH.median)} | ${ms(OH.p90)} | | | ${x(OH.median / P.median)} | ${x(OH.p90 / P.p90)} |`,
        ]
      : []),
    '',
    `median of the per-page ratios: ${x(med(series.perPageRatio))}`,
    '',
    'Where the time goes (popup timeline, median over runs):',
    '',
    '| step | Lede | plain Readability |',
    '|---|---:|---:|',
    ...[...steps].map(([name, v]) => `| ${name} | ${ms(med(v.lede))} | ${ms(med(v.plain))} |`),
    '',
    'Inside the article tab (the injected work run again there after a garbage collection, outside the timed runs):',
    '',
    '| phase | median | p90 |',
    '|---|---:|---:|',
    ...phaseNames.map((n) => `| ${n} | ${ms(phase(n).median)} | ${ms(phase(n).p90)} |`),
    `| result handed back (JSON), Lede / plain | ${r1(resultKb.lede.median)} / ${r1(resultKb.plain.median)} KB | ${r1(resultKb.lede.p90)} / ${r1(resultKb.plain.p90)} KB |`,
    '',
    '| size (gzip) | Lede | plain Readability | budget |',
    '|---|---:|---:|---:|',
    `| injected script | ${r1(sizes.extractKb)} KB | ${r1(sizes.plainInjectKb)} KB | ≤ ${BUDGET.extractKb} KB |`,
    `| popup JS before the first frame (${sizes.firstFrame.length} files) | ${r1(sizes.firstFrameKb)} KB | ${r1(sizes.plainJsKb)} KB | |`,
    `| popup JS, lazy chunks included (${sizes.files.length} files) | ${r1(sizes.popupKb)} KB | | ≤ ${BUDGET.popupKb} KB |`,
    ...(notCompared.length
      ? ['', `not compared (no article for one reader): ${notCompared.join(', ')}`]
      : []),
    ...(failed.length ? ['', `failed runs: ${failed.join(', ')}`] : []),
  ].join('\n');
  return { name: 'reader', table, results };
}

/** The steps of one popup run, as durations between its marks. */
function breakdown(
  t: Timeline,
  reader: 'lede' | 'plain',
  step: (name: string, reader: 'lede' | 'plain', value: number) => void,
) {
  const m = t.marks;
  const x = t.measures;
  if (reader === 'lede') {
    step('page HTML parsed (domInteractive)', reader, t.domInteractive);
    step('extraction injected (from navigation start)', reader, m[MARKS.extractStart]);
    step('bundle running (main.tsx)', reader, m[MARKS.boot]);
    step(
      'injection round trip (executeScript → result)',
      reader,
      m[MARKS.extractResult] - m[MARKS.extractStart],
    );
    step(
      '… executeScript → script starts in the tab',
      reader,
      m[MARKS.tabScriptStart] - m[MARKS.extractStart],
    );
    step('… script runs (clone + extraction)', reader, m[MARKS.tabScriptEnd] - m[MARKS.tabScriptStart]);
    step('… script done → result in the popup', reader, m[MARKS.extractResult] - m[MARKS.tabScriptEnd]);
    step('waiting for the result after the bundle ran', reader, m[MARKS.extractEnd] - m[MARKS.boot]);
    step('sanitize', reader, x[MARKS.sanitize]);
    step('result → article committed (sanitize + render)', reader, m[MARKS.rendered] - m[MARKS.extractEnd]);
    step('committed → title painted (browser)', reader, t.titlePainted - m[MARKS.rendered]);
    step('committed → painted (mark)', reader, m[MARKS.painted] - m[MARKS.rendered]);
    step('painted → annotated', reader, m[MARKS.annotated] - m[MARKS.painted]);
    step('annotate', reader, x[MARKS.annotate]);
    step('apply highlights', reader, x[MARKS.applyHighlights]);
    step('annotated → highlights painted', reader, m[MARKS.highlightsPainted] - m[MARKS.annotated]);
  } else {
    step('page HTML parsed (domInteractive)', reader, t.domInteractive);
    step('extraction injected (from navigation start)', reader, m['plain:extract-start']);
    step('bundle running (main.tsx)', reader, m['plain:boot']);
    step(
      'injection round trip (executeScript → result)',
      reader,
      m['plain:extract-end'] - m['plain:extract-start'],
    );
    step(
      '… executeScript → script starts in the tab',
      reader,
      m['plain:tab-script-start'] - m['plain:extract-start'],
    );
    step(
      '… script runs (clone + extraction)',
      reader,
      m['plain:tab-script-end'] - m['plain:tab-script-start'],
    );
    step('… script done → result in the popup', reader, m['plain:extract-end'] - m['plain:tab-script-end']);
    step('sanitize', reader, x['plain:sanitize']);
    step(
      'result → article committed (sanitize + render)',
      reader,
      m['plain:rendered'] - m['plain:extract-end'],
    );
    step('committed → title painted (browser)', reader, t.titlePainted - m['plain:rendered']);
    step('committed → painted (mark)', reader, m['plain:painted'] - m['plain:rendered']);
  }
}
