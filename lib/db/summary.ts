/**
 * The library list's view of an article. No runtime dependency on Dexie: the library page paints
 * its first rows with this before the database code has loaded.
 */
import type { ArticleRow, StoredArticle } from './schema';

/** What the library list shows of an article (no body, no annotations). */
export type ArticleSummary = Pick<
  StoredArticle,
  | 'id'
  | 'url'
  | 'title'
  | 'byline'
  | 'siteName'
  | 'site'
  | 'excerpt'
  | 'publishedTime'
  | 'readingMinutes'
  | 'tags'
  | 'read'
  | 'archived'
  | 'favorite'
  | 'readingPosition'
  | 'savedAt'
>;

/** The summary of an article row (or a whole article). */
export function toSummary(article: ArticleRow): ArticleSummary {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    site: article.site,
    excerpt: article.excerpt,
    publishedTime: article.publishedTime,
    readingMinutes: article.readingMinutes,
    tags: article.tags,
    read: article.read,
    archived: article.archived,
    favorite: article.favorite,
    readingPosition: article.readingPosition,
    savedAt: article.savedAt,
  };
}
