import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { saveArticle } from '@/lib/db/articles';
import { LedeDB } from '@/lib/db/schema';
import { entryPostings, findPerson, listPeople } from '@/lib/people/people-queries';
import { isPeopleRoute, readPeopleSnapshot, readPostings } from '@/lib/people/people-snapshot';
import { resolvePeople } from '@/lib/people/resolve';
import { articleInput } from '../db/fixtures';
import { LedeDBv3 } from '../db/v3-schema';

test('the bare IndexedDB reads give what Dexie reads, and never create or upgrade the library', async () => {
  const factory = new IDBFactory();
  expect(await readPeopleSnapshot(factory)).toBeNull();
  expect((await factory.databases()).map((d) => d.name)).toEqual([]);
  const old = new LedeDBv3(factory, IDBKeyRange);
  await old.open();
  old.close();
  // A v3 library (no index yet) is left for Dexie to upgrade.
  expect(await readPeopleSnapshot(factory)).toBeNull();

  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  for (const n of [1, 2]) {
    await saveArticle(
      db,
      articleInput(
        { url: `https://news.example/${n}` },
        {
          entities: [{ name: 'Jens Stoltenberg', type: 'person', aliases: ['Stoltenberg'], count: n }],
          quotes: [{ text: `Quote ${n}`, speaker: 'Jens Stoltenberg', start: 0, end: 7 }],
          now: n,
        },
      ),
    );
  }
  const snapshot = await readPeopleSnapshot(factory);
  expect(snapshot?.articles).toBe(1);
  const entries = resolvePeople(snapshot?.rows ?? [], snapshot?.merges ?? []);
  expect(entries).toEqual(await listPeople(db));
  const entry = findPerson(entries, 'stoltenberg');
  if (!entry) throw new Error('indexed');
  const bare = await readPostings(entry.keys, factory, IDBKeyRange);
  expect(bare?.postings).toHaveLength(2);
  expect(new Set(bare?.postings)).toEqual(new Set(await entryPostings(db, entry)));
  expect(bare?.rows.map((row) => row?.url).sort()).toEqual([
    'https://news.example/1',
    'https://news.example/2',
  ]);
  db.close();
});

test('People URLs', () => {
  expect(isPeopleRoute('?view=people')).toBe(true);
  expect(isPeopleRoute('?person=Jens')).toBe(true);
  expect(isPeopleRoute('?person=')).toBe(false);
  expect(isPeopleRoute('')).toBe(false);
});
