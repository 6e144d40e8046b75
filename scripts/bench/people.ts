/**
 * `npm run bench -- people`: the people index on the library bench's 10,000 articles, with
 * names spelled as coverage spells them (bare surnames, transliterations, accents dropped), in
 * headless Chromium inside the built e2e extension. Each number beside a baseline of the same run:
 * the v3 → v4 upgrade's backfill; the People list and a ~200-quote person view painted (Element
 * Timing, fresh page loads) against a bare extension page, and their data against a full scan of
 * the bodies; and what the index step adds to a save.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SNAPSHOT_MARK } from '../../lib/library/paint-snapshot';
import { launchExtension } from '../../tests/e2e/support/extension';
import type { BenchSection } from '../bench';
import { benchExtensionCopy, bundlePageHarness } from './_bench-extension';

const ARTICLES = Number(process.env.LEDE_BENCH_ARTICLES ?? 10_000);
const LOADS = 11;
/** Loads right after a change to the index (no first screen kept): the first visit since a save. */
const COLD_LOADS = 5;
const SETTLE_MS = 5000;

type Harness = Record<string, (...args: never[]) => Promise<unknown>>;

/** The first paint of elements timed as `identifier` (Element Timing), read once the page is done. */
const paintOf = (identifier: string) => `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const hits = list.getEntries().filter((e) => e.identifier === ${JSON.stringify(identifier)});
    if (hits.length) resolve(Math.min(...hits.map((e) => e.renderTime || e.loadTime)));
  }).observe({ type: 'element', buffered: true });
  setTimeout(() => resolve(NaN), 10000);
})`;

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const bar = (v: number, limit: number) => `≤ ${limit} ms ${v <= limit ? 'ok' : 'OVER'}`;

function progress(step: string): void {
  process.stderr.write(`[people bench ${new Date().toISOString().slice(11, 19)}] ${step}\n`);
}

function call(page: Page, name: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([n, a]) =>
      (globalThis as unknown as { __ledeBench: Harness }).__ledeBench[n as string](...(a as never[])),
    [name, args] as const,
  );
}

/**
 * The page's steps (from navigation): its paint snapshot painted (lib/library/paint-snapshot.ts),
 * the boot script's read in (a kept first screen, or the whole index), the view's first render,
 * boot (DOMContentLoaded), the whole index read, the person's quotes read.
 */
const STEPS = `({
  snapshot: performance.getEntriesByName(${JSON.stringify(SNAPSHOT_MARK)})[0]?.startTime ?? NaN,
  first: performance.getEntriesByName('lede:people-boot')[0]?.startTime ?? NaN,
  render: performance.getEntriesByName('lede:people-render')[0]?.startTime ?? NaN,
  boot: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  read: performance.getEntriesByName('lede:people-read')[0]?.startTime ?? NaN,
  quotes: performance.getEntriesByName('lede:person-read')[0]?.startTime ?? NaN,
})`;

type Steps = { snapshot: number; first: number; render: number; boot: number; read: number; quotes: number };

/** One fresh load of `path`: when `identifier` first painted, and the page's steps. */
async function load(open: (path: string) => Promise<Page>, path: string, identifier: string) {
  const page = await open(path);
  await page.waitForTimeout(1200);
  const painted = (await page.evaluate(paintOf(identifier))) as number;
  const steps = (await page.evaluate(STEPS)) as Steps;
  await page.close();
  return { painted, steps };
}

/**
 * Median first paint of `identifier` over fresh loads of `path` (after a warm-up load), and of the
 * blank page; and over loads each right after `change` (the index changed: no first screen kept).
 */
async function paints(
  open: (path: string) => Promise<Page>,
  path: string,
  identifier: string,
  change: () => Promise<void>,
) {
  const times: number[] = [];
  const blank: number[] = [];
  const steps: Steps[] = [];
  for (let r = 0; r <= LOADS; r++) {
    const { painted, steps: step } = await load(open, path, identifier);
    if (r > 0) steps.push(step);
    const bare = await open('bench-blank.html');
    await bare.waitForTimeout(200);
    const blankPainted = (await bare.evaluate(paintOf('blank'))) as number;
    await bare.close();
    if (r > 0) {
      times.push(painted);
      blank.push(blankPainted);
    }
  }
  const cold: number[] = [];
  for (let r = 0; r < COLD_LOADS; r++) {
    await change();
    cold.push((await load(open, path, identifier)).painted);
  }
  const step = (name: keyof (typeof steps)[number]) => median(steps.map((s) => s[name]));
  return {
    painted: median(times),
    all: times,
    cold: median(cold),
    coldAll: cold,
    blank: median(blank),
    steps: {
      snapshot: step('snapshot'),
      first: step('first'),
      render: step('render'),
      boot: step('boot'),
      read: step('read'),
      quotes: step('quotes'),
    },
  };
}

