import { describe, expect, test } from 'vitest';
import { restrictedReasonOfError, restrictedReasonOfUrl } from '@/lib/reader/restricted-url';

describe('restrictedReasonOfUrl', () => {
  test.each([
    ['chrome://version', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['chrome-extension://abc/popup.html', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/category/extensions', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'web-store'],
    ['https://example.com/report.PDF', 'pdf'],
  ])('%s → %s', (url, reason) => {
    expect(restrictedReasonOfUrl(url)).toBe(reason);
  });

  test('ordinary pages, file: pages and unknown URLs are tried', () => {
    expect(restrictedReasonOfUrl('https://news.example.com/story')).toBeNull();
    expect(restrictedReasonOfUrl('https://chrome.google.com/search')).toBeNull();
    expect(restrictedReasonOfUrl('file:///home/me/a.html')).toBeNull();
    expect(restrictedReasonOfUrl(undefined)).toBeNull();
  });
});

describe('restrictedReasonOfError', () => {
  test("maps the browser's refusals and leaves real errors alone", () => {
    expect(restrictedReasonOfError(new Error('Cannot access a chrome:// URL'))).toBe('browser-page');
    expect(restrictedReasonOfError(new Error('The extensions gallery cannot be scripted.'))).toBe(
      'web-store',
    );
    expect(
      restrictedReasonOfError(
        new Error('Cannot access contents of url "file:///tmp/a.html".'),
        'file:///tmp/a.html',
      ),
    ).toBe('file');
    expect(
      restrictedReasonOfError(
        new Error(
          'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
        ),
      ),
    ).toBe('no-access');
    expect(restrictedReasonOfError(new Error('Readability exploded'))).toBeNull();
  });
});
