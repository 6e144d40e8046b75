import { describe, expect, test } from 'vitest';
import { type FetchLike, fetchImages, IMAGE_CAP_BYTES, IMAGE_COUNT_CAP } from '@/lib/library/fetch-images';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const GIF = [...'GIF89a'].map((c) => c.charCodeAt(0));
const ascii = (text: string) => [...new TextEncoder().encode(text)];

interface FakeFile {
  /** The body's first bytes; the rest up to `size` is zeros. */
  head?: number[];
  size?: number;
  status?: number;
  type?: string;
  /** Content-Length to send (true: the real size). */
  length?: number | true;
  /** Never sends more than `head` (a server that stalls), until the request is aborted. */
  stall?: boolean;
}

/**
 * A server whose bodies are streams produced on demand, CHUNK bytes per pull: `read[url]` counts
 * the bytes actually handed to the reader, so a test sees how much was downloaded, not stored.
 */
function server(files: Record<string, FakeFile>) {
  const read: Record<string, number> = {};
  const requested: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    requested.push(url);
    const file = files[url];
    if (!file) throw new TypeError('Failed to fetch');
    const head = new Uint8Array(file.head ?? PNG);
    const size = file.size ?? head.length;
    read[url] = 0;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (init.signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
          if (sent >= size) return controller.close();
          if (file.stall && sent >= head.length)
            return new Promise<void>((resolve) =>
              init.signal?.addEventListener('abort', () => {
                controller.error(new DOMException('aborted', 'AbortError'));
                resolve();
              }),
            );
          const chunk = new Uint8Array(Math.min(file.stall ? head.length : CHUNK, size - sent));
          if (sent === 0) chunk.set(head.subarray(0, chunk.length));
          sent += chunk.length;
          read[url] += chunk.length;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const headers: Record<string, string> = { 'content-type': file.type ?? 'image/png' };
    if (file.length !== undefined)
      headers['content-length'] = String(file.length === true ? size : file.length);
    return new Response(body, { status: file.status ?? 200, headers });
  };
  const total = () => Object.values(read).reduce((a, b) => a + b, 0);
  return { fetch, read, requested, total };
}

describe('the per-article byte cap is enforced while downloading', () => {
  test('six 40 MB images without Content-Length: about 15 MB is read, not 240 MB', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `https://cdn.example/${i}.png`);
    const s = server(Object.fromEntries(urls.map((url) => [url, { size: 40 * MB }])));
    const { images, report } = await fetchImages(urls, { fetch: s.fetch });
    expect(images).toEqual([]);
    expect(report.failed.map((f) => f.reason)).toEqual(
      Array(6).fill('over the 15 MB per-article image limit'),
    );
    // At most the cap plus the chunk in flight per parallel download (4).
    expect(s.total()).toBeLessThanOrEqual(IMAGE_CAP_BYTES + 4 * CHUNK);
    // Once the budget is spent, the images not started yet are not requested at all.
    expect(s.requested.length).toBeLessThanOrEqual(4);
  });

  test('small images fit, the first one over the cap is cut off as it streams', async () => {
    const s = server({
      'https://x/a': { size: 300 * 1024 },
      'https://x/b': { head: JPEG, size: 200 * 1024 },
      'https://x/huge': { size: 50 * MB },
    });
    const { images, report } = await fetchImages(['https://x/a', 'https://x/b', 'https://x/huge'], {
      fetch: s.fetch,
      capBytes: 1 * MB,
    });
    expect(images.map((i) => [i.url, i.blob.size, i.blob.type])).toEqual([
      ['https://x/a', 300 * 1024, 'image/png'],
      ['https://x/b', 200 * 1024, 'image/jpeg'],
    ]);
    expect(report.failed).toEqual([
      { url: 'https://x/huge', reason: 'over the 1 MB per-article image limit' },
    ]);
    expect(s.read['https://x/huge']).toBeLessThanOrEqual(1 * MB + CHUNK);
    expect(s.total()).toBeLessThanOrEqual(1 * MB + 4 * CHUNK);
  });

  test('a Content-Length over the budget is refused before reading the body; smaller ones still fit', async () => {
    const s = server({
      'https://x/big': { size: 40 * MB, length: true },
      'https://x/small': { size: 1000, length: true },
    });
    const { images, report } = await fetchImages(['https://x/big', 'https://x/small'], {
      fetch: s.fetch,
    });
    expect(s.read['https://x/big']).toBe(0);
    expect(report.failed).toEqual([
      { url: 'https://x/big', reason: 'over the 15 MB per-article image limit' },
    ]);
    expect(images.map((i) => i.url)).toEqual(['https://x/small']);
  });

  test('a body longer than its Content-Length is cut off just past the declared size', async () => {
    const s = server({ 'https://x/liar': { size: 40 * MB, length: 1000 } });
    const { images, report } = await fetchImages(['https://x/liar'], { fetch: s.fetch });
    expect(images).toEqual([]);
    expect(report.failed[0].reason).toBe('the server sent more bytes than it announced');
    expect(s.read['https://x/liar']).toBeLessThanOrEqual(CHUNK);
  });

  test(`at most ${IMAGE_COUNT_CAP} images are requested; the others are reported`, async () => {
    const urls = Array.from({ length: IMAGE_COUNT_CAP + 5 }, (_, i) => `https://x/${i}`);
    const s = server(Object.fromEntries(urls.map((url) => [url, {}])));
    const { images, report } = await fetchImages(urls, { fetch: s.fetch });
    expect(s.requested).toHaveLength(IMAGE_COUNT_CAP);
    expect(images).toHaveLength(IMAGE_COUNT_CAP);
    expect(report).toMatchObject({ total: IMAGE_COUNT_CAP + 5, saved: IMAGE_COUNT_CAP });
    expect(report.failed).toEqual(
      urls
        .slice(IMAGE_COUNT_CAP)
        .map((url) => ({ url, reason: `more than ${IMAGE_COUNT_CAP} images in the article` })),
    );
  });
});

