// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { attachStoredImages, detachImageSources } from '@/lib/library/offline-images';

test('detached HTML keeps no URL the browser would load', () => {
  const html = detachImageSources(
    '<figure><picture><source srcset="/big.webp"><img src="/a.jpg" srcset="/a2.jpg 2x" sizes="100vw" alt="A"></picture></figure><video poster="/p.jpg" src="/v.mp4"></video><img srcset="/only.jpg 1x">',
    'https://news.example/story',
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  expect(doc.querySelectorAll('[src], [srcset], [poster], source').length).toBe(0);
  expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('data-lede-src'))).toEqual([
    'https://news.example/a.jpg',
    'https://news.example/only.jpg',
  ]);
});

test('stored images get object URLs, missing ones are marked', () => {
  document.body.innerHTML = detachImageSources(
    '<img src="https://x/a.png" alt="A"><img src="https://x/b.png" alt="B">',
    'https://x/',
  );
  const revokedBefore = URL.revokeObjectURL;
  const created: string[] = [];
  const revoked: string[] = [];
  URL.createObjectURL = () => {
    created.push(`blob:test/${created.length}`);
    return created[created.length - 1];
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
  };
  const revoke = attachStoredImages(document.body, new Map([['https://x/a.png', new Blob(['a'])]]));
  const [a, b] = [...document.querySelectorAll('img')];
  expect(a.getAttribute('src')).toBe('blob:test/0');
  expect(b.hasAttribute('src')).toBe(false);
  expect(b.hasAttribute('data-offline-missing')).toBe(true);
  expect(b.title).toBe('B (image not saved)');
  revoke();
  expect(revoked).toEqual(['blob:test/0']);
  URL.revokeObjectURL = revokedBefore;
});

test('sanitized HTML of a saved article points images at stored copies and loads nothing else', async () => {
  const { withOfflineImages } = await import('@/lib/library/offline-images');
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
