import { expect, test } from 'vitest';
import { extractArticle } from '@/lib/extract/extract-article';
import { FIXTURE_URL, fixtureDoc } from './fixture';

const article = () => {
  const a = extractArticle(fixtureDoc('captions-and-links.html'), FIXTURE_URL);
  if (!a) throw new Error('no article');
  return a;
};

test('captions and photo credits stay in the HTML but out of the text', () => {
  const a = article();
  expect(a.textContent).not.toContain('Trams at the central depot');
  expect(a.textContent).not.toContain('Jane Doe/The Daily Example');
  expect(a.textContent).not.toContain('Councillors during the vote');
  expect(a.textContent).not.toContain('Getty Images');
  expect(a.contentHtml).toContain('<figcaption>');
  expect(a.contentHtml).toContain('Trams at the central depot');
});

test('"Read more:" lines and "Don\'t miss" link boxes are not body text', () => {
  const a = article();
  expect(a.textContent).not.toContain('Why the tram budget doubled');
  expect(a.textContent).not.toContain("DON'T MISS");
  expect(a.textContent).not.toContain('Bus fares to rise');
  expect(a.textContent).not.toContain('Cycling lanes row');
});

test('the byline is metadata, not body text', () => {
  const a = article();
  expect(a.textContent).not.toMatch(/^By Jane Doe/m);
  expect(a.byline).toBe('Jane Doe');
});

test('the body text keeps every paragraph, list item and heading as its own block', () => {
  const a = article();
  expect(a.textContent.startsWith('The city council voted on Tuesday')).toBe(true);
  expect(a.textContent).toContain('\n\nTN\n\nJune\n\n');
  expect(a.textContent).toContain('\n\nWhat comes next\n\nThe first line to\nthe airport\nopens in 2027.');
  expect(a.textContent).toContain('Construction is expected to begin next spring');
});
