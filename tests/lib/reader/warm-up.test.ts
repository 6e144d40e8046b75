import { JSDOM } from 'jsdom';
import { afterEach, expect, test, vi } from 'vitest';
import { WARM_UP_HTML, warmUpReader, warmUpSoon } from '@/lib/reader/warm-up';
import { unsafeMarkup } from '../../support/unsafe-markup';

const { window } = new JSDOM('<!doctype html><body></body>');
const win = window as unknown as Window & typeof globalThis;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('the warm-up sanitizes its sample as the reader would: the text kept, the unsafe parts gone', () => {
  const html = warmUpReader(win);
  const doc = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  expect(unsafeMarkup(doc, { site: 'example.com' })).toEqual([]);
  expect(doc.body.textContent).toContain('The council agreed the budget');
  expect(html).not.toContain('<script');
  expect(html).not.toContain('onclick');
  expect(html).not.toContain('<aside');
});

test('the sample loads nothing: no images, media, frames or styles to fetch', () => {
  expect(WARM_UP_HTML).not.toMatch(/<(?:img|picture|source|video|audio|iframe|link|object|embed)\b/i);
  expect(WARM_UP_HTML).not.toMatch(/\b(?:src|srcset|poster)=/i);
});

test('warmUpSoon runs after the current task, never during it, and a failure stays quiet', () => {
  vi.useFakeTimers();
  const seen: string[] = [];
  vi.stubGlobal('window', win);
  // The sanitizer parses its input with the window's DOMParser.
  const spy = vi.spyOn(win.DOMParser.prototype, 'parseFromString');
  warmUpSoon();
  seen.push(`sync: ${spy.mock.calls.length}`);
  vi.runAllTimers();
  seen.push(`later: ${spy.mock.calls.length > 0}`);
  expect(seen).toEqual(['sync: 0', 'later: true']);
  // Without a DOM to sanitize in, the warm-up throws; scheduled, nothing escapes.
  expect(() => warmUpReader({} as typeof win)).toThrow();
  vi.stubGlobal('window', {});
  warmUpSoon();
  expect(() => vi.runAllTimers()).not.toThrow();
});
