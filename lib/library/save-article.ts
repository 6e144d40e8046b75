// lib/library: saving an article with its images, and exporting it (Markdown, zip); lib/db stores it.
/**
 * Saving from the reader, in two steps so that nothing waits for the permission prompt: the text
 * (article, body, annotations, search index) is written at once, in one transaction; then the
 * images are downloaded in the background and attached one by one, each in its own transaction.
 * lib/db is imported lazily so the popup's initial bundle does not carry Dexie.
 */
import type { SaveInput, SaveResult } from '../db/articles';
import { StorageFullError } from '../db/errors';
import type { ImageReport, LedeDB } from '../db/schema';
import { firstSrcsetUrl } from '../html/srcset';
import {
  CANCELLED,
  type FetchLike,
  fetchImages,
  IMAGE_CAP_BYTES,
  IMAGE_COUNT_CAP,
  tooManyReason,
} from './fetch-images';

export { type FetchLike, fetchImages, IMAGE_CAP_BYTES, IMAGE_COUNT_CAP } from './fetch-images';

/** The reason stored for an image until it is downloaded: stays if the page closes first. */
export const PENDING_REASON = 'not downloaded yet (save the article again to retry)';
const STORAGE_FULL_REASON = 'not enough storage space';
const ARTICLE_GONE_REASON = 'the article was removed from the library';

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
    add(img.getAttribute('src') || firstSrcsetUrl(img.getAttribute('srcset')));
  }
  return [...urls];
}

/**
 * Match patterns (`https://cdn.example/*`) for the host permission images need. Without the port:
 * Firefox refuses a port in a match pattern, and without one Chrome matches every port.
 */
export function imageOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => `${new URL(url).protocol}//${new URL(url).hostname}/*`))];
}

/**
 * "3 of 12 images not saved (permission to download … was not given)", grouping the reasons, or
 * null when every image was saved.
 */
export function describeImageReport(report: ImageReport): string | null {
  const missing = report.total - report.saved;
  if (missing <= 0) return null;
  const counts = new Map<string, number>();
  for (const { reason } of report.failed) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const reasons = [...counts].sort((a, b) => b[1] - a[1]);
  const why =
    reasons.length === 1 ? reasons[0][0] : reasons.map(([reason, count]) => `${count}: ${reason}`).join('; ');
  return `${missing} of ${report.total} image${report.total === 1 ? '' : 's'} not saved${why ? ` (${why})` : ''}`;
}

/** Re-anchors the reader's highlights of an article saved again (lib/notes). */
async function reanchorAfterSave(db: LedeDB, id: string, html: string) {
  try {
    const { reanchorSavedHighlights } = await import('../notes/reanchor-saved');
    await reanchorSavedHighlights(db, id, html);
  } catch {
    // Highlights re-anchor again when the article is next shown.
  }
}

async function library() {
  const [articles, { libraryDb }] = await Promise.all([import('../db/articles'), import('../db/library-db')]);
  return { ...articles, db: libraryDb() };
}

/**
 * Step 1: saves the article's text at once (one transaction), its images listed as not downloaded
 * yet. Images an earlier save stored stay (and count as saved). `pendingImages`: what to download.
 */
export async function saveArticleText(
  input: Omit<SaveInput, 'images' | 'imageReport'>,
): Promise<SaveResult & { pendingImages: string[] }> {
  const { saveArticle, db } = await library();
  const urls = articleImageUrls(input.html, input.article.url, input.article.leadImage?.src);
  const failed = urls.map((url, i) => ({
    url,
    reason: i < IMAGE_COUNT_CAP ? PENDING_REASON : tooManyReason(IMAGE_COUNT_CAP),
  }));
  const result = await saveArticle(db, { ...input, imageReport: { total: urls.length, saved: 0, failed } });
  // Nothing was written: no image may be attached to the article already saved under this key.
  if (result.conflict) return { ...result, pendingImages: [] };
  // The reader's own highlights follow the new text, after the save and never failing it.
  if (!result.created) void reanchorAfterSave(db, result.id, input.html);
  // A conflict wrote nothing: the article reported is another page's, whose images are not ours.
  const pendingImages = result.conflict
    ? []
    : result.images.failed.filter((f) => f.reason === PENDING_REASON).map((f) => f.url);
  return { ...result, pendingImages };
}

export interface SaveImagesOptions {
  /** The host permission (requestImageAccess); downloads start once it resolves true. */
  permission?: Promise<boolean>;
  fetch?: FetchLike;
  /** Cancel: stops waiting for the permission and every download; the rest are `cancelled`. */
  signal?: AbortSignal;
  /** Once the permission is known: `total` downloads about to start. */
  onStart?: (total: number) => void;
  onProgress?: (done: number, total: number) => void;
}

function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T | typeof CANCELLED> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(CANCELLED);
  return Promise.race([
    promise,
    new Promise<typeof CANCELLED>((resolve) => signal.addEventListener('abort', () => resolve(CANCELLED))),
  ]);
}

/**
 * Step 2: downloads the images `saved` (step 1's result) still needs and attaches each to the
 * article in its own transaction as soon as it arrives, so a page closed halfway keeps what came.
 * The per-article byte cap counts the images already stored. Resolves with the article's image
 * report; a full disk stops the downloads and reports the rest as "not enough storage space".
 */
export async function saveArticleImages(
  saved: { id: string; images: ImageReport; pendingImages: string[] },
  options: SaveImagesOptions = {},
): Promise<ImageReport> {
  const { attachImages, db } = await library();
  let latest = saved.images;
  const urls = saved.pendingImages;
  if (urls.length === 0) return latest;
  const answer = await untilAborted(options.permission ?? Promise.resolve(true), options.signal);
  if (answer === CANCELLED)
    return recordFailures(
      saved.id,
      latest,
      urls.map((url) => ({ url, reason: CANCELLED })),
    );
  const stored = await db.images.where('articleId').equals(saved.id).toArray();
  const storedBytes = stored.reduce((sum, image) => sum + image.blob.size, 0);
  options.onStart?.(urls.length);
  const { report } = await fetchImages(urls, {
    allowed: answer,
    signal: options.signal,
    fetch: options.fetch,
    capBytes: Math.max(0, IMAGE_CAP_BYTES - storedBytes),
    onProgress: options.onProgress,
    onImage: async (image) => {
      let report: ImageReport | undefined;
      try {
        report = await attachImages(db, saved.id, { images: [image] });
      } catch (error) {
        throw error instanceof StorageFullError ? new Error(STORAGE_FULL_REASON) : error;
      }
      if (!report) throw new Error(ARTICLE_GONE_REASON);
      latest = report;
    },
  });
  return recordFailures(saved.id, latest, report.failed);
}

/** Why images were not saved, in one last small transaction (the report in memory if it fails). */
async function recordFailures(
  id: string,
  latest: ImageReport,
  failed: { url: string; reason: string }[],
): Promise<ImageReport> {
  const { attachImages, db } = await library();
  const final = await attachImages(db, id, { failed }).catch(() => undefined);
  if (final) return final;
  const reasons = new Map(failed.map((f) => [f.url, f.reason]));
  return {
    ...latest,
    failed: latest.failed.map((f) => ({ url: f.url, reason: reasons.get(f.url) ?? f.reason })),
  };
}
