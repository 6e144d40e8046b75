/**
 * The people index read with the bare IndexedDB API: by the library page's boot script while the
 * page's code loads, and by the People views, so they paint without loading Dexie (~100 KB of
 * script) first. Read-only: it never creates or upgrades the database; null means "not readable
 * this way" (no library yet, or one still to be upgraded), and the caller falls back to Dexie.
 */
import { openExistingLibrary } from '../db/open-existing';
import type { ArticleRow } from '../db/schema';
import type { PeopleRow, Posting } from './article-postings';
import type { PeopleMerge } from './resolve';

/** Everything the People list needs: the index rows, the reader's merges, and whether any article is saved. */
export interface PeopleSnapshot {
  rows: PeopleRow[];
  merges: PeopleMerge[];
  /** 0 when nothing is saved, else 1 (counting 10,000 rows would cost more than the rest of the read). */
  articles: 0 | 1;
}

const STORES = ['articles', 'people', 'peopleMerges', 'mentions'];

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `read` in one read-only transaction over the index stores; null when that is not possible. */
async function readOnly<T>(factory: IDBFactory, read: (tx: IDBTransaction) => Promise<T>): Promise<T | null> {
  const db = await openExistingLibrary(factory, STORES);
  if (!db) return null;
  try {
    return await read(db.transaction(STORES, 'readonly'));
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** The People list's data, in one transaction. Never rejects. */
export function readPeopleSnapshot(factory: IDBFactory = indexedDB): Promise<PeopleSnapshot | null> {
  return readOnly(factory, async (tx) => {
    const [rows, merges, articles] = await Promise.all([
      result(tx.objectStore('people').getAll()),
      result(tx.objectStore('peopleMerges').getAll()),
      result(tx.objectStore('articles').getAllKeys(null, 1)),
    ]);
    return { rows, merges, articles: articles.length > 0 ? 1 : 0 } as PeopleSnapshot;
  });
}

/** The postings of `keys` (any order) and the rows of their articles, in one transaction. Never rejects. */
export function readPostings(
  keys: readonly string[],
  factory: IDBFactory = indexedDB,
  keyRange: typeof IDBKeyRange = IDBKeyRange,
): Promise<{ postings: Posting[]; rows: (ArticleRow | undefined)[] } | null> {
  return readOnly(factory, async (tx) => {
    const index = tx.objectStore('mentions').index('[key+seen]');
    const lists = await Promise.all(
      keys.map((key) => result(index.getAll(keyRange.bound([key, -Infinity], [key, Infinity])))),
    );
    const postings = lists.flat() as Posting[];
    const articles = tx.objectStore('articles');
    const ids = [...new Set(postings.map((p) => p.articleId))];
    const rows = await Promise.all(ids.map((id) => result(articles.get(id))));
    return { postings, rows: rows as (ArticleRow | undefined)[] };
  });
}

const holder = globalThis as { __ledePeople?: Promise<PeopleSnapshot | null> };

/** Whether library.html's URL asks for a People view (`?view=people`, `?person=`). */
export function isPeopleRoute(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get('view') === 'people' || !!params.get('person')?.trim();
}

/** Starts the People read (the boot script, for a People URL); `takeEarlyPeople` hands it over once. */
export function startPeopleRead(): void {
  holder.__ledePeople = readPeopleSnapshot();
}

export function takeEarlyPeople(): Promise<PeopleSnapshot | null> | undefined {
  const early = holder.__ledePeople;
  holder.__ledePeople = undefined;
  return early;
}
