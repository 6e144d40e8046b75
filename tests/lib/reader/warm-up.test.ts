import { JSDOM } from 'jsdom';
import { afterEach, expect, test, vi } from 'vitest';
import { WARM_UP_HTML, warmUpFonts, warmUpReader, warmUpSoon } from '@/lib/reader/warm-up';
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

test('the font warm-up lays out the article parts in the reader classes, then leaves the page as it was', () => {
  const doc = win.document;
  doc.body.innerHTML = '<div id="app"><p>Loading</p></div>';
  const before = doc.body.innerHTML;
  const laidOut: string[] = [];
  const layout = vi.spyOn(win.HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    laidOut.push(
      `${this.className} in page: ${doc.body.contains(this)}, hidden: ${this.style.visibility}, aria-hidden: ${this.getAttribute('aria-hidden')}`,
      ...Array.from(this.children, (c) => c.className),
    );
    return new win.DOMRect();
  });
  warmUpFonts(doc, '30 April 2024', '<p>Body <em>text</em></p>');
  layout.mockRestore();
  expect(laidOut).toEqual([
    'article in page: true, hidden: hidden, aria-hidden: true',
    'article__site',
    'article__title',
    'article__meta',
    'article__body',
  ]);
  expect(doc.body.innerHTML).toBe(before);
});
