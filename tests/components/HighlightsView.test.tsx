// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { HighlightsView } from '@/components/notes/HighlightsView';
import { RowStatus, readingStatus } from '@/components/notes/RowStatus';
import * as articles from '@/lib/db/articles';
import type { LedeDB } from '@/lib/db/schema';
import { toSummary } from '@/lib/db/summary';
import { addHighlight } from '@/lib/notes/highlights-db';
import { describeQuote } from '@/lib/notes/text-quote';
import { articleInput, freshDb } from '../lib/db/fixtures';

const state = vi.hoisted(() => ({ db: undefined as unknown, fail: false }));
vi.mock('@/components/library/library-data', async () => {
  const articles = await import('@/lib/db/articles');
  return {
    get library() {
      if (state.fail) throw new Error('IndexedDB is not available');
      return { ...articles, db: state.db };
    },
  };
});

let host: HTMLElement;
beforeEach(() => {
  state.db = freshDb();
  state.fail = false;
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const db = () => state.db as LedeDB;
const TEXT = 'NATO Secretary-General Jens Stoltenberg met Volodymyr Zelensky in Kyiv.';
const quote = (s: string) => describeQuote(TEXT, TEXT.indexOf(s), TEXT.indexOf(s) + s.length);

async function settle(root: () => HTMLElement) {
  await vi.waitFor(() => expect(root().dataset.state).not.toBe('loading'));
  await act(async () => {});
}

test('loading, then the empty state with how to highlight', async () => {
  render(<HighlightsView />, host);
  const root = () => host.querySelector('[data-testid="highlights-view"]') as HTMLElement;
  expect(root().dataset.state).toBe('loading');
  expect(host.querySelector('[data-testid="highlights-loading"]')).not.toBeNull();
  await settle(root);
  expect(host.querySelector('[data-testid="highlights-empty"]')?.textContent).toContain('No highlights yet');
});

test('newest first with notes and article titles; search over quotes and notes; no match', async () => {
  const { id } = await articles.saveArticle(db(), articleInput());
  await addHighlight(db(), { articleId: id, selector: quote('Jens Stoltenberg'), note: 'Outgoing', now: 1 });
  await addHighlight(db(), { articleId: id, selector: quote('in Kyiv'), now: 2 });
  render(<HighlightsView />, host);
  const root = () => host.querySelector('[data-testid="highlights-view"]') as HTMLElement;
  await settle(root);
  const entries = () => Array.from(host.querySelectorAll('[data-testid="highlight-entry"]'));
  expect(entries().map((e) => e.querySelector('blockquote')?.textContent)).toEqual([
    'in Kyiv',
    'Jens Stoltenberg',
  ]);
  expect(entries()[1].textContent).toContain('Outgoing');
  expect(entries()[1].querySelector('a')?.getAttribute('href')).toBe(`reader.html?id=${id}`);
  expect(entries()[1].textContent).toContain('Stoltenberg visits Kyiv');
  const search = host.querySelector('[data-testid="highlights-search"]') as HTMLInputElement;
  await act(async () => {
    search.value = 'outgoing';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(entries().map((e) => e.querySelector('blockquote')?.textContent)).toEqual(['Jens Stoltenberg']);
  expect(host.textContent).toContain('1 of 2 highlights');
  await act(async () => {
    search.value = 'zzz';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(host.querySelector('[data-testid="highlights-no-match"]')).not.toBeNull();
});

test('a library that cannot be read shows the error state', async () => {
  state.fail = true;
  render(<HighlightsView />, host);
  const root = () => host.querySelector('[data-testid="highlights-view"]') as HTMLElement;
  await settle(root);
  expect(root().dataset.state).toBe('error');
  expect(host.querySelector('[role="alert"]')?.textContent).toContain('could not be read');
});

test('a row shows its reading status and highlight count', async () => {
  expect(readingStatus({ read: 0, readingPosition: 0 })).toBe('Unread');
  expect(readingStatus({ read: 0, readingPosition: 0.42 })).toBe('In progress · 42%');
  expect(readingStatus({ read: 0, readingPosition: 0.999 })).toBe('In progress · 99%');
  expect(readingStatus({ read: 1, readingPosition: 0.3 })).toBe('Read');
  const { id } = await articles.saveArticle(db(), articleInput());
  await articles.setReadingPosition(db(), id, 0.5);
  for (const s of ['Jens', 'Kyiv', 'NATO']) await addHighlight(db(), { articleId: id, selector: quote(s) });
  const row = await db().articles.get(id);
  render(<RowStatus article={toSummary(row as NonNullable<typeof row>)} />, host);
  await vi.waitFor(() =>
    expect(host.querySelector('[data-testid="row-highlights"]')?.textContent).toContain('3 highlights'),
  );
  expect(host.querySelector('[data-testid="row-progress"]')?.textContent).toBe('In progress · 50%');
});

test('the boot read’s first screen is in the first render, then every highlight, in the same order', async () => {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const { LedeDB } = await import('@/lib/db/schema');
  const { listHighlights } = await import('@/lib/notes/highlights-db');
  const early = await import('@/lib/notes/read-highlights');
  const factory = new IDBFactory();
  const lib = new LedeDB({ indexedDB: factory, IDBKeyRange });
  const { id } = await articles.saveArticle(lib, articleInput());
  const words = TEXT.split(' ');
  // Ties in creation time: the order is time, then id, newest first, as listHighlights gives it.
  for (let i = 0; i < 30; i++)
    await addHighlight(lib, { articleId: id, selector: quote(words[i % words.length]), now: 100 + (i % 20) });
  const expected = (await listHighlights(lib)).map((h) => h.exact);
  lib.close();
  state.fail = true; // Dexie is never needed on this path.
  vi.stubGlobal('indexedDB', factory);
  try {
    early.startHighlightsRead();
    await early.earlyHighlightsWithin(5000);
    render(<HighlightsView />, host);
    const root = () => host.querySelector('[data-testid="highlights-view"]') as HTMLElement;
    const quotes = () =>
      Array.from(host.querySelectorAll('[data-testid="highlight-entry"] blockquote')).map(
        (q) => q.textContent,
      );
    // No loading frame: the first render has the first screen, the newest first, with titles.
    expect(root().dataset.state).toBe('ready');
    const first = early.firstScreenHighlights();
    expect(first).toBeLessThan(30);
    expect(quotes()).toEqual(expected.slice(0, first));
    expect(host.querySelector('[data-testid="highlight-entry"] a')?.textContent).toBe(
      'Stoltenberg visits Kyiv',
    );
    expect(host.querySelector('.library-count')?.textContent).toBe('');
    // Then, after that frame, all of them.
    await vi.waitFor(() => expect(host.querySelector('.library-count')?.textContent).toBe('30 highlights'));
    expect(quotes()).toEqual(expected);
  } finally {
    vi.unstubAllGlobals();
  }
});

test('the boot read not come within the wait: the loading state, then the highlights', async () => {
  const early = await import('@/lib/notes/read-highlights');
  let finish: (read: null) => void = () => {};
  (globalThis as { __ledeHighlights?: Promise<null> }).__ledeHighlights = new Promise((resolve) => {
    finish = resolve;
  });
  const t0 = Date.now();
  await early.earlyHighlightsWithin(30);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  const { id } = await articles.saveArticle(db(), articleInput());
  await addHighlight(db(), { articleId: id, selector: quote('in Kyiv') });
  render(<HighlightsView />, host);
  const root = () => host.querySelector('[data-testid="highlights-view"]') as HTMLElement;
  expect(host.querySelector('[data-testid="highlights-loading"]')).not.toBeNull();
  finish(null); // No bare read possible: the view reads through Dexie.
  await settle(root);
  expect(host.querySelector('[data-testid="highlight-entry"] blockquote')?.textContent).toBe('in Kyiv');
  (globalThis as { __ledeHighlights?: unknown }).__ledeHighlights = undefined;
});
