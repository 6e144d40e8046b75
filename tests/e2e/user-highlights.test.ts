import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, seedHtml, startFixtureServer } from './support/fixture-server';
import { openPopupFor, openPopupForTab, settledState } from './support/reader';

/**
 * User story: highlight what matters while reading, add a note, find it again in the saved copy.
 * How to test by hand: open an article in the Lede popup, select a sentence, press H (or the
 * Highlight button), click the highlight and type a note; close and reopen the popup.
 */

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

/** Selects the body text from the start of `from` to the end of `to` (each inside one text node). */
async function select(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ([from, to]) => {
      const body = document.querySelector('.article__body') as HTMLElement;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let started = false;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const a = node.data.indexOf(from);
        if (!started && a >= 0) {
          range.setStart(node, a);
          started = true;
        }
        const b = node.data.indexOf(to);
        if (started && b >= 0) {
          range.setEnd(node, b + to.length);
          break;
        }
      }
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const selection = document.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [from, to],
  );
}

/** The marks of each user highlight, by id, with their text joined. */
async function userHighlights(
  page: Page,
): Promise<Record<string, { marks: number; text: string; note: boolean }>> {
  return page.evaluate(() => {
    const out: Record<string, { marks: number; text: string; note: boolean }> = {};
    for (const mark of document.querySelectorAll('mark[data-user-highlight]')) {
      const id = mark.getAttribute('data-highlight-id') as string;
      out[id] ??= { marks: 0, text: '', note: false };
      out[id].marks++;
      out[id].text += mark.textContent;
      out[id].note ||= mark.hasAttribute('data-has-note');
    }
    return out;
  });
}

const quoteMarks = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('mark[data-quote]')).map((m) => m.getAttribute('data-quote-index')),
  );

test('highlight across paragraphs and a quote, note it, delete and undo, all saved with the article', async () => {
  const url = server.page('/2024/zelensky-nato/', seedHtml());
  const { article, popup } = await openPopupFor(ext, url);
  expect(await settledState(popup)).toBe('ready');
  await expect.poll(() => popup.getByTestId('highlights').getAttribute('data-state')).toBe('ready');
  await expect.poll(() => popup.getByTestId('user-highlights').getAttribute('data-state')).toBe('empty');
  await expect.poll(() => popup.getByTestId('save').getAttribute('data-save-state')).toBe('unsaved');
  const quotesBefore = await quoteMarks(popup);
  const quoteText = await popup.locator('mark[data-quote]').first().textContent();

  // 1. Select from one paragraph into a quote of the next: the toolbar appears; press it.
  await select(popup, 'The meeting was held', 'all 32 members');
  const button = popup.getByTestId('highlight-selection');
  await button.waitFor();
  await button.click();
  let found = await userHighlights(popup);
  const [first] = Object.keys(found);
  expect(Object.keys(found).length).toBe(1);
  expect(found[first].marks).toBeGreaterThan(1);
  expect(found[first].text).toMatch(/^The meeting was held.*Kyiv.*all 32 members$/s);
  // The quote marks are all still there, none split or lost.
  expect(await quoteMarks(popup)).toEqual(quotesBefore);
  expect(await popup.locator('mark[data-quote]').first().textContent()).toBe(quoteText);
  // Highlighting saved the unsaved article (text first).
  await expect.poll(() => popup.getByTestId('save').getAttribute('aria-pressed')).toBe('true');

  // 2. The `h` key highlights too.
  await select(popup, 'At the same time', 'interoperable');
  await popup.keyboard.press('h');
  await expect.poll(async () => Object.keys(await userHighlights(popup)).length).toBe(2);

  // 3. Click the first highlight: its note editor; type a note (saved as you type).
  await popup.locator(`mark[data-highlight-id="${first}"]`).first().click();
  const note = popup.getByTestId('note-input');
  await note.waitFor();
  expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
  await note.pressSequentially('Unanimity is the bar');
  await expect.poll(async () => (await userHighlights(popup))[first].note).toBe(true);

  // axe with a highlight, a note and the editor open.
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Escape closes it and puts focus back on the highlight; Enter opens it again (keyboard only).
  await popup.keyboard.press('Escape');
  await expect.poll(() => popup.getByTestId('note-editor').count()).toBe(0);
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-highlight-id'))).toBe(first);
  await popup.keyboard.press('Enter');
  await note.waitFor();
  expect(await note.inputValue()).toBe('Unanimity is the bar');

  // 4. Delete, with Undo (focus goes to Undo, so the keyboard can take it back).
  await popup.getByTestId('highlight-delete').click();
  await expect.poll(async () => Object.keys(await userHighlights(popup)).length).toBe(1);
  const undo = popup.getByTestId('highlight-undo');
  expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
  await popup.keyboard.press('Enter');
  await expect.poll(async () => Object.keys(await userHighlights(popup)).length).toBe(2);
  expect((await userHighlights(popup))[first].note).toBe(true);
  expect(await quoteMarks(popup)).toEqual(quotesBefore);

  // 5. A new popup on the page shows both, anchored, the note kept.
  await popup.waitForTimeout(500);
  await popup.close();
  const again = await openPopupForTab(ext, await ext.tabIdOf(article));
  expect(await settledState(again)).toBe('ready');
  await expect.poll(async () => Object.keys(await userHighlights(again)).length).toBe(2);
  found = await userHighlights(again);
  expect(found[first].note).toBe(true);
  expect(found[first].text).toMatch(/^The meeting was held.*all 32 members$/s);
  expect(await again.getByTestId('user-highlight-item').count()).toBe(2);
  await again.close();
  await article.close();
});

