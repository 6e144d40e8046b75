import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { extractArticle } from '@/lib/extract/extract-article';
import { FIXTURE_URL, fixtureDoc, fixturePath, htmlDoc } from './fixture';

test('returns null only when the page has no content at all', () => {
  expect(
    extractArticle(htmlDoc('<html><head><title>Empty</title></head><body></body></html>'), FIXTURE_URL),
  ).toBeNull();
});

test('a short page that does not look like an article still gives its text, flagged not readerable', () => {
  const article = extractArticle(htmlDoc('<body><p>Opening hours: 9 to 5.</p></body>'), FIXTURE_URL);
  expect(article?.readerable).toBe(false);
  expect(article?.textContent).toBe('Opening hours: 9 to 5.');
});

test('an article page is readerable and carries its metadata, word count and reading time', () => {
  const article = extractArticle(fixtureDoc('metadata.html'), FIXTURE_URL);
  expect(article).toMatchObject({
    url: FIXTURE_URL,
    title: 'Council backs tram extension',
    byline: 'Jane Doe, John Roe',
    siteName: 'The Daily Example',
    lang: 'en',
    dir: 'ltr',
    readerable: true,
  });
  const words = article?.textContent.split(/\s+/).length ?? 0;
  expect(article?.wordCount).toBe(words);
  expect(article?.readingMinutes).toBe(Math.ceil((article?.textContent.length ?? 0) / 987));
  // The address the page declares for itself (rel=canonical), which the library saves it under.
  const moved = extractArticle(fixtureDoc('metadata.html'), 'https://m.news.example.com/tram?utm_source=x');
  expect(moved?.canonicalUrl).toBe('https://news.example.com/2024/03/tram-extension');
  // The byline and date lines above the body are metadata, not text.
  expect(article?.textContent).not.toContain('By Jane Doe');
  expect(article?.textContent).not.toContain('5 March 2024');
});

test('gives the same result on a document with a window (live page) as on a parsed one', () => {
  const html = readFileSync(fixturePath('captions-and-links.html'), 'utf8');
  const live = new JSDOM(html, { url: FIXTURE_URL }).window.document;
  const parsed = fixtureDoc('captions-and-links.html');
  const a = extractArticle(live.cloneNode(true) as Document, FIXTURE_URL);
  const b = extractArticle(parsed, FIXTURE_URL);
  expect(a?.textContent.length).toBeGreaterThan(400);
  expect(a?.textContent).toBe(b?.textContent);
  expect(a?.contentHtml).toBe(b?.contentHtml);
});

test('a <base> with no href (only a prefixed xlink:href) is ignored, as browsers do, not a crash', () => {
  const html =
    '<!doctype html><html><head><title>t</title></head><body><base xlink:href="javascript:alert(1)"><p>Words of the story.</p></body></html>';
  const article = extractArticle(htmlDoc(html), FIXTURE_URL);
  expect(article?.textContent).toBe('Words of the story.');
});
