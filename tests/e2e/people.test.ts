import AxeBuilder from '@axe-core/playwright';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { annotate } from '@/lib/annotate/annotate';
import { saveArticle } from '@/lib/db/articles';
import { exportLibrary } from '@/lib/db/export-library';
import { LedeDB } from '@/lib/db/schema';
import { type LoadedExtension, launchExtension } from './support/extension';

/**
 * Who said what across the library: the People list, a person's view, a quote opening its
 * saved article at the quote, and the reader's link to a speaker's saved history. How to test by
 * hand: save a few articles quoting the same person, open the library, then People.
 */

let ext: LoadedExtension;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const STORIES = [
  {
    day: 3,
    site: 'alpha.example',
    title: 'Stoltenberg in Kyiv',
    text: 'NATO Secretary-General Jens Stoltenberg arrived in Kyiv on Monday.\n\n“We will stand with Ukraine for as long as it takes,” Stoltenberg said at a news conference.\n\n“Allies must deliver more air defence now,” he added.\n\nUkrainian President Volodymyr Zelensky thanked the alliance.',
  },
  {
    day: 9,
    site: 'beta.example',
    title: 'Vilnius summit ends',
    text: 'The summit in Vilnius ended on Wednesday.\n\n“This is a historic decision for the alliance,” Jens Stoltenberg told reporters.\n\nPresident Volodymyr Zelenskyy said the decision was “absurd” before the summit.',
  },
  {
    day: 5,
    site: 'alpha.example',
    title: 'Energy prices',
    text: 'Gas prices fell again in Europe.\n\nThe economy minister Olaf Scholz met traders in Berlin on Tuesday. Scholz spoke with them for an hour.',
  },
];

/** A backup of the stories, saved and annotated as the reader saves them (in Node, fake IndexedDB). */
async function backup(): Promise<Buffer> {
  const db = new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });
  for (const [i, story] of STORIES.entries()) {
    const { quotes, entities } = annotate({ textContent: story.text, lang: 'en' });
    await saveArticle(db, {
      article: {
        url: `https://${story.site}/story-${i}`,
        title: story.title,
        byline: null,
        siteName: story.site,
        publishedTime: `2024-07-0${story.day}T10:00:00Z`,
        lang: 'en',
        dir: 'ltr',
        excerpt: null,
        leadImage: null,
        textContent: story.text,
        wordCount: 50,
        readingMinutes: 1,
      },
      html: story.text
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join(''),
      quotes,
      entities,
      now: 1_700_000_000_000 + i * 1000,
    });
  }
  const blob = await exportLibrary(db);
  db.close();
  return Buffer.from(await blob.arrayBuffer());
}

