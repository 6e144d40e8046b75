import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { getArticle, getArticleImages } from '@/lib/db/articles';
import type { LedeDB } from '@/lib/db/schema';
import type { FetchLike } from '@/lib/library/fetch-images';
import { PENDING_REASON, saveArticleImages, saveArticleText } from '@/lib/library/save-article';
import { articleInput, failWritesAsFullDisk, freshDb } from '../db/fixtures';

/**
 * Saving in two steps: the text at once, whatever the permission prompt does; then the images,
 * each attached to the saved article as it arrives.
 */

let db: LedeDB;
vi.mock('@/lib/db/library-db', () => ({ libraryDb: () => db }));
beforeEach(() => {
  db = freshDb();
  // articleImageUrls parses the body; Node has no DOMParser (jsdom's Blob is not IndexedDB-cloneable).
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const urls = ['https://cdn.example/1.png', 'https://cdn.example/2.png', 'https://cdn.example/3.png'];
const html = `<p>Text.</p>${urls.map((url) => `<img src="${url}">`).join('')}`;

function input() {
  const base = articleInput();
  return { ...base, html };
}

function okFetch(requested: string[] = []): FetchLike {
  return async (url) => {
    requested.push(url);
    if (url.endsWith('3.png')) return new Response('gone', { status: 404 });
    return new Response(new Uint8Array([...PNG, 1, 2, 3]), { headers: { 'content-type': 'image/png' } });
  };
}

test('the text is saved at once; images wait for a prompt that is never answered; cancel reports them', async () => {
  const saved = await saveArticleText(input());
  const stored = await getArticle(db, saved.id);
  expect(stored?.text).toContain('Jens Stoltenberg');
  expect(await db.search.get(saved.id)).toBeDefined();
  expect(stored?.images).toEqual({
    total: 3,
    saved: 0,
    failed: urls.map((url) => ({ url, reason: PENDING_REASON })),
  });
  expect(saved.pendingImages).toEqual(urls);

  const never = new Promise<boolean>(() => {});
  const controller = new AbortController();
  const requested: string[] = [];
  let started = false;
  const images = saveArticleImages(saved, {
    permission: never,
    signal: controller.signal,
    fetch: okFetch(requested),
    onStart: () => {
      started = true;
    },
  });
  controller.abort();
  const report = await images;
  expect(started).toBe(false);
  expect(requested).toEqual([]);
  expect(report).toEqual({ total: 3, saved: 0, failed: urls.map((url) => ({ url, reason: 'cancelled' })) });
  expect((await getArticle(db, saved.id))?.images).toEqual(report);
});

test('granted: each image is attached as it arrives, with progress; the final report says why the others are missing', async () => {
  const saved = await saveArticleText(input());
  const progress: string[] = [];
  const report = await saveArticleImages(saved, {
    permission: Promise.resolve(true),
    fetch: okFetch(),
    onProgress: (done, total) => progress.push(`${done}/${total}`),
  });
  expect(progress).toEqual(['1/3', '2/3', '3/3']);
  expect(report).toEqual({ total: 3, saved: 2, failed: [{ url: urls[2], reason: 'HTTP 404' }] });
  expect((await getArticle(db, saved.id))?.images).toEqual(report);
  const blobs = await getArticleImages(db, saved.id);
  expect([...blobs.keys()].sort()).toEqual(urls.slice(0, 2));
  expect(blobs.get(urls[0])?.type).toBe('image/png');
});

test('declined: nothing is downloaded and every image says why', async () => {
  const saved = await saveArticleText(input());
  const requested: string[] = [];
  const report = await saveArticleImages(saved, {
    permission: Promise.resolve(false),
    fetch: okFetch(requested),
  });
  expect(requested).toEqual([]);
  expect(report.failed.map((f) => f.reason)).toEqual(
    Array(3).fill('permission to download images from this site was not given'),
  );
});

test('saving again downloads only the images still missing', async () => {
  const first = await saveArticleText(input());
  await saveArticleImages(first, { permission: Promise.resolve(true), fetch: okFetch() });
  const again = await saveArticleText(input());
  expect(again.id).toBe(first.id);
  expect(again.pendingImages).toEqual([urls[2]]);
  const requested: string[] = [];
  const report = await saveArticleImages(again, {
    permission: Promise.resolve(true),
    fetch: okFetch(requested),
  });
  expect(requested).toEqual([urls[2]]);
  expect(report).toEqual({ total: 3, saved: 2, failed: [{ url: urls[2], reason: 'HTTP 404' }] });
});

test('a full disk while attaching: the text stays, the images say so', async () => {
  const saved = await saveArticleText(input());
  db.close();
  failWritesAsFullDisk(db, 'images');
  await db.open();
  const report = await saveArticleImages(saved, { permission: Promise.resolve(true), fetch: okFetch() });
  expect(report.saved).toBe(0);
  expect(report.failed.filter((f) => f.reason === 'not enough storage space').length).toBeGreaterThanOrEqual(
    1,
  );
  expect(await db.images.count()).toBe(0);
  expect((await getArticle(db, saved.id))?.text).toContain('Jens Stoltenberg');
});
