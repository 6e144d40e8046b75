/**
 * The bad-input corpus through the real extension. Every page settles in a state a reader
 * understands (an article, or "no article" with the reason), never a hang or a blank popup.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deepNesting, hugeArticle } from '../fixtures/bad-input/generated';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopupForTab, settledState } from './support/reader';

const FIXTURES = new URL('../fixtures/bad-input/', import.meta.url);

let server: FixtureServer;
let ext: LoadedExtension;
let article: Page;
let popup: Page;
const errors: string[] = [];

/** Serves bytes as they are: the browser decodes the charset the page declares, as on the web. */
function serve(path: string, body: Buffer | string) {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'none'" });
    res.end(body);
  });
  return `${server.origin}${path}`;
}

async function read(path: string, body: Buffer | string) {
  await article.goto(serve(path, body), { waitUntil: 'domcontentloaded' });
  await popup.reload();
  const state = await settledState(popup, 15_000);
  return { state, text: (await popup.getByTestId('reader').textContent()) ?? '' };
}

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  article = await ext.context.newPage();
  await article.goto(serve('/start/', '<title>start</title>'));
  popup = await openPopupForTab(ext, await ext.tabIdOf(article));
  popup.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  expect(errors).toEqual([]);
  await ext?.close();
  await server?.close();
});

describe('pages with no prose: "no article" and the reason', () => {
  test.each([
    ['empty.html', /empty/],
    ['binary-garbage.html', /binary/],
    ['corrupt.html.gz', /binary/],
    ['frameset.html', /frame/],
    ['link-farm.html', /list of links/],
    ['image-only.html', /only images/],
  ])('%s', async (file, reason) => {
    const { state } = await read(`/${file}/`, readFileSync(new URL(file, FIXTURES)));
    expect(state).toBe('empty');
    expect(await popup.getByTestId('empty-reason').textContent()).toMatch(reason);
  });
});

describe('short stories and bare links: the same decision as the CLI', () => {
  const EXTRACT_FIXTURES = new URL('../fixtures/extract/', import.meta.url);

  test.each([
    ['short-brief.html', 'Cyclists and pedestrians may still cross'],
    ['short-story.html', 'Two other members have said they will back the plan'],
  ])('%s is an article', async (file, text) => {
    const { state } = await read(`/${file}/`, readFileSync(new URL(file, EXTRACT_FIXTURES)));
    expect(state).toBe('ready');
    expect(await popup.getByTestId('article-body').textContent()).toContain(text);
  });

  test('a page of 2,000 bare links separated by spaces is no article', async () => {
    const links = Array.from({ length: 2000 }, (_, i) => `<a href="/page/${i}">Item number ${i}</a>`).join(
      ' ',
    );
    const { state } = await read(
      '/bare-links/',
      `<html><head><title>Index</title></head><body>${links}</body></html>`,
    );
    expect(state).toBe('empty');
    expect(await popup.getByTestId('empty-reason').textContent()).toMatch(/list of links/);
  });
});

describe('broken but readable pages: the article', () => {
  test.each([
    ['malformed.html', 'European Investment Bank'],
    ['no-body.html', 'European Investment Bank'],
    ['broken-json-ld.html', 'European Investment Bank'],
    ['paywall-truncated.html', 'three months later than planned'],
    ['shadow-dom.html', 'European Investment Bank'],
    ['windows-1251.html', 'тимчасовою переправою'],
    ['shift-jis.html', '図書館として再利用する計画'],
    ['rtl-arabic.html', 'مركزا ثقافيا'],
  ])('%s', async (file, text) => {
    const result = await read(`/${file}/`, readFileSync(new URL(file, FIXTURES)));
    expect(result.state).toBe('ready');
    expect(await popup.getByTestId('article-body').textContent()).toContain(text);
  });

  test('the right-to-left article is laid out right to left', async () => {
    await read('/rtl/', readFileSync(new URL('rtl-arabic.html', FIXTURES)));
    const dir = await popup
      .getByTestId('article-body')
      .evaluate((el) => getComputedStyle(el as HTMLElement).direction);
    expect(dir).toBe('rtl');
  });

  test('the paywall itself is not shown as text', async () => {
    await read('/paywall/', readFileSync(new URL('paywall-truncated.html', FIXTURES)));
    expect(await popup.getByTestId('article-body').textContent()).not.toMatch(/free articles/);
  });
});

describe('large pages: an article or a clear error within the bound, never a hang', () => {
  test.each([
    ['a 5 MB article', hugeArticle()],
    ['10,000-deep nesting', deepNesting()],
  ])('%s', async (name, html) => {
    const { state, text } = await read(`/${name.replace(/\W+/g, '-')}/`, html);
    expect(['ready', 'error']).toContain(state);
    if (state === 'error') expect(text).toMatch(/too long/);
  });
});
