import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { getArticle, getArticleImages, queryArticleIds, saveArticle } from '@/lib/db/articles';
import { SCHEMA_VERSION } from '@/lib/db/db-name';
import { articleSearchRow, BODY_FIELDS, LedeDB } from '@/lib/db/schema';
import { LedeDBv1, type V1Article } from './v1-schema';
import { LedeDBv2 } from './v2-schema';

function v1Article(i: number): V1Article {
  return {
    id: `00000000${i}-abcdef`,
    url: `https://news.example/${i}`,
    canonicalUrl: `https://news.example/${i}`,
    urlKeys: [`https://news.example/${i}`],
    title: i === 1 ? 'Zelensky meets Stoltenberg' : `Article ${i}`,
    byline: 'Reporter Name',
    siteName: 'News Example',
    site: 'news.example',
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    html: `<p>Body ${i} about Kyïv.</p>`,
    text: `Body ${i} about Kyïv.`,
    wordCount: 4,
    readingMinutes: 1,
    quotes: [{ text: 'We will win', speaker: 'Volodymyr Zelensky', start: 0, end: 11 }],
    entities: [{ name: 'Volodymyr Zelensky', type: 'person', aliases: ['Zelensky'], count: 2 }],
    entityKeys: ['person:volodymyr zelensky', 'person:zelensky'],
    tags: ['war'],
    read: 1,
    archived: 0,
    favorite: 1,
    readingPosition: 0.5,
    savedAt: 1000 + i,
    updatedAt: 1000 + i,
    images: { total: 1, saved: 1, failed: [] },
  };
}

/** Schema v3 keeps bodies in their own table: article rows hold none of their fields. */
async function expectBodiesMoved(db: LedeDB, count: number) {
  expect(await db.bodies.count()).toBe(count);
  for (const row of await db.articles.toArray())
    for (const field of BODY_FIELDS) expect(row).not.toHaveProperty(field);
}

test('a v1 database opens with the current schema, keeps everything and becomes searchable', async () => {
  const factory = new IDBFactory();
  const v1 = new LedeDBv1(factory, IDBKeyRange);
  const originals = [1, 2, 3].map(v1Article);
  await v1.articles.bulkAdd(originals);
  await v1.images.add({
    articleId: originals[0].id,
    url: 'https://img.example/1.png',
    blob: new Blob(['png']),
  });
  v1.close();

  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  for (const original of originals) expect(await getArticle(db, original.id)).toEqual(original);
  await expectBodiesMoved(db, originals.length);
  const images = await getArticleImages(db, originals[0].id);
  expect(await images.get('https://img.example/1.png')?.text()).toBe('png');
  // The v2 upgrade backfilled the search table from the v1 rows.
  expect(await db.search.count()).toBe(3);
  expect(await queryArticleIds(db, { text: 'stoltenberg' })).toEqual([originals[0].id]);
  expect(await queryArticleIds(db, { text: 'kyiv' })).toHaveLength(3);
  // And the migrated database keeps working: re-saving a v1 article updates it.
  const again = await saveArticle(db, {
    article: { ...originals[1], textContent: 'new text', canonicalUrl: null },
    html: '<p>new text</p>',
  });
  expect(again).toMatchObject({ id: originals[1].id, created: false });
  expect(await getArticle(db, originals[1].id)).toMatchObject({
    favorite: 1,
    readingPosition: 0.5,
    text: 'new text',
  });
  db.close();
});

test('a v2 database opens with the current schema: bodies move to their own table, nothing is lost', async () => {
  const factory = new IDBFactory();
  const v2 = new LedeDBv2(factory, IDBKeyRange);
  const originals = [1, 2, 3, 4].map(v1Article);
  originals[3].archived = 1;
  await v2.articles.bulkAdd(originals);
  await v2.search.bulkAdd(originals.map(articleSearchRow));
  v2.close();

  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  for (const original of originals) expect(await getArticle(db, original.id)).toEqual(original);
  await expectBodiesMoved(db, originals.length);
  // The article-row indexes still answer, and search is untouched.
  expect(await queryArticleIds(db, { archived: true })).toEqual([originals[3].id]);
  expect(await queryArticleIds(db, { entity: { name: 'zelensky', type: 'person' } })).toHaveLength(4);
  expect(await queryArticleIds(db, { text: 'stoltenberg' })).toEqual([originals[0].id]);
  db.close();
});
