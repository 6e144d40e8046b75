// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { withOfflineImages } from '@/lib/library/offline-images';

test('sanitized HTML of a saved article points images at stored copies and loads nothing else', () => {
  const html = withOfflineImages(
    '<figure><picture><source srcset="https://x/big.webp"><img src="https://x/a.png" srcset="https://x/a2.png 2x" alt="A"></picture></figure>' +
      '<img data-lede-blocked-src="https://cdn.y/b.png" alt="B"><img src="https://x/c.png" alt=""><video poster="https://x/p.jpg" src="https://x/v.mp4"></video>',
    new Map([
      ['https://x/a.png', 'blob:ext/1'],
      ['https://cdn.y/b.png', 'blob:ext/2'],
    ]),
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const imgs = [...doc.querySelectorAll('img')];
  expect(imgs.map((img) => img.getAttribute('src'))).toEqual(['blob:ext/1', 'blob:ext/2', null]);
  expect(imgs[2].hasAttribute('data-offline-missing')).toBe(true);
  expect(doc.querySelectorAll('source, [srcset], [poster], video[src], [data-lede-blocked-src]').length).toBe(
    0,
  );
});

test('an image with only a srcset uses its first candidate, read as browsers read srcset', () => {
  // The sanitizer writes "url, url 2x": the first URL ends before the comma, not after it.
  const html = withOfflineImages(
    '<img srcset="https://x/a.png, https://x/b.png 2x" alt="A">',
    new Map([['https://x/a.png', 'blob:ext/1']]),
  );
  const img = new DOMParser().parseFromString(html, 'text/html').querySelector('img');
  expect(img?.getAttribute('src')).toBe('blob:ext/1');
});
