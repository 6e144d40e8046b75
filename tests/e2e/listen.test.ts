import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { serveDemo, settledState } from './support/reader';
import { installSpeechStandIn } from './support/speech-stand-in';

/**
 * Listen in the real popup and full-tab reader, with a stand-in speechSynthesis (headless Chromium
 * has no voices; tests/e2e/listen-voices.test.ts uses a real engine where there is one). How to test
 * by hand: `npm start`, open the popup on the demo article, press the speaker button (or L).
 */

interface Tts {
  spoken: { text: string; lang: string; rate: number; voice: string | null }[];
  current(): string | null;
  start(): void;
  boundary(i: number): void;
  end(): void;
  fail(error: string): void;
}
declare global {
  interface Window {
    __tts: Tts;
    __ttsVoices?: unknown[];
  }
}

let server: FixtureServer;
let ext: LoadedExtension;
let demoUrl: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  demoUrl = serveDemo(server);
  ext = await launchExtension();
  await ext.context.addInitScript(installSpeechStandIn);
  ext.context.on('page', (page) =>
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`)),
  );
});

afterAll(async () => {
  expect(pageErrors).toEqual([]);
  await ext?.close();
  await server?.close();
});

/** The demo article in a tab and its popup; `voices` replaces the stand-in's voices in the popup. */
async function popupOnDemo(voices?: unknown[]): Promise<{ article: Page; popup: Page }> {
  const article = await ext.context.newPage();
  await article.goto(demoUrl);
  const popup = await ext.context.newPage();
  if (voices) await popup.addInitScript((v) => Object.assign(window, { __ttsVoices: v }), voices);
  await popup.setViewportSize({ width: 520, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${await ext.tabIdOf(article)}`);
  expect(await settledState(popup)).toBe('ready');
  // Quotes marked first, so the test also sees the sentence mark living with them.
  await popup.locator('[data-testid="highlights"][data-state="ready"]').waitFor();
  return { article, popup };
}

const current = (page: Page) => page.evaluate(() => window.__tts.current());
const step = (page: Page, what: 'start' | 'end') => page.evaluate((w) => window.__tts[w](), what);
const marked = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-tts-current]'))
      .map((el) => el.textContent)
      .join('')
      .replace(/\s+/g, ' '),
  );

