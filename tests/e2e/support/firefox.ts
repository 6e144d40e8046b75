import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server';

/**
 * Lede in a real Firefox, driven over WebDriver BiDi by puppeteer-core (no browser download:
 * Debian's firefox-esr).
 *
 * The route into the extension. BiDi refuses to navigate to `moz-extension://` URLs, and Firefox
 * has no extension service worker to evaluate in. So:
 *  1. the extension's UUID is fixed by the pref `extensions.webextensions.uuids`, which makes its
 *     pages' URLs known in advance (`moz-extension://<UUID>/popup.html`);
 *  2. a loopback page of the fixture server navigates *itself* there (`location.href = …`), which
 *     Firefox allows because the Firefox e2e build (`wxt build -b firefox --mv3 --mode e2e`) lists
 *     popup.html, reader.html and library.html as web-accessible to 127.0.0.1 and localhost
 *     (production has no web_accessible_resources: tests/e2e/manifest.test.ts);
 *  3. from then on the tab is an extension page: `page.evaluate` runs with the extension API
 *     (`browser.tabs.query` gives the article tab's id for `popup.html?tab=<id>`), and the page can
 *     go on to other extension pages by itself, with or without the fixture server.
 * The e2e build's host permissions (127.0.0.1, localhost) are granted at install in Firefox 153, as
 * `permissions.getAll()` shows, so no `extensions.originControls.grantByDefault` pref is needed.
 */

/** FIREFOX_PATH wins, then Debian's firefox-esr, then other usual places. */
export function findFirefox(): string | undefined {
  const candidates = [
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** The Firefox e2e build: the Firefox build plus loopback host permissions and the test route above. */
export const FIREFOX_E2E_DIR = resolve('.output/firefox-mv3-e2e');

/** Any fixed UUID will do; the pref maps the gecko id to it. */
export const EXTENSION_UUID = '1ede0e2e-f1fe-4c0a-9a4e-5e5d0e2e0001';

/** The loopback page a tab starts from before it navigates itself into the extension. */
const BOUNCE_PATH = '/__lede-e2e/to-extension';

export interface FirefoxExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`. */
  origin: string;
  /**
   * Firefox's stdout and stderr, line by line: `console.*` of every page (`console.error: "…"`) and
   * uncaught errors (`JavaScript error: <url>, line <n>: …`). BiDi reports neither for extension
   * pages (nor their navigations), so this is where the test sees them.
   */
  log: string[];
  /** Opens an extension page (`popup.html?tab=3`, `library.html`) in a new tab, by the route above. */
  openExtensionPage(path: string): Promise<Page>;
  /** Takes a tab that is on an extension page already to another one (needs no server). */
  goto(page: Page, path: string): Promise<void>;
  /** The extension's tab id of the tab at `url`, asked from an extension page. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** `origin/path` is loaded and its document complete, whatever realm the navigation left behind. */
async function waitForExtensionPage(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // A navigation may destroy the realm under a running evaluation: try again in the new one.
    const done = await page
      .evaluate((target) => location.href === target && document.readyState === 'complete', url)
      .catch(() => false);
    if (done) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function launchFirefoxExtension(
  server: FixtureServer,
  extensionDir = FIREFOX_E2E_DIR,
): Promise<FirefoxExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: apt-get install firefox-esr, or set FIREFOX_PATH');
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build:e2e:firefox first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  server.page(BOUNCE_PATH, '<!doctype html><title>to the extension</title>');

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Firefox's first start with a new profile has taken over 30 s (puppeteer's default) on a
    // loaded 2-core machine, with the test green when run again.
    timeout: 90_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // Console messages of pages, extension pages included, on Firefox's stdout (see `log`).
      'devtools.console.stdout.content': true,
    },
  });
  const log: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null | undefined) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer | string) => {
      const lines = (partial + String(chunk)).split('\n');
      partial = lines.pop() ?? '';
      log.push(...lines.filter((line) => line.trim()));
    });
  };
  collect(browser.process()?.stdout);
  collect(browser.process()?.stderr);
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;

  const goto = async (page: Page, path: string) => {
    const url = `${origin}/${path}`;
    await page.evaluate((target) => {
      location.href = target;
    }, url);
    await waitForExtensionPage(page, url);
  };

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(server.origin + BOUNCE_PATH);
    await goto(page, path);
    return page;
  };

  return {
    browser,
    origin,
    log,
    goto,
    openExtensionPage,
    async tabIdOf(url) {
      // Any extension page has the API; library.html only reads the library, it touches no tab.
      const page = await openExtensionPage('library.html');
      try {
        const id = await page.evaluate(async (target: string) => {
          const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
          return (await api.tabs.query({})).find((tab) => tab.url === target)?.id;
        }, url);
        if (id === undefined) throw new Error(`No tab found for ${url}`);
        return id;
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
