/**
 * All 121 pages of the dev extraction corpus through the real extension. Each page is
 * served from loopback (scripts blocked by CSP, as the corpus was captured without JavaScript),
 * read by the popup, and must settle in `ready` or `empty` with no uncaught exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopupForTab, settledState } from './support/reader';

const PAGES = new URL('../../../shared/corpus/extraction/pages/', import.meta.url);
const ids = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.replace('.html.gz', ''))
  .sort();

let server: FixtureServer;
let ext: LoadedExtension;
let article: Page;
let tabId: number;

beforeAll(async () => {
  server = await startFixtureServer();
  for (const id of ids) {
    const html = gunzipSync(readFileSync(new URL(`${id}.html.gz`, PAGES)));
    server.route(`/${id}/`, (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "script-src 'none'",
      });
      res.end(html);
    });
  }
  ext = await launchExtension();
  // Only the fixture server is reachable: the pages' third-party images, fonts and frames fail fast.
  await ext.context.route(
    (url) => url.protocol.startsWith('http') && url.host !== new URL(server.origin).host,
    (route) => route.abort(),
  );
  article = await ext.context.newPage();
  await article.goto(`${server.origin}/${ids[0]}/`, { waitUntil: 'domcontentloaded' });
  tabId = await ext.tabIdOf(article);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

test(`all ${ids.length} dev pages settle in ready or empty, with no uncaught exception`, async () => {
  expect(ids.length).toBe(121);
  const outcomes = new Map<string, string>();
  const popup = await openPopupForTab(ext, tabId);
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  for (const id of ids) {
    await article.goto(`${server.origin}/${id}/`, { waitUntil: 'domcontentloaded' });
    await popup.reload();
    const state = await settledState(popup, 15_000).catch(() => 'stuck in loading');
    outcomes.set(id, state);
    if (errors.length) outcomes.set(id, `${state}; uncaught: ${errors.splice(0).join(' | ')}`);
  }
  const bad = [...outcomes].filter(([, state]) => state !== 'ready' && state !== 'empty');
  expect(bad, bad.map(([id, state]) => `${id}: ${state}`).join('\n')).toEqual([]);
  const ready = [...outcomes.values()].filter((s) => s === 'ready').length;
  // Every dev page is a real article: nearly all must read as one.
  expect(ready).toBeGreaterThanOrEqual(115);
}, 600_000);
