import { describe, expect, test } from 'vitest';
import { canonicalUrl, siteOf } from '@/lib/url/canonical-url';

describe('canonicalUrl', () => {
  test('strips tracking parameters and the fragment, keeps real parameters sorted', () => {
    expect(
      canonicalUrl(
        'https://News.Example:443/a/b/?utm_source=x&id=7&fbclid=1&gclid=2&mc_cid=3&UTM_Medium=y&a=1#top',
      ),
    ).toBe('https://news.example/a/b?a=1&id=7');
  });

  test('prefers the declared canonical URL, resolved against the page', () => {
    expect(canonicalUrl('https://m.news.example/x?utm_campaign=z', 'https://news.example/x/')).toBe(
      'https://news.example/x',
    );
    expect(canonicalUrl('https://news.example/x/y', '/x/y/?ref_src=twsrc')).toBe('https://news.example/x/y');
  });

  test('accepts a canonical URL on the same site (www, m., amp., subdomains), never on another one', () => {
    expect(canonicalUrl('https://amp.news.example/a', 'https://www.news.example/a')).toBe(
      'https://www.news.example/a',
    );
    expect(canonicalUrl('https://edition.news.example/a', 'https://news.example/a')).toBe(
      'https://news.example/a',
    );
    // A page cannot file itself under another site's article (and replace what is saved there).
    expect(canonicalUrl('https://evil.example/a', 'https://news.example/a')).toBe('https://evil.example/a');
    expect(canonicalUrl('https://news.example.evil/a', 'https://news.example/a')).toBe(
      'https://news.example.evil/a',
    );
    expect(canonicalUrl('https://badnews.example/a', 'https://news.example/a')).toBe(
      'https://badnews.example/a',
    );
  });

  test('ignores a declared canonical that is not http(s)', () => {
    expect(canonicalUrl('https://news.example/a', 'javascript:alert(1)')).toBe('https://news.example/a');
    expect(canonicalUrl('https://news.example/a', 'not a url at all ::')).toBe('https://news.example/a');
    expect(canonicalUrl('https://news.example/a', 'https://news.example/')).toBe('https://news.example/a');
  });

  test('keeps the root slash and normalises trailing slashes elsewhere', () => {
    expect(canonicalUrl('https://news.example/')).toBe('https://news.example/');
    expect(canonicalUrl('https://news.example')).toBe('https://news.example/');
    expect(canonicalUrl('https://news.example/a//')).toBe('https://news.example/a');
  });

  test('refuses pages that are not http(s)', () => {
    expect(() => canonicalUrl('chrome://extensions')).toThrow(TypeError);
  });

  test('siteOf drops www.', () => {
    expect(siteOf('https://www.kyivindependent.com/x')).toBe('kyivindependent.com');
  });
});
