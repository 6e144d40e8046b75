import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { deleteArticle, restoreArticle, saveArticle } from '@/lib/db/articles';
import { LedeDB } from '@/lib/db/schema';
import {
  addHighlight,
  articleHighlights,
  deleteHighlight,
  highlightCounts,
  listHighlights,
  reanchor,
  reanchorArticle,
  restoreHighlight,
  setHighlightNote,
} from '@/lib/notes/highlights-db';
import { readAllHighlights } from '@/lib/notes/read-highlights';
import { searchHighlights } from '@/lib/notes/search-highlights';
import { describeQuote } from '@/lib/notes/text-quote';
import { articleInput, freshDb } from '../db/fixtures';
import { LedeDBv3 } from '../db/v3-schema';

const TEXT =
  'NATO Secretary-General Jens Stoltenberg met Volodymyr Zelensky in Kyiv.\n\nThe alliance pledged support.';

function selector(snippet: string, text = TEXT) {
  const at = text.indexOf(snippet);
  return describeQuote(text, at, at + snippet.length);
}

describe('highlights storage', () => {
  test('add, note, list newest first with the article title, count, delete and undo', async () => {
    const db = freshDb();
    const { id } = await saveArticle(db, articleInput());
    const a = await addHighlight(db, { articleId: id, selector: selector('Jens Stoltenberg'), now: 1000 });
    const b = await addHighlight(db, { articleId: id, selector: selector('pledged support'), now: 2000 });
    expect(await setHighlightNote(db, a.id, 'Check his title')).toBe(true);
    const listed = await listHighlights(db);
    expect(listed.map((h) => h.id)).toEqual([b.id, a.id]);
    expect(listed[1]).toMatchObject({ note: 'Check his title', articleTitle: 'Stoltenberg visits Kyiv' });
    expect((await highlightCounts(db, [id, 'other'])).get(id)).toBe(2);
    expect((await highlightCounts(db, [id, 'other'])).get('other')).toBe(0);
    const gone = await deleteHighlight(db, a.id);
    expect((await articleHighlights(db, id)).map((h) => h.id)).toEqual([b.id]);
    await restoreHighlight(db, gone as NonNullable<typeof gone>);
    expect((await articleHighlights(db, id)).map((h) => h.exact)).toEqual([
      'Jens Stoltenberg',
      'pledged support',
    ]);
    expect(await setHighlightNote(db, 'missing', 'x')).toBe(false);
  });

  test('deleting an article takes its highlights with it, and undo brings them back', async () => {
    const db = freshDb();
    const { id } = await saveArticle(db, articleInput());
    await addHighlight(db, { articleId: id, selector: selector('Kyiv'), note: 'n' });
    const deleted = await deleteArticle(db, id);
    expect(await db.highlights.count()).toBe(0);
    expect(await restoreArticle(db, deleted as NonNullable<typeof deleted>)).toBe(true);
    expect((await articleHighlights(db, id)).map((h) => h.note)).toEqual(['n']);
  });

  test('re-anchoring after the text changed moves highlights, and orphans what is gone without dropping it', async () => {
    const db = freshDb();
    const { id } = await saveArticle(db, articleInput());
    const moved = await addHighlight(db, { articleId: id, selector: selector('pledged support') });
    const lost = await addHighlight(db, {
      articleId: id,
      selector: selector('met Volodymyr Zelensky in Kyiv'),
    });
    const newText = 'Updated: the alliance pledged support on Monday.';
    const changed = await reanchorArticle(db, id, newText);
    expect(changed.length).toBe(2);
    const [a, b] = [await db.highlights.get(moved.id), await db.highlights.get(lost.id)];
    expect(newText.slice(a?.start, a?.end)).toBe('pledged support');
    expect(a?.orphaned).toBe(0);
    expect(b?.orphaned).toBe(1);
    expect(b?.exact).toBe('met Volodymyr Zelensky in Kyiv');
    // Back to the old text: the orphan anchors again.
    await reanchorArticle(db, id, TEXT);
    expect((await db.highlights.get(lost.id))?.orphaned).toBe(0);
  });

  test('reanchor reports nothing for highlights still in place', () => {
    const h = {
      ...selector('Kyiv'),
      id: 'x',
      articleId: 'a',
      note: '',
      orphaned: 0 as const,
      createdAt: 1,
      updatedAt: 1,
    };
    expect(reanchor(TEXT, [h])).toEqual([]);
  });

  test('search matches every word in the quote, the note or the title, accents folded', () => {
    const entries = [
      { exact: 'Jens Stoltenberg', note: 'Zürich meeting', articleTitle: 'A' },
      { exact: 'pledged support', note: '', articleTitle: 'Kyïv visit' },
    ];
    expect(searchHighlights(entries, 'zurich jens')).toEqual([entries[0]]);
    expect(searchHighlights(entries, 'kyiv')).toEqual([entries[1]]);
    expect(searchHighlights(entries, '  ')).toEqual(entries);
    expect(searchHighlights(entries, 'nothing')).toEqual([]);
  });
});

