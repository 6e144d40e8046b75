import { beforeEach, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '@/lib/extract/article';
import { readTab } from '@/lib/reader/read-tab';

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id as number;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

test('a restricted URL is refused before anything is injected', async () => {
  const inject = vi.spyOn(browser.scripting, 'executeScript');
  expect(await readTab(await openTab('https://chromewebstore.google.com/detail/x'))).toEqual({
    kind: 'restricted',
    reason: 'web-store',
  });
  expect(inject).not.toHaveBeenCalled();
});

test('the article comes back as the result of the injected script', async () => {
  const article = { title: 'T', readerable: true } as Article;
  vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([
    { frameId: 0, result: { article, reason: null } },
  ] as never);
  expect(await readTab(await openTab('https://news.example.com/a'))).toEqual({
    kind: 'article',
    article,
    reason: null,
  });
});

test('why a page is no article comes back with it', async () => {
  vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([
    { frameId: 0, result: { article: null, reason: 'the page is empty' } },
  ] as never);
  expect(await readTab(await openTab('https://news.example.com/a'))).toEqual({
    kind: 'none',
    reason: 'the page is empty',
  });
});

test("the browser's refusal is a restricted state, other failures are errors", async () => {
  const id = await openTab('https://news.example.com/a');
  vi.spyOn(browser.scripting, 'executeScript').mockRejectedValueOnce(
    new Error('Cannot access a chrome:// URL'),
  );
  expect(await readTab(id)).toEqual({ kind: 'restricted', reason: 'browser-page' });
  vi.spyOn(browser.scripting, 'executeScript').mockRejectedValueOnce(new Error('Readability failed'));
  expect(await readTab(id)).toEqual({ kind: 'error', message: 'Readability failed', timedOut: false });
});

test('a page that never answers times out instead of hanging', async () => {
  vi.spyOn(browser.scripting, 'executeScript').mockReturnValue(new Promise(() => {}) as never);
  const result = await readTab(await openTab('https://news.example.com/a'), 50);
  expect(result).toMatchObject({ kind: 'error', timedOut: true });
});

test('an injection already started by the boot script is used instead of a second one', async () => {
  const article = { title: 'Early', readerable: true } as Article;
  const inject = vi.spyOn(browser.scripting, 'executeScript');
  const id = await openTab('https://news.example.com/a');
  expect(await readTab(id, 1000, Promise.resolve([{ result: { article, reason: null } }]))).toEqual({
    kind: 'article',
    article,
    reason: null,
  });
  expect(inject).not.toHaveBeenCalled();
});