test('the saved copy shows the highlights; one whose text is gone is listed as orphaned, not dropped', async () => {
  const url = server.page('/2024/saved-copy/', seedHtml());
  const { article, popup } = await openPopupFor(ext, url);
  expect(await settledState(popup)).toBe('ready');
  await expect.poll(() => popup.getByTestId('user-highlights').getAttribute('data-state')).toBe('empty');
  await select(popup, 'Zelensky, in turn', 'invasion ends');
  await popup.keyboard.press('h');
  await select(popup, 'While the parties', 'air defense');
  await popup.keyboard.press('h');
  await expect.poll(async () => Object.keys(await userHighlights(popup)).length).toBe(2);
  await popup.waitForTimeout(300);
  const library = await ext.openExtensionPage('library.html');
  // Make one highlight's quote text something the article does not contain.
  const articleId = await library.evaluate(async (pageUrl) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('lede-library');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['articles', 'highlights'], 'readwrite');
    const all = (await new Promise((r) => {
      const q = tx.objectStore('highlights').getAll();
      q.onsuccess = () => r(q.result);
    })) as { id: string; articleId: string; exact: string; prefix: string; suffix: string; start: number }[];
    const rows = (await new Promise((r) => {
      const q = tx.objectStore('articles').getAll();
      q.onsuccess = () => r(q.result);
    })) as { id: string; url: string }[];
    const id = rows.find((row) => row.url === pageUrl)?.id as string;
    const mine = all.filter((h) => h.articleId === id).sort((a, b) => a.start - b.start);
    tx.objectStore('highlights').put({
      ...mine[1],
      exact: 'A sentence this article never had in it at all.',
      prefix: 'nothing like this either',
      suffix: 'nor this',
    });
    await new Promise((r) => {
      tx.oncomplete = r;
    });
    return id;
  }, url);
  await library.goto(`chrome-extension://${ext.extensionId}/reader.html?id=${articleId}`);
  expect(await settledState(library)).toBe('ready');
  await expect.poll(async () => Object.keys(await userHighlights(library)).length).toBe(1);
  expect(Object.values(await userHighlights(library))[0].text).toMatch(/^Zelensky, in turn.*invasion ends$/);
  const orphan = library.getByTestId('orphaned-highlight');
  await expect.poll(() => orphan.count()).toBe(1);
  expect(await orphan.textContent()).toContain('A sentence this article never had');
  const axe = await new AxeBuilder({ page: library }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await library.close();
  await popup.close();
  await article.close();
});

