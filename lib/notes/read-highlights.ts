/**
 * Every highlight with its article's title, newest first, read with the bare IndexedDB API (no
 * Dexie): the library's Highlights view paints from this, and library.html's boot script starts
 * it before the page's code has loaded. Read-only: it never creates or upgrades the database.
 */
import { DB_NAME } from '../db/db-name';
import { openExistingLibrary } from '../db/open-existing';
import type { ArticleRow } from '../db/schema';
import type { HighlightEntry } from './highlights-db';
import type { StoredHighlight } from './stored-highlight';

/** What one read found: the highlights, and whether every one has its article's title yet. */
export interface HighlightsRead {
  entries: HighlightEntry[];
  /** False when only the newest `limit` highlights were read (more exist). */
  complete: boolean;
}

/** Highlights the first read takes: the view's first screens; the rest are read after the paint. */
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
 * The newest `limit` highlights (all by default), newest first, with their articles' titles; null when the library does not exist or has no highlights table yet (the page then
 * reads through Dexie, which upgrades it). Never rejects.
 */
export function readAllHighlights(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
  limit = Number.POSITIVE_INFINITY,
): Promise<HighlightsRead | null> {
  return openExistingLibrary(factory, ['highlights', 'articles'], name).then(
    (db) =>
      db &&
      new Promise((resolve) => {
        const done = (read: HighlightsRead | null) => {
          db.close();
          resolve(read);
        };
        try {
          const tx = db.transaction(['highlights', 'articles']);
          const store = tx.objectStore('highlights');
          if (Number.isFinite(limit)) return readNewest(tx, store, limit, done);
          const all = store.getAll();
          all.onerror = () => done(null);
          all.onsuccess = () => withTitles(tx, newestFirst(all.result as StoredHighlight[]), true, done);
        } catch {
          done(null);
        }
      }),
  );
}

/** Sorted newest first (ids are time-based, but imported highlights keep theirs). */
function newestFirst(highlights: StoredHighlight[]): StoredHighlight[] {
  return highlights.sort((a, b) => b.createdAt - a.createdAt);
}

/** The newest `limit` highlights: a backwards cursor on the time-ordered ids, one more to know if more exist. */
function readNewest(
  tx: IDBTransaction,
  store: IDBObjectStore,
  limit: number,
  done: (read: HighlightsRead | null) => void,
): void {
  const found: StoredHighlight[] = [];
  const cursor = store.openCursor(null, 'prev');
  cursor.onerror = () => done(null);
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (at && found.length < limit) {
      found.push(at.value as StoredHighlight);
      return at.continue();
    }
    withTitles(tx, newestFirst(found), !at, done);
  };
}

/** Looks up each highlighted article once (in the same transaction) for its title and URL. */
function withTitles(
  tx: IDBTransaction,
  highlights: StoredHighlight[],
  complete: boolean,
  done: (read: HighlightsRead | null) => void,
): void {
  const articles = tx.objectStore('articles');
  const rows = new Map<string, ArticleRow | undefined>();
  for (const id of new Set(highlights.map((h) => h.articleId))) {
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
