/**
 * Messaging. Lede passes no runtime messages at all (executeScript returns the article to
 * its caller), so there is no handler for a web page or another extension to reach. This spec keeps
 * it that way: no listener in any built script, no externally_connectable, and a page that tries
 * to talk to the extension gets nowhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopupFor, settledState } from './support/reader';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

test.each(BUILDS)('%s registers no runtime message or connection listener', (dir) => {
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));
  expect(manifest.externally_connectable).toBeUndefined();
  const files = scripts(resolve(dir));
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    // The polyfill names these events in its API table; a listener would call addListener on them.
    expect(code, file).not.toMatch(
      /\b(onMessage|onMessageExternal|onConnect|onConnectExternal)\.addListener/,
    );
  }
});

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

test('a web page cannot send Lede a message', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.page('/hostile/', '<title>hostile</title><p>hi</p>'));
  const outcome = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return 'no runtime API';
    try {
      await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { save: 'x' });
      return 'delivered';
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  }, ext.extensionId);
  expect(outcome).not.toBe('delivered');
});

/** An article page that records every message event it gets, and every new attribute on <html>. */
const LISTENING_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Listening</title>
<script>
  window.__heard = [];
  addEventListener('message', (e) => window.__heard.push(JSON.stringify(e.data)), true);
</script></head><body><article><h1>A page that listens</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of an ordinary news story: the council met on Tuesday and agreed the budget for the coming year after a long debate about the ferry service, the library and the harbour wall.</p>`).join('\n')}
</article></body></html>`;

test('a page listening for messages learns nothing when Lede reads it (not even that it did)', async () => {
  const { article, popup } = await openPopupFor(ext, server.page('/listening/', LISTENING_PAGE));
  expect(await settledState(popup)).toBe('ready');
  // Messages arrive in order: once the page hears its own, it has heard any Lede posted before.
  const heard = await article.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const w = window as unknown as { __heard: string[] };
        addEventListener('message', (e) => e.data === 'sentinel' && resolve(w.__heard.slice(0, -1)));
        postMessage('sentinel', '*');
      }),
  );
  expect(heard).toEqual([]);
  expect(await article.content()).not.toContain(ext.extensionId);
  await popup.close();
  await article.close();
});
