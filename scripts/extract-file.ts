/**
 * One page of the CLI: read, decode, parse, extract. Runs inside the CLI's worker thread (see
 * extract-worker.mjs), so that a page that takes too long can be abandoned without a hang.
 */
import { annotate } from '../lib/annotate/annotate';
import { toCliAnnotations } from '../lib/annotate/to-cli-annotations';
import type { Article } from '../lib/extract/article';
import { extractPage } from '../lib/extract/extract-article';
import { loadPage, readPageHtml } from '../lib/extract/load-page';
import { failedRecord, type PageRecord, pageName, pageRecord } from '../lib/pipeline/page-record';

export interface FileResult {
  record: PageRecord;
  article: Article | null;
}

export function extractFile(path: string, url?: string): FileResult {
  const file = pageName(path);
  try {
    const loaded = loadPage(readPageHtml(path), path, url);
    const { article, reason } = extractPage(loaded.doc, loaded.url);
    if (!article || reason)
      return { record: failedRecord(file, reason ?? 'no article text found on the page'), article: null };
    return { record: pageRecord(file, article, toCliAnnotations(annotate(article))), article };
  } catch (error) {
    const message =
      error instanceof RangeError
        ? 'the page is nested too deeply to read'
        : (error as Error).message || String(error);
    return { record: failedRecord(file, message), article: null };
  }
}
