/**
 * Every highlight with its article's title, newest first, read with the bare IndexedDB API (no
 * Dexie): the library's Highlights view paints from this, and library.html's boot script starts
 * it before the page's code has loaded. Read-only: it never creates or upgrades the database.
 */
import { DB_NAME } from '../db/db-name';
import type { ArticleRow } from '../db/schema';
import type { HighlightEntry } from './highlights-db';
import type { StoredHighlight } from './stored-highlight';

const holder = globalThis as { __ledeHighlights?: Promise<HighlightEntry[] | null> };

/** Starts the read (library.html?view=highlights); `earlyHighlights` hands it over. */
export function startHighlightsRead(): void {
  holder.__ledeHighlights = readAllHighlights();
}

/** The read the boot script started, if it did. */
export function earlyHighlights(): Promise<HighlightEntry[] | null> | undefined {
  return holder.__ledeHighlights;
}

/**
 * Newest first; null when the library does not exist or has no highlights table yet (the page
 * then reads through Dexie, which upgrades it). Never rejects.
 */
export function readAllHighlights(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
): Promise<HighlightEntry[] | null> {
  return new Promise((resolve) => {
    if (!factory) return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      const done = (entries: HighlightEntry[] | null) => {
        db.close();
        resolve(entries);
      };
      if (!db.objectStoreNames.contains('highlights')) return done(null);
      try {
        const tx = db.transaction(['highlights', 'articles']);
        const all = tx.objectStore('highlights').index('createdAt').getAll();
        all.onerror = () => done(null);
        all.onsuccess = () => withTitles(tx, (all.result as StoredHighlight[]).reverse(), done);
      } catch {
        done(null);
      }
    };
  });
}

/** Looks up each highlighted article's row once (in the same transaction) for its title and URL. */
function withTitles(
  tx: IDBTransaction,
  highlights: StoredHighlight[],
  done: (entries: HighlightEntry[] | null) => void,
): void {
  const articles = tx.objectStore('articles');
  const rows = new Map<string, ArticleRow | undefined>();
  for (const id of new Set(highlights.map((h) => h.articleId))) {
    const get = articles.get(id);
    get.onsuccess = () => rows.set(id, get.result as ArticleRow | undefined);
  }
  tx.onerror = () => done(null);
  tx.oncomplete = () =>
    done(
      highlights.map((h) => ({
        ...h,
        articleTitle: rows.get(h.articleId)?.title ?? '',
        articleUrl: rows.get(h.articleId)?.url ?? '',
      })),
    );
}
