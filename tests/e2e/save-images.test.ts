import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, solidPng, startFixtureServer } from './support/fixture-server';
import { openPopupForTab, settledState } from './support/reader';

/**
 * Saving with images in real Chromium. The e2e build holds host permission for 127.0.0.1 only
 * (and localhost), like a user who granted the article's own site; `cdn.lede.test` is a CDN on
 * another host (resolved to the fixture server), for which Lede must ask the optional permission.
 * Headless Chromium shows that prompt and nobody ever answers it: exactly a user who ignores it.
 */

const CDN = 'cdn.lede.test';
let server: FixtureServer;
let ext: LoadedExtension;
/** Requests for images made by the extension (a fetch, not the page's own <img> loads). */
const extensionFetches: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension(undefined, { args: [`--host-resolver-rules=MAP ${CDN} 127.0.0.1`] });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const paragraphs = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>The harbour authority said on Tuesday that paragraph ${i + 1} of this report describes how the new ferry terminal will change the daily commute for thousands of residents who cross the bay every morning, and why the council expects the work to finish before winter.</p>`,
).join('\n');

function articleHtml(title: string, images: string[]): string {
  const figures = images.map(
    (src, i) => `<figure><img src="${src}" width="640" height="400" alt="Photo ${i + 1}"></figure>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><article><h1>${title}</h1>
${paragraphs.slice(0, 3)}${figures.join('\n')}${paragraphs.slice(3)}
</article></main></body></html>`;
}

function record(path: string, req: IncomingMessage) {
  // The page's <img> loads accept images only; a fetch (the extension's download) accepts `*/*`.
  // (Sec-Fetch-Dest is not sent over plain http to a host that is not loopback.)
  if (!req.headers.accept?.startsWith('image/')) extensionFetches.push(`${req.headers.host}${path}`);
}

async function saveFromPopup(url: string): Promise<{ popup: Page; article: Page }> {
  const article = await ext.context.newPage();
  await article.goto(url);
  const popup = await openPopupForTab(ext, await ext.tabIdOf(article));
  expect(await settledState(popup)).toBe('ready');
  const save = popup.getByTestId('save');
  await expect.poll(() => save.getAttribute('data-save-state')).toBe('unsaved');
  // A real key press: the user gesture the permission prompt needs.
  await popup.locator('body').press('s');
  return { popup, article };
}

/** The stored images of the library, read straight from IndexedDB in an extension page. */
async function storedImages(page: Page): Promise<{ url: string; type: string; size: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lede-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('images').objectStore('images').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as { url: string; blob: Blob }[]).map((image) => ({
                url: image.url,
                type: image.blob.type,
                size: image.blob.size,
              })),
            );
            open.result.close();
          };
        };
      }),
  );
}

async function grantedOrigins(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return ((await api.permissions.getAll()).origins ?? []).sort();
  });
}

test('the text is saved at once although the permission prompt for a CDN is never answered', async () => {
  const cdnImage = (name: string) => `http://${CDN}:${new URL(server.origin).port}/cdn/${name}`;
  for (const name of ['a.png', 'b.png']) {
    server.route(`/cdn/${name}`, (req, res) => {
      record(`/cdn/${name}`, req);
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(solidPng(64, 40));
    });
  }
  const url = server.page(
    '/2024/ferry-terminal/',
    articleHtml('Ferry terminal opens next spring', [
      '/images/own.png',
      cdnImage('a.png'),
      cdnImage('b.png'),
    ]),
  );
  const { popup, article } = await saveFromPopup(url);
  const save = popup.getByTestId('save');

  // Saved: the text did not wait for the prompt (before the fix: "Saving…" forever).
  await expect.poll(() => save.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
  expect(await save.getAttribute('data-save-state')).toBe('saved');
  expect(await save.textContent()).toContain('Saved');
  // The images wait for the prompt, visibly, with a Cancel.
  await expect.poll(() => save.getAttribute('data-images-state')).toBe('waiting');
  expect(await popup.getByTestId('save-status').textContent()).toBe(
    `Saved. Waiting for your permission to download its 3 images from 127.0.0.1 and ${CDN}…`,
  );
  expect(await popup.getByTestId('save-cancel').isVisible()).toBe(true);
  // Nothing was downloaded without the permission, and nothing was granted.
  expect(extensionFetches).toEqual([]);
  expect(await grantedOrigins(popup)).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);

  // Cancel: the images are reported as not saved, the text stays saved.
  await popup.getByTestId('save-cancel').click();
  await expect.poll(() => save.getAttribute('data-images-state')).toBe('done');
  expect(await popup.getByTestId('save-status').textContent()).toBe('3 of 3 images not saved (cancelled)');
  expect(await save.getAttribute('aria-pressed')).toBe('true');

  // Save again and close the popup while the prompt is still open: the text is in the library.
  await popup.locator('body').press('s');
  await expect.poll(() => save.getAttribute('data-images-state')).toBe('waiting');
  await popup.close();
  await article.close();

  const library = await ext.openExtensionPage('library.html');
  await expect.poll(() => library.getByTestId('library').getAttribute('data-state')).toBe('ready');
  await library.getByTestId('library-search').fill('ferry terminal');
  const items = library.getByTestId('library-item');
  await expect.poll(() => items.count()).toBe(1);
  await items.first().click();
  await library.waitForURL(/reader\.html\?id=/);
  expect(await settledState(library)).toBe('ready');
  expect(await library.getByTestId('article-title').textContent()).toBe('Ferry terminal opens next spring');
  expect(await library.getByTestId('article-body').textContent()).toContain('harbour authority');
  expect(await library.locator('[data-testid="article-body"] img[data-offline-missing]').count()).toBe(3);
  expect(await storedImages(library)).toEqual([]);
  expect(extensionFetches).toEqual([]);
  await library.close();
});

test('images are typed by their bytes: HTML and SVG served as image/png are not saved', async () => {
  const page =
    (body: string | Buffer, type: string) =>
    (_req: IncomingMessage, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
  server.route('/lies/real.png', page(solidPng(64, 40), 'image/png'));
  server.route('/lies/png-as-text', page(solidPng(32, 20), 'text/plain'));
  server.route(
    '/lies/html-as-png',
    page('<!doctype html><title>Not found</title><p>Try the home page.</p>', 'image/png'),
  );
  server.route(
    '/lies/svg-as-png',
    page(
      '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400"/></svg>',
      'image/png',
    ),
  );
  const srcs = ['/lies/real.png', '/lies/html-as-png', '/lies/svg-as-png', '/lies/png-as-text'];
  const url = server.page(
    '/2024/lying-server/',
    articleHtml('Council approves the lying-server budget', srcs),
  );
  const { popup, article } = await saveFromPopup(url);
  const save = popup.getByTestId('save');
  await expect.poll(() => save.getAttribute('data-images-state'), { timeout: 15_000 }).toBe('done');
  expect(await save.getAttribute('aria-pressed')).toBe('true');
  const note = (await popup.getByTestId('save-status').textContent()) ?? '';
  expect(note).toMatch(/^2 of 4 images not saved \(/);
  expect(note).toContain('not an image (the server sent a web page)');
  expect(note).toContain('SVG images are not saved');

  const images = await storedImages(popup);
  expect(images.map((image) => [new URL(image.url).pathname, image.type]).sort()).toEqual([
    ['/lies/png-as-text', 'image/png'],
    ['/lies/real.png', 'image/png'],
  ]);
  // The site was granted before the save (the e2e build's host permission): it stays granted.
  expect(await grantedOrigins(popup)).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  await popup.close();
  await article.close();
});
