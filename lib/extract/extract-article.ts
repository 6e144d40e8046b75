import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Article } from './article';

/**
 * Extracts the article from `doc`. Works on any DOM (a clone of the live page in the browser,
 * jsdom in Node). `doc` is modified: pass a clone when the document is live.
 * Returns null when Readability finds no content at all.
 */
export function extractArticle(doc: Document, url: string): Article | null {
  const readerable = isProbablyReaderable(doc);
  const parsed = new Readability(doc).parse();
  if (!parsed?.content) return null;
  const textContent = (parsed.textContent ?? '').trim();
  const wordCount = textContent.split(/\s+/).filter(Boolean).length;
  return {
    url,
    title: parsed.title ?? '',
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
    dir: parsed.dir === 'rtl' ? 'rtl' : parsed.dir === 'ltr' ? 'ltr' : null,
    excerpt: parsed.excerpt ?? null,
    leadImage: null,
    contentHtml: parsed.content,
    textContent,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
    readerable,
  };
}
