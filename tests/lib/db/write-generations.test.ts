// @vitest-environment jsdom
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { LedeDB } from '@/lib/db/schema';
import { bumpGenerations, readGenerations, TRUSTED_PREFIX } from '@/lib/db/write-generations';

afterEach(() => localStorage.clear());

const newDb = () => new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });

test('a write gives its table a new generation, and leaves the other tables theirs', async () => {
  const db = newDb();
  await db.open();
  const before = readGenerations(['highlights', 'peopleSummary']);
  expect(before).toBe('highlights=;peopleSummary=');
  await db.peopleSummary.put({ key: 'gen', token: 'a' });
  const after = readGenerations(['highlights', 'peopleSummary']);
  expect(after).not.toBe(before);
  expect(after?.startsWith('highlights=;')).toBe(true);
  db.close();
});

test('the generation changes again when the transaction ends, so a read made during it is not trusted', async () => {
  const db = newDb();
  await db.open();
  let during: string | null = null;
  await db.transaction('rw', db.peopleSummary, async () => {
    await db.peopleSummary.put({ key: 'gen', token: 'a' });
    during = readGenerations(['peopleSummary']);
  });
  expect(during).not.toBe('peopleSummary=');
  expect(readGenerations(['peopleSummary'])).not.toBe(during);
  db.close();
});

test('a transaction bumps a table once at its first write to it, not at every write', async () => {
  const db = newDb();
  await db.open();
  const seen: (string | null)[] = [];
  await db.transaction('rw', db.peopleSummary, async () => {
    for (const token of ['a', 'b', 'c']) {
      await db.peopleSummary.put({ key: 'gen', token });
      seen.push(readGenerations(['peopleSummary']));
    }
  });
  expect(new Set(seen).size).toBe(1);
  expect(readGenerations(['peopleSummary'])).not.toBe(seen[0]);
  db.close();
});

test('reads leave the generations alone', async () => {
  const db = newDb();
  await db.peopleSummary.put({ key: 'gen', token: 'a' });
  const written = readGenerations(['peopleSummary']);
  await db.peopleSummary.toArray();
  await db.peopleSummary.get('gen');
  expect(readGenerations(['peopleSummary'])).toBe(written);
  db.close();
});

test('without a storage there are no generations, and writes still work', async () => {
  expect(readGenerations(['people'], null)).toBeNull();
  expect(() => bumpGenerations(['people'], null)).not.toThrow();
});

test('a storage too full to record a generation drops everything trusted on generations', () => {
  const items = new Map<string, string>([
    [`${TRUSTED_PREFIX}?view=people`, '{}'],
    ['lede.settings', '{}'],
  ]);
  const full = {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
    removeItem: (key: string) => void items.delete(key),
  } as unknown as Storage;
  bumpGenerations(['people'], full);
  expect([...items.keys()]).toEqual(['lede.settings']);
});
