// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SaveButton } from '@/components/SaveButton';
import type { ImageReport } from '@/lib/db/schema';
import type { Article } from '@/lib/extract/article';
import type { SaveImagesOptions } from '@/lib/library/save-article';

/**
 * The Save button's states: text saving, saved with images in progress (waiting for the
 * permission prompt, then "Saving images 1/3…"), Cancel, and the final "N not saved (why)".
 * lib/db and the downloads are replaced by controllable fakes.
 */

const mocks = vi.hoisted(() => ({
  saveText: vi.fn(),
  saveImages: vi.fn(),
  request: vi.fn(),
  release: vi.fn(async () => {}),
}));

vi.mock('@/lib/library/save-article', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/library/save-article')>()),
  saveArticleText: mocks.saveText,
  saveArticleImages: mocks.saveImages,
}));
vi.mock('@/lib/library/request-image-access', () => ({
  requestImageAccess: mocks.request,
  sweepImageAccess: async () => {},
}));
vi.mock('@/lib/db/library-db', () => ({ libraryDb: () => ({}) }));
vi.mock('@/lib/db/articles', () => ({ findSavedArticle: async () => undefined }));
vi.mock('@/lib/annotate/annotate', () => ({ annotate: () => ({ quotes: [], entities: [] }) }));

const IMAGES = ['https://cdn.example/1.png', 'https://cdn.example/2.png', 'https://cdn.example/3.png'];
const article: Article = {
  url: 'https://news.example/story',
  canonicalUrl: null,
  title: 'A story',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  leadImage: null,
  contentHtml: `<p>Words.</p>${IMAGES.map((src) => `<img src="${src}" alt="">`).join('')}`,
  textContent: 'Words.',
  wordCount: 1,
  readingMinutes: 1,
  readerable: true,
};

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let host: HTMLElement;
beforeEach(() => {
  vi.clearAllMocks();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const button = () => host.querySelector('[data-testid="save"]') as HTMLButtonElement;
const status = () => host.querySelector('[data-testid="save-status"]')?.textContent ?? '';
const cancel = () => host.querySelector('[data-testid="save-cancel"]') as HTMLButtonElement | null;
const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function mountAndClick() {
  await act(() => render(<SaveButton article={article} />, host));
  await flush();
  expect(button().dataset.saveState).toBe('unsaved');
  await act(() => button().click());
}

test('the text is saved without waiting for a permission prompt nobody answers; then Cancel', async () => {
  const never = new Promise<boolean>(() => {});
  mocks.request.mockReturnValue({ granted: never, release: mocks.release });
  const text = deferred<unknown>();
  mocks.saveText.mockReturnValue(text.promise);
  let options: SaveImagesOptions = {};
  mocks.saveImages.mockImplementation(
    (_saved, opts: SaveImagesOptions) =>
      new Promise<ImageReport>((resolve) => {
        options = opts;
        // Like the real one: waits for the permission, until cancelled.
        opts.signal?.addEventListener('abort', () =>
          resolve({ total: 3, saved: 0, failed: IMAGES.map((url) => ({ url, reason: 'cancelled' })) }),
        );
      }),
  );

  await mountAndClick();
  // The prompt is asked at the click, for the images' host, before anything else is awaited.
  expect(mocks.request).toHaveBeenCalledWith(['https://cdn.example/*']);
  // 1. Saving the text.
  expect(button().dataset.saveState).toBe('saving');
  expect(button().getAttribute('aria-busy')).toBe('true');
  expect(button().textContent).toContain('Saving…');

  // 2. Text saved: "Saved" although the prompt is still open; images wait, with a Cancel.
  await act(async () => text.resolve({ id: 'a1', created: true, images: {}, pendingImages: IMAGES }));
  await flush();
  expect(button().dataset.saveState).toBe('saved');
  expect(button().getAttribute('aria-pressed')).toBe('true');
  expect(button().textContent).toContain('Saved');
  expect(button().dataset.imagesState).toBe('waiting');
  expect(status()).toBe('Saved. Waiting for your permission to download its 3 images from cdn.example…');
  expect(options.permission).toBe(never);
  expect(cancel()).not.toBeNull();

  // 3. Cancel: the download is aborted, the permission given back, and the note says why.
  await act(() => cancel()?.click());
  await flush();
  expect(options.signal?.aborted).toBe(true);
  expect(button().dataset.imagesState).toBe('done');
  expect(status()).toBe('3 of 3 images not saved (cancelled)');
  expect(cancel()).toBeNull();
  expect(mocks.release).toHaveBeenCalled();
  expect(button().getAttribute('aria-pressed')).toBe('true');
});

test('images in progress show "Saving images 2/3…", then how many were not saved and why', async () => {
  mocks.request.mockReturnValue({ granted: Promise.resolve(true), release: mocks.release });
  mocks.saveText.mockResolvedValue({ id: 'a1', created: true, images: {}, pendingImages: IMAGES });
  const images = deferred<ImageReport>();
  let options: SaveImagesOptions = {};
  mocks.saveImages.mockImplementation((_saved, opts: SaveImagesOptions) => {
    options = opts;
    return images.promise;
  });

  await mountAndClick();
  await flush();
  await act(() => options.onStart?.(3));
  expect(status()).toBe('Saving images 0/3…');
  await act(() => options.onProgress?.(2, 3));
  expect(button().dataset.imagesState).toBe('downloading');
  expect(status()).toBe('Saving images 2/3…');
  expect(cancel()).not.toBeNull();
  expect(button().dataset.saveState).toBe('saved');

  await act(async () =>
    images.resolve({ total: 3, saved: 2, failed: [{ url: IMAGES[2], reason: 'SVG images are not saved' }] }),
  );
  await flush();
  expect(status()).toBe('1 of 3 images not saved (SVG images are not saved)');
  expect(button().dataset.imagesState).toBe('done');
  expect(button().getAttribute('aria-busy')).toBe('false');
  expect(mocks.release).toHaveBeenCalled();
});

test('every image saved: no note at all', async () => {
  mocks.request.mockReturnValue({ granted: Promise.resolve(true), release: mocks.release });
  mocks.saveText.mockResolvedValue({ id: 'a1', created: true, images: {}, pendingImages: IMAGES });
  mocks.saveImages.mockResolvedValue({ total: 3, saved: 3, failed: [] });
  await mountAndClick();
  await flush();
  expect(button().dataset.saveState).toBe('saved');
  expect(button().dataset.imagesState).toBe('done');
  expect(status()).toBe('');
});

test('closing the reader while images download aborts them and gives the permission back', async () => {
  mocks.request.mockReturnValue({ granted: new Promise(() => {}), release: mocks.release });
  mocks.saveText.mockResolvedValue({ id: 'a1', created: true, images: {}, pendingImages: IMAGES });
  let options: SaveImagesOptions = {};
  mocks.saveImages.mockImplementation((_saved, opts: SaveImagesOptions) => {
    options = opts;
    return new Promise(() => {});
  });
  await mountAndClick();
  await flush();
  expect(button().dataset.imagesState).toBe('waiting');
  await act(() => render(null, host));
  expect(options.signal?.aborted).toBe(true);
  expect(mocks.release).toHaveBeenCalled();
});
