import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractPage } from '@/lib/extract/extract-article';
import { NOT_AN_ARTICLE } from '@/lib/extract/no-article-reason';
import { stateOfResult } from '@/lib/reader/reader-state';
import { FIXTURE_URL, fixtureDoc, fixturePath, htmlDoc } from './fixture';

/** What the CLI and the reader both get: the article (or candidate), the reason, the reader's state. */
function decide(doc: Document) {
  const page = extractPage(doc, FIXTURE_URL);
  const state = page.article
    ? stateOfResult({ kind: 'article', article: page.article, reason: page.reason })
    : stateOfResult({ kind: 'none', reason: page.reason });
  return { ...page, state: state.state };
}

const bareLinks = (count: number, separator: string) =>
  Array.from({ length: count }, (_, i) => `<a href="/page/${i}">Item number ${i}</a>`).join(separator);

describe('a short news story is an article', () => {
  test('a 65-word brief that declares itself a news article (JSON-LD, og:type)', () => {
    const { article, reason, state } = decide(fixtureDoc('short-brief.html'));
    expect(reason).toBeNull();
    expect(state).toBe('ready');
    expect(article?.readerable).toBe(true);
    expect(article?.wordCount).toBeGreaterThan(55);
    expect(article?.wordCount).toBeLessThan(75);
    expect(article?.textContent).toContain('Cyclists and pedestrians may still cross');
  });

  test('a 170-word story of short paragraphs under its one <h1>, with no metadata at all', () => {
    const { article, reason, state } = decide(fixtureDoc('short-story.html'));
    expect(reason).toBeNull();
    expect(state).toBe('ready');
    expect(article?.textContent).toContain('Two other members have said they will back the plan');
  });

  test('a short story in a box whose class also says "share" or "sponsor" is not dropped as a share bar', () => {
    const html = readFileSync(fixturePath('short-brief.html'), 'utf8');
    for (const variant of [
      html.replace('class="story-body"', 'class="story-body has-share-tools"'),
      html.replace('<article class="story">', '<article class="story"><div class="wrap sponsor-free">'),
    ]) {
      const { article, reason } = decide(htmlDoc(variant));
      expect(reason).toBeNull();
      expect(article?.textContent).toContain('The Mill Street bridge will close on Monday');
    }
  });
});

describe('a page of bare links is no article, whatever its markup', () => {
  // Readability takes seconds on 2,000 links in one block: the separators are tried on 200.
  test.each([
    [2000, ' '],
    [200, ' | '],
    [200, ' · '],
    [200, '<br>'],
  ])('%i links separated by %j', { timeout: 120_000 }, (count, separator) => {
    const doc = htmlDoc(
      `<html><head><title>Index</title></head><body>${bareLinks(count, separator)}</body></html>`,
    );
    const { article, reason, state } = decide(doc);
    expect(reason).toMatch(/list of links/);
    expect(article?.readerable).toBe(false);
    // The reader shows "No article" from the same decision, with the candidate behind "Show anyway".
    expect(state).toBe('empty');
  });

  test('links under a heading, in a page that calls itself an article', () => {
    const doc =
      htmlDoc(`<html><head><meta property="og:type" content="article"><title>All pages</title></head>
      <body><div><h1>All pages</h1><div>${bareLinks(300, ' ')}</div></div></body></html>`);
    expect(decide(doc).reason).toMatch(/list of links/);
  });

  test('a declared article that is mostly links with a comment each (a round-up) stays an article', () => {
    const items = Array.from(
      { length: 8 },
      (_, i) =>
        `<p><a href="https://other.example.org/${i}">Regional transit agencies report record ridership in story ${i}</a> — worth a read.</p>`,
    ).join('');
    const doc =
      htmlDoc(`<html><head><meta property="og:type" content="article"><title>Links of the week</title></head>
      <body><article><h1>Links of the week</h1><p>Eight stories about trams and buses we liked this week, from around the region.</p>${items}</article></body></html>`);
    const { reason, state } = decide(doc);
    expect(reason).toBeNull();
    expect(state).toBe('ready');
  });
});

test('a page with no article evidence and little to read gets the reason, in the CLI and the reader', () => {
  const doc = htmlDoc(`<!doctype html><html><head><title>Acme dashboard</title></head><body>
    <nav><a href="/a">Home</a> <a href="/b">Pricing</a></nav>
    <div class="grid"><div class="card">Revenue 12</div><div class="card">Visitors 30</div></div>
    <p>Welcome back. Pick a report on the left to begin, or open the settings to invite your team.</p></body></html>`);
  const { article, reason, state } = decide(doc);
  expect(reason).toBe(NOT_AN_ARTICLE);
  expect(state).toBe('empty');
  expect(article?.textContent).toContain('Pick a report');
});
