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