test('a v3 database upgrades to v5 with an empty highlights table and every article kept', async () => {
  const factory = new IDBFactory();
  const v3 = new LedeDBv3(factory, IDBKeyRange);
  const id = '000000001-abcdef';
  await v3.articles.add({
    id,
    url: 'https://news.example/1',
    canonicalUrl: 'https://news.example/1',
    urlKeys: ['https://news.example/1'],
    title: 'One',
    byline: null,
    siteName: null,
    site: 'news.example',
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    wordCount: 1,
    readingMinutes: 1,
    entityKeys: [],
    tags: [],
    read: 0,
    archived: 0,
    favorite: 0,
    readingPosition: 0.25,
    savedAt: 1,
    updatedAt: 1,
    images: { total: 0, saved: 0, failed: [] },
  });
  await v3.bodies.add({ id, html: '<p>x</p>', text: 'x', quotes: [], entities: [] });
  v3.close();
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(6);
  expect(await db.articles.get(id)).toMatchObject({ readingPosition: 0.25 });
  expect(await db.highlights.count()).toBe(0);
  const h = await addHighlight(db, { articleId: id, selector: describeQuote('x', 0, 1) });
  expect(await db.highlights.where('articleId').equals(id).primaryKeys()).toEqual([h.id]);
});

test('the bare IndexedDB read of the Highlights view gives what listHighlights gives; null without a library', async () => {
  const factory = new IDBFactory();
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  const { id } = await saveArticle(db, articleInput());
  for (const [s, now] of [
    ['Jens', 3],
    ['Kyiv', 1],
    ['NATO', 2],
  ] as const)
    await addHighlight(db, { articleId: id, selector: selector(s), note: s, now });
  const expected = await listHighlights(db);
  db.close();
  const read = await readAllHighlights(factory);
  expect(read).toEqual({ entries: expected, complete: true });
  expect(read?.entries.map((h) => h.exact)).toEqual(['Jens', 'NATO', 'Kyiv']);
  // Only the newest highlight, with its title: the rest come in a second read.
  const other = new LedeDB({ indexedDB: factory, IDBKeyRange });
  const second = await saveArticle(other, articleInput({ url: 'https://news.example/two', title: 'Two' }));
  await addHighlight(other, { articleId: second.id, selector: selector('NATO'), now: 9 });
  other.close();
  const partial = await readAllHighlights(factory, undefined, 1);
  expect(partial?.complete).toBe(false);
  expect(partial?.entries.map((h) => [h.exact, h.articleTitle])).toEqual([['NATO', 'Two']]);
  expect((await readAllHighlights(factory, undefined, 4))?.complete).toBe(true);
  expect(await readAllHighlights(new IDBFactory())).toBeNull();
  expect(await readAllHighlights(undefined)).toBeNull();
});
