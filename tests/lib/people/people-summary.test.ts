import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test, vi } from 'vitest';
import { visiblePeople } from '@/components/library/people-list';
import { peopleListSummary, personSummary, readPerson } from '@/components/library/people-source';
import { deleteArticle, restoreArticle, saveArticle } from '@/lib/db/articles';
import { exportLibrary } from '@/lib/db/export-library';
import { importLibrary } from '@/lib/db/import-library';
import { LedeDB, type StoredEntity, type StoredQuote } from '@/lib/db/schema';
import { setAnnotations } from '@/lib/db/set-annotations';
import { articlePostings, peopleRows } from '@/lib/people/article-postings';
import { rebuildPeopleIndex } from '@/lib/people/people-index';
import { findPerson, listPeople, mergePeople, splitPerson } from '@/lib/people/people-queries';
import { type PeopleBoot, readPeopleBoot, writePeopleSummary } from '@/lib/people/people-snapshot';
import { FIRST_QUOTES, FIRST_ROWS, firstQuoteGroups, personSummaryKey } from '@/lib/people/people-summary';
import { resolvePeople } from '@/lib/people/resolve';
import { articleInput } from '../db/fixtures';
import { LedeDBv5 } from '../db/v5-schema';
import { person, quote } from './annotation-fixtures';

function input(n: number, entities: StoredEntity[], quotes: StoredQuote[]) {
  return articleInput(
    { url: `https://news.example/story-${n}`, title: `Story ${n}`, publishedTime: `2024-05-0${n}T10:00:00Z` },
    { entities, quotes, now: 1000 * n },
  );
}

let factory: IDBFactory;
beforeEach(() => {
  // The views' bare reads use the page's indexedDB: the test's fresh one.
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  vi.stubGlobal('IDBKeyRange', IDBKeyRange);
});

const jens = person('Jens Stoltenberg', ['Stoltenberg'], 3);
const zelensky = person('Volodymyr Zelensky', ['Zelensky'], 2);

async function library(factory: IDBFactory) {
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  const a = await saveArticle(db, input(1, [jens, zelensky], [quote('One', 'Jens Stoltenberg', 0)]));
  const b = await saveArticle(
    db,
    input(2, [jens], [quote('Two', 'Stoltenberg', 0), quote('Three', 'Jens Stoltenberg', 9)]),
  );
  await saveArticle(
    db,
    input(3, [person('Stoltenberg'), zelensky], [quote('Four', 'Volodymyr Zelensky', 0)]),
  );
  return { db, a, b };
}

/** What the boot script reads for `key`: the kept first screen, or (null) the whole index. */
async function kept(factory: IDBFactory, key: 'list' | `person:${string}`) {
  const boot = (await readPeopleBoot(key, factory)) as PeopleBoot;
  return 'summary' in boot ? boot.summary : null;
}

/** Keeps the People list's and Stoltenberg's first screens, as the views do after their full read. */
async function keepFirstScreens(factory: IDBFactory) {
  const boot = (await readPeopleBoot('list', factory)) as PeopleBoot;
  if (!('snapshot' in boot)) throw new Error('nothing kept yet');
  const { rows, merges, token } = boot.snapshot;
  expect(await writePeopleSummary(peopleListSummary(resolvePeople(rows, merges), token), factory)).toBe(true);
  const found = await readPerson('stoltenberg', boot.snapshot);
  if (!found.entry || found.token === undefined) throw new Error('found');
  const row = personSummary('stoltenberg', found.entry, found.groups, found.token);
  expect(await writePeopleSummary(row, factory)).toBe(true);
}

test('a v5 library opens at v6 with its index intact and an empty first-screen cache, which then fills', async () => {
  const v5 = new LedeDBv5(factory, IDBKeyRange);
  // A v5 library as v5 wrote it: article, body and index rows.
  const saved = new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });
  const { id } = await saveArticle(saved, input(1, [jens], [quote('One', 'Jens Stoltenberg', 0)]));
  const full = await saved.articles.get(id);
  const body = await saved.bodies.get(id);
  saved.close();
  if (!full || !body) throw new Error('saved');
  const postings = articlePostings({ ...full, ...body });
  await v5.articles.add(full as never);
  await v5.bodies.add(body as never);
  await v5.mentions.bulkAdd(postings as never[]);
  await v5.people.bulkAdd(peopleRows(postings) as never[]);
  await v5.peopleMerges.add({ key: 'p:stoltenberg', into: 'p:stoltenberg' });
  v5.close();
  // The bare read never upgrades: a v5 library has no cache to read yet.
  expect(await readPeopleBoot('list', factory)).toBeNull();

  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(6);
  expect(await db.peopleSummary.count()).toBe(0);
  expect(findPerson(await listPeople(db), 'Jens Stoltenberg')).toMatchObject({ quotes: 1, articles: 1 });
  expect(await db.peopleMerges.toArray()).toEqual([{ key: 'p:stoltenberg', into: 'p:stoltenberg' }]);
  expect(await kept(factory, 'list')).toBeNull();
  await keepFirstScreens(factory);
  const list = await kept(factory, 'list');
  expect(list?.key === 'list' && list.people.map((e) => e.name)).toEqual(['Jens Stoltenberg']);
  db.close();
});