test('the library: highlight counts and reading progress on rows, the Highlights view searched, axe clean', async () => {
  // The two articles highlighted above are in the library.
  const library = await ext.openExtensionPage('library.html');
  await expect.poll(() => library.getByTestId('library').getAttribute('data-state')).toBe('ready');
  const counts = library.getByTestId('row-highlights');
  await expect.poll(() => counts.allTextContents()).toEqual([' · 2 highlights', ' · 2 highlights']);
  expect(await library.getByTestId('row-progress').allTextContents()).toEqual(['Unread', 'Unread']);

  // Read half of the newest one: its row says how far; reading to the end marks it read.
  const id = await library.getByTestId('library-item').first().getAttribute('data-id');
  const reader = await ext.openExtensionPage(`reader.html?id=${id}`);
  expect(await settledState(reader)).toBe('ready');
  // The highlights, the reader's own highlights and Listen are added after the first paint and
  // lengthen the page: scroll only once its height has stopped changing.
  await reader.waitForFunction(
    () =>
      new Promise((settled) => {
        const height = document.documentElement.scrollHeight;
        setTimeout(() => settled(document.documentElement.scrollHeight === height), 400);
      }),
    undefined,
    { timeout: 10_000 },
  );
  const scrollTo = (fraction: number) =>
    reader.evaluate((f) => {
      const root = document.scrollingElement ?? document.documentElement;
      root.scrollTop = f * (root.scrollHeight - root.clientHeight);
    }, fraction);
  await scrollTo(0.5);
  await reader.waitForTimeout(800);
  await library.reload();
  await expect
    .poll(() => library.getByTestId('row-progress').first().textContent())
    .toMatch(/^In progress · (4[5-9]|5[0-5])%$/);
  await scrollTo(1);
  await reader.waitForTimeout(800);
  await library.reload();
  await expect.poll(() => library.getByTestId('row-progress').first().textContent()).toBe('Read');
  // It reopens where it was left.
  await reader.reload();
  expect(await settledState(reader)).toBe('ready');
  await expect
    .poll(() => reader.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop))
    .toBeGreaterThan(0);
  await reader.close();

  // The Highlights view: every highlight, newest first, searchable over notes.
  await library.getByTestId('open-highlights').click();
  await library.waitForURL(/view=highlights/);
  await expect.poll(() => library.getByTestId('highlights-view').getAttribute('data-state')).toBe('ready');
  const entries = library.getByTestId('highlight-entry');
  expect(await entries.count()).toBe(4);
  // The newest is the one made an orphan above: listed, marked as not found.
  expect(await entries.first().locator('blockquote').textContent()).toMatch(/^A sentence this article never/);
  expect(await entries.first().getAttribute('data-orphaned')).toBe('true');
  expect(await entries.nth(1).locator('blockquote').textContent()).toMatch(/^Zelensky, in turn/);
  const axe = await new AxeBuilder({ page: library }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await library.getByTestId('highlights-search').fill('unanimity');
  await expect.poll(() => entries.count()).toBe(1);
  expect(await entries.first().textContent()).toContain('Unanimity is the bar');
  await library.getByTestId('highlights-search').fill('no such words');
  await expect.poll(() => library.getByTestId('highlights-no-match').count()).toBe(1);
  await library.close();
});

test('the Highlights view paints its snapshot on the next visit, and never a highlight deleted since', async () => {
  const library = await ext.openExtensionPage('library.html?view=highlights');
  // What each state of the view showed, from the first frame on (an init script: before the page's own).
  await library.addInitScript(() => {
    const page = globalThis as unknown as { __states: string[]; __shown: Record<string, string[]> };
    page.__states = [];
    page.__shown = {};
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="highlights-view"]')?.getAttribute('data-state');
      if (!state) return;
      if (page.__states.at(-1) !== state) page.__states.push(state);
      page.__shown[state] = [...document.querySelectorAll('[data-testid="highlight-entry"] blockquote')].map(
        (q) => q.textContent ?? '',
      );
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const seen = () =>
    library.evaluate(() => {
      const { __states, __shown } = globalThis as unknown as {
        __states: string[];
        __shown: Record<string, string[]>;
      };
      return { __states, __shown };
    });
  const visit = async () => {
    await library.goto(`chrome-extension://${ext.extensionId}/library.html?view=highlights`);
    await expect.poll(() => library.getByTestId('highlights-view').getAttribute('data-state')).toBe('ready');
    await library.waitForTimeout(300);
    return seen();
  };
  await visit();
  const all = await library.locator('[data-testid="highlight-entry"] blockquote').allTextContents();
  expect(all).toHaveLength(4);
  await expect.poll(async () => (await visit()).__states).toEqual(['snapshot', 'ready']);
  expect((await seen()).__shown.snapshot).toEqual(all);

  // Delete one in the saved article (the reader's own path, through the library's database).
  const reader = await ext.openExtensionPage(
    (await library.getByTestId('highlight-entry').nth(1).getByRole('link').getAttribute('href')) ?? '',
  );
  expect(await settledState(reader)).toBe('ready');
  const mark = reader.locator('mark[data-user-highlight]').first();
  const deleted = (await mark.textContent()) ?? '';
  const before = Object.keys(await userHighlights(reader)).length;
  await mark.click();
  await reader.getByTestId('highlight-delete').click();
  await expect.poll(async () => Object.keys(await userHighlights(reader)).length).toBe(before - 1);
  await reader.close();

  const after = await visit();
  expect(after.__states).not.toContain('snapshot');
  const left = all.filter((text) => !deleted.startsWith(text.slice(0, 40)));
  expect(left).toHaveLength(3);
  for (const shown of Object.values(after.__shown)) expect(shown).toEqual(left);
  await library.close();
});
