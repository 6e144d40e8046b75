// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SaveButton } from '@/components/SaveButton';
import { countArticles, getArticle, saveArticle } from '@/lib/db/articles';
import type { LedeDB } from '@/lib/db/schema';
import type { Article } from '@/lib/extract/article';
import { articleInput, freshDb } from '../lib/db/fixtures';

/**
 * "Already saved from <url>": a page whose declared canonical URL holds an article saved from
 * another page does not replace it; the reader chooses Replace or Keep both. The real lib/db on
 * a fake IndexedDB; only the permission prompt and the annotator are stand-ins.
 */

const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('@/lib/db/library-db', () => ({ libraryDb: () => holder.db }));
vi.mock('@/lib/library/request-image-access', () => ({
  requestImageAccess: () => ({ granted: Promise.resolve(true), release: async () => {} }),
  sweepImageAccess: async () => {},
}));
vi.mock('@/lib/annotate/annotate', () => ({ annotate: () => ({ quotes: [], entities: [] }) }));

const VICTIM_URL = 'https://medium.com/@victim/my-post';
const attacker: Article = {
  url: 'https://attacker.medium.com/fake-post',
  canonicalUrl: VICTIM_URL,
  title: 'A fake',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  leadImage: null,
  contentHtml: '<p>Fake text.</p>',
  textContent: 'Fake text.',
  wordCount: 2,
  readingMinutes: 1,
  readerable: true,
};

let db: LedeDB;
let host: HTMLElement;
let victimId: string;
beforeEach(async () => {
  db = freshDb();
  holder.db = db;
  victimId = (
    await saveArticle(db, articleInput({ url: VICTIM_URL, title: 'The real post', textContent: 'Real.' }))
  ).id;
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  db.close();
});

const button = () => host.querySelector('[data-testid="save"]') as HTMLButtonElement;
const status = () => host.querySelector('[data-testid="save-status"]')?.textContent ?? '';
const choice = (id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null;
/** Lets IndexedDB (fake-indexeddb schedules with timers) and Preact settle. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};

async function clickSave() {
  await act(() => render(<SaveButton article={attacker} />, host));
  await settle();
  await act(() => button().click());
  await settle();
}

test('saving asks instead of replacing: "Already saved from <url>", nothing written', async () => {
  await clickSave();
  expect(button().dataset.saveState).toBe('conflict');
  expect(button().getAttribute('aria-pressed')).toBe('false');
  expect(status()).toContain(`Already saved from ${VICTIM_URL}`);
  expect(choice('save-replace')).not.toBeNull();
  expect(choice('save-keep-both')).not.toBeNull();
  expect(await countArticles(db)).toBe(1);
  expect(await getArticle(db, victimId)).toMatchObject({ url: VICTIM_URL, title: 'The real post' });
});

test('"Keep both" saves this page as a separate article under its own URL', async () => {
  await clickSave();
  await act(() => choice('save-keep-both')?.click());
  await settle();
  expect(button().dataset.saveState).toBe('saved');
  expect(button().getAttribute('aria-pressed')).toBe('true');
  expect(choice('save-keep-both')).toBeNull();
  expect(await countArticles(db)).toBe(2);
  expect(await getArticle(db, victimId)).toMatchObject({ url: VICTIM_URL, title: 'The real post' });
});

test('"Replace" puts this page in place of the saved article', async () => {
  await clickSave();
  await act(() => choice('save-replace')?.click());
  await settle();
  expect(button().dataset.saveState).toBe('saved');
  expect(await countArticles(db)).toBe(1);
  expect(await getArticle(db, victimId)).toMatchObject({ url: attacker.url, title: 'A fake' });
});
