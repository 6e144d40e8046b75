/**
 * The page side of scripts/bench/people.ts: bundled and evaluated in an extension page of the built
 * extension (real Chromium IndexedDB, the library's own database). Exposes `globalThis.__ledeBench`.
 */
import Dexie from 'dexie';
import { saveArticle, withDerivedFields } from '../../lib/db/articles';
import { articleSearchRow, DB_NAME, LedeDB, type StoredArticle, splitArticle } from '../../lib/db/schema';
import { foldName } from '../../lib/people/identity';
import { peopleTables, updatePeopleIndex } from '../../lib/people/people-index';
import { entryPostings, findPerson, listPeople } from '../../lib/people/people-queries';
import { touchPeopleSummary } from '../../lib/people/people-summary';
import { LedeDBv3 } from '../../tests/lib/db/v3-schema';
import { makeArticle, makeCorpus, mulberry32 } from './_library-corpus';

const corpus = makeCorpus();
const now = Date.UTC(2026, 10, 28);

/**
 * The library bench's article with the spellings real coverage mixes: some articles name a person
 * by their surname alone, some transliterate it another way (Zelensky / Zelenskyy / Zelenskiy) or
 * drop its accents (Erdoğan / Erdogan).
 */
export function spelledArticle(i: number): StoredArticle {
  const article = makeArticle(corpus, i, now);
  const rand = mulberry32(7_000 + i);
  const renamed = new Map<string, string>();
  for (const entity of article.entities) {
    if (entity.type !== 'person') continue;
    const r = rand();
    const surname = entity.aliases[0];
    let name = entity.name;
    if (r < 0.15 && surname) name = surname;
    else if (r < 0.3) name = name.replace(/y$/, 'yy').replace(/i$/, 'iy');
    else if (r < 0.4) name = name.normalize('NFD').replace(/\p{M}+/gu, '');
    if (name !== entity.name) renamed.set(entity.name, name);
    entity.name = name;
  }
  for (const quote of article.quotes)
    if (quote.speaker && renamed.has(quote.speaker)) quote.speaker = renamed.get(quote.speaker) ?? null;
  return article;
}

/** A v3 library (the schema before the people index) of `count` articles, as an existing user has it. */
async function populateV3(count: number): Promise<{ ms: number; articles: number }> {
  await Dexie.delete(DB_NAME);
  const db = new LedeDBv3(indexedDB, IDBKeyRange, DB_NAME);
  const t0 = performance.now();
  for (let start = 0; start < count; start += 500) {
    const articles: StoredArticle[] = [];
    for (let i = start; i < Math.min(count, start + 500); i++)
      articles.push(withDerivedFields(spelledArticle(i)));
    const split = articles.map(splitArticle);
    await db.transaction('rw', [db.articles, db.bodies, db.search], async () => {
      await db.articles.bulkAdd(split.map((part) => part.row));
      await db.bodies.bulkAdd(split.map((part) => part.body));
      await db.search.bulkAdd(articles.map(articleSearchRow));
    });
  }
  const ms = performance.now() - t0;
  db.close();
  return { ms, articles: count };
}

/** Opens the v3 library with the current schema: the v4 upgrade and its backfill, timed. */
async function upgrade() {
  const db = new LedeDB();
  const t0 = performance.now();
  await db.open();
  const ms = performance.now() - t0;
  const [rows, mentions] = await Promise.all([db.people.count(), db.mentions.count()]);
  const entries = await listPeople(db);
  const people = entries.filter((e) => e.type === 'person');
  const byQuotes = [...people].sort((a, b) => b.quotes - a.quotes);
  // The person whose view is timed: the one with the number of quotes closest to 200.
  const target = [...people].sort((a, b) => Math.abs(a.quotes - 200) - Math.abs(b.quotes - 200))[0];
  db.close();
  return {
    ms,
    indexRows: rows,
    postings: mentions,
    people: people.length,
    organizations: entries.length - people.length,
    peopleWith100Quotes: people.filter((e) => e.quotes >= 100).length,
    mostQuoted: byQuotes.slice(0, 5).map((e) => `${e.name} (${e.quotes})`),
    mergedSpellings: entries.filter((e) => e.keys.length > 1).length,
    target: { name: target.name, quotes: target.quotes, articles: target.articles },
  };
}

