import { annotate } from '@/lib/annotate/annotate';
import { findSavedArticle } from '@/lib/db/articles';
import { libraryDb } from '@/lib/db/library-db';
import type { Article } from '@/lib/extract/article';
import { saveArticleText } from '@/lib/library/save-article';
import { announceSaved } from '@/lib/notes/saved-event';
import { sanitizeArticleHtml } from '@/lib/sanitize';

/** The library id of the article read, if it is saved. */
export function savedArticleId(article: Article): Promise<string | undefined> {
  return findSavedArticle(libraryDb(), article.url, article.canonicalUrl);
}

/**
 * Saves the article being highlighted, text only (one transaction; its images are listed as not
 * downloaded yet, and the Save button downloads them): a highlight never waits on images or on
 * a permission prompt. A canonical URL that holds another page's article is not replaced: this
 * page is kept beside it. Tells the Save button.
 */
export async function saveForHighlight(article: Article): Promise<string> {
  const { html } = sanitizeArticleHtml(article.contentHtml, window, {
    baseUrl: article.url,
    allowThirdPartyMedia: true,
  });
  const { quotes, entities } = annotate(article);
  const saved = await saveArticleText({ article, html, quotes, entities, onConflict: 'keep-both' });
  announceSaved(article.url, saved.id);
  return saved.id;
}
