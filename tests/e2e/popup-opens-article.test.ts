import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, seedHtml, startFixtureServer } from './support/fixture-server';

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

test('the popup reads the seed page of the tab it is opened for', async () => {
  const url = server.page('/2024/zelensky-nato/', seedHtml());
  const article = await ext.context.newPage();
  await article.goto(url);
  const tabId = await ext.tabIdOf(article);

  const popup = await ext.openExtensionPage(`popup.html?tab=${tabId}`);
  const reader = popup.getByTestId('reader');
  await expect.poll(() => reader.getAttribute('data-state')).toBe('ready');
  expect(await popup.getByTestId('article-title').textContent()).toBe(
    'Zelensky: Ukraine will join NATO only after defeating Russia',
  );
});