/** The People list's data (merges applied, sorted), read from the index. */
async function listOnce(): Promise<number> {
  const db = new LedeDB();
  await db.open();
  const t0 = performance.now();
  const entries = await listPeople(db);
  entries.sort((a, b) => b.quotes - a.quotes);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/** Baseline: the same list from a full scan of the bodies (every entity and quote counted by name). */
async function scanList(): Promise<number> {
  const db = new LedeDB();
  await db.open();
  const t0 = performance.now();
  const counts = new Map<string, { quotes: number; mentions: number }>();
  await db.bodies.each((body) => {
    for (const entity of body.entities) {
      if (entity.type === 'place') continue;
      const key = foldName(entity.name);
      const row = counts.get(key) ?? { quotes: 0, mentions: 0 };
      row.mentions += entity.count;
      counts.set(key, row);
    }
    for (const quote of body.quotes) {
      const row = quote.speaker ? counts.get(foldName(quote.speaker)) : undefined;
      if (row) row.quotes += 1;
    }
  });
  [...counts].sort((a, b) => b[1].quotes - a[1].quotes);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/** One person's quotes from the index (entry, postings) and, as the baseline, from a full scan of the bodies. */
async function personData(
  name: string,
): Promise<{ index: number; scan: number; quotes: number; scanned: number }> {
  const db = new LedeDB();
  await db.open();
  const t0 = performance.now();
  const entry = findPerson(await listPeople(db), name);
  const postings = entry ? await entryPostings(db, entry) : [];
  const index = performance.now() - t0;
  const names = new Set(entry?.names ?? [foldName(name)]);
  const s0 = performance.now();
  let scanned = 0;
  await db.bodies.each((body) => {
    for (const quote of body.quotes) if (quote.speaker && names.has(foldName(quote.speaker))) scanned++;
  });
  const scan = performance.now() - s0;
  db.close();
  return { index, scan, quotes: postings.reduce((n, p) => n + p.quotes.length, 0), scanned };
}

/**
 * What indexing adds to a save, per round on new articles: a whole save (article, body, search,
 * people index, one transaction); the people index step alone in its own transaction; and an
 * empty transaction over the index tables (the part of the step that is only transaction overhead).
 */
async function saveCost(rounds: number) {
  const db = new LedeDB();
  await db.open();
  const save: number[] = [];
  const indexStep: number[] = [];
  const emptyTx: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = spelledArticle(30_000 + r);
    const t0 = performance.now();
    await saveArticle(db, {
      article: { ...a, url: `${a.url}-saved`, textContent: a.text, canonicalUrl: null },
      html: a.html,
      quotes: a.quotes,
      entities: a.entities,
    });
    save.push(performance.now() - t0);
    const b = { ...spelledArticle(40_000 + r), id: `bench-index-${r}` };
    const i0 = performance.now();
    await db.transaction('rw', peopleTables(db), () => updatePeopleIndex(db, [], [b]));
    indexStep.push(performance.now() - i0);
    const e0 = performance.now();
    await db.transaction('rw', peopleTables(db), () => db.people.get('none'));
    emptyTx.push(performance.now() - e0);
  }
  // Take the index-only entries out again (they have no article).
  await db.transaction('rw', peopleTables(db), () =>
    updatePeopleIndex(
      db,
      Array.from({ length: rounds }, (_, r) => `bench-index-${r}`),
    ),
  );
  db.close();
  return { save, indexStep, emptyTx };
}

/** A change to the people index as far as the views can tell: the kept first screens are dropped. */
async function touchSummary(): Promise<void> {
  const db = new LedeDB();
  await db.transaction('rw', db.peopleSummary, () => touchPeopleSummary(db));
  db.close();
}

(globalThis as unknown as { __ledeBench: unknown }).__ledeBench = {
  touchSummary,
  populateV3,
  upgrade,
  listOnce,
  scanList,
  personData,
  saveCost,
};
