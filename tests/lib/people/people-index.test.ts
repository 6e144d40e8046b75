import { afterEach, beforeEach, expect, test } from 'vitest';
import { deleteArticle, restoreArticle, saveArticle } from '@/lib/db/articles';
import { exportLibrary } from '@/lib/db/export-library';
import { importLibrary } from '@/lib/db/import-library';
import type { LedeDB, StoredEntity, StoredQuote } from '@/lib/db/schema';
import { setAnnotations } from '@/lib/db/set-annotations';
import { rebuildPeopleIndex } from '@/lib/people/people-index';
import { findPerson, listPeople, mergePeople, splitPerson } from '@/lib/people/people-queries';
import { articleInput, freshDb } from '../db/fixtures';

let db: LedeDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const stoltenberg: StoredEntity = {
  name: 'Jens Stoltenberg',
  type: 'person',
  aliases: ['Stoltenberg'],
  count: 3,
};
const zelensky: StoredEntity = {
  name: 'Volodymyr Zelensky',
  type: 'person',
  aliases: ['Zelensky'],
  count: 2,
};
const nato: StoredEntity = {
  name: 'North Atlantic Treaty Organization',
  type: 'organization',
  aliases: ['NATO'],
  count: 1,
};
const quote = (text: string, speaker: string, start = 0): StoredQuote => ({
  text,
  speaker,
  start,
  end: start + text.length,
});

function save(n: number, entities: StoredEntity[], quotes: StoredQuote[], day = n) {
  return saveArticle(
    db,
    articleInput(
      {
        url: `https://news.example/story-${n}`,
        publishedTime: `2024-05-${String(day).padStart(2, '0')}T10:00:00Z`,
      },
      { entities, quotes, now: 1_000 * n },
    ),
  );
}

/** The index as rows sorted by key: comparable between incremental updates and a rebuild. */
async function indexState() {
  const [people, mentions] = await Promise.all([db.people.orderBy('key').toArray(), db.mentions.toArray()]);
  return { people: people.map((row) => ({ ...row, names: [...row.names].sort() })), mentions };
}

test('saving indexes quotes, mentions and dates; one identity across spellings', async () => {
  await save(1, [stoltenberg, nato], [quote('We will stand by Ukraine', 'Jens Stoltenberg')], 1);
  await save(
    2,
    [{ ...zelensky, name: 'Volodymyr Zelenskyy' }],
    [quote('Thank you', 'Volodymyr Zelenskyy')],
    3,
  );
  await save(3, [{ name: 'Zelenskiy', type: 'person', aliases: [], count: 1 }, stoltenberg], [], 2);
  const people = await listPeople(db);
  const z = findPerson(people, 'zelensky');
  expect(z).toMatchObject({ quotes: 1, mentions: 3, articles: 2 });
  expect(findPerson(people, 'ZELENSKYY')?.key).toBe(z?.key);
  const s = findPerson(people, 'stoltenberg');
  expect(s).toMatchObject({ name: 'Jens Stoltenberg', quotes: 1, mentions: 6, articles: 2 });
  expect(s?.first).toBe(Date.parse('2024-05-01T10:00:00Z'));
  expect(s?.last).toBe(Date.parse('2024-05-02T10:00:00Z'));
  expect(findPerson(people, 'nato')?.name).toBe('North Atlantic Treaty Organization');
});

test('delete takes an article out of the index (first/last recomputed) and restore puts it back', async () => {
  await save(1, [stoltenberg], [quote('One', 'Jens Stoltenberg')], 1);
  const second = await save(2, [stoltenberg], [quote('Two', 'Jens Stoltenberg')], 9);
  const before = await indexState();
  const deleted = await deleteArticle(db, second.id);
  const after = findPerson(await listPeople(db), 'Jens Stoltenberg');
  expect(after).toMatchObject({ quotes: 1, articles: 1, last: Date.parse('2024-05-01T10:00:00Z') });
  expect(await db.mentions.where('articleId').equals(second.id).count()).toBe(0);
  await restoreArticle(db, deleted as NonNullable<typeof deleted>);
  expect(await indexState()).toEqual(before);
});

test('the last article of a name removes its row', async () => {
  const only = await save(1, [zelensky], []);
  await deleteArticle(db, only.id);
  expect(await db.people.count()).toBe(0);
  expect(await db.mentions.count()).toBe(0);
});

test('re-saving and changing annotations update the index as a rebuild would make it', async () => {
  const a = await save(1, [stoltenberg, zelensky], [quote('First', 'Jens Stoltenberg')]);
  await save(2, [zelensky], [quote('Second', 'Volodymyr Zelensky')]);
  // A re-save with other annotations replaces the article's postings.
  await save(1, [zelensky], [quote('Changed', 'Volodymyr Zelensky')]);
  expect(findPerson(await listPeople(db), 'Stoltenberg')).toBeUndefined();
  expect(await setAnnotations(db, a.id, { entities: [nato], quotes: [quote('A statement', 'NATO')] })).toBe(
    true,
  );
  const people = await listPeople(db);
  expect(findPerson(people, 'NATO')).toMatchObject({ quotes: 1, articles: 1 });
  expect(findPerson(people, 'Zelensky')).toMatchObject({ quotes: 1, articles: 1 });
  const incremental = await indexState();
  await rebuildPeopleIndex(db);
  expect(await indexState()).toEqual(incremental);
});

test('merges and splits survive re-indexing, and export → import', async () => {
  await save(1, [stoltenberg], [quote('One', 'Jens Stoltenberg')]);
  await save(
    2,
    [{ name: 'Stoltenberg', type: 'person', aliases: [], count: 1 }],
    [quote('Two', 'Stoltenberg')],
  );
  await save(3, [{ name: 'The Secretary-General', type: 'person', aliases: [], count: 1 }], []);
  let people = await listPeople(db);
  const jens = findPerson(people, 'Jens Stoltenberg');
  const title = findPerson(people, 'The Secretary-General');
  expect(jens?.quotes).toBe(2);
  if (!jens || !title) throw new Error('both are indexed');
  await mergePeople(db, jens, title);
  await splitPerson(db, 'p:stoltenberg');
  const check = async (target: LedeDB) => {
    const list = await listPeople(target);
    expect(findPerson(list, 'the secretary-general')?.name).toBe('Jens Stoltenberg');
    expect(findPerson(list, 'Jens Stoltenberg')).toMatchObject({ quotes: 1, articles: 2 });
    expect(findPerson(list, 'Stoltenberg')).toMatchObject({ name: 'Stoltenberg', quotes: 1 });
  };
  await check(db);
  await rebuildPeopleIndex(db);
  await check(db);
  const backup = await exportLibrary(db);
  const file = JSON.parse(await backup.text());
  expect(file.peopleMerges).toHaveLength(2);
  expect(file.people.map((p: { name: string }) => p.name).sort()).toEqual([
    'Jens Stoltenberg',
    'Stoltenberg',
  ]);
  const other = freshDb();
  await importLibrary(other, backup);
  await check(other);
  people = await listPeople(other);
  expect(people).toHaveLength(2);
  other.close();
});

test('a backup with a malformed merge list is refused and changes nothing', async () => {
  await save(1, [stoltenberg], []);
  const file = JSON.parse(await (await exportLibrary(db)).text());
  file.peopleMerges = [{ key: 1 }];
  const other = freshDb();
  await expect(importLibrary(other, JSON.stringify(file))).rejects.toThrow(/peopleMerges/);
  expect(await other.people.count()).toBe(0);
  other.close();
});
