/**
 * Opens the library with the bare IndexedDB API for the pages' pre-paint reads, without Dexie.
 * Read-only in effect: it never creates or upgrades the database (lib/db/schema.ts owns the
 * schema); null means "not readable this way" (no library yet, one still to be upgraded, blocked,
 * or missing one of `stores`), and the caller falls back to Dexie. Never rejects.
 */
import { DB_NAME } from './db-name';

export function openExistingLibrary(
  factory: IDBFactory | undefined,
  stores: readonly string[],
  name = DB_NAME,
): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (!factory) return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      return resolve(null);
    }
    // No library yet (or an older one): do not create or upgrade it; the app takes over.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      if (stores.every((store) => db.objectStoreNames.contains(store))) return resolve(db);
      db.close();
      resolve(null);
    };
  });
}

/**
 * Resolves once `read` settles or after `ms`, whichever comes first, and never rejects: how long a
 * page's first render waits for its pre-paint read before it renders without it.
 */
export function waitAtMost(read: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((go) => {
    read.then(
      () => go(),
      () => go(),
    );
    setTimeout(go, ms);
  });
}

/** `IDBIndex.getAllRecords` (IndexedDB 3.0, not in every browser yet). */
interface GetAllRecords {
  getAllRecords(options: {
    query?: IDBKeyRange;
    count: number;
    direction: IDBCursorDirection;
  }): IDBRequest<{ value: unknown }[]>;
}

function hasGetAllRecords(index: IDBIndex): index is IDBIndex & GetAllRecords {
  return typeof (index as Partial<GetAllRecords>).getAllRecords === 'function';
}

/**
 * The last `count` values of `index` (within `query`, when given) in its reverse order, the newest
 * first for a time-ordered index: one `getAllRecords` request where the browser has it
 * (Chrome 141+), else a backwards cursor. `found` gets null when a request fails.
 */
export function readNewestValues<T>(
  index: IDBIndex,
  query: IDBKeyRange | null,
  count: number,
  found: (values: T[] | null) => void,
): void {
  if (hasGetAllRecords(index)) {
    const records = index.getAllRecords({ ...(query ? { query } : {}), count, direction: 'prev' });
    records.onerror = () => found(null);
    records.onsuccess = () => found(records.result.map((record) => record.value as T));
    return;
  }
  const values: T[] = [];
  const cursor = index.openCursor(query, 'prev');
  cursor.onerror = () => found(null);
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at || values.length === count) return found(values);
    values.push(at.value as T);
    at.continue();
  };
}
