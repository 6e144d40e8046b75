// lib/pipeline: extraction and annotation put together for the CLI (lib/extract never imports lib/annotate).
import type { CliAnnotations } from '../annotate/to-cli-annotations';
import type { Article } from '../extract/article';

/** Names of saved pages the CLI reads. */
export const PAGE_FILE = /\.html?(?:\.gz)?$/i;

/** The record's `file`: "pages/abc.html.gz" → "abc". */
export function pageName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(PAGE_FILE, '');
}

/** One line of the CLI's output: what `npm run extract` prints for a page. */
export type PageRecord =
  | ({ file: string; ok: true } & Omit<Article, 'readerable' | 'canonicalUrl'> & CliAnnotations)
  | { file: string; ok: false; error: string };

/**
 * The CLI's JSON object for an extracted page, keys in the documented order. The single place
 * where a page's output is assembled.
 */
export function pageRecord(file: string, article: Article, annotations: CliAnnotations): PageRecord {
  return {
    file,
    ok: true,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    lang: article.lang,
    dir: article.dir,
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    contentHtml: article.contentHtml,
    textContent: article.textContent,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    entities: annotations.entities,
    quotes: annotations.quotes,
  };
}

export function failedRecord(file: string, error: string): PageRecord {
  return { file, ok: false, error };
}
