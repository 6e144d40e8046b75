import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { deleteArticle } from '@/lib/db/articles';
import { articleSearchRow, LedeDB, type StoredArticle, splitArticle } from '@/lib/db/schema';
import { findPerson, listPeople } from '@/lib/people/people-queries';
import { LedeDBv1, type V1Article } from '../db/v1-schema';
import { LedeDBv2 } from '../db/v2-schema';
import { LedeDBv3 } from '../db/v3-schema';

function article(i: number): V1Article {
  const speaker = i % 2 ? 'Volodymyr Zelenskyy' : 'Jens Stoltenberg';
  return {
    id: `00000000${i}-abcdef`,
    url: `https://news.example/${i}`,
    canonicalUrl: `https://news.example/${i}`,
    urlKeys: [`https://news.example/${i}`],
    title: `Article ${i}`,
    byline: null,
    siteName: 'News Example',
    site: 'news.example',
    publishedTime: `2024-03-0${i}T09:00:00Z`,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    html: '<p>Text</p>',
    text: 'Text',
    wordCount: 1,
    readingMinutes: 1,
    quotes: [{ text: `Quote ${i}`, speaker, start: 0, end: 4 }],
    entities: [
      { name: speaker, type: 'person', aliases: [], count: 2 },
      ...(i % 2 ? [] : [{ name: 'Zelensky', type: 'person' as const, aliases: [], count: 1 }]),
      { name: 'European Union', type: 'organization', aliases: ['EU'], count: 1 },
    ],
    entityKeys: [],
    tags: [],
    read: 0,
    archived: 0,
    favorite: 0,
    readingPosition: 0,
    savedAt: 1000 + i,
    updatedAt: 1000 + i,
    images: { total: 0, saved: 0, failed: [] },
  };
}

/** Opens the factory's database with the current schema and checks the backfilled index. */
async function expectBackfilled(factory: IDBFactory) {
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(6);
  expect(await db.mentions.count()).toBe(10);
  const people = await listPeople(db);
  expect(findPerson(people, 'Zelensky')).toMatchObject({
    name: 'Volodymyr Zelenskyy',
    quotes: 2,
    articles: 4,
    first: Date.parse('2024-03-01T09:00:00Z'),
    last: Date.parse('2024-03-04T09:00:00Z'),
  });
  expect(findPerson(people, 'Jens Stoltenberg')).toMatchObject({ quotes: 2, articles: 2 });
  expect(findPerson(people, 'eu')).toMatchObject({ name: 'European Union', articles: 4 });
  // The upgraded index keeps working incrementally.
  await deleteArticle(db, article(4).id);
  expect(findPerson(await listPeople(db), 'Zelensky')).toMatchObject({
    articles: 3,
    last: Date.parse('2024-03-03T09:00:00Z'),
  });
  db.close();
}

const originals = () => [1, 2, 3, 4].map(article);

test('a v1 database is backfilled into the people index by the v4 upgrade', async () => {
  const factory = new IDBFactory();
  const v1 = new LedeDBv1(factory, IDBKeyRange);
  await v1.articles.bulkAdd(originals());
  v1.close();
  await expectBackfilled(factory);
});

test('a v2 database is backfilled into the people index by the v4 upgrade', async () => {
  const factory = new IDBFactory();
  const v2 = new LedeDBv2(factory, IDBKeyRange);
  await v2.articles.bulkAdd(originals());
  await v2.search.bulkAdd(originals().map(articleSearchRow));
  v2.close();
  await expectBackfilled(factory);
});

test('a v3 database is backfilled into the people index by the v4 upgrade', async () => {
  const factory = new IDBFactory();
  const v3 = new LedeDBv3(factory, IDBKeyRange);
  const parts = originals().map((a) => splitArticle(a as StoredArticle));
  await v3.articles.bulkAdd(parts.map((p) => p.row));
  await v3.bodies.bulkAdd(parts.map((p) => p.body));
  await v3.search.bulkAdd(originals().map(articleSearchRow));
  v3.close();
  await expectBackfilled(factory);
});

test('an empty v3 library upgrades to an empty index', async () => {
  const factory = new IDBFactory();
  const v3 = new LedeDBv3(factory, IDBKeyRange);
  await v3.open();
  v3.close();
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  expect(await listPeople(db)).toEqual([]);
  db.close();
});