test('the kept first screens are what the full read shows first', async () => {
  const { db } = await library(factory);
  await keepFirstScreens(factory);
  const entries = await listPeople(db);
  const list = await kept(factory, 'list');
  if (list?.key !== 'list') throw new Error('list kept');
  expect(list.people).toEqual(visiblePeople(entries, 'person', '', 'quotes').slice(0, FIRST_ROWS));
  expect(list.people.map((e) => [e.name, e.quotes])).toEqual([
    ['Jens Stoltenberg', 3],
    ['Volodymyr Zelensky', 1],
  ]);
  const view = await kept(factory, personSummaryKey('STOLTENBERG'));
  const full = await readPerson('Stoltenberg');
  if (!view || view.key === 'list' || !full.entry) throw new Error('person kept');
  expect(view.entry).toEqual(full.entry);
  expect(view.groups).toEqual(firstQuoteGroups(full.groups));
  expect(view.groups.flatMap((g) => g.quotes.map((q) => q.text))).toEqual(['Two', 'Three', 'One']);
  db.close();
});

test('first quote groups: the newest groups with quotes, cut at the limit', () => {
  const source = {
    id: 'a',
    title: 'T',
    url: 'https://x.example/',
    siteName: null,
    site: 'x.example',
    publishedTime: null,
  };
  const q = (start: number) => ({ text: `q${start}`, start, end: start + 1 });
  const groups = [
    { article: source, seen: 3, quotes: [q(1), q(2)], mentions: 1 },
    { article: { ...source, id: 'b' }, seen: 2, quotes: [], mentions: 4 },
    {
      article: { ...source, id: 'c' },
      seen: 1,
      quotes: Array.from({ length: FIRST_QUOTES }, (_, i) => q(i)),
      mentions: 1,
    },
  ];
  const first = firstQuoteGroups(groups);
  expect(first.map((g) => g.article.id)).toEqual(['a', 'c']);
  expect(first.reduce((n, g) => n + g.quotes.length, 0)).toBe(FIRST_QUOTES);
  expect(first[1].quotes).toEqual(groups[2].quotes.slice(0, FIRST_QUOTES - 2));
});

test('every change to the index or the merges drops the kept first screens', async () => {
  const { db, a, b } = await library(factory);
  const changes: [string, () => Promise<unknown>][] = [
    ['save', () => saveArticle(db, input(4, [jens], [quote('Five', 'Jens Stoltenberg', 0)]))],
    ['annotations', () => setAnnotations(db, a.id, { entities: [zelensky], quotes: [] })],
    [
      'delete and restore',
      async () => {
        const deleted = await deleteArticle(db, b.id);
        await keepFirstScreens(factory);
        if (deleted) await restoreArticle(db, deleted);
      },
    ],
    [
      'merge',
      async () => {
        const entries = await listPeople(db);
        const [into, from] = [findPerson(entries, 'Jens Stoltenberg'), findPerson(entries, 'Zelensky')];
        if (into && from) await mergePeople(db, into, from);
      },
    ],
    ['split', () => splitPerson(db, 'p:stoltenberg')],
    ['rebuild', () => rebuildPeopleIndex(db)],
    [
      'import',
      async () => {
        const backup = await exportLibrary(db);
        await importLibrary(db, backup);
      },
    ],
  ];
  for (const [what, change] of changes) {
    await keepFirstScreens(factory);
    expect(await kept(factory, 'list'), what).not.toBeNull();
    await change();
    expect(await kept(factory, 'list'), what).toBeNull();
    expect(await kept(factory, personSummaryKey('stoltenberg')), what).toBeNull();
    expect(
      (await db.peopleSummary.toArray()).map((row) => row.key),
      what,
    ).toEqual(['gen']);
  }
  db.close();
});

test('a first screen computed from a read made before a change is not kept', async () => {
  const { db } = await library(factory);
  const before = (await readPeopleBoot('list', factory)) as PeopleBoot;
  if (!('snapshot' in before)) throw new Error('nothing kept yet');
  await saveArticle(db, input(5, [person('Olaf Scholz')], [quote('Later', 'Olaf Scholz', 0)]));
  const stale = peopleListSummary(
    resolvePeople(before.snapshot.rows, before.snapshot.merges),
    before.snapshot.token,
  );
  expect(await writePeopleSummary(stale, factory)).toBe(false);
  expect(await kept(factory, 'list')).toBeNull();
  db.close();
});