describe('listening in the popup', () => {
  test('Listen reads sentence by sentence, marks each one, keeps the quote marks, pauses and skips', async () => {
    const { article, popup } = await popupOnDemo();
    const quoteMarks = await popup.locator('mark[data-quote]').count();
    expect(quoteMarks).toBeGreaterThan(3);
    const listen = popup.getByTestId('listen');
    await listen.click();
    await expect.poll(() => listen.getAttribute('aria-pressed')).toBe('true');
    const first = await current(popup);
    expect(first).toMatch(/^BERGEN — Commuters crossing the fjord on Monday morning found something unusual/);
    expect(first?.endsWith('a librarian with a stamp.')).toBe(true);
    await step(popup, 'start');
    await expect.poll(() => marked(popup)).toBe(first);
    // The voice was chosen by the article's language.
    expect((await popup.evaluate(() => window.__tts.spoken[0])).voice).toBe('stand-in-en');

    await step(popup, 'end');
    expect(await current(popup)).toMatch(/^The Fjordside Public Library has turned a retired car ferry/);
    await step(popup, 'start');
    await expect.poll(() => marked(popup)).toMatch(/^The Fjordside Public Library/);
    expect(await popup.locator('mark[data-quote]').count()).toBeGreaterThanOrEqual(quoteMarks);
    expect(await popup.locator('[data-tts-current]').first().isVisible()).toBe(true);

    // Pause (the button in the bar), resume with the L key: the same sentence again.
    await popup.getByTestId('listen-play').click();
    await expect.poll(() => listen.getAttribute('aria-pressed')).toBe('false');
    expect(await current(popup)).toBeNull();
    await popup.keyboard.press('l');
    await expect.poll(() => listen.getAttribute('aria-pressed')).toBe('true');
    expect(await current(popup)).toMatch(/^The Fjordside Public Library/);

    // Next paragraph, twice: the director's quote, announced.
    await popup.getByTestId('listen-next').click();
    expect(await current(popup)).toMatch(/^The ferry, renamed MS Bokbåten/);
    await popup.getByTestId('listen-next').click();
    expect(await current(popup)).toMatch(/^Haugland said: ["“]People spend forty minutes on this boat/);
    await popup.getByTestId('listen-previous').click();
    expect(await current(popup)).toMatch(/^The ferry, renamed/);

    // The controls do not cover the highlights legend (a screenshot for the README).
    const legend = await popup.getByTestId('highlights').boundingBox();
    const bar = await popup.getByTestId('listen-bar').boundingBox();
    expect(legend && bar && legend.y + legend.height <= bar.y + 1).toBe(true);
    await popup.screenshot({ path: 'docs/screenshots/listen-popup.png' });
    // The popup says what closing it does.
    await expect
      .poll(() => popup.getByTestId('listen-popup-note').textContent())
      .toMatch(/stops when this popup closes/);
    await popup.getByTestId('listen-stop').click();
    // Stop takes the sentence mark away (in the commit that hides the controls) and gives the
    // quote marks back whole.
    await expect.poll(() => popup.locator('[data-tts-current]').count(), { timeout: 1000 }).toBe(0);
    expect(await popup.locator('mark[data-quote]').count()).toBe(quoteMarks);
    await Promise.all([article.close(), popup.close()]);
  });

  test('speed and announcements are settings, kept across readers', async () => {
    const { article, popup } = await popupOnDemo();
    await popup.getByTestId('listen').click();
    await popup.getByTestId('listen-rate').selectOption('1.5');
    await expect.poll(() => popup.evaluate(() => window.__tts.spoken.at(-1)?.rate)).toBe(1.5);
    await popup.getByTestId('listen-announce').uncheck();
    await popup.getByTestId('listen-next').click();
    await popup.getByTestId('listen-next').click();
    expect(await current(popup)).toMatch(/^["“]People spend forty minutes/);
    await popup.close();

    const again = await popupOnDemo();
    await again.popup.getByTestId('listen').click();
    expect(await again.popup.getByTestId('listen-rate').inputValue()).toBe('1.5');
    expect(await again.popup.getByTestId('listen-announce').isChecked()).toBe(false);
    await again.popup.getByTestId('listen-announce').check();
    await again.popup.getByTestId('listen-rate').selectOption('1');
    await Promise.all([article.close(), again.article.close(), again.popup.close()]);
  });

  test('where the engine reports boundaries, a paragraph is spoken at once and boundaries move the mark', async () => {
    const { article, popup } = await popupOnDemo();
    await popup.getByTestId('listen').click();
    await step(popup, 'start');
    await popup.evaluate(() => window.__tts.boundary(0));
    await step(popup, 'end');
    // Sentences still one per utterance here, as they were asked before the first boundary.
    expect(await current(popup)).toMatch(/^The Fjordside/);
    // On to a paragraph of short sentences: they now share an utterance (up to 200 characters).
    for (let i = 0; i < 12 && !(await current(popup))?.startsWith('Not everyone'); i++) {
      await popup.getByTestId('listen-next').click();
    }
    const grouped = (await current(popup)) ?? '';
    expect(grouped).toMatch(
      /^Not everyone is convinced\. Sigrid Lunde, who speaks for the Coastal Libraries Alliance/,
    );
    await step(popup, 'start');
    await expect.poll(() => marked(popup)).toBe('Not everyone is convinced.');
    await popup.evaluate((i) => window.__tts.boundary(i), grouped.indexOf('Sigrid'));
    await expect
      .poll(() => marked(popup))
      .toMatch(/^Sigrid Lunde, who speaks for the Coastal Libraries Alliance, warned/);
    await Promise.all([article.close(), popup.close()]);
  });

  test('an engine error is shown, not a silent stop', async () => {
    const { article, popup } = await popupOnDemo();
    await popup.getByTestId('listen').click();
    await popup.evaluate(() => window.__tts.fail('synthesis-failed'));
    await expect
      .poll(() => popup.getByTestId('listen-status').textContent())
      .toMatch(/Speech stopped \(synthesis-failed\)/);
    expect(await popup.getByTestId('listen').getAttribute('aria-pressed')).toBe('false');
    await Promise.all([article.close(), popup.close()]);
  });
});

describe('states', () => {
  test('no voices at all: a clear message and nothing to press', async () => {
    const { article, popup } = await popupOnDemo([]);
    await popup.getByTestId('listen').click();
    await expect
      .poll(() => popup.getByTestId('listen-status').textContent(), { timeout: 8000 })
      .toMatch(/No text-to-speech voices are installed/);
    expect(await popup.getByTestId('listen-play').isDisabled()).toBe(true);
    expect(await popup.evaluate(() => window.__tts.spoken.length)).toBe(0);
    await Promise.all([article.close(), popup.close()]);
  });

  test('no voice for the article language: the default voice, with a note', async () => {
    const voices = [
      { voiceURI: 'only-fr', name: 'Only French', lang: 'fr-FR', default: true, localService: true },
    ];
    const { article, popup } = await popupOnDemo(voices);
    await popup.getByTestId('listen').click();
    await expect
      .poll(() => popup.getByTestId('listen-status').textContent())
      .toBe('No English voice is installed: reading with Only French (fr-FR).');
    expect(await popup.evaluate(() => window.__tts.spoken[0]?.voice)).toBe('only-fr');
    // The button, the controls and the marked sentence pass axe (contrast included).
    await step(popup, 'start');
    await popup.locator('[data-tts-current]').first().waitFor();
    const axe = await new AxeBuilder({ page: popup })
      .include('[data-testid="listen-bar"]')
      .include('[data-testid="listen"]')
      .include('[data-tts-current]')
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await Promise.all([article.close(), popup.close()]);
  });
});

describe('continue in tab', () => {
  test('the full-tab reader goes on at the same sentence', async () => {
    const { article, popup } = await popupOnDemo();
    await popup.getByTestId('listen').click();
    await popup.getByTestId('listen-next').click();
    await popup.getByTestId('listen-next').click();
    await step(popup, 'start');
    await step(popup, 'end');
    const sentence = (await current(popup)) ?? '';
    expect(sentence).toMatch(/^["“]We thought: what if those eighty minutes/);
    const [tab] = await Promise.all([
      ext.context.waitForEvent('page', (p) => p.url().includes('reader.html')),
      popup.getByTestId('listen-continue').click(),
    ]);
    expect(tab.url()).toMatch(/listen-at=\d+/);
    expect(await settledState(tab)).toBe('ready');
    await expect.poll(() => tab.evaluate(() => window.__tts?.current() ?? null)).toBe(sentence);
    expect(await tab.getByTestId('listen').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => marked(tab)).toBe(sentence);
    expect(await tab.getByTestId('listen-popup-note').count()).toBe(0);
    await Promise.all([article.close(), tab.close()]);
  });
});

describe('the saved copy', () => {
  test('a saved article in the library is read aloud too', async () => {
    const { article, popup } = await popupOnDemo();
    const save = popup.getByTestId('save');
    await expect.poll(() => save.getAttribute('data-save-state')).toBe('unsaved');
    await save.click();
    await expect.poll(() => save.getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
    await Promise.all([article.close(), popup.close()]);

    const library = await ext.openExtensionPage('library.html');
    await expect.poll(() => library.getByTestId('library').getAttribute('data-state')).toBe('ready');
    await library.getByTestId('library-item').first().click();
    await library.waitForURL(/reader\.html\?id=/);
    expect(await settledState(library)).toBe('ready');
    await library.getByTestId('listen').click();
    await expect.poll(() => library.getByTestId('listen').getAttribute('aria-pressed')).toBe('true');
    const first = await current(library);
    expect(first).toMatch(/^BERGEN — Commuters crossing the fjord/);
    await step(library, 'start');
    await expect.poll(() => marked(library)).toBe(first);
    await library.close();
  });
});
