/**
 * The reader's highlights with their articles' titles, newest first, read with the bare IndexedDB
 * API (no Dexie): the library's Highlights view paints from this, and library.html's boot script
 * starts the first screen's read before the page's code has loaded. Read-only: it never creates
 * or upgrades the database.
 */
import { DB_NAME } from '../db/db-name';
import { openExistingLibrary, readNewestValues, waitAtMost } from '../db/open-existing';
import type { ArticleRow } from '../db/schema';
import type { HighlightEntry } from './highlights-db';
import type { StoredHighlight } from './stored-highlight';

/** The tables the Highlights view reads. */
export const HIGHLIGHTS_STORES = ['highlights', 'articles'];

/** Whether `search` (library.html's query) opens the Highlights view. */
export function isHighlightsRoute(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'highlights';
}

/** What one read found: the highlights, and whether every one has its article's title yet. */
export interface HighlightsRead {
  entries: HighlightEntry[];
  /** False when only the newest `limit` highlights were read (more exist). */
  complete: boolean;
}

/** The least height of one entry of the view in px (a one-line quote, no note): sizes the first read. */
export const MIN_ENTRY_HEIGHT = 72;

/** Highlights that fill the first screen (plus two); the rest are read after the first paint. */
export function firstScreenHighlights(height = globalThis.innerHeight || 800): number {
  return Math.ceil(height / MIN_ENTRY_HEIGHT) + 2;
}

const holder = globalThis as {
  __ledeHighlights?: Promise<HighlightsRead | null>;
  __ledeHighlightsRead?: HighlightsRead;
};

/** Starts the first screen's read (library.html?view=highlights); `earlyHighlights` hands it over. */
export function startHighlightsRead(): void {
  const read = readAllHighlights(undefined, DB_NAME, firstScreenHighlights());
  holder.__ledeHighlights = read;
  read.then((done) => {
    if (done) holder.__ledeHighlightsRead = done;
  });
}

/** The read the boot script started, if it did. */
export function earlyHighlights(): Promise<HighlightsRead | null> | undefined {
  return holder.__ledeHighlights;
}

/** What the boot script's read found, if it has come (once): the view's first render shows it. */
export function takeEarlyHighlights(): HighlightsRead | undefined {
  const read = holder.__ledeHighlightsRead;
  holder.__ledeHighlightsRead = undefined;
  return read;
}

/** Resolves once the boot script's read has come (at once if none was started), or after `ms`. */
export function earlyHighlightsWithin(ms: number): Promise<void> {
  const read = holder.__ledeHighlights;
  return read ? waitAtMost(read, ms) : Promise.resolve();
}

/**
 * The newest `limit` highlights (all by default), newest first (as `listHighlights` orders them:
 * by creation time, then id), with their articles' titles; null when the library does not exist
 * or has no highlights table yet (the page then reads through Dexie, which upgrades it). Never rejects.
 */
export function readAllHighlights(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
  limit = Number.POSITIVE_INFINITY,
): Promise<HighlightsRead | null> {
  return openExistingLibrary(factory, HIGHLIGHTS_STORES, name).then(
    (db) =>
      db &&
      new Promise((resolve) => {
        const done = (read: HighlightsRead | null) => {
          db.close();
          resolve(read);
        };
        try {
          const tx = db.transaction(HIGHLIGHTS_STORES);
          tx.onerror = () => done(null);
          const byTime = tx.objectStore('highlights').index('createdAt');
          const found = (highlights: StoredHighlight[] | null) => {
            if (!highlights) return done(null);
            const complete = highlights.length <= limit;
            withTitles(tx, complete ? highlights : highlights.slice(0, limit), complete, done);
          };
          // One more than asked for, to know whether more exist.
          readNewest(byTime, Number.isFinite(limit) ? limit + 1 : undefined, found);
        } catch {
          done(null);
        }
      }),
  );
}

/** The newest `count` (all when undefined) records of the `createdAt` index, newest first. */
function readNewest(
  byTime: IDBIndex,
  count: number | undefined,
  found: (highlights: StoredHighlight[] | null) => void,
): void {
  if (count === undefined) {
    // Ascending (time, id) is the index's order; newest first is its reverse.
    const all = byTime.getAll();
    all.onsuccess = () => found((all.result as StoredHighlight[]).reverse());
    all.onerror = () => found(null);
    return;
  }
  readNewestValues(byTime, null, count, found);
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
