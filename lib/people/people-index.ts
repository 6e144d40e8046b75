import Dexie, { type Transaction } from 'dexie';
import type { ArticleRow, LedeDB, StoredArticle } from '../db/schema';
import {
  applyPosting,
  articlePostings,
  emptyRow,
  type PeopleRow,
  type Posting,
  peopleRows,
} from './article-postings';
import { touchPeopleSummary } from './people-summary';

/** What indexing needs of an article: its id, dates and annotations. */
export type IndexedArticle = Pick<StoredArticle, 'id' | 'publishedTime' | 'savedAt' | 'quotes' | 'entities'>;

/** The index tables (and its first-screen cache), for the callers' transactions. */
export function peopleTables(db: LedeDB) {
  return [db.mentions, db.people, db.peopleSummary];
}

function postingKey(posting: Posting): [string, string] {
  return [posting.articleId, posting.key];
}

/** The first and last time a key was seen, from its postings still in the index. */
async function seenRange(db: LedeDB, key: string): Promise<{ first: number; last: number } | undefined> {
  const range = db.mentions.where('[key+seen]').between([key, Dexie.minKey], [key, Dexie.maxKey]);
  const [first, last] = await Promise.all([range.first(), range.clone().last()]);
  return first && last ? { first: first.seen, last: last.seen } : undefined;
}

/**
 * Brings the people index up to date for articles that were removed (`removedIds`) and/or
 * written (`articles`, whose old postings are replaced): postings rewritten, each affected
 * people row adjusted by the difference, first/last seen recomputed from the index where a
 * removed posting was at the edge. Runs inside the caller's transaction (it must include
 * `peopleTables(db)`), so an article and its index entries are written or rolled back together.
 */
export async function updatePeopleIndex(
  db: LedeDB,
  removedIds: readonly string[],
  articles: readonly IndexedArticle[] = [],
): Promise<void> {
  const ids = [...new Set([...removedIds, ...articles.map((article) => article.id)])];
  const old = ids.length ? await db.mentions.where('articleId').anyOf(ids).toArray() : [];
  const fresh = articles.flatMap(articlePostings);
  if (old.length === 0 && fresh.length === 0) return;
  const keys = [...new Set([...old, ...fresh].map((posting) => posting.key))];
  const stored = await db.people.bulkGet(keys);
  const rows = new Map<string, PeopleRow>();
  stored.forEach((row) => {
    if (row) rows.set(row.key, row);
  });
  const edges = new Set<string>();
  for (const posting of old) {
    const row = rows.get(posting.key);
    if (!row) continue;
    applyPosting(row, posting, -1);
    if (posting.seen <= row.first || posting.seen >= row.last) edges.add(posting.key);
  }
  for (const posting of fresh) {
    let row = rows.get(posting.key);
    if (!row) {
      row = emptyRow(posting);
      rows.set(posting.key, row);
    }
    applyPosting(row, posting, 1);
  }
  await db.mentions.bulkDelete(old.map(postingKey));
  await db.mentions.bulkPut(fresh);
  const gone = [...rows.values()].filter((row) => row.articles <= 0).map((row) => row.key);
  for (const key of edges) {
    const row = rows.get(key);
    const range = row && row.articles > 0 ? await seenRange(db, key) : undefined;
    if (row && range) Object.assign(row, range);
  }
  await db.people.bulkDelete(gone);
  await db.people.bulkPut([...rows.values()].filter((row) => row.articles > 0));
  await touchPeopleSummary(db);
}

/** Postings of every article in the given tables, read one article at a time. */
async function allPostings(
  articles: Dexie.Table<ArticleRow, string>,
  bodies: Dexie.Table<Pick<StoredArticle, 'id' | 'quotes' | 'entities'>, string>,
): Promise<Posting[]> {
  const dates = new Map<string, Pick<ArticleRow, 'publishedTime' | 'savedAt'>>();
  await articles.each((row) => {
    dates.set(row.id, { publishedTime: row.publishedTime, savedAt: row.savedAt });
  });
  const postings: Posting[] = [];
  await bodies.each((body) => {
    const date = dates.get(body.id);
    if (date) postings.push(...articlePostings({ ...date, ...body }));
  });
  return postings;
}

/**
 * Fills the index from every saved article: the schema v4 upgrade's backfill, inside the
 * browser's one upgrade transaction (it completes, or the database stays at v3).
 */
export async function backfillPeople(tx: Transaction): Promise<void> {
  const postings = await allPostings(tx.table('articles'), tx.table('bodies'));
  await tx.table('mentions').bulkPut(postings);
  await tx.table('people').bulkPut(peopleRows(postings));
}

/**
 * Throws the index away and builds it again from the articles. The reader's merges and splits
 * are kept (they are keyed by name, not by what the index held).
 */
export async function rebuildPeopleIndex(db: LedeDB): Promise<void> {
  await db.transaction('rw', [db.articles, db.bodies, ...peopleTables(db)], async () => {
    await db.mentions.clear();
    await db.people.clear();
    const postings = await allPostings(db.articles, db.bodies);
    await db.mentions.bulkPut(postings);
    await db.people.bulkPut(peopleRows(postings));
    await touchPeopleSummary(db);
  });
}
