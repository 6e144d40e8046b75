// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { Reader } from '@/components/Reader';
import type { Article } from '@/lib/extract/article';
import type { ReadResult } from '@/lib/reader/read-tab';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const candidate: Article = {
  url: 'https://example.com/dashboard',
  canonicalUrl: null,
  title: 'Dashboard',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: null,
  dir: null,
  excerpt: null,
  leadImage: null,
  contentHtml: '<p>Pick a report to begin.</p>',
  textContent: 'Pick a report to begin.',
  wordCount: 5,
  readingMinutes: 1,
  readerable: false,
};

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(initial: ReadResult, reload = vi.fn(async (): Promise<ReadResult> => initial)) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(
      <Reader
        layout="popup"
        initial={Promise.resolve(initial)}
        reload={reload}
        settings={DEFAULT_SETTINGS}
        onSettingsChange={() => {}}
      />,
      host,
    );
  });
  return { root: host.querySelector('[data-testid="reader"]') as HTMLElement, reload };
}

test('empty → "Show anyway" renders the candidate', async () => {
  const { root } = await mount({ kind: 'article', article: candidate });
  expect(root.dataset.state).toBe('empty');
  await act(() => (root.querySelector('[data-testid="show-anyway"]') as HTMLButtonElement).click());
  expect(root.dataset.state).toBe('ready');
  expect(root.querySelector('[data-testid="article-body"]')?.textContent).toBe('Pick a report to begin.');
});

test('nothing at all → empty without "Show anyway"', async () => {
  const { root } = await mount({ kind: 'none' });
  expect(root.dataset.state).toBe('empty');
  expect(root.querySelector('[data-testid="show-anyway"]')).toBeNull();
  expect(root.querySelector('[data-testid="empty-reason"]')).toBeNull();
});

test('empty says why when the extractor knows', async () => {
  const { root } = await mount({
    kind: 'none',
    reason: 'the page is a frameset: its content is in separate frames',
  });
  expect(root.querySelector('[data-testid="empty-reason"]')?.textContent).toContain(
    'the page is a frameset: its content is in separate frames.',
  );
});

test('error → "Try again" reads again and can succeed', async () => {
  const reload = vi.fn(
    async (): Promise<ReadResult> => ({ kind: 'article', article: { ...candidate, readerable: true } }),
  );
  const { root } = await mount(
    { kind: 'error', message: 'No answer from the page within 3 s', timedOut: true },
    reload,
  );
  expect(root.dataset.state).toBe('error');
  expect(root.querySelector('[role="alert"]')?.textContent).toContain('took too long');
  await act(async () => (root.querySelector('[data-testid="retry"]') as HTMLButtonElement).click());
  expect(reload).toHaveBeenCalledOnce();
  expect(root.dataset.state).toBe('ready');
});

test('restricted pages explain why', async () => {
  const { root } = await mount({ kind: 'restricted', reason: 'web-store' });
  expect(root.dataset.state).toBe('restricted');
  expect(root.textContent).toContain('extension store');
});

test('the settings panel opens from the toolbar and closes with Escape, returning focus', async () => {
  const { root } = await mount({ kind: 'none' });
  const toggle = root.querySelector('[data-testid="settings-toggle"]') as HTMLButtonElement;
  await act(() => toggle.click());
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(root.querySelectorAll('input[name="theme"]')).toHaveLength(4);
  await act(() => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(document.activeElement).toBe(toggle);
});

test('loading until the read settles: busy, with a status for screen readers', async () => {
  host = document.createElement('div');
  document.body.append(host);
  let settle: (result: ReadResult) => void = () => {};
  const initial = new Promise<ReadResult>((resolve) => {
    settle = resolve;
  });
  await act(async () => {
    render(
      <Reader
        layout="tab"
        initial={initial}
        reload={() => initial}
        settings={DEFAULT_SETTINGS}
        onSettingsChange={() => {}}
      />,
      host,
    );
  });
  const root = host.querySelector('[data-testid="reader"]') as HTMLElement;
  expect(root.dataset.state).toBe('loading');
  expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
  expect(root.querySelector('[role="status"]')?.textContent).toContain('Reading this page');
  expect(root.querySelector('[data-testid="open-in-tab"]')).toBeNull();
  await act(async () => settle({ kind: 'restricted', reason: 'pdf' }));
  expect(root.dataset.state).toBe('restricted');
});
