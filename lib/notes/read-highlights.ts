/**
 * Every highlight with its article's title, newest first, read with the bare IndexedDB API (no
 * Dexie): the library's Highlights view paints from this, and library.html's boot script starts
 * it before the page's code has loaded. Read-only: it never creates or upgrades the database.
 */
import { DB_NAME } from '../db/db-name';
import type { ArticleRow } from '../db/schema';
import type { HighlightEntry } from './highlights-db';
import type { StoredHighlight } from './stored-highlight';

/** What one read found: the highlights, and whether every one has its article's title yet. */
export interface HighlightsRead {
  entries: HighlightEntry[];
  /** False when only the newest `titled` highlights' articles were looked up (the rest have ''). */
  complete: boolean;
}

/** Highlights whose article titles the first read looks up: the first screen of the view, and more. */
export const FIRST_TITLED = 40;

const holder = globalThis as { __ledeHighlights?: Promise<HighlightsRead | null> };

/** Starts the read (library.html?view=highlights); `earlyHighlights` hands it over. */
export function startHighlightsRead(): void {
  holder.__ledeHighlights = readAllHighlights(undefined, DB_NAME, FIRST_TITLED);
}

/** The read the boot script started, if it did. */
export function earlyHighlights(): Promise<HighlightsRead | null> | undefined {
  return holder.__ledeHighlights;
}

/**
 * Newest first, with the titles of the articles of the newest `titled` highlights (all by
 * default); null when the library does not exist or has no highlights table yet (the page then
 * reads through Dexie, which upgrades it). Never rejects.
 */
export function readAllHighlights(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
  titled = Number.POSITIVE_INFINITY,
): Promise<HighlightsRead | null> {
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
      const done = (read: HighlightsRead | null) => {
        db.close();
        resolve(read);
      };
      if (!db.objectStoreNames.contains('highlights')) return done(null);
      try {
        const tx = db.transaction(['highlights', 'articles']);
        // Primary-key order is creation order (ids are time-based); sorted anyway, as imports keep ids.
        const all = tx.objectStore('highlights').getAll();
        all.onerror = () => done(null);
        all.onsuccess = () => {
          const newest = (all.result as StoredHighlight[]).sort((a, b) => b.createdAt - a.createdAt);
          withTitles(tx, newest, titled, done);
        };
      } catch {
        done(null);
      }
    };
  });
}

/**
 * Looks up the articles of the newest `titled` highlights once each (in the same transaction)
 * for their title and URL.
 */
function withTitles(
  tx: IDBTransaction,
  highlights: StoredHighlight[],
  titled: number,
  done: (read: HighlightsRead | null) => void,
): void {
  const articles = tx.objectStore('articles');
  const rows = new Map<string, ArticleRow | undefined>();
  const wanted = new Set(highlights.slice(0, titled).map((h) => h.articleId));
  const complete = highlights.every((h) => wanted.has(h.articleId));
  for (const id of wanted) {
    const get = articles.get(id);
    get.onsuccess = () => rows.set(id, get.result as ArticleRow | undefined);
  }
  tx.onerror = () => done(null);
  tx.oncomplete = () =>
    done({
      complete,
      entries: highlights.map((h) => ({
        ...h,
        articleTitle: rows.get(h.articleId)?.title ?? '',
        articleUrl: rows.get(h.articleId)?.url ?? '',
      })),
    });
}
