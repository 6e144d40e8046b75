import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  findSavedArticle,
  getArticle,
  getArticleImages,
  queryArticleIds,
  saveArticle,
  setFavorite,
  setTags,
} from '@/lib/db/articles';
import { ImportError } from '@/lib/db/errors';
import { BACKUP_VERSION, exportLibrary } from '@/lib/db/export-library';
import { importLibrary } from '@/lib/db/import-library';
import type { LedeDB, StoredArticle } from '@/lib/db/schema';
import { articleInput, freshDb } from './fixtures';

let source: LedeDB;
let target: LedeDB;
beforeEach(() => {
  source = freshDb();
  target = freshDb();
});
afterEach(() => {
  source.close();
  target.close();
});

async function fill(db: LedeDB): Promise<string[]> {
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256); // > one base64 chunk
  const a = await saveArticle(
    db,
    articleInput(
      {},
      {
        quotes: [{ text: 'q', speaker: null, start: 0, end: 1 }],
        entities: [
          { name: 'NATO', type: 'organization', aliases: [], count: 1, mentions: [{ start: 0, end: 4 }] },
        ],
        images: [{ url: 'https://img.example/a.png', blob: new Blob([bytes], { type: 'image/png' }) }],
        imageReport: {
          total: 2,
          saved: 1,
          failed: [{ url: 'https://img.example/b.png', reason: 'HTTP 404' }],
        },
      },
    ),
  );
  const b = await saveArticle(
    db,
    articleInput({ url: 'https://other.example/b', title: 'Ünïcode “quotes” \u2028' }),
  );
  await setFavorite(db, b.id, true);
  await setTags(db, b.id, ['x', 'y']);
  return [a.id, b.id];
}

async function snapshot(db: LedeDB): Promise<(StoredArticle | undefined)[]> {
  const ids = await db.articles.toCollection().primaryKeys();
  return Promise.all(ids.map((id) => getArticle(db, id)));
}

