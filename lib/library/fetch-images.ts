/**
 * Downloading an article's images for offline reading, within hard limits: at most
 * IMAGE_COUNT_CAP images and IMAGE_CAP_BYTES read per article. Bodies are streamed and counted
 * as they arrive, so a server that sends more (or lies about its size) is cut off at the cap, not
 * after the whole download. Every image is typed from its own bytes (lib/library/sniff-image.ts).
 */
import { notAnImageReason, type RasterType, SNIFF_BYTES, sniffImageType } from './sniff-image';

/** Bytes of images downloaded (and so stored) per article at most. Stated in the README. */
export const IMAGE_CAP_BYTES = 15 * 1024 * 1024;
/** Images downloaded per article at most; the others are reported as not saved. In the README. */
export const IMAGE_COUNT_CAP = 60;
const IMAGE_TIMEOUT_MS = 15_000;
const PARALLEL_FETCHES = 4;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export interface FetchedImage {
  url: string;
  blob: Blob;
}
export interface ImageFailure {
  url: string;
  reason: string;
}

export const NO_PERMISSION = 'permission to download images from this site was not given';
export const CANCELLED = 'cancelled';
const TIMED_OUT = 'timed out';
export const overCapReason = (cap: number) =>
  `over the ${Math.round(cap / 1024 / 1024)} MB per-article image limit`;
export const tooManyReason = (max: number) => `more than ${max} images in the article`;