export async function run(): Promise<BenchSection> {
  const code = await bundlePageHarness('./_people-page.ts');
  const dir = benchExtensionCopy('people', '<p elementtiming="blank">Lede</p>');
  const ext = await launchExtension(dir);
  try {
    const open = (path: string) => ext.openExtensionPage(path);
    const harness = async () => {
      const page = await open('manifest.json');
      await page.evaluate(code);
      return page;
    };
    progress(`populating a v3 library of ${ARTICLES} articles`);
    let page = await harness();
    const populated = (await call(page, 'populateV3', ARTICLES)) as { ms: number };
    progress('upgrade to v4 (backfill)');
    const upgraded = (await call(page, 'upgrade')) as Record<string, unknown> & {
      ms: number;
      target: { name: string; quotes: number; articles: number };
    };
    const listData: number[] = [];
    const scanList: number[] = [];
    for (let r = 0; r < 5; r++) {
      listData.push((await call(page, 'listOnce')) as number);
      scanList.push((await call(page, 'scanList')) as number);
    }
    const person = (await call(page, 'personData', upgraded.target.name)) as {
      index: number;
      scan: number;
      quotes: number;
      scanned: number;
    };
    await page.close();
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));

    // A change to the index, made from another page: the next load has no first screen kept.
    const change = async () => {
      const other = await harness();
      await call(other, 'touchSummary');
      await other.close();
    };
    progress('People list painted');
    const list = await paints(open, 'library.html?view=people', 'people-row', change);
    progress(`person view painted (${upgraded.target.name}, ${upgraded.target.quotes} quotes)`);
    const view = await paints(
      open,
      `library.html?person=${encodeURIComponent(upgraded.target.name)}`,
      'person-quote',
      change,
    );

    progress('save');
    page = await harness();
    const cost = (await call(page, 'saveCost', 20)) as {
      save: number[];
      indexStep: number[];
      emptyTx: number[];
    };
    await page.close();

    const results = {
      articles: ARTICLES,
      populateV3Ms: populated.ms,
      backfillUpgradeMs: upgraded.ms,
      index: upgraded,
      peopleListPaintedMs: list.painted,
      peopleListAll: list.all,
      blankPagePaintedMs: list.blank,
      peopleListSteps: list.steps,
      peopleListColdPaintedMs: list.cold,
      personViewColdPaintedMs: view.cold,
      personViewSteps: view.steps,
      peopleListDataMs: median(listData),
      peopleListBaselineFullScanMs: median(scanList),
      personViewPaintedMs: view.painted,
      personViewAll: view.all,
      personViewBlankMs: view.blank,
      personQuotes: person.quotes,
      personQuotesByFullScan: person.scanned,
      personDataMs: person.index,
      personBaselineFullScanMs: person.scan,
      saveMs: median(cost.save),
      indexStepMs: median(cost.indexStep),
      emptyIndexTransactionMs: median(cost.emptyTx),
    };
    const added = results.indexStepMs - results.emptyIndexTransactionMs;
    const table = [
      `articles: ${ARTICLES} (v3 library written in ${(populated.ms / 1000).toFixed(1)} s); index: ${upgraded.people} people and ${upgraded.organizations} organizations (${upgraded.mergedSpellings} joined from several spellings), ${upgraded.peopleWith100Quotes} people with ≥ 100 quotes; most quoted: ${(upgraded.mostQuoted as string[]).join(', ')}`,
      '| measure | value | baseline (same run) | ratio | bar |',
      '|---|---|---|---|---|',
      `| v3 → v4 upgrade with backfill (${upgraded.postings} postings, ${upgraded.indexRows} name rows) | ${(upgraded.ms / 1000).toFixed(1)} s | writing the v3 library ${(populated.ms / 1000).toFixed(1)} s | ${ratio(upgraded.ms, populated.ms)} | reported |`,
      `| People list painted (Element Timing, median of ${LOADS} fresh loads after a warm-up) | ${ms(list.painted)} | bare extension page painted ${ms(list.blank)} | ${ratio(list.painted, list.blank)} | ${bar(list.painted, 150)} |`,
      `| … page steps (median, from navigation): snapshot painted ${ms(list.steps.snapshot)}, first screen read ${ms(list.steps.first)}, first render ${ms(list.steps.render)}, boot ${ms(list.steps.boot)}, whole index read ${ms(list.steps.read)} | | | | |`,
      `| … the first load after a change to the index (no first screen or snapshot kept; median of ${COLD_LOADS}) | ${ms(list.cold)} | | | |`,
      `| … its data: every name, merges applied, sorted (median of 5) | ${ms(results.peopleListDataMs)} | full scan of the bodies ${ms(results.peopleListBaselineFullScanMs)} | ${ratio(results.peopleListDataMs, results.peopleListBaselineFullScanMs)} | |`,
      `| person view painted: ${upgraded.target.name}, ${person.quotes} quotes in ${upgraded.target.articles} articles (median of ${LOADS}) | ${ms(view.painted)} | bare extension page painted ${ms(view.blank)} | ${ratio(view.painted, view.blank)} | ${bar(view.painted, 100)} |`,
      `| … page steps: snapshot painted ${ms(view.steps.snapshot)}, first screen read ${ms(view.steps.first)}, first render ${ms(view.steps.render)}, boot ${ms(view.steps.boot)}, whole index read ${ms(view.steps.read)}, quotes read ${ms(view.steps.quotes)} | | | | |`,
      `| … the first load after a change to the index (no first screen or snapshot kept; median of ${COLD_LOADS}) | ${ms(view.cold)} | | | |`,
      `| … its data: entry and quotes from the index | ${ms(person.index)} | full scan of the bodies for their quotes ${ms(person.scan)} (${person.scanned} quotes by exact name) | ${ratio(person.index, person.scan)} | |`,
      `| save one article (median of 20, index included) | ${ms(results.saveMs)} | | | |`,
      `| … the people index step alone, own transaction (median of 20) | ${ms(results.indexStepMs)} | empty transaction on the index tables ${ms(results.emptyIndexTransactionMs)} | | ${bar(added, 20)} (step − empty: ${ms(added)}) |`,
    ].join('\n');
    return { name: 'people', table, results };
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
