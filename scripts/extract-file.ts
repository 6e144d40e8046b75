/**
 * One page of the CLI: read, decode, parse, extract, annotate and print. Runs inside the CLI's worker
 * threads (see extract-worker.mjs), so pages are read in parallel and a page that takes too long
 * can be abandoned without a hang. Reading is bounded: only regular files, at most
 * `MAX_PAGE_BYTES` on disk and after decompression.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { annotate } from '../lib/annotate/annotate';
import { toCliAnnotations } from '../lib/annotate/to-cli-annotations';
import type { Article } from '../lib/extract/article';
import { decodeHtml } from '../lib/extract/decode-html';
import { extractPage } from '../lib/extract/extract-article';
import { loadPage } from '../lib/extract/load-page';
import { htmlToMarkdown } from '../lib/library/markdown-export';
import { failedRecord, type PageRecord, pageName, pageRecord } from '../lib/pipeline/page-record';
import { formatRecord, type PageJob, type PageOutput } from './extract-output';

/** A page larger than this, on disk or uncompressed, is refused (a real article page is < 5 MB). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

export interface FileResult {
  record: PageRecord;
  article: Article | null;
}

class PageTooLargeError extends Error {}

/**
 * The bytes of a saved page, gunzipped for `.gz`. Opened without blocking and checked to be a
 * regular file before anything is read (a FIFO or a device named `*.html` would block or never
 * end), and refused past `MAX_PAGE_BYTES` (a gzip bomb stops at the limit, it is never inflated whole).
 */
export function readPageBytes(path: string, maxBytes = MAX_PAGE_BYTES): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > maxBytes) throw new PageTooLargeError(`the file is larger than ${mb(maxBytes)}`);
    bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, null);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  if (!/\.gz$/i.test(path)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PageTooLargeError(`the page is larger than ${mb(maxBytes)} uncompressed`);
    }
    throw new Error(`corrupt gzip file (${(error as Error).message})`);
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function extractFile(path: string, url?: string): FileResult {
  const file = pageName(path);
  try {
    const loaded = loadPage(decodeHtml(readPageBytes(path)), path, url);
    const { article, reason } = extractPage(loaded.doc, loaded.url);
    if (!article || reason)
      return { record: failedRecord(file, reason ?? 'no article text found on the page'), article: null };
    return { record: pageRecord(file, article, toCliAnnotations(annotate(article))), article };
  } catch (error) {
    const message =
      error instanceof PageTooLargeError
        ? error.message
        : error instanceof RangeError
          ? 'the page is nested too deeply to read'
          : (error as Error).message || String(error);
    return { record: failedRecord(file, message), article: null };
  }
}

/**
 * Article HTML → Markdown, as the CLI prints it: the library's converter, so text stays text
 * (`<` and entities escaped) and only http(s)/mailto links stay links; the page is hostile.
 */
const toMarkdown = htmlToMarkdown;

/** One page, extracted and printed as the CLI prints it. */
export function pageOutput(job: PageJob): PageOutput {
  const { record, article } = extractFile(job.path, job.url);
  return { ok: record.ok, text: formatRecord(record, article, job, toMarkdown) };
}
