/**
 * A generation per table, kept in `localStorage` beside the library: every write to a table
 * through Dexie gives it a new generation, synchronously, when the transaction's first write to it
 * is issued and again when that transaction ends. A page that notes the generations of the tables it reads, then finds
 * them unchanged, knows that no write started or ended in between: what it read is still the
 * library. The paint snapshots (lib/library/paint-snapshot.ts) are trusted on that alone, with no
 * IndexedDB read before the first frame. Every writer is an extension page (the background never
 * writes the library), extension pages share one `localStorage`, and every write goes through
 * Dexie: one made with the bare IndexedDB API would not be seen (the only one, the People views'
 * first-screen cache row in lib/people/people-snapshot.ts, is a cache, not data).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

const PREFIX = 'lede.gen.';
/**
 * Where what is trusted on generations is kept (lib/library/paint-snapshot.ts): dropped whole when
 * a write cannot record its generation, so nothing outlives a write it did not see.
 */
export const TRUSTED_PREFIX = 'lede.snapshot.';

/** The page's `localStorage`, or null where there is none (Node, a service worker) or it is refused. */
export function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function newGeneration(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The generations of `tables`, as one comparable string; '' marks a table never written since. */
export function readGenerations(tables: readonly string[], storage = pageStorage()): string | null {
  if (!storage) return null;
  try {
    return tables.map((table) => `${table}=${storage.getItem(PREFIX + table) ?? ''}`).join(';');
  } catch {
    return null;
  }
}

/** Gives `tables` new generations. */
export function bumpGenerations(tables: Iterable<string>, storage = pageStorage()): void {
  if (!storage) return;
  for (const table of tables) {
    try {
      storage.setItem(PREFIX + table, newGeneration());
    } catch {
      dropTrusted(storage);
    }
  }
}

/** A full storage cannot record a write: what was trusted on the old generations goes instead. */
function dropTrusted(storage: Storage): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(TRUSTED_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {}
}

/** The tables each open transaction has written, so each gets its second bump when it ends. */
const written = new WeakMap<DBCoreTransaction, Set<string>>();

/**
 * Bumps `table` at a transaction's first write to it, and again when the transaction ends: its
 * later writes (an upgrade's or an import's thousands) fall between the two and need no bump.
 */
function noteWrite(trans: DBCoreTransaction, table: string): void {
  const tables = written.get(trans);
  if (tables?.has(table)) return;
  bumpGenerations([table]);
  if (tables) {
    tables.add(table);
    return;
  }
  written.set(trans, new Set([table]));
  // Dexie's IndexedDB core hands out the IDBTransaction itself.
  const events = trans as unknown as Partial<Pick<IDBTransaction, 'addEventListener'>>;
  const ended = () => bumpGenerations(written.get(trans) ?? [table]);
  events.addEventListener?.('complete', ended);
  events.addEventListener?.('abort', ended);
}

/** The Dexie middleware that keeps the generations (installed by lib/db/schema.ts). */
export const writeGenerations: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'writeGenerations',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request: DBCoreMutateRequest) {
            noteWrite(request.trans, name);
            return table.mutate(request);
          },
        };
      },
    };
  },
};
