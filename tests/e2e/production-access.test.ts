import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, seedHtml, startFixtureServer } from './support/fixture-server';
import { openPopupForTab, settledState } from './support/reader';

/**
 * The production build has no host permissions: without the user's click or shortcut (the
 * activeTab grant) it cannot read any page, and says so instead of failing. A test cannot click
 * the toolbar button, so this is the refusal path; the reading path is covered with the e2e build.
 */

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension(resolve('.output/chrome-mv3'));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

test('without an activeTab grant the reader explains that Lede reads a page only when asked', async () => {
  const article = await ext.context.newPage();
  await article.goto(server.page('/2024/zelensky-nato/', seedHtml()));
  const tabs = await ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await api.tabs.query({})).map((t) => ({ id: t.id, url: t.url ?? null }));
  });
  // No host permission: the extension cannot even see the page's URL.
  expect(tabs.every((t) => t.url === null || !t.url.startsWith('http'))).toBe(true);
  // The newest tab is the article (tab ids only grow).
  const popup = await openPopupForTab(ext, Math.max(...tabs.map((t) => t.id as number)));
  expect(await settledState(popup)).toBe('restricted');
  expect(await popup.locator('.state__title').textContent()).toMatch(/can’t access this tab/);
  await Promise.all([article.close(), popup.close()]);
});
