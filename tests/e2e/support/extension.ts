import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** Where the browser is: CHROME_PATH wins, then Debian's Chromium, then common Chrome paths. */
export function findChrome(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens `page.html` of the extension (e.g. `popup.html?tab=3`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's tab id of `page`, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** The flags this machine needs: no sandbox as root, and no background traffic to a closed network. */
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with the built extension loaded (the e2e build by default: same as
 * production plus loopback host permissions, see wxt.config.ts).
 */
export async function launchExtension(
  extensionDir = resolve('.output/chrome-mv3-e2e'),
  options: { colorScheme?: 'light' | 'dark'; args?: string[] } = {},
): Promise<LoadedExtension> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium/Chrome found: install chromium or set CHROME_PATH');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build:e2e first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      ...CHROME_ARGS,
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await worker.evaluate(async (target: string) => {
        // Runs in the service worker, where `chrome` is the extension API.
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        const tabs = await api.tabs.query({});
        return tabs.find((tab) => tab.url === target)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab found for ${url}`);
      return id;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
