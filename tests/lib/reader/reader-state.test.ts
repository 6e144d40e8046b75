import { expect, test } from 'vitest';
import type { Article } from '@/lib/extract/article';
import { stateOfResult } from '@/lib/reader/reader-state';

const article: Article = {
  url: 'https://example.com/a',
  canonicalUrl: null,
  title: 'T',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  leadImage: null,
  contentHtml: '<p>Body</p>',
  textContent: 'Body',
  wordCount: 1,
  readingMinutes: 1,
  readerable: true,
};

test('each read result maps to its reader state', () => {
  expect(stateOfResult({ kind: 'article', article }).state).toBe('ready');
  expect(
    stateOfResult({
      kind: 'article',
      article: { ...article, readerable: false },
      reason: 'the page has no prose: it is a list of links',
    }),
  ).toEqual({
    state: 'empty',
    candidate: { ...article, readerable: false },
    reason: 'the page has no prose: it is a list of links',
  });
  expect(stateOfResult({ kind: 'none' })).toEqual({ state: 'empty', candidate: null, reason: null });
  expect(stateOfResult({ kind: 'restricted', reason: 'pdf' })).toEqual({
    state: 'restricted',
    reason: 'pdf',
  });
  expect(stateOfResult({ kind: 'error', message: 'x', timedOut: true }).state).toBe('error');
});
