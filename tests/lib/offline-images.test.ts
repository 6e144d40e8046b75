// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { attachStoredImages, detachImageSources } from '@/lib/offline-images';

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
