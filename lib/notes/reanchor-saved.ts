import type { LedeDB } from '../db/schema';
import { buildTextMap } from '../highlight/text-map';
import { reanchorArticle } from './highlights-db';

/**
 * After an article is saved again (its text may have changed, or extraction improved): its
 * highlights are anchored again in the block text of the new body `html`, as the reader renders
 * it. Costs one indexed count when the article has no highlights.
 */
export async function reanchorSavedHighlights(db: LedeDB, articleId: string, html: string): Promise<number> {
  if ((await db.highlights.where('articleId').equals(articleId).count()) === 0) return 0;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const changed = await reanchorArticle(db, articleId, buildTextMap(doc.body).text);
  return changed.length;
}