export interface FetchImagesOptions {
  fetch?: FetchLike;
  capBytes?: number;
  maxImages?: number;
  timeoutMs?: number;
  /** false: nothing is requested, every image is reported as not permitted. */
  allowed?: boolean;
  /** Stops every download in flight and every one not started; they are reported `cancelled`. */
  signal?: AbortSignal;
  /**
   * Takes each image as soon as it is downloaded (to store it at once). If it throws, that image
   * and every one not finished yet are reported with the error's message, and nothing more is
   * requested.
   */
  onImage?: (image: FetchedImage) => Promise<void> | void;
  /** After each image is done with (saved or not): how many of `total` downloads are done. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The per-article byte budget, shared by the parallel downloads. A download whose size is declared
 * (Content-Length) reserves it up front and is refused at once when it does not fit; one without
 * takes its bytes as they arrive and, at the first chunk that does not fit, closes the budget.
 */
class ByteBudget {
  used = 0;
  closed = false;
  constructor(readonly cap: number) {}
  take(bytes: number): boolean {
    if (this.closed || this.used + bytes > this.cap) return false;
    this.used += bytes;
    return true;
  }
  giveBack(bytes: number) {
    this.used -= bytes;
  }
}

interface Run {
  fetch: FetchLike;
  budget: ByteBudget;
  timeoutMs: number;
  /** Aborted on cancel or when `onImage` failed; `stopReason` says which. */
  stop: AbortController;
  stopReason: string;
}

/** Content-Length when it counts the bytes the body stream will give (no content coding). */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return null;
  const value = response.headers.get('content-length');
  if (!value || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

function head(chunks: Uint8Array[], max: number): Uint8Array {
  const out = new Uint8Array(
    Math.min(
      max,
      chunks.reduce((n, c) => n + c.byteLength, 0),
    ),
  );
  let at = 0;
  for (const chunk of chunks) {
    if (at >= out.length) break;
    const part = chunk.subarray(0, out.length - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * Reads the body chunk by chunk against the budget, and sniffs its type from the first bytes.
 * Returns the Blob (typed by its bytes) or why it was refused; `fail` stops the download.
 */
async function readImage(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  declared: number | null,
  run: Run,
  fail: (reason: string) => ImageFailure,
  counted: { bytes: number },
): Promise<Blob | ImageFailure> {
  const chunks: Uint8Array[] = [];
  let type: RasterType | null | undefined;
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    const chunk = next.value;
    if (
      declared !== null ? counted.bytes + chunk.byteLength > declared : !run.budget.take(chunk.byteLength)
    ) {
      if (declared !== null) return fail('the server sent more bytes than it announced');
      run.budget.closed = true;
      return fail(overCapReason(run.budget.cap));
    }
    counted.bytes += chunk.byteLength;
    chunks.push(chunk);
    if (type === undefined && counted.bytes >= SNIFF_BYTES) {
      type = sniffImageType(head(chunks, SNIFF_BYTES));
      if (!type) return fail(notAnImageReason(head(chunks, SNIFF_BYTES)));
    }
  }
  if (type === undefined) type = sniffImageType(head(chunks, SNIFF_BYTES));
  if (!type) return fail(notAnImageReason(head(chunks, SNIFF_BYTES)));
  return new Blob(chunks as BlobPart[], { type });
}

async function fetchOne(url: string, run: Run): Promise<FetchedImage | ImageFailure> {
  if (run.stop.signal.aborted) return { url, reason: run.stopReason };
  if (run.budget.closed) return { url, reason: overCapReason(run.budget.cap) };
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let why: string | undefined;
  const fail = (reason: string): ImageFailure => {
    why ??= reason;
    controller.abort();
    // Ends a read in progress too (the stream stops pulling from the network).
    reader?.cancel().catch(() => {});
    return { url, reason: why };
  };
  const timer = setTimeout(() => fail(TIMED_OUT), run.timeoutMs);
  const onStop = () => fail(run.stopReason);
  run.stop.signal.addEventListener('abort', onStop);
  const counted = { bytes: 0 };
  let reserved = 0;
  try {
    // force-cache: the page just showed these images, so most come from the HTTP cache.
    const response = await run.fetch(url, {
      credentials: 'omit',
      cache: 'force-cache',
      signal: controller.signal,
    });
    if (why) return { url, reason: why };
    if (!response.ok) return fail(`HTTP ${response.status}`);
    const declared = declaredLength(response);
    if (declared !== null) {
      // Refused before a byte of the body is read: a smaller image further on may still fit.
      if (!run.budget.take(declared)) return fail(overCapReason(run.budget.cap));
      reserved = declared;
    }
    reader = response.body?.getReader();
    const blob = await readImage(reader, declared, run, fail, counted);
    return why ? { url, reason: why } : blob instanceof Blob ? { url, blob } : blob;
  } catch (error) {
    return { url, reason: why ?? `could not be downloaded (${String(error)})` };
  } finally {
    clearTimeout(timer);
    run.stop.signal.removeEventListener('abort', onStop);
    // Of a reservation, only the bytes actually read stay spent.
    if (reserved > counted.bytes) run.budget.giveBack(reserved - counted.bytes);
  }
}

/**
 * Fetches `urls` (in article order, PARALLEL_FETCHES at a time) as Blobs. Every URL ends up
 * either in `images` or in `report.failed` with a reason: nothing is dropped silently.
 */
export async function fetchImages(
  urls: readonly string[],
  options: FetchImagesOptions = {},
): Promise<{ images: FetchedImage[]; report: { total: number; saved: number; failed: ImageFailure[] } }> {
  const max = options.maxImages ?? IMAGE_COUNT_CAP;
  const wanted = urls.slice(0, max);
  const results: (FetchedImage | ImageFailure)[] = urls.map((url, i) =>
    i < max ? { url, reason: CANCELLED } : { url, reason: tooManyReason(max) },
  );
  const run: Run = {
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    budget: new ByteBudget(options.capBytes ?? IMAGE_CAP_BYTES),
    timeoutMs: options.timeoutMs ?? IMAGE_TIMEOUT_MS,
    stop: new AbortController(),
    stopReason: CANCELLED,
  };
  const cancel = () => run.stop.abort();
  options.signal?.addEventListener('abort', cancel);
  if (options.signal?.aborted) cancel();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const i = next++;
      let result: FetchedImage | ImageFailure =
        options.allowed === false
          ? { url: wanted[i], reason: NO_PERMISSION }
          : await fetchOne(wanted[i], run);
      if ('blob' in result && options.onImage && !run.stop.signal.aborted) {
        try {
          await options.onImage(result);
        } catch (error) {
          run.stopReason = error instanceof Error ? error.message : String(error);
          run.stop.abort();
          result = { url: result.url, reason: run.stopReason };
        }
      } else if ('blob' in result && run.stop.signal.aborted)
        result = { url: result.url, reason: run.stopReason };
      results[i] = result;
      options.onProgress?.(++done, wanted.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, wanted.length) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
  const images = results.filter((r): r is FetchedImage => 'blob' in r);
  const failed = results.filter((r): r is ImageFailure => 'reason' in r);
  return { images, report: { total: urls.length, saved: images.length, failed } };
}
