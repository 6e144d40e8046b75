import { afterEach, beforeEach, expect, test } from 'vitest';
import { saveArticle } from '@/lib/db/articles';
import type { LedeDB } from '@/lib/db/schema';
import { libraryHistory } from '@/lib/people/library-history';
import { articleInput, freshDb } from '../db/fixtures';

let db: LedeDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const jens = { name: 'Jens Stoltenberg', type: 'person' as const, aliases: ['Stoltenberg'], count: 2 };
const q = (text: string, start: number) => ({
  text,
  speaker: 'Jens Stoltenberg',
  start,
  end: start + text.length,
});

test("a name's saved history leaves out the article being read", async () => {
  const names = [
    { name: 'Stoltenberg', type: 'person' as const },
    { name: 'Nobody Known', type: 'person' as const },
  ];
  expect(await libraryHistory(db, names)).toEqual({});
  await saveArticle(
    db,
    articleInput({ url: 'https://a.example/1' }, { entities: [jens], quotes: [q('One', 0)] }),
  );
  await saveArticle(
    db,
    articleInput({ url: 'https://a.example/2' }, { entities: [jens], quotes: [q('Two', 0), q('Three', 9)] }),
  );
  // Read from a page not saved: everything counts.
  expect(await libraryHistory(db, names, { url: 'https://b.example/new' })).toEqual({
    Stoltenberg: { name: 'Jens Stoltenberg', quotes: 3, articles: 2 },
  });
  // Read from a saved page: its own two quotes are not "more".
  expect(await libraryHistory(db, names, { url: 'https://a.example/2?utm_source=x' })).toEqual({
    Stoltenberg: { name: 'Jens Stoltenberg', quotes: 1, articles: 1 },
  });
  // An organization's name does not find a person.
  expect(await libraryHistory(db, [{ name: 'Jens Stoltenberg', type: 'organization' }])).toEqual({});
});
