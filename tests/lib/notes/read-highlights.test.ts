import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { saveArticle } from '@/lib/db/articles';
import { LedeDB } from '@/lib/db/schema';
import { listHighlights } from '@/lib/notes/highlights-db';
import { firstScreenHighlights, MIN_ENTRY_HEIGHT, readAllHighlights } from '@/lib/notes/read-highlights';
import type { StoredHighlight } from '@/lib/notes/stored-highlight';
import { describeQuote } from '@/lib/notes/text-quote';
import { articleInput } from '../db/fixtures';

const TEXT = 'NATO Secretary-General Jens Stoltenberg met Volodymyr Zelensky in Kyiv.';
const getAllRecords = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords');
afterEach(() => {
  if (getAllRecords) Object.defineProperty(IDBIndex.prototype, 'getAllRecords', getAllRecords);
});

/**
 * 30 highlights over 3 articles whose ids do not follow their creation times (as imported ones
 * keep theirs), with ties in creation time: only the `createdAt` index gives the newest first.
 */
async function library(): Promise<{
  factory: IDBFactory;
  expected: Awaited<ReturnType<typeof listHighlights>>;
}> {
  const factory = new IDBFactory();
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  const articles: string[] = [];
  for (const n of [1, 2, 3])
    articles.push(
      (await saveArticle(db, articleInput({ url: `https://news.example/${n}`, title: `T${n}` }))).id,
    );
  const rows: StoredHighlight[] = Array.from({ length: 30 }, (_, i) => ({
    ...describeQuote(TEXT, i, i + 10),
    id: `h-${String((i * 7) % 30).padStart(2, '0')}`,
    articleId: articles[i % 3],
    note: i % 2 ? `note ${i}` : '',
    orphaned: 0,
    createdAt: 1000 + Math.floor(i / 3),
    updatedAt: 1000,
  }));
  await db.highlights.bulkAdd(rows);
  const expected = await listHighlights(db);
  db.close();
  return { factory, expected };
}

test('the first screen read is the head of the full list, ties and imported ids included', async () => {
  const { factory, expected } = await library();
  expect(expected.map((h) => h.createdAt)).toEqual(
    [...expected.map((h) => h.createdAt)].sort((a, b) => b - a),
  );
  expect(await readAllHighlights(factory)).toEqual({ entries: expected, complete: true });
  for (const limit of [1, 5, 12, 29])
    expect(await readAllHighlights(factory, undefined, limit)).toEqual({
      entries: expected.slice(0, limit),
      complete: false,
    });
  expect(await readAllHighlights(factory, undefined, 30)).toEqual({ entries: expected, complete: true });
});

test('without getAllRecords (older browsers) a backwards cursor reads the same first screen', async () => {
  const { factory, expected } = await library();
  Object.defineProperty(IDBIndex.prototype, 'getAllRecords', { value: undefined, configurable: true });
  expect(await readAllHighlights(factory, undefined, 7)).toEqual({
    entries: expected.slice(0, 7),
    complete: false,
  });
  expect(await readAllHighlights(factory, undefined, 40)).toEqual({ entries: expected, complete: true });
});

test('the first read fills the window: an entry is at least MIN_ENTRY_HEIGHT tall', () => {
  expect(firstScreenHighlights(720)).toBe(Math.ceil(720 / MIN_ENTRY_HEIGHT) + 2);
  expect(firstScreenHighlights(720) * MIN_ENTRY_HEIGHT).toBeGreaterThan(720);
  expect(firstScreenHighlights(2000)).toBeGreaterThan(firstScreenHighlights(720));
});

test('an empty library reads as no highlights, complete; a library without highlights table as null', async () => {
  const factory = new IDBFactory();
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  await db.open();
  db.close();
  expect(await readAllHighlights(factory, undefined, 12)).toEqual({ entries: [], complete: true });
  expect(await readAllHighlights(new IDBFactory(), undefined, 12)).toBeNull();
});