describe('export → import', () => {
  test('restores every field and every image byte', async () => {
    const ids = await fill(source);
    const backup = await exportLibrary(source);
    expect(backup.type).toBe('application/json');
    const result = await importLibrary(target, backup);
    expect(result).toEqual({ articles: 2, images: 1, replaced: 0, highlights: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    const [before, after] = await Promise.all([
      getArticleImages(source, ids[0]),
      getArticleImages(target, ids[0]),
    ]);
    const a = before.get('https://img.example/a.png') as Blob;
    const b = after.get('https://img.example/a.png') as Blob;
    expect(b.type).toBe('image/png');
    expect(new Uint8Array(await b.arrayBuffer())).toEqual(new Uint8Array(await a.arrayBuffer()));
    expect(await queryArticleIds(target, { text: 'unicode QUOT' })).toEqual([ids[1]]);
  });

  test('importing into a library replaces articles with the same URL and keeps the others', async () => {
    const [id] = await fill(source);
    const backup = await exportLibrary(source);
    const local = await saveArticle(target, articleInput({ title: 'local copy' })); // same canonical URL
    const unrelated = await saveArticle(target, articleInput({ url: 'https://third.example/c' }));
    const result = await importLibrary(target, await backup.text());
    expect(result.replaced).toBe(1);
    expect(await getArticle(target, local.id)).toBeUndefined();
    expect((await getArticle(target, id))?.title).toBe('Stoltenberg visits Kyiv');
    expect(await getArticle(target, unrelated.id)).toBeDefined();
    expect(await target.articles.count()).toBe(3);
  });
});

describe('import trusts no key in the file', () => {
  async function backupOf(edit: (article: Record<string, unknown>) => void): Promise<string> {
    await fill(source);
    const data = JSON.parse(await (await exportLibrary(source)).text());
    edit(data.articles[1]);
    return JSON.stringify(data);
  }

  test('urlKeys are recomputed: a backup cannot make another page show as saved', async () => {
    const file = await backupOf((article) => {
      article.urlKeys = ['https://bank.example/login'];
    });
    await importLibrary(target, file);
    expect(await findSavedArticle(target, 'https://bank.example/login')).toBeUndefined();
    expect(await findSavedArticle(target, 'https://other.example/b')).toBeDefined();
  });

  test('a canonical URL on another site than the article URL is replaced by the article URL', async () => {
    const file = await backupOf((article) => {
      article.canonicalUrl = 'https://bank.example/login';
    });
    await importLibrary(target, file);
    expect(await findSavedArticle(target, 'https://bank.example/login')).toBeUndefined();
    const ids = await target.articles.where('canonicalUrl').equals('https://other.example/b').primaryKeys();
    expect(ids).toHaveLength(1);
  });

  test('a non-web article URL is refused', async () => {
    const file = await backupOf((article) => {
      article.url = 'javascript:alert(1)';
    });
    await expect(importLibrary(target, file)).rejects.toThrow(/Article 2 has a missing or invalid "url"/);
    expect(await target.articles.count()).toBe(0);
  });

  test('an id already used by a library article at another URL replaces nothing: the import gets a new id', async () => {
    const [idA] = await fill(source);
    const data = JSON.parse(await (await exportLibrary(source)).text());
    const mine = await saveArticle(target, articleInput({ url: 'https://mine.example/1', title: 'Mine' }));
    // The backup's first article (with an image) claims the id of the library's own article.
    data.articles[0].id = mine.id;
    for (const image of data.images) if (image.articleId === idA) image.articleId = mine.id;
    const result = await importLibrary(target, JSON.stringify(data));
    expect(result.replaced).toBe(0);
    expect(await getArticle(target, mine.id)).toMatchObject({ url: 'https://mine.example/1', title: 'Mine' });
    expect(await target.articles.count()).toBe(3);
    const [imported] = await target.articles
      .where('canonicalUrl')
      .equals('https://news.example/world/nato-kyiv')
      .primaryKeys();
    expect(imported).not.toBe(mine.id);
    expect((await getArticleImages(target, imported)).has('https://img.example/a.png')).toBe(true);
    expect((await getArticleImages(target, mine.id)).size).toBe(0);
  });
});

describe('import rejects bad files and changes nothing', () => {
  async function backupJson(): Promise<Record<string, unknown>> {
    await fill(source);
    return JSON.parse(await (await exportLibrary(source)).text());
  }

  async function expectRejected(file: string, message: RegExp) {
    const existing = await saveArticle(target, articleInput({ url: 'https://keep.example/1' }));
    const before = await snapshot(target);
    const imagesBefore = await target.images.count();
    const attempt = importLibrary(target, file);
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(message);
    expect(await snapshot(target)).toEqual(before);
    expect(await target.images.count()).toBe(imagesBefore);
    expect(await target.search.count()).toBe(1);
    expect(await getArticle(target, existing.id)).toBeDefined();
  }

  test('broken JSON', async () => {
    const text = JSON.stringify(await backupJson());
    await expectRejected(text.slice(0, text.length / 2), /not valid JSON/);
  });

  test('foreign JSON', async () => {
    await expectRejected(JSON.stringify({ bookmarks: [] }), /not a Lede library backup/);
    await expectRejected('[1,2,3]', /not a Lede library backup/);
  });

  test('a newer or missing format version', async () => {
    const data = await backupJson();
    await expectRejected(JSON.stringify({ ...data, version: BACKUP_VERSION + 1 }), /newer version of Lede/);
    await expectRejected(JSON.stringify({ ...data, version: '1' }), /no valid format version/);
  });

  test('partial: the second article lacks a field, so not even the first is imported', async () => {
    const data = await backupJson();
    const articles = data.articles as Record<string, unknown>[];
    delete articles[1].text;
    await expectRejected(JSON.stringify(data), /Article 2 has a missing or invalid "text"/);
  });

  test('wrong types, duplicates and orphan or damaged images', async () => {
    const data = await backupJson();
    const articles = data.articles as Record<string, unknown>[];
    const images = data.images as Record<string, unknown>[];
    await expectRejected(JSON.stringify({ ...data, articles: [{ ...articles[0], read: true }] }), /"read"/);
    await expectRejected(
      JSON.stringify({ ...data, articles: [{ ...articles[0], quotes: [{ text: 1 }] }], images: [] }),
      /"quotes"/,
    );
    await expectRejected(JSON.stringify({ ...data, articles: [articles[0], articles[0]] }), /appears twice/);
    await expectRejected(
      JSON.stringify({ ...data, articles: [articles[1]] }),
      /Image 1 belongs to an article/,
    );
    await expectRejected(
      JSON.stringify({ ...data, images: [{ ...images[0], data: 'not base64!' }] }),
      /Image 1 has a missing or invalid "data"/,
    );
    await expectRejected(JSON.stringify({ ...data, images: undefined }), /incomplete/);
  });

  test('a full disk during import leaves the library as it was', async () => {
    const text = JSON.stringify(await backupJson());
    let full = false;
    // Middleware must be registered before the database opens; it fails only once `full` is set.
    target.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'images') return table;
          return {
            ...table,
            mutate: (req) =>
              full ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : table.mutate(req),
          };
        },
      }),
    });
    const existing = await saveArticle(target, articleInput({ url: 'https://keep.example/1' }));
    full = true;
    await expect(importLibrary(target, text)).rejects.toThrow(/Not enough storage space to import/);
    expect((await target.articles.toArray()).map((a) => a.id)).toEqual([existing.id]);
    expect(await target.search.count()).toBe(1);
  });
});
