/**
 * The library's first screen, read with the bare IndexedDB API by the page's boot script
 * (entrypoints/library-boot.ts) while the page's code loads; LibraryApp takes it up. Read-only:
 * it never creates or upgrades the database (lib/db/schema.ts owns the schema). No Dexie here.
 */
import { openExistingLibrary, readNewestValues } from './open-existing';
import type { ArticleRow } from './schema';

/** Height of a library row in px: the list lays rows out at it; the first read sizes itself by it. */
export const ROW_HEIGHT = 104;

/** Rows that fill the first screen (plus two). */
export function firstScreenRows(height = window.innerHeight): number {
  return Math.ceil(height / ROW_HEIGHT) + 2;
}

const holder = globalThis as { __ledeFirstScreen?: Promise<ArticleRow[] | null> };

/** Starts the read; `earlyFirstScreen` hands it over. */
export function startFirstScreenRead(): void {
  holder.__ledeFirstScreen = readNewestRows(firstScreenRows());
}

/** The read the boot script started, if it did. */
export function earlyFirstScreen(): Promise<ArticleRow[] | null> | undefined {
  return holder.__ledeFirstScreen;
}

/**
 * The `count` newest unarchived article rows, newest first; null when there is no library yet or
 * it cannot be read now (the app then reads it itself, with Dexie). Never rejects.
 */
export function readNewestRows(
  count: number,
  factory: IDBFactory = indexedDB,
  keyRange: typeof IDBKeyRange = IDBKeyRange,
): Promise<ArticleRow[] | null> {
  return openExistingLibrary(factory, ['articles']).then(
    (db) =>
      db &&
      new Promise((resolve) => {
        const done = (rows: ArticleRow[] | null) => {
          db.close();
          resolve(rows);
        };
        try {
          // The unarchived articles, newest first: the `archived` index holds 0 for them, and ids
          // sort by save time, so walking its 0 entries backwards is the library's first screen.
          const index = db.transaction('articles').objectStore('articles').index('archived');
          readNewestValues<ArticleRow>(index, keyRange.only(0), count, done);
        } catch {
          done(null);
        }
      }),
  );
}
