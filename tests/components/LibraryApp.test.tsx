// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import * as articles from '@/lib/db/articles';
import { type ArticleSummary, toSummary } from '@/lib/db/summary';
import { articleInput, type freshDb } from '../lib/db/fixtures';

// The database the page loads on demand: a fresh fake IndexedDB, shared by the test and the app.
const db = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('@/components/library/library-data', async () => {
  const { freshDb } = await import('../lib/db/fixtures');
  db.current = freshDb();
  const articles = await import('@/lib/db/articles');
  return { library: { ...articles, db: db.current } };
});

// jsdom has no layout: the virtual list's size observer has nothing to report.
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    disconnect() {}
  },
);

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(firstScreen: Promise<ArticleSummary[]>) {
  host = document.createElement('div');
  document.body.append(host);
  render(<LibraryApp firstScreen={firstScreen} />, host);
  return host.querySelector('[data-testid="library"]') as HTMLElement;
}

test('while the first screen is read: the loading state, then its rows before the full list', async () => {
  // The same two articles in the library and in the early read.
  const { library } = await import('@/components/library/library-data');
  const source = library.db as ReturnType<typeof freshDb>;
  for (const n of [1, 2])
    await articles.saveArticle(
      source,
      articleInput({ url: `https://news.example/${n}`, title: `Story ${n}` }, { now: 1000 + n }),
    );
  const rows = (await source.articles.reverse().toArray()).map(toSummary);

  let read!: (rows: ArticleSummary[]) => void;
  const root = mount(new Promise((resolve) => (read = resolve)));
  await act(async () => {});
  expect(root.dataset.state).toBe('loading');
  expect(root.getAttribute('aria-busy')).toBe('true');
  const loading = root.querySelector('[data-testid="library-loading"]');
  expect(loading?.textContent).toContain('Loading the library…');
  expect(loading?.querySelectorAll('.row-skeleton').length).toBeGreaterThan(0);

  await act(async () => read(rows));
  expect(root.dataset.state).toBe('ready');
  const titles = () =>
    [...root.querySelectorAll('[data-testid="library-item"] .row-link')].map((a) => a.textContent);
  expect(titles()).toEqual(['Story 2', 'Story 1']);
  // The count comes with the full id list, from the database, once the rows are on screen.
  await vi.waitFor(() =>
    expect(root.querySelector('.library-count')?.textContent).toContain('2 saved articles'),
  );
  expect(titles()).toEqual(['Story 2', 'Story 1']);
});

test('a failed early read shows the error state with a way to try again', async () => {
  const root = mount(Promise.reject(new Error('The database is locked by another window.')));
  await vi.waitFor(() => expect(root.dataset.state).toBe('error'));
  expect(root.querySelector('[role="alert"]')?.textContent).toContain('locked by another window');
  const retry = root.querySelector('[role="alert"] button') as HTMLButtonElement;
  expect(retry.textContent).toBe('Try again');
  // Trying again reads the library itself (the two articles saved by the test above).
  await act(() => retry.click());
  await vi.waitFor(() => expect(root.dataset.state).toBe('ready'));
  expect(root.querySelectorAll('[data-testid="library-item"]')).toHaveLength(2);
});

test('a row marks its article read and unread by hand, in the database too', async () => {
  const { library } = await import('@/components/library/library-data');
  const source = library.db as ReturnType<typeof freshDb>;
  const rows = (await source.articles.reverse().toArray()).map(toSummary);
  const root = mount(Promise.resolve(rows));
  await vi.waitFor(() => expect(root.dataset.state).toBe('ready'));
  const row = () =>
    [...root.querySelectorAll('[data-testid="library-item"]')].find((r) =>
      r.textContent?.includes('Story 1'),
    ) as HTMLElement;
  const toggle = () => row().querySelector('button[title^="Mark as"]') as HTMLButtonElement;
  expect(toggle().textContent).toBe('Unread');
  expect(toggle().getAttribute('aria-pressed')).toBe('false');

  await act(() => toggle().click());
  await vi.waitFor(() => expect(toggle().textContent).toBe('Read'));
  expect(toggle().getAttribute('aria-pressed')).toBe('true');
  const stored = (await source.articles.toArray()).find((a) => a.url === 'https://news.example/1');
  expect(stored?.read).toBe(1);

  await act(() => toggle().click());
  await vi.waitFor(() => expect(toggle().textContent).toBe('Unread'));
  expect((await source.articles.toArray()).find((a) => a.url === 'https://news.example/1')?.read).toBe(0);
});

test('Archive takes the row off the shelf once the change is stored, and leaves it when storing fails', async () => {
  const { library } = await import('@/components/library/library-data');
  const source = library.db as ReturnType<typeof freshDb>;
  const rows = (await source.articles.reverse().toArray()).map(toSummary);
  const real = library.setArchived;
  // Each write held open until the test settles it: the row may not leave the inbox before it is
  // stored (a page closed or reloaded meanwhile would have shown a change that was never written).
  const pending: { store(): void; fail(error: Error): void }[] = [];
  library.setArchived = (db, id, archived) =>
    new Promise((resolve, reject) => {
      pending.push({ store: () => resolve(real(db, id, archived)), fail: reject });
    });
  try {
    const root = mount(Promise.resolve(rows));
    await vi.waitFor(() => expect(root.dataset.state).toBe('ready'));
    const titles = () =>
      [...root.querySelectorAll('[data-testid="library-item"] .row-link')].map((a) => a.textContent);
    const archive = (title: string) =>
      [...root.querySelectorAll('[data-testid="library-item"]')]
        .find((row) => row.textContent?.includes(title))
        ?.querySelector<HTMLButtonElement>('button[title="Archive"]');
    const archivedIn = async (title: string) =>
      (await source.articles.toArray()).find((a) => a.title === title)?.archived;
    expect(titles()).toEqual(['Story 2', 'Story 1']);

    await act(() => archive('Story 2')?.click());
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(titles()).toEqual(['Story 2', 'Story 1']);
    await act(async () => pending[0].store());
    await vi.waitFor(() => expect(titles()).toEqual(['Story 1']));
    expect(root.querySelector('[data-testid="toast"]')?.textContent).toContain('Archived.');
    expect(await archivedIn('Story 2')).toBe(1);

    await act(() => archive('Story 1')?.click());
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => pending[1].fail(new Error('The disk is full.')));
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="toast"]')?.textContent).toContain(
        'Could not update the article: The disk is full.',
      ),
    );
    expect(titles()).toEqual(['Story 1']);
    expect(await archivedIn('Story 1')).toBe(0);
  } finally {
    library.setArchived = real;
  }
});
