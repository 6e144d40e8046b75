// @vitest-environment jsdom
import { expect, test } from 'vitest';
import {
  articleImageUrls,
  describeImageReport,
  type FetchLike,
  fetchImages,
  imageOrigins,
} from '@/lib/library/save-article';

test('image URLs are absolute, http(s), deduplicated, lead image first', () => {
  const html =
    '<p><img src="/a.jpg"><img src="https://cdn.example/b.png"><img src="/a.jpg"><img srcset="c.webp 1x, d.webp 2x"><img src="data:image/png;base64,AAAA"></p>';
  const urls = articleImageUrls(html, 'https://news.example/story/', 'https://cdn.example/lead.jpg');
  expect(urls).toEqual([
    'https://cdn.example/lead.jpg',
    'https://news.example/a.jpg',
    'https://cdn.example/b.png',
    'https://news.example/story/c.webp',
  ]);
  expect(imageOrigins(urls)).toEqual(['https://cdn.example/*', 'https://news.example/*']);
  // No port in a match pattern: Firefox refuses one, Chrome matches every port without it.
  expect(imageOrigins(['http://127.0.0.1:4173/a.png', 'https://cdn.example:8443/b.png'])).toEqual([
    'http://127.0.0.1/*',
    'https://cdn.example/*',
  ]);
});

function fakeFetch(
  files: Record<string, { status?: number; type?: string; bytes?: number } | 'throw' | 'hang'>,
): FetchLike {
  return (url, init) => {
    const file = files[url];
    if (file === 'throw') return Promise.reject(new TypeError('Failed to fetch'));
    if (file === 'hang')
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    // A byte body with a header: jsdom's Blob is not the Blob that Node's Response understands.
    // A PNG signature first: images are typed by their bytes.
    const headers = { 'content-type': file.type ?? 'image/png' };
    const bytes = new Uint8Array(file.bytes ?? 10);
    if (!file.type?.startsWith('text/'))
      bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].slice(0, bytes.length));
    return Promise.resolve(new Response(bytes, { status: file.status ?? 200, headers }));
  };
}

test('every image is either saved or reported with a reason; the size cap keeps the first ones', async () => {
  const { images, report } = await fetchImages(
    ['https://x/1', 'https://x/2', 'https://x/3', 'https://x/4', 'https://x/5', 'https://x/6'],
    {
      capBytes: 150,
      timeoutMs: 50,
      fetch: fakeFetch({
        'https://x/1': { bytes: 100 },
        'https://x/2': { status: 404 },
        'https://x/3': { type: 'text/html' },
        'https://x/4': 'throw',
        'https://x/5': 'hang',
        'https://x/6': { bytes: 100 },
      }),
    },
  );
  expect(images.map((i) => i.url)).toEqual(['https://x/1']);
  expect(report.total).toBe(6);
  expect(report.saved).toBe(1);
  expect(report.failed).toEqual([
    { url: 'https://x/2', reason: 'HTTP 404' },
    { url: 'https://x/3', reason: 'not an image (unknown format)' },
    { url: 'https://x/4', reason: expect.stringContaining('could not be downloaded') },
    { url: 'https://x/5', reason: 'timed out' },
    { url: 'https://x/6', reason: 'over the 0 MB per-article image limit' },
  ]);
  expect(describeImageReport(report)).toBe(
    '5 of 6 images not saved (1: HTTP 404; 1: not an image (unknown format); 1: could not be downloaded (TypeError: Failed to fetch); 1: timed out; 1: over the 0 MB per-article image limit)',
  );
  expect(describeImageReport({ total: 3, saved: 1, failed: [report.failed[0], report.failed[0]] })).toBe(
    '2 of 3 images not saved (HTTP 404)',
  );
});

test('without permission nothing is fetched and every image is reported', async () => {
  let calls = 0;
  const { report } = await fetchImages(['https://x/1', 'https://y/2'], {
    allowed: false,
    fetch: () => {
      calls++;
      return Promise.reject(new Error('should not fetch'));
    },
  });
  expect(calls).toBe(0);
  expect(report).toMatchObject({ total: 2, saved: 0 });
  expect(report.failed.map((f) => f.reason)).toEqual([
    'permission to download images from this site was not given',
    'permission to download images from this site was not given',
  ]);
  expect(describeImageReport({ total: 3, saved: 3, failed: [] })).toBeNull();
});
