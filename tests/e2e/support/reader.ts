import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';
import type { FixtureServer } from './fixture-server';

export type ReaderState = 'loading' | 'ready' | 'empty' | 'restricted' | 'error';

/** Opens `url` in a tab, then the popup for that tab (`popup.html?tab=<id>`) at the popup's size. */
export async function openPopupFor(
  ext: LoadedExtension,
  url: string,
): Promise<{ article: Page; popup: Page }> {
  const article = await ext.context.newPage();
  await article.goto(url);
  const popup = await openPopupForTab(ext, await ext.tabIdOf(article));
  return { article, popup };
}

export async function openPopupForTab(
  ext: LoadedExtension,
  tabId: number,
  path = 'popup.html',
): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 520, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/${path}?tab=${tabId}`);
  return popup;
}

/** Waits until the reader leaves `loading` and returns the state it settled in. */
export async function settledState(page: Page, timeout = 10_000): Promise<ReaderState> {
  const reader = page.getByTestId('reader');
  await reader.and(page.locator(':not([data-state="loading"])')).waitFor({ timeout });
  return (await reader.getAttribute('data-state')) as ReaderState;
}

/** Serves the demo article (scripts/demo) and its illustration on the fixture server. */
export function serveDemo(server: FixtureServer): string {
  const photo = readFileSync(new URL('../../../scripts/demo/images/ferry-library.jpg', import.meta.url));
  server.route('/images/ferry-library.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.end(photo);
  });
  return server.page(
    '/demo/',
    readFileSync(new URL('../../../scripts/demo/index.html', import.meta.url), 'utf8'),
  );
}

/** Opens a browser page (chrome://…) from the extension, whose URL the extension cannot see, and returns its tab id. */
export async function openBrowserPage(
  ext: LoadedExtension,
  url: string,
): Promise<{ tabId: number; close(): Promise<void> }> {
  const tabId = await ext.worker.evaluate(async (target: string) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const tab = await api.tabs.create({ url: target, active: false });
    return tab.id as number;
  }, url);
  return {
    tabId,
    close: () =>
      ext.worker.evaluate(async (id: number) => {
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        await api.tabs.remove(id);
      }, tabId),
  };
}
