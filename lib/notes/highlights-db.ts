/**
 * Intent-level reads and writes of the reader's highlights (the `highlights` table). Each write is
 * one small transaction on that table only, so saving a highlight never waits on an article's
 * body or images.
 */
import { newArticleId } from '../db/articles';
import type { ArticleRow, LedeDB } from '../db/schema';
import type { StoredHighlight } from './stored-highlight';
import { anchorQuote, describeQuote, type TextQuoteSelector } from './text-quote';

export interface NewHighlight {
  articleId: string;
  selector: TextQuoteSelector;
  note?: string;
  now?: number;
}

/** Stores a new highlight and returns it. */
export async function addHighlight(db: LedeDB, input: NewHighlight): Promise<StoredHighlight> {
  const now = input.now ?? Date.now();
  const { exact, prefix, suffix, start, end } = input.selector;
  const highlight: StoredHighlight = {
    id: newArticleId(now),
    articleId: input.articleId,
    exact,
    prefix,
    suffix,
    start,
    end,
    note: input.note ?? '',
    orphaned: 0,
    createdAt: now,
    updatedAt: now,
  };
  await db.highlights.add(highlight);
  return highlight;
}

/** Sets a highlight's note ('' removes it). False when the highlight is gone. */
export async function setHighlightNote(db: LedeDB, id: string, note: string): Promise<boolean> {
  return (await db.highlights.update(id, { note, updatedAt: Date.now() })) === 1;
}

/** Deletes a highlight; returns it for `restoreHighlight` (undo). */
export async function deleteHighlight(db: LedeDB, id: string): Promise<StoredHighlight | undefined> {
  return db.transaction('rw', db.highlights, async () => {
    const highlight = await db.highlights.get(id);
    if (highlight) await db.highlights.delete(id);
    return highlight;
  });
}

/** Puts back a highlight removed by `deleteHighlight`. */
export async function restoreHighlight(db: LedeDB, highlight: StoredHighlight): Promise<void> {
  await db.highlights.put(highlight);
}

/** An article's highlights, in text order. */
export async function articleHighlights(db: LedeDB, articleId: string): Promise<StoredHighlight[]> {
  const found = await db.highlights.where('articleId').equals(articleId).toArray();
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Each highlight anchored again in `text` (the article's block text as it is now): the ones whose
 * place or orphan state changed, with their selector updated to `text`. Never drops one.
 */
export function reanchor(text: string, highlights: readonly StoredHighlight[]): StoredHighlight[] {
  const changed: StoredHighlight[] = [];
  for (const highlight of highlights) {
    const found = anchorQuote(text, highlight);
    if (!found) {
      if (highlight.orphaned === 0) changed.push({ ...highlight, orphaned: 1 });
      continue;
    }
    if (found.start === highlight.start && found.end === highlight.end && highlight.orphaned === 0) continue;
    // The quote as the text now has it: a reworded quote keeps its new words from now on.
    changed.push({ ...highlight, ...describeQuote(text, found.start, found.end), orphaned: 0 });
  }
  return changed;
}

/** Re-anchors an article's highlights in its current `text` and stores what changed. */
export async function reanchorArticle(
  db: LedeDB,
  articleId: string,
  text: string,
): Promise<StoredHighlight[]> {
  return db.transaction('rw', db.highlights, async () => {
    const changed = reanchor(text, await db.highlights.where('articleId').equals(articleId).toArray());
    if (changed.length) await db.highlights.bulkPut(changed);
    return changed;
  });
}

/** A highlight with the title and URL of its article, for the library's Highlights view. */
export interface HighlightEntry extends StoredHighlight {
  articleTitle: string;
  articleUrl: string;
}

/** Every highlight, newest first, with its article's title. */
export async function listHighlights(db: LedeDB): Promise<HighlightEntry[]> {
  return db.transaction('r', db.highlights, db.articles, async () => {
    const all = await db.highlights.orderBy('createdAt').reverse().toArray();
    const ids = [...new Set(all.map((h) => h.articleId))];
    const rows = await db.articles.bulkGet(ids);
    const byId = new Map(rows.filter((r): r is ArticleRow => !!r).map((r) => [r.id, r]));
    return all.map((h) => ({
      ...h,
      articleTitle: byId.get(h.articleId)?.title ?? '',
      articleUrl: byId.get(h.articleId)?.url ?? '',
    }));
  });
}

/** How many highlights each of `articleIds` has (0 for none), read from the articleId index only. */
export async function highlightCounts(
  db: LedeDB,
  articleIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(articleIds.map((id) => [id, 0]));
  if (!articleIds.length) return counts;
  const keys = (await db.highlights.where('articleId').anyOf(articleIds).keys()) as string[];
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