async function noAxeViolations(target: Page) {
  const results = await new AxeBuilder({ page: target }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('with nothing saved, the People view says how names get there', async () => {
  page = await ext.openExtensionPage('library.html?view=people');
  await expect.poll(() => page.getByTestId('people').getAttribute('data-state')).toBe('nothing-saved');
  expect(await page.getByTestId('people-nothing-saved').textContent()).toContain('No saved articles yet');
});

test('after a restore, People lists everyone by quotes, and a person view gathers their quotes', async () => {
  await page.goto(page.url().replace(/library\.html.*/, 'library.html'));
  await page.getByTestId('import-library').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: await backup(),
  });
  await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Imported 3 articles');
  await page.getByRole('link', { name: 'People' }).click();
  await expect.poll(() => page.getByTestId('people').getAttribute('data-state')).toBe('ready');
  const names = () =>
    page.getByTestId('people-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  expect((await names()).slice(0, 2)).toEqual(['Jens Stoltenberg', 'Volodymyr Zelenskyy']);
  await page.getByTestId('people-sort').selectOption('mentions');
  await page.getByTestId('people-search').fill('sch');
  await expect.poll(names).toEqual(['Olaf Scholz']);
  await page.getByTestId('people-search').fill('');
  await noAxeViolations(page);

  await page.getByRole('link', { name: 'Jens Stoltenberg' }).click();
  const person = page.locator('[data-testid="person"][data-name="Jens Stoltenberg"]');
  await expect.poll(() => person.getAttribute('data-state')).toBe('ready');
  const quotes = page.getByTestId('person-quote');
  expect(await quotes.allTextContents()).toEqual([
    '“This is a historic decision for the alliance,”',
    '“We will stand with Ukraine for as long as it takes,”',
    '“Allies must deliver more air defence now,”',
  ]);
  await expect
    .poll(() => page.getByTestId('co-mention').first().textContent())
    .toContain('Volodymyr Zelenskyy');
  await noAxeViolations(page);
});

test('a person by another spelling, and one mentioned but never quoted', async () => {
  await page.goto(page.url().replace(/library\.html.*/, 'library.html?person=ZELENSKIY'));
  const person = page.getByTestId('person');
  await expect.poll(() => person.getAttribute('data-name')).toBe('Volodymyr Zelenskyy');
  expect(await page.getByTestId('person-quote').allTextContents()).toEqual(['“absurd”']);
  await page.goto(page.url().replace(/library\.html.*/, 'library.html?person=scholz'));
  await expect.poll(() => person.getAttribute('data-state')).toBe('no-quotes');
  expect(await page.getByTestId('person-no-quotes').textContent()).toContain('never quoted');
});

test('a quote opens its saved article scrolled to the quote, highlighted; the panel links back', async () => {
  await page.goto(page.url().replace(/library\.html.*/, 'library.html?person=Stoltenberg'));
  const quote = page.getByTestId('person-quote').nth(2);
  await expect.poll(() => quote.textContent()).toContain('Allies must deliver');
  await page.setViewportSize({ width: 800, height: 300 });
  await quote.click();
  await page.waitForURL(/reader\.html\?id=.*&quote=\d+/);
  const target = page.locator('[data-quote-target]').first();
  await expect
    .poll(() => target.textContent(), { timeout: 10_000 })
    .toContain('Allies must deliver more air defence');
  await expect
    .poll(() =>
      target.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }),
    )
    .toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('highlights-toggle').click();
  const link = page.getByTestId('library-history').first();
  await expect.poll(() => link.textContent()).toBe('1 more quote in your library');
  expect(await link.getAttribute('href')).toBe('library.html?person=Jens%20Stoltenberg');
});

test('a second visit paints its snapshot, then the kept first screen, then the full read; a deletion drops them', async () => {
  // Every state the person view goes through, from the first frame on (an init script: before the page's own).
  await page.addInitScript(() => {
    const seen: string[] = [];
    const page = globalThis as unknown as { __states: string[]; __shown: Record<string, string[]> };
    page.__states = seen;
    page.__shown = {};
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="person"]')?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
      // The quotes the paint snapshot and the kept first screen show.
      if (state === 'snapshot' || state === 'partial')
        page.__shown[state] = [...document.querySelectorAll('[data-testid="person-quote"]')].map(
          (q) => q.textContent ?? '',
        );
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const states = () => page.evaluate(() => (globalThis as unknown as { __states: string[] }).__states);
  const quotes = () => page.getByTestId('person-quote').allTextContents();
  const shown = () =>
    page.evaluate(() => (globalThis as unknown as { __shown: Record<string, string[]> }).__shown);
  const visit = async () => {
    await page.goto(page.url().replace(/(library|reader)\.html.*/, 'library.html?person=Jens%20Stoltenberg'));
    await expect.poll(() => page.getByTestId('person').getAttribute('data-state')).toBe('ready');
  };
  await visit();
  const all = await quotes();
  expect(all).toHaveLength(3);
  // The first visit kept its first screen and its snapshot (after the quotes showed); the next one paints them first.
  await expect
    .poll(async () => {
      await visit();
      return states();
    })
    .toEqual(['snapshot', 'partial', 'ready']);
  expect(await shown()).toEqual({ snapshot: all, partial: all });
  expect(await quotes()).toEqual(all);

  await page.locator('[data-testid="person-article"]').first().getByTestId('person-delete-article').click();
  await expect.poll(quotes).toEqual(all.slice(1));
  await visit();
  // The snapshot taken before the deletion is not painted (a first screen kept since may be).
  expect(await states()).not.toContain('snapshot');
  expect((await states()).at(-1)).toBe('ready');
  expect((await shown()).partial ?? all.slice(1)).toEqual(all.slice(1));
  expect(await quotes()).toEqual(all.slice(1));
  await expect
    .poll(async () => {
      await visit();
      return states();
    })
    .toEqual(['snapshot', 'partial', 'ready']);
  // Never the deleted article's quote, even in the first frame.
  expect(await shown()).toEqual({ snapshot: all.slice(1), partial: all.slice(1) });
  expect(await quotes()).toEqual(all.slice(1));
});
