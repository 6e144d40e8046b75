import AxeBuilder from '@axe-core/playwright';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { saveArticle, setTags } from '@/lib/db/articles';
import { exportLibrary } from '@/lib/db/export-library';
import { LedeDB } from '@/lib/db/schema';
import { type LoadedExtension, launchExtension } from './support/extension';

/**
 * The library page: its states, import, filters, delete with undo, and a virtualized
 * list. How to test by hand: open library.html from the reader's "Library" link.
 */

let ext: LoadedExtension;
let library: Page;

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

/** A backup file with `count` short articles, made by the library's own export (in Node). */
async function backupOf(count: number): Promise<Buffer> {
  const db = new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });
  for (let i = 0; i < count; i++) {
    const text = `Story number ${i} about ${i % 2 ? 'Kyiv' : 'Lisbon'} and the harbour.`;
    const { id } = await saveArticle(db, {
      article: {
        url: `https://news${i % 3}.example/story-${i}`,
        title: `Story ${i}`,
        byline: 'A Reporter',
        siteName: `News ${i % 3}`,
        publishedTime: null,
        lang: 'en',
        dir: 'ltr',
        excerpt: text,
        leadImage: null,
        textContent: text,
        wordCount: 10,
        readingMinutes: 1,
      },
      html: `<p>${text}</p>`,
      entities: [{ name: i % 2 ? 'Kyiv' : 'Lisbon', type: 'place', aliases: [], count: 1 }],
      now: 1_700_000_000_000 + i * 1000,
    });
    if (i === 0) await setTags(db, id, ['first']);
  }
  const blob = await exportLibrary(db);
  db.close();
  return Buffer.from(await blob.arrayBuffer());
}

const state = () => library.getByTestId('library').getAttribute('data-state');
const items = () => library.getByTestId('library-item');

test('an empty library says how to save articles', async () => {
  library = await ext.openExtensionPage('library.html');
  await expect.poll(state).toBe('empty');
  expect(await library.getByTestId('library-empty').textContent()).toMatch(/No saved articles yet.*Save/s);
});

test('a broken backup is refused with a clear message and changes nothing', async () => {
  await library.getByTestId('import-library').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"lede-library","version":1,"articles":[{"id":'),
  });
  await expect
    .poll(() => library.getByTestId('toast').textContent())
    .toMatch(/Nothing was imported.*not valid JSON/);
  expect(await state()).toBe('empty');
});

test('importing a backup fills a virtualized list, newest first, with storage shown', async () => {
  await library.getByTestId('import-library').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: await backupOf(600),
  });
  await expect.poll(state, { timeout: 30_000 }).toBe('ready');
  await expect.poll(() => library.getByTestId('toast').textContent()).toContain('Imported 600 articles');
  expect(await items().first().textContent()).toContain('Story 599');
  // Only the rows on screen (plus a small overscan) are in the DOM.
  expect(await items().count()).toBeLessThan(40);
  await expect.poll(() => library.getByTestId('library-storage').textContent()).toMatch(/used/);
  // Scrolling to the end shows the oldest article.
  await library.getByTestId('library-list').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect.poll(() => items().last().textContent()).toContain('Story 0');
  expect(await items().count()).toBeLessThan(40);
});

test('search, site, tag, favourite and entity filters narrow the list', async () => {
  const search = library.getByTestId('library-search');
  await search.fill('lisb harbour');
  await expect.poll(() => library.locator('.library-count').textContent()).toContain('300 of 600');
  await search.fill('');
  await library.getByTestId('filter-site').selectOption('news1.example');
  await expect.poll(() => library.locator('.library-count').textContent()).toContain('200 of 600');
  await library.getByTestId('filter-site').selectOption('');
  await library.getByTestId('filter-tag').selectOption('first');
  await expect.poll(() => items().count()).toBe(1);
  await library.getByTestId('filter-tag').selectOption('');
  await library.getByTestId('filter-entity-type').selectOption('place');
  await library.getByTestId('filter-entity').fill('kyi');
  await expect.poll(() => library.locator('.library-count').textContent()).toContain('300 of 600');
  await library.getByTestId('filter-entity').fill('');
  await items().first().getByRole('button', { name: 'Favourite' }).click();
  await library.getByTestId('filter-favorite').check();
  await expect.poll(() => items().count()).toBe(1);
  await library.getByTestId('filter-favorite').uncheck();
  await expect.poll(() => library.locator('.library-count').textContent()).toContain('600 saved articles');
});

test('axe finds no violations on the library, light and dark', async () => {
  for (const theme of ['light', 'dark'] as const) {
    await library.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    const results = await new AxeBuilder({ page: library }).analyze();
    expect(
      results.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await library.evaluate(() => {
    document.documentElement.dataset.theme = 'auto';
  });
});

test('delete removes the article; undo brings it back', async () => {
  const first = items().first();
  expect(await first.textContent()).toContain('Story 599');
  await first.getByTestId('library-delete').click();
  await expect.poll(() => items().first().textContent()).toContain('Story 598');
  expect(await library.getByTestId('toast').textContent()).toContain('Deleted “Story 599”');
  await library.getByTestId('undo').click();
  await expect.poll(() => items().first().textContent()).toContain('Story 599');
  await expect.poll(() => library.locator('.library-count').textContent()).toContain('600 saved articles');
});

test('a reload paints the newest unarchived articles from the early read, bodies left on disk', async () => {
  await items().first().getByRole('button', { name: 'Archive' }).click();
  await expect.poll(() => items().first().textContent()).toContain('Story 598');
  await library.reload();
  await expect.poll(state).toBe('ready');
  // The first screen's rows, then the whole list's (the same first row).
  await expect.poll(() => items().first().textContent()).toContain('Story 598');
  // public/library-boot.js read the first screen itself: article rows only, no archived one.
  const early = await library.evaluate(async () => {
    const rows = await (globalThis as { __ledeFirstScreen?: Promise<Record<string, unknown>[] | null> })
      .__ledeFirstScreen;
    return (
      rows && { titles: rows.map((row) => row.title), withBody: rows.filter((row) => 'html' in row).length }
    );
  });
  expect(early?.titles.slice(0, 2)).toEqual(['Story 598', 'Story 597']);
  expect(early?.withBody).toBe(0);
  // The library is not a reader page: it never starts an extraction in the active tab.
  expect(await library.evaluate(() => performance.getEntriesByName('lede:extract-start').length)).toBe(0);
  await library.getByTestId('filter-shelf').selectOption('archived');
  await expect.poll(() => items().count()).toBe(1);
  await items().first().getByRole('button', { name: 'Unarchive' }).click();
  await library.getByTestId('filter-shelf').selectOption('inbox');
  await expect.poll(() => items().first().textContent()).toContain('Story 599');
});

test('a database the library cannot open shows an error, not a blank page', async () => {
  await library.close();
  // A database from a newer Lede (a higher version) cannot be opened by this one.
  const blank = await ext.openExtensionPage('manifest.json');
  await blank.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('lede-library');
        del.onsuccess = () => {
          const open = indexedDB.open('lede-library', 9999);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        };
        del.onerror = () => reject(del.error);
      }),
  );
  library = await ext.openExtensionPage('library.html');
  await expect.poll(state).toBe('error');
  expect(await library.getByRole('alert').textContent()).toMatch(/could not be opened/);
  await blank.close();
});
