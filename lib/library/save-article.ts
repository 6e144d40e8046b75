// lib/library: saving an article with its images, and exporting it (Markdown, zip); lib/db stores it.
/**
 * Saving from the reader: collects the article's images as Blobs (for offline reading) and
 * hands everything to lib/db in one call. lib/db is imported lazily so the popup's initial
 * bundle does not carry Dexie.
 */
import type { SaveInput, SaveResult } from '../db/articles';
import type { ImageReport } from '../db/schema';

/** Images stored per article at most. Stated in the README; larger articles keep the rest online. */
const IMAGE_CAP_BYTES = 15 * 1024 * 1024;
const IMAGE_TIMEOUT_MS = 15_000;
const PARALLEL_FETCHES = 4;

/** http(s) image URLs of the article body (and lead image), absolute, deduplicated, in order. */
export function articleImageUrls(html: string, baseUrl: string, leadImage?: string | null): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const urls = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (!value) return;
    try {
      const url = new URL(value.trim(), baseUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') urls.add(url.href);
    } catch {
      // Not a URL: nothing to fetch.
    }
  };
  if (leadImage) add(leadImage);
  for (const img of doc.querySelectorAll('img')) {
    // The stored copy renders from `src`; an img with only a srcset stores its first candidate.
    add(img.getAttribute('src') || img.getAttribute('srcset')?.trim().split(/\s+/)[0]);
  }
  return [...urls];
}

/** Origin match patterns (`https://cdn.example/*`) for the host permission images need. */
export function imageOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => `${new URL(url).origin}/*`))];
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Fetches `urls` as Blobs, at most `capBytes` in total. Every URL ends up either in `images` or
 * in `report.failed` with a reason: nothing is dropped silently.
 */
export async function fetchImages(
  urls: readonly string[],
  options: { fetch?: FetchLike; capBytes?: number; timeoutMs?: number; allowed?: boolean } = {},
): Promise<{ images: { url: string; blob: Blob }[]; report: ImageReport }> {
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const cap = options.capBytes ?? IMAGE_CAP_BYTES;
  const results: ({ url: string; blob: Blob } | { url: string; reason: string })[] = new Array(urls.length);
  if (options.allowed === false) {
    urls.forEach((url, i) => {
      results[i] = { url, reason: 'permission to download images from this site was not given' };
    });
  } else {
    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const i = next++;
        results[i] = await fetchOne(urls[i], doFetch, options.timeoutMs ?? IMAGE_TIMEOUT_MS);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, urls.length) }, worker));
  }
  // The cap is applied in article order, so the first images (the ones read first) are kept.
  let total = 0;
  const images: { url: string; blob: Blob }[] = [];
  const failed: ImageReport['failed'] = [];
  for (const result of results) {
    if ('reason' in result) failed.push(result);
    else if (total + result.blob.size > cap) {
      failed.push({
        url: result.url,
        reason: `over the ${Math.round(cap / 1024 / 1024)} MB per-article image limit`,
      });
    } else {
      total += result.blob.size;
      images.push(result);
    }
  }
  return { images, report: { total: urls.length, saved: images.length, failed } };
}

async function fetchOne(
  url: string,
  doFetch: FetchLike,
  timeoutMs: number,
): Promise<{ url: string; blob: Blob } | { url: string; reason: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // force-cache: the page just showed these images, so most come from the HTTP cache.
    const response = await doFetch(url, {
      credentials: 'omit',
      cache: 'force-cache',
      signal: controller.signal,
    });
    if (!response.ok) return { url, reason: `HTTP ${response.status}` };
    const blob = await response.blob();
    const type = blob.type || response.headers.get('content-type') || '';
    if (!type.startsWith('image/')) return { url, reason: `not an image (${type || 'unknown type'})` };
    return { url, blob };
  } catch (error) {
    return {
      url,
      reason: controller.signal.aborted ? 'timed out' : `could not be downloaded (${String(error)})`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** "3 of 12 images could not be saved", or null when all were saved. */
export function describeImageReport(report: ImageReport): string | null {
  const missing = report.total - report.saved;
  if (missing <= 0) return null;
  return `${missing} of ${report.total} image${report.total === 1 ? '' : 's'} could not be saved for offline reading`;
}

interface SaveRequest extends Omit<SaveInput, 'images' | 'imageReport'> {
  /**
   * Whether Lede may download the images (the host-permission request, started synchronously
   * in the click handler: browsers only show the prompt during a user gesture).
   */
  permission?: Promise<boolean>;
  fetch?: FetchLike;
}

/**
 * Saves the article: first its text at once (so a closing popup cannot lose it), then again
 * with the image Blobs once they are downloaded. Both writes are single transactions.
 */
export async function saveWithImages(request: SaveRequest): Promise<SaveResult> {
  const [{ saveArticle }, { libraryDb }] = await Promise.all([
    import('../db/articles'),
    import('../db/library-db'),
  ]);
  const db = libraryDb();
  const urls = articleImageUrls(request.html, request.article.url, request.article.leadImage?.src);
  const { permission, fetch: doFetch, ...input } = request;
  if (urls.length === 0)
    return saveArticle(db, { ...input, imageReport: { total: 0, saved: 0, failed: [] } });
  const pending = urls.map((url) => ({ url, reason: 'not downloaded yet' }));
  await saveArticle(db, { ...input, imageReport: { total: urls.length, saved: 0, failed: pending } });
  const allowed = (await permission?.catch(() => false)) ?? true;
  const { images, report } = await fetchImages(urls, { allowed, fetch: doFetch });
  return saveArticle(db, { ...input, images, imageReport: report });
}
