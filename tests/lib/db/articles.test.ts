import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  attachImages,
  countArticles,
  type DeletedArticle,
  deleteArticle,
  findSavedArticle,
  firstSearchResults,
  getArticle,
  getArticleImages,
  getArticleSummaries,
  listArticles,
  listEntityNames,
  listSites,
  listTags,
  newArticleId,
  queryArticleIds,
  restoreArticle,
  saveArticle,
  setArchived,
  setFavorite,
  setRead,
  setReadingPosition,
  setTags,
} from '@/lib/db/articles';
import { StorageFullError } from '@/lib/db/errors';
import type { LedeDB, StoredEntity } from '@/lib/db/schema';
import { articleInput, failWritesAsFullDisk, freshDb, pngBlob } from './fixtures';

let db: LedeDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const entities: StoredEntity[] = [
  { name: 'Jens Stoltenberg', type: 'person', aliases: ['Stoltenberg'], count: 3 },
  { name: 'NATO', type: 'organization', aliases: ['North Atlantic Treaty Organization'], count: 4 },
  { name: 'Kyiv', type: 'place', aliases: [], count: 1 },
];

describe('saveArticle / getArticle', () => {
  test('stores metadata, html, text, annotations, images and defaults', async () => {
    const quotes = [{ text: 'Ukraine will join', speaker: 'Jens Stoltenberg', start: 3, end: 20 }];
    const { id, created, images } = await saveArticle(
      db,
      articleInput(
        {},
        {
          quotes,
          entities,
          tags: [' war ', 'war', 'nato'],
          images: [{ url: 'https://img.example/a.png', blob: pngBlob(10) }],
          now: 1_700_000_000_000,
        },
      ),
    );
    expect(created).toBe(true);
    expect(images).toEqual({ total: 1, saved: 1, failed: [] });
    const stored = await getArticle(db, id);
    expect(stored).toMatchObject({
      url: 'https://news.example/world/nato-kyiv?utm_source=mail',
      canonicalUrl: 'https://news.example/world/nato-kyiv',
      title: 'Stoltenberg visits Kyiv',
      byline: 'Olena Kovalenko',
      site: 'news.example',
      html: expect.stringContaining('<p>NATO Secretary-General'),
      text: expect.stringContaining('Jens Stoltenberg'),
      quotes,
      entities,
      tags: ['war', 'nato'],
      read: 0,
      archived: 0,
      favorite: 0,
      readingPosition: 0,
      savedAt: 1_700_000_000_000,
    });
    expect(stored?.entityKeys).toContain('person:stoltenberg');
    const blobs = await getArticleImages(db, id);
    expect(blobs.get('https://img.example/a.png')?.size).toBe(10);
  });

  test('saving the same URL again (tracking params, fragment, slash differ) updates in place', async () => {
    const first = await saveArticle(db, articleInput({}, { now: 1000 }));
    await setFavorite(db, first.id, true);
    await setTags(db, first.id, ['keep']);
    const second = await saveArticle(
      db,
      articleInput(
        { url: 'https://news.example/world/nato-kyiv/?fbclid=abc#comments', title: 'Updated title' },
        { now: 2000 },
      ),
    );
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(await countArticles(db)).toBe(1);
    const stored = await getArticle(db, first.id);
    expect(stored).toMatchObject({
      title: 'Updated title',
      favorite: 1,
      tags: ['keep'],
      savedAt: 1000,
      updatedAt: 2000,
    });
  });

  test('a re-save without annotations keeps the stored ones; a re-save with them replaces them', async () => {
    const quotes = [{ text: 'We stand with you', speaker: 'Jens Stoltenberg', start: 0, end: 17 }];
    const entities = [{ name: 'Kyiv', type: 'place' as const, aliases: [], count: 1 }];
    const { id } = await saveArticle(db, articleInput({}, { quotes, entities }));
    await saveArticle(db, articleInput({ title: 'No annotations this time' }));
    expect(await getArticle(db, id)).toMatchObject({ title: 'No annotations this time', quotes, entities });
    await saveArticle(db, articleInput({}, { quotes: [], entities: [] }));
    expect(await getArticle(db, id)).toMatchObject({ quotes: [], entities: [] });
    expect(await queryArticleIds(db, { entity: { name: 'kyiv' } })).toEqual([]);
  });

  test('a declared canonical URL wins over the page URL', async () => {
    const a = await saveArticle(
      db,
      articleInput({ url: 'https://m.news.example/1', canonicalUrl: 'https://news.example/1' }),
    );
    const b = await saveArticle(db, articleInput({ url: 'https://news.example/1?utm_medium=x' }));
    expect(b.id).toBe(a.id);
    expect(await findSavedArticle(db, 'https://m.news.example/1')).toBe(a.id);
    expect(await findSavedArticle(db, 'https://elsewhere.example/1')).toBeUndefined();
  });

  test('two saves of one URL racing never create a duplicate', async () => {
    const results = await Promise.all([
      saveArticle(db, articleInput({ title: 'one' })),
      saveArticle(db, articleInput({ url: 'https://news.example/world/nato-kyiv#x', title: 'two' })),
      saveArticle(db, articleInput({ title: 'three' })),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countArticles(db)).toBe(1);
  });

  test('re-saving replaces images but keeps an old copy of one that failed this time', async () => {
    const a = 'https://img.example/a.png';
    const b = 'https://img.example/b.png';
    const c = 'https://img.example/c.png';
    const { id } = await saveArticle(
      db,
      articleInput(
        {},
        {
          images: [
            { url: a, blob: pngBlob(1) },
            { url: b, blob: pngBlob(2) },
          ],
        },
      ),
    );
    const again = await saveArticle(
      db,
      articleInput(
        {},
        {
          images: [{ url: c, blob: pngBlob(3) }],
          imageReport: { total: 2, saved: 1, failed: [{ url: b, reason: 'offline' }] },
        },
      ),
    );
    expect(again.images).toEqual({ total: 2, saved: 2, failed: [] });
    expect([...(await getArticleImages(db, id)).keys()].sort()).toEqual([b, c]);
  });

  test('quota exceeded: a clear error and nothing of the article is written', async () => {
    // Fail the last write of the transaction (the images), as a full disk would.
    failWritesAsFullDisk(db, 'images');
    const save = saveArticle(
      db,
      articleInput({}, { images: [{ url: 'https://img.example/a.png', blob: pngBlob() }] }),
    );
    await expect(save).rejects.toBeInstanceOf(StorageFullError);
    await expect(save).rejects.toThrow(/Not enough storage space/);
    expect(await db.articles.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.search.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });
});

describe('attachImages: images added to a saved article, each write its own transaction', () => {
  const a = 'https://img.example/a.png';
  const b = 'https://img.example/b.png';
  const c = 'https://img.example/c.png';
  const pending = (...urls: string[]) => urls.map((url) => ({ url, reason: 'not downloaded yet' }));

  async function savedText() {
    return saveArticle(
      db,
      articleInput({}, { entities, imageReport: { total: 2, saved: 0, failed: pending(a, b) }, now: 1000 }),
    );
  }

  test('adds the image and updates the report; text, body, annotations and search stay as they were', async () => {
    const { id } = await savedText();
    const before = {
      body: await db.bodies.get(id),
      search: await db.search.get(id),
      row: await db.articles.get(id),
    };
    const report = await attachImages(db, id, { images: [{ url: a, blob: pngBlob(5) }] });
    expect(report).toEqual({ total: 2, saved: 1, failed: pending(b) });
    expect((await getArticle(db, id))?.images).toEqual(report);
    expect(await db.bodies.get(id)).toEqual(before.body);
    expect(await db.search.get(id)).toEqual(before.search);
    expect({ ...(await db.articles.get(id)), images: null }).toEqual({ ...before.row, images: null });
    expect((await getArticleImages(db, id)).get(a)?.size).toBe(5);
    // Why the other was not saved.
    const final = await attachImages(db, id, { failed: [{ url: b, reason: 'HTTP 404' }] });
    expect(final).toEqual({ total: 2, saved: 1, failed: [{ url: b, reason: 'HTTP 404' }] });
  });

  test('only images the article still lists as not saved are taken', async () => {
    const { id } = await savedText();
    const report = await attachImages(db, id, { images: [{ url: c, blob: pngBlob(5) }] });
    expect(report).toEqual({ total: 2, saved: 0, failed: pending(a, b) });
    expect((await getArticleImages(db, id)).size).toBe(0);
  });

  test('an article removed meanwhile gets nothing', async () => {
    const { id } = await savedText();
    await deleteArticle(db, id);
    expect(await attachImages(db, id, { images: [{ url: a, blob: pngBlob(5) }] })).toBeUndefined();
    expect(await db.images.count()).toBe(0);
  });

  test('quota exceeded: a clear error, and neither the image nor the report is written', async () => {
    const { id } = await savedText();
    // Middleware applies from the next open.
    db.close();
    // The image is written first; the report update after it fails, as a full disk would.
    failWritesAsFullDisk(db, 'articles');
    await db.open();
    const attach = attachImages(db, id, { images: [{ url: a, blob: pngBlob(5) }] });
    await expect(attach).rejects.toBeInstanceOf(StorageFullError);
    await expect(attach).rejects.toThrow(/Not enough storage space for this image/);
    expect(await db.images.count()).toBe(0);
    expect((await db.articles.get(id))?.images).toEqual({ total: 2, saved: 0, failed: pending(a, b) });
    expect(await db.bodies.count()).toBe(1);
  });
});

describe('listing', () => {
  test('newest first, paged by cursor', async () => {
    for (let i = 0; i < 7; i++)
      await saveArticle(
        db,
        articleInput({ url: `https://a.example/${i}`, title: `t${i}` }, { now: 1000 + i }),
      );
    const page1 = await listArticles(db, { limit: 3 });
    expect(page1.items.map((a) => a.title)).toEqual(['t6', 't5', 't4']);
    const page2 = await listArticles(db, { limit: 3, after: page1.next });
    expect(page2.items.map((a) => a.title)).toEqual(['t3', 't2', 't1']);
    const page3 = await listArticles(db, { limit: 3, after: page2.next });
    expect(page3).toEqual({ items: [expect.objectContaining({ title: 't0' })], next: null });
    expect(page1.items[0]).not.toHaveProperty('html');
    await setArchived(db, page1.items[1].id, true);
    const inbox = await listArticles(db, { limit: 3, archived: false });
    expect(inbox.items.map((a) => a.title)).toEqual(['t6', 't4', 't3']);
    expect((await listArticles(db, { archived: true })).items.map((a) => a.title)).toEqual(['t5']);
    await setArchived(db, page1.items[1].id, false);
    const ids = await queryArticleIds(db);
    expect((await getArticleSummaries(db, ids.slice(2, 4))).map((a) => a.title)).toEqual(['t4', 't3']);
  });

  test('ids sort by save time', () => {
    expect(newArticleId(1000) < newArticleId(2000)).toBe(true);
    expect(newArticleId(9_999_999_999_999) > newArticleId(1_700_000_000_000)).toBe(true);
  });
});

describe('search and filters', () => {
  async function seed() {
    const ids: Record<string, string> = {};
    ids.nato = (
      await saveArticle(
        db,
        articleInput(
          { url: 'https://kyivindependent.com/nato', siteName: 'The Kyiv Independent' },
          { entities, tags: ['nato'], now: 1 },
        ),
      )
    ).id;
    ids.cafe = (
      await saveArticle(
        db,
        articleInput(
          {
            url: 'https://www.lemonde.fr/cafe',
            title: 'Le Café de Flore à Paris',
            byline: 'Zoë Brontë',
            siteName: 'Le Monde',
            textContent: 'Un café célèbre près de Saint-Germain-des-Prés.',
          },
          { entities: [{ name: 'Paris', type: 'place', aliases: [], count: 2 }], now: 2 },
        ),
      )
    ).id;
    ids.other = (
      await saveArticle(
        db,
        articleInput(
          {
            url: 'https://kyivindependent.com/energy',
            title: 'Energy grid attacked',
            byline: null,
            textContent: 'Power cuts across Ukraine.',
          },
          { now: 3 },
        ),
      )
    ).id;
    return ids;
  }

  test('prefix, case- and diacritic-insensitive, over title, byline, site and body', async () => {
    const ids = await seed();
    const q = (text: string) => queryArticleIds(db, { text });
    expect(await q('Stoltenberg')).toEqual([ids.nato]);
    expect(await q('STOLT')).toEqual([ids.nato]);
    expect(await q('cafe flore')).toEqual([ids.cafe]);
    expect(await q('prés')).toEqual([ids.cafe]);
    expect(await q('bronte')).toEqual([ids.cafe]); // byline
    expect(await q('lemonde')).toEqual([ids.cafe]); // site
    expect(await q('ukraine')).toEqual([ids.other]);
    expect(await q('kyiv')).toEqual([ids.other, ids.nato]); // site of both, newest first
    expect(await q('kyiv stoltenberg zzz')).toEqual([]);
    expect(await q('   ')).toEqual([ids.other, ids.cafe, ids.nato]);
  });

  test('filters by site, tag, read, archived, favourite and entity, combined with search', async () => {
    const ids = await seed();
    await setRead(db, ids.other, true);
    await setArchived(db, ids.cafe, true);
    await setFavorite(db, ids.nato, true);
    expect(await queryArticleIds(db, { site: 'kyivindependent.com' })).toEqual([ids.other, ids.nato]);
    expect(await queryArticleIds(db, { site: 'lemonde.fr' })).toEqual([ids.cafe]);
    expect(await queryArticleIds(db, { tag: 'nato' })).toEqual([ids.nato]);
    expect(await queryArticleIds(db, { read: true })).toEqual([ids.other]);
    expect(await queryArticleIds(db, { read: false })).toEqual([ids.cafe, ids.nato]);
    expect(await queryArticleIds(db, { archived: false })).toEqual([ids.other, ids.nato]);
    expect(await queryArticleIds(db, { favorite: true })).toEqual([ids.nato]);
    expect(await queryArticleIds(db, { entity: { name: 'stoltenberg', type: 'person' } })).toEqual([
      ids.nato,
    ]);
    expect(await queryArticleIds(db, { entity: { name: 'Jens' } })).toEqual([ids.nato]);
    expect(await queryArticleIds(db, { entity: { name: 'NATO', type: 'place' } })).toEqual([]);
    expect(await queryArticleIds(db, { entity: { name: 'paris', type: 'place' } })).toEqual([ids.cafe]);
    expect(await queryArticleIds(db, { text: 'kyiv', read: false })).toEqual([ids.nato]);
    const kyiv = await queryArticleIds(db, { text: 'kyiv' });
    expect(kyiv).toHaveLength(2);
    expect((await getArticleSummaries(db, kyiv.slice(0, 1))).map((a) => a.id)).toEqual([ids.other]);
    expect(await listSites(db)).toEqual(['kyivindependent.com', 'lemonde.fr']);
    expect(await listTags(db)).toEqual(['nato']);
    expect(await listEntityNames(db, 'person')).toEqual(['jens stoltenberg', 'stoltenberg']);
  });

  test('a search for a common word verifies the rarer terms against candidates', async () => {
    for (let i = 0; i < 450; i++) {
      const textContent = `common words here ${i % 3 === 0 ? 'zebra' : 'horse'}`;
      await saveArticle(db, articleInput({ url: `https://bulk.example/${i}`, textContent }));
    }
    const ids = await queryArticleIds(db, { text: 'common zeb' });
    expect(ids).toHaveLength(150);
    // The quick path (newest rows) gives exactly the head of the full, index-based answer.
    const quick = await firstSearchResults(db, { text: 'common zeb' }, 20);
    expect(quick?.map((a) => a.id)).toEqual(ids.slice(0, 20));
    await setArchived(db, ids[0], true);
    const inbox = await firstSearchResults(db, { text: 'zebra', archived: false }, 5);
    expect(inbox?.map((a) => a.id)).toEqual(ids.slice(1, 6));
    // Too few matches among the newest rows: null, the caller uses the index.
    expect(await firstSearchResults(db, { text: 'zebra' }, 100)).toBeNull();
    expect(await firstSearchResults(db, { text: 'horse', entity: { name: 'x' } }, 1)).toBeNull();
    expect((await queryArticleIds(db, { text: 'common words here' })).length).toBe(450);
  });
});

describe('state changes and deletion', () => {
  test('set* change one article and report whether it exists', async () => {
    const { id } = await saveArticle(db, articleInput());
    expect(await setRead(db, id, true)).toBe(true);
    expect(await setArchived(db, id, true)).toBe(true);
    expect(await setFavorite(db, id, true)).toBe(true);
    expect(await setTags(db, id, ['a', ' a', 'b', ''])).toBe(true);
    expect(await setReadingPosition(db, id, 1.7)).toBe(true);
    expect(await getArticle(db, id)).toMatchObject({
      read: 1,
      archived: 1,
      favorite: 1,
      tags: ['a', 'b'],
      readingPosition: 1,
    });
    await setReadingPosition(db, id, 0.42);
    await setRead(db, id, false);
    expect(await getArticle(db, id)).toMatchObject({ read: 0, readingPosition: 0.42 });
    expect(await setRead(db, 'missing', true)).toBe(false);
  });

  test('delete removes article, body, images and search tokens; restore brings all back', async () => {
    const { id } = await saveArticle(
      db,
      articleInput({}, { images: [{ url: 'https://img.example/a.png', blob: pngBlob(5) }] }),
    );
    const before = await getArticle(db, id);
    const deleted = await deleteArticle(db, id);
    expect(deleted?.images).toHaveLength(1);
    expect(await getArticle(db, id)).toBeUndefined();
    expect(await db.images.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await queryArticleIds(db, { text: 'stoltenberg' })).toEqual([]);
    expect(await deleteArticle(db, id)).toBeUndefined();
    expect(await restoreArticle(db, deleted as DeletedArticle)).toBe(true);
    expect(await getArticle(db, id)).toEqual(before);
    expect((await getArticleImages(db, id)).get('https://img.example/a.png')?.size).toBe(5);
    expect(await queryArticleIds(db, { text: 'stoltenberg' })).toEqual([id]);
  });

  test('restore does nothing when the URL was saved again meanwhile', async () => {
    const { id } = await saveArticle(db, articleInput());
    const deleted = await deleteArticle(db, id);
    await saveArticle(db, articleInput());
    expect(await restoreArticle(db, deleted as DeletedArticle)).toBe(false);
    expect(await countArticles(db)).toBe(1);
  });
});
