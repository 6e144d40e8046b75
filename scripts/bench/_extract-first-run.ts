/**
 * A quick look at the injected extraction's cost in the browser, for iterating on it without the
 * whole reader bench (which builds both extensions and opens 242 popups). Each dev page is loaded
 * in headless Chromium (page scripts off, as in the reader bench) and read in an isolated world,
 * as `executeScript` does: Lede's extraction script (entrypoints/extract.ts, bundled and minified
 * like the build) and plain Readability (scripts/bench/plain-reader/inject.ts), each on a fresh
 * load of the page after a garbage collection, alternating which goes first; then a second run
 * of each on the same load. Times include compiling the script. `--profile` adds a CPU profile of
 * Lede's first runs (self time by function, unminified bundle).
 * `flock /tmp/lede-e2e.lock npx tsx scripts/bench/_extract-first-run.ts [pages] [--profile]`.
 * Not a benchmark section: the numbers to report come from `npm run bench -- reader`.
 */
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { type CDPSession, chromium } from 'playwright-core';
import { findChrome } from '../../tests/e2e/support/extension';
import {
  EXTRACTION_PAGES,
  serveCorpusPage,
  startFixtureServer,
} from '../../tests/e2e/support/fixture-server';
import { quantile } from './reader';

const args = process.argv.slice(2);
const PROFILE = args.includes('--profile');
const PAGES = Number(args.find((a) => /^\d+$/.test(a))) || 40;
const root = new URL('../../', import.meta.url).pathname;

/** An IIFE whose completion value is the result, as `executeScript` sees a file's. */
async function bundle(entry: string, minify: boolean): Promise<string> {
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify,
    format: 'iife',
    globalName: '__read',
    footer: { js: '__read.result;' },
    target: 'chrome120',
    alias: { '@': root.replace(/\/$/, '') },
    plugins: [
      {
        // WXT's `defineUnlistedScript(main)` is `{ main }`; nothing else of `#imports` is used here.
        name: 'wxt-imports',
        setup(b) {
          b.onResolve({ filter: /^#imports$/ }, () => ({ path: 'imports', namespace: 'wxt' }));
          b.onLoad({ filter: /.*/, namespace: 'wxt' }, () => ({
            contents: 'export const defineUnlistedScript = (main) => ({ main });',
            loader: 'js',
          }));
        },
      },
    ],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** The real entrypoint (entrypoints/extract.ts), its WXT wrapper reduced to its `main`. */
const LEDE = "import script from '@/entrypoints/extract'; export const result = script.main();";
const PLAIN = "export { result } from './scripts/bench/plain-reader/inject';";
/** `--init`: only load each script (compile and run its top level), no extraction. */
const INIT = args.includes('--init');
const LEDE_INIT =
  "import { extractPage } from '@/lib/extract/extract-article'; export const result = typeof extractPage;";
const PLAIN_INIT =
  "import { Readability } from '@mozilla/readability'; export const result = typeof Readability;";

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const selfTime = { lede: new Map<string, number>(), plain: new Map<string, number>() };
function addProfile(into: Map<string, number>, p: Profile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  p.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'}:${f.lineNumber}` : '?';
    into.set(key, (into.get(key) ?? 0) + p.timeDeltas[i] / 1000);
  });
}

const scripts = {
  lede: await bundle(INIT ? LEDE_INIT : LEDE, !PROFILE),
  plain: await bundle(INIT ? PLAIN_INIT : PLAIN, !PROFILE),
};
const server = await startFixtureServer();
const ids = readdirSync(EXTRACTION_PAGES)
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.replace('.html.gz', ''))
  .sort()
  .slice(0, PAGES);
const browser = await chromium.launch({
  executablePath: findChrome() ?? undefined,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const page = await browser.newPage();
const cdp: CDPSession = await page.context().newCDPSession(page);
await cdp.send('Page.enable');
await cdp.send('Runtime.enable');

async function isolatedWorld(): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'extract',
  });
  return executionContextId;
}

async function run(contextId: number, source: string): Promise<number> {
  await cdp.send('Runtime.evaluate', { expression: 'globalThis.__t0 = performance.now()', contextId });
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `${source}\n;performance.now() - globalThis.__t0`,
    contextId,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as number;
}

const times = {
  ledeFirst: [] as number[],
  plainFirst: [] as number[],
  ledeSecond: [] as number[],
  plainSecond: [] as number[],
};
try {
  for (let i = -2; i < ids.length; i++) {
    const id = ids[Math.max(0, i)];
    const url = serveCorpusPage(server, EXTRACTION_PAGES, id);
    const order = (i & 1) === 0 ? (['lede', 'plain'] as const) : (['plain', 'lede'] as const);
    for (const reader of order) {
      await page.goto(url, { waitUntil: 'load' });
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((r) => setTimeout(r, 50));
      const world = await isolatedWorld();
      const profiling = PROFILE && i >= 0;
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
        await cdp.send('Profiler.start');
      }
      const first = await run(world, scripts[reader]);
      if (profiling) addProfile(selfTime[reader], (await cdp.send('Profiler.stop')).profile as Profile);
      const second = await run(world, scripts[reader]);
      if (i < 0) continue;
      times[`${reader}First`].push(first);
      times[`${reader}Second`].push(second);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const f = (v: number[]) => `${quantile(v, 0.5).toFixed(1)} / ${quantile(v, 0.9).toFixed(1)}`;
console.log(`${ids.length} pages, median / p90 ms (script compile + run, in an isolated world)`);
console.log(`Lede first run:  ${f(times.ledeFirst)}   second: ${f(times.ledeSecond)}`);
console.log(`plain first run: ${f(times.plainFirst)}   second: ${f(times.plainSecond)}`);
const ratio = times.ledeFirst.map((t, k) => t / times.plainFirst[k]);
console.log(
  `first-run ratio per page, median: ${quantile(ratio, 0.5).toFixed(2)}; ratio of medians ${(quantile(times.ledeFirst, 0.5) / quantile(times.plainFirst, 0.5)).toFixed(2)}`,
);
if (PROFILE) {
  const top = [...selfTime.lede].sort((a, b) => b[1] - a[1]).slice(0, 45);
  const plainOf = (name: string) => selfTime.plain.get(name.replace(/:\d+$/, '')) ?? 0;
  // Plain's functions by name only: its bundle's line numbers differ.
  for (const [k, v] of [...selfTime.plain]) selfTime.plain.set(k.replace(/:\d+$/, ''), v);
  console.log('\nFirst runs, self time per page (ms): Lede, plain (same function name)');
  for (const [name, ms] of top)
    console.log(
      `${(ms / ids.length).toFixed(2).padStart(7)} ${(plainOf(name) / ids.length).toFixed(2).padStart(7)}  ${name}`,
    );
}
