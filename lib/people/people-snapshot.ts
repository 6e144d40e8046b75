/**
 * The people index read with the bare IndexedDB API: by the library page's boot script while the
 * page's code loads, and by the People views, so they paint without loading Dexie (~100 KB of
 * script) first. Read-only: it never creates or upgrades the database; null means "not readable
 * this way" (no library yet, or one still to be upgraded), and the caller falls back to Dexie.
 */
import { openExistingLibrary, waitAtMost } from '../db/open-existing';
import type { ArticleRow } from '../db/schema';
import type { PeopleRow, Posting } from './article-postings';
import type { PeopleListSummary, PeopleSummaryRow, PersonSummary, SummaryGen } from './people-summary';
import { personSummaryKey } from './people-summary';
import type { PeopleMerge } from './resolve';

/** Everything the People list needs: the index rows, the reader's merges, and whether any article is saved. */
export interface PeopleSnapshot {
  rows: PeopleRow[];
  merges: PeopleMerge[];
  /** 0 when nothing is saved, else 1 (counting 10,000 rows would cost more than the rest of the read). */
  articles: 0 | 1;
  /** The index state's token (people-summary.ts): a first screen computed from these rows keeps it. */
  token: string;
}

/** The tables the People views read. */
export const PEOPLE_STORES = ['articles', 'people', 'peopleMerges', 'mentions', 'peopleSummary'];

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `read` in one read-only transaction over the index stores; null when that is not possible. */
async function readOnly<T>(factory: IDBFactory, read: (tx: IDBTransaction) => Promise<T>): Promise<T | null> {
  const db = await openExistingLibrary(factory, PEOPLE_STORES);
  if (!db) return null;
  try {
    return await read(db.transaction(PEOPLE_STORES, 'readonly'));
  } catch {
    return null;
  } finally {
    db.close();
  }
}

function readSnapshot(tx: IDBTransaction): Promise<PeopleSnapshot> {
  return Promise.all([
    result(tx.objectStore('people').getAll()),
    result(tx.objectStore('peopleMerges').getAll()),
    result(tx.objectStore('articles').getAllKeys(null, 1)),
    result(tx.objectStore('peopleSummary').get('gen')),
  ]).then(([rows, merges, articles, gen]) => ({
    rows,
    merges,
    articles: articles.length > 0 ? 1 : 0,
    token: (gen as SummaryGen | undefined)?.token ?? '',
  }));
}

/** The People list's data, in one transaction. Never rejects. */
export function readPeopleSnapshot(factory: IDBFactory = indexedDB): Promise<PeopleSnapshot | null> {
  return readOnly(factory, readSnapshot);
}

/** What the boot script reads: a view's first screen when one is kept for the index as it is, else the index. */
export type PeopleBoot = { summary: PeopleListSummary | PersonSummary } | { snapshot: PeopleSnapshot };

/**
 * The first screen kept under `summaryKey` if it was computed from the index as it is now (its
 * token is the `gen` row's), else the whole index, in one transaction. Never rejects.
 */
export function readPeopleBoot(
  summaryKey: PeopleSummaryRow['key'],
  factory: IDBFactory = indexedDB,
): Promise<PeopleBoot | null> {
  return readOnly(factory, async (tx) => {
    const store = tx.objectStore('peopleSummary');
    const [gen, kept] = await Promise.all([result(store.get('gen')), result(store.get(summaryKey))]);
    const token = (gen as SummaryGen | undefined)?.token ?? '';
    if (kept && kept.key !== 'gen' && kept.token === token)
      return { summary: kept as PeopleListSummary | PersonSummary };
    return { snapshot: await readSnapshot(tx) };
  });
}

/**
 * Keeps a first screen computed from the index at `row.token`, unless the index changed since
 * (then it is dropped: the next view computes it again). Never rejects; true when kept.
 */
export async function writePeopleSummary(
  row: PeopleListSummary | PersonSummary,
  factory: IDBFactory = indexedDB,
): Promise<boolean> {
  const db = await openExistingLibrary(factory, ['peopleSummary']);
  if (!db) return false;
  try {
    const tx = db.transaction('peopleSummary', 'readwrite');
    const store = tx.objectStore('peopleSummary');
    const gen = (await result(store.get('gen'))) as SummaryGen | undefined;
    if ((gen?.token ?? '') !== row.token) return false;
    store.put(row);
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onabort = () => fail(tx.error);
    });
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
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

/** Marked on the page's timeline (the bench reads it) when a People view has first rendered. */
export const PEOPLE_RENDER_MARK = 'lede:people-render';

/** Marked on the page's timeline (the bench reads it) when the boot script's read is in. */
export const PEOPLE_BOOT_MARK = 'lede:people-boot';

type Early = { read: Promise<PeopleBoot | null>; done?: PeopleBoot | null };
const holder = globalThis as { __ledePeople?: Early };

/** Whether library.html's URL asks for a People view (`?view=people`, `?person=`). */
export function isPeopleRoute(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get('view') === 'people' || !!params.get('person')?.trim();
}

/** The summary row a People URL's first screen is kept under. */
export function bootSummaryKey(search: string): PeopleSummaryRow['key'] {
  const person = new URLSearchParams(search).get('person')?.trim();
  return person ? personSummaryKey(person) : 'list';
}

/** Starts the People read (the boot script, for a People URL); `takeEarlyPeople` hands it over once. */
export function startPeopleRead(search = location.search): void {
  const early: Early = { read: readPeopleBoot(bootSummaryKey(search)) };
  early.read.then((done) => {
    early.done = done;
    performance.mark(PEOPLE_BOOT_MARK);
  });
  holder.__ledePeople = early;
}

/**
 * The boot script's read, once: `done` when it is already in (so a view can render it in its first
 * render, with no frame of "loading" between), else `read`.
 */
export function takeEarlyPeople(): Early | undefined {
  const early = holder.__ledePeople;
  holder.__ledePeople = undefined;
  return early;
}

/**
 * Resolves once the boot script's read is in, or after `ms` if it is not by then (at once when
 * there is none), so the page's first render can hold the kept first screen. Never rejects.
 */
export function earlyPeopleIn(ms: number): Promise<void> {
  const early = holder.__ledePeople;
  if (!early || early.done !== undefined) return Promise.resolve();
  return waitAtMost(early.read, ms);
}

/** The boot script's read if it is already in, without taking it. */
export function peekEarlyPeople(): PeopleBoot | null | undefined {
  return holder.__ledePeople?.done;
}
