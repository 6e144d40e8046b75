import { readFileSync } from 'node:fs';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FirefoxExtension, findFirefox, launchFirefoxExtension } from './support/firefox';
import { type FixtureServer, seedHtml, startFixtureServer } from './support/fixture-server';

/**
 * Smoke test of the Firefox build in a real Firefox (Debian's firefox-esr, over WebDriver BiDi):
 * the reader on the seed page, Save, and the library searched and read offline. How the test
 * reaches the extension's pages is in tests/e2e/support/firefox.ts. It needs the Firefox e2e build
 * (`npm run build:e2e:firefox`; `npm run test:e2e` builds it). How to test by hand: load
 * .output/firefox-mv3/manifest.json at about:debugging, then as in library-offline.test.ts.
 *
 * Without Firefox it is skipped, saying why; in CI (CI=true, as .ci/run sets) it fails instead.
 */

const firefox = findFirefox();
const MISSING = 'no Firefox found (apt-get install firefox-esr, or set FIREFOX_PATH)';
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');
const runs = !!firefox || inCi;
if (!runs) console.warn(`tests/e2e/firefox-smoke.test.ts skipped: ${MISSING}`);

const gold = JSON.parse(
  readFileSync(new URL('../../../shared/corpus/seed/zelensky-nato.gold.json', import.meta.url), 'utf8'),
) as { metadata: { title: string; byline: string }; mustContain: string[] };

const isNetwork = (url: string) => /^(https?|wss?|ftp):/i.test(url);

/** The reader's state once it has left `loading`. */
async function settledState(page: Page): Promise<string | null> {
  const reader = await page.waitForSelector('[data-testid="reader"]:not([data-state="loading"])', {
    timeout: 10_000,
  });
  return (await reader?.evaluate((el) => el.getAttribute('data-state'))) ?? null;
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.textContent ?? '').catch(() => null);
const attr = (page: Page, selector: string, name: string) =>
  page.$eval(selector, (el, n) => el.getAttribute(n), name).catch(() => null);

describe.skipIf(!runs)(`Lede in Firefox${firefox ? '' : ` (skipped: ${MISSING})`}`, () => {
  let server: FixtureServer;
  let ext: FirefoxExtension;

  beforeAll(async () => {
    if (!firefox) throw new Error(`CI is set and ${MISSING}: .ci/run installs firefox-esr`);
    server = await startFixtureServer();
    ext = await launchFirefoxExtension(server);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  test('the reader shows the seed page, Save stores it with its image, and the library finds and reads it offline', async () => {
    // 1. The popup (popup.html?tab=<id>, as opened by the toolbar button) reads the seed page.
    const url = server.page('/2024/zelensky-nato/', seedHtml());
    const article = await ext.browser.newPage();
    await article.goto(url);
    const popup = await ext.openExtensionPage(`popup.html?tab=${await ext.tabIdOf(url)}`);
    expect(await settledState(popup)).toBe('ready');
    expect(await text(popup, '[data-testid="article-title"]')).toBe(gold.metadata.title);
    expect(await text(popup, '[data-testid="article-byline"]')).toBe(gold.metadata.byline);
    const body = (await text(popup, '[data-testid="article-body"]')) ?? '';
    for (const wanted of gold.mustContain) expect(body).toContain(wanted);

    // 2. Save (the `s` key), images and all.
    const save = '[data-testid="save"]';
    await popup.waitForSelector(`${save}[data-save-state="unsaved"]`, { timeout: 10_000 });
    expect(await attr(popup, save, 'aria-pressed')).toBe('false');
    await popup.keyboard.press('s');
    await popup.waitForSelector(`${save}[aria-pressed="true"][data-save-state="saved"]`, { timeout: 15_000 });
    // Every image was stored: no "n of m images could not be saved" note.
    await expect.poll(() => text(popup, '[data-testid="save-status"]').then((s) => s?.trim())).toBe('');
    expect(server.requests.filter((path) => path.startsWith('/images/')).length).toBeGreaterThan(0);
    await article.close();

    // 3. Offline: the server is gone, the tab is offline, and every http(s) request it makes is recorded.
    await server.close();
    await popup.setOfflineMode(true);
    const attempted: string[] = [];
    popup.on('request', (request: HTTPRequest) => {
      if (isNetwork(request.url())) attempted.push(request.url());
    });

    // 4. The library (reached from the popup's tab: extension pages need no server) finds it.
    await ext.goto(popup, 'library.html');
    await popup.waitForSelector('[data-testid="library"][data-state="ready"]', { timeout: 10_000 });
    const search = '[data-testid="library-search"]';
    const items = () => popup.$$eval('[data-testid="library-item"]', (rows) => rows.length);
    await popup.type(search, 'Stoltenberg');
    await expect.poll(items).toBe(1);
    expect(await text(popup, '[data-testid="library-item"]')).toContain('Zelensky');
    await popup.$eval(search, (input) => {
      (input as HTMLInputElement).select();
    });
    await popup.type(search, 'no-such-word-anywhere');
    await expect.poll(() => popup.$$eval('[data-testid="library-no-match"]', (el) => el.length)).toBe(1);

    // 5. It opens in the reader from IndexedDB: text, highlights and the stored image.
    await popup.$eval(search, (input) => {
      (input as HTMLInputElement).select();
    });
    await popup.type(search, 'stoltenb');
    await expect.poll(items).toBe(1);
    await popup.click('[data-testid="library-item"] a');
    await expect
      .poll(() => popup.evaluate(() => location.pathname + location.search))
      .toMatch(/^\/reader\.html\?id=/);
    expect(await settledState(popup)).toBe('ready');
    expect(await text(popup, '[data-testid="article-title"]')).toBe(gold.metadata.title);
    expect(await text(popup, '[data-testid="article-body"]')).toContain('Stoltenberg');
    expect(await attr(popup, save, 'aria-pressed')).toBe('true');
    await expect
      .poll(() => popup.$$eval('[data-testid="article-body"] mark[data-quote]', (marks) => marks.length))
      .toBeGreaterThanOrEqual(6);
    await expect
      .poll(() =>
        popup.$$eval(
          '[data-testid="article-body"] img, .article__lead img',
          (imgs) =>
            imgs.length > 0 &&
            (imgs as HTMLImageElement[]).every(
              (img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0,
            ),
        ),
      )
      .toBe(true);

    expect(attempted).toEqual([]);
    // No extension page (nor the background script) threw or logged an error. BiDi does not report
    // them for extension pages: Firefox's own output does (see FirefoxExtension.log).
    expect(
      ext.log.filter((line) => /^(JavaScript error: moz-extension:|console\.error:)/.test(line)),
    ).toEqual([]);
  });
});