describe('images are typed from their bytes, not the Content-Type', () => {
  test('a server that lies: HTML or SVG as image/png are refused, real images are typed by their bytes', async () => {
    const s = server({
      'https://x/page': {
        head: ascii('<!doctype html><html><body>Not found, try our homepage…</body></html>'),
      },
      'https://x/svg': {
        head: ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="9"/></svg>'),
      },
      'https://x/xml-svg': {
        head: ascii('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      },
      'https://x/noise': { head: [1, 2, 3, 4, 5, 6, 7, 8], size: 5000 },
      'https://x/jpeg-as-png': { head: JPEG, size: 2000 },
      'https://x/png-as-text': { head: PNG, size: 2000, type: 'text/plain' },
      'https://x/tiny-gif': { head: [...GIF, 1, 0, 1, 0, 0x80, 0, 0], type: 'application/octet-stream' },
      'https://x/svg-typed': {
        head: ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        type: 'image/svg+xml',
      },
    });
    const urls = Object.keys({
      'https://x/page': 0,
      'https://x/svg': 0,
      'https://x/xml-svg': 0,
      'https://x/noise': 0,
      'https://x/jpeg-as-png': 0,
      'https://x/png-as-text': 0,
      'https://x/tiny-gif': 0,
      'https://x/svg-typed': 0,
    });
    const { images, report } = await fetchImages(urls, { fetch: s.fetch });
    expect(images.map((i) => [i.url, i.blob.type])).toEqual([
      ['https://x/jpeg-as-png', 'image/jpeg'],
      ['https://x/png-as-text', 'image/png'],
      ['https://x/tiny-gif', 'image/gif'],
    ]);
    expect(report.failed).toEqual([
      { url: 'https://x/page', reason: 'not an image (the server sent a web page)' },
      { url: 'https://x/svg', reason: 'SVG images are not saved' },
      { url: 'https://x/xml-svg', reason: 'SVG images are not saved' },
      { url: 'https://x/noise', reason: 'not an image (unknown format)' },
      { url: 'https://x/svg-typed', reason: 'SVG images are not saved' },
    ]);
    // The stored bytes are the downloaded bytes.
    const jpeg = new Uint8Array(await images[0].blob.arrayBuffer());
    expect([...jpeg.subarray(0, 4)]).toEqual(JPEG);
    // Refused after the first chunk: a large non-image is not downloaded whole.
    expect(s.read['https://x/noise']).toBeLessThanOrEqual(CHUNK);
  });
});

describe('cancel, failures and progress', () => {
  test('cancel stops the downloads in flight and requests nothing more', async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `https://x/${i}`);
    const s = server(Object.fromEntries(urls.map((url) => [url, { stall: true, size: 10_000 }])));
    const controller = new AbortController();
    const running = fetchImages(urls, { fetch: s.fetch, signal: controller.signal });
    // Cancel once the first four requests are stalled mid-body.
    await expect.poll(() => Object.values(s.read).filter((n) => n > 0).length).toBe(4);
    controller.abort();
    const { images, report } = await running;
    expect(images).toEqual([]);
    expect(report.failed.map((f) => f.reason)).toEqual(Array(10).fill('cancelled'));
    expect(s.requested).toHaveLength(4);
  });

  test('a store that fails stops everything with its reason; progress counts every image', async () => {
    const urls = ['https://x/1', 'https://x/2', 'https://x/3', 'https://x/404'];
    const s = server({
      'https://x/1': {},
      'https://x/2': {},
      'https://x/3': {},
      'https://x/404': { status: 404 },
    });
    const stored: string[] = [];
    const progress: string[] = [];
    const { report } = await fetchImages(urls, {
      fetch: s.fetch,
      onImage: (image) => {
        if (stored.length === 1) throw new Error('not enough storage space');
        stored.push(image.url);
      },
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(stored).toHaveLength(1);
    expect(report.saved).toBe(1);
    expect(
      report.failed.filter((f) => f.reason === 'not enough storage space').length,
    ).toBeGreaterThanOrEqual(1);
    expect(report.failed.length).toBe(3);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });
});
