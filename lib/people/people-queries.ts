import Dexie from 'dexie';
import type { LedeDB } from '../db/schema';
import type { Posting } from './article-postings';
import { groupPostings, newestFirst, type QuoteGroup } from './find-person';
import { touchPeopleSummary } from './people-summary';
import { type PersonEntry, resolvePeople } from './resolve';

export { findPerson, type QuoteGroup, type QuoteSource } from './find-person';

/** Every person and organization of the library (merges applied), unsorted. */
export async function listPeople(db: LedeDB): Promise<PersonEntry[]> {
  const [rows, merges] = await db.transaction('r', db.people, db.peopleMerges, () =>
    Promise.all([db.people.toArray(), db.peopleMerges.toArray()]),
  );
  return resolvePeople(rows, merges);
}

/** The postings of an entry, newest first. */
export async function entryPostings(db: LedeDB, entry: Pick<PersonEntry, 'keys'>): Promise<Posting[]> {
  const lists = await Promise.all(
    entry.keys.map((key) =>
      db.mentions.where('[key+seen]').between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray(),
    ),
  );
  return lists.flat().sort(newestFirst);
}

/** An entry's articles with their quotes, newest first (see `groupPostings`). */
export async function personQuoteGroups(db: LedeDB, postings: Posting[]): Promise<QuoteGroup[]> {
  const rows = await db.articles.bulkGet([...new Set(postings.map((p) => p.articleId))]);
  return groupPostings(postings, rows);
}

/** A name mentioned alongside an entry, with the number of articles they share. */
export interface CoMention {
  name: string;
  type: PersonEntry['type'];
  articles: number;
}

/**
 * The people and organizations most often in the same articles as `entry` (over its newest
 * `limit` articles), and the outlets those articles come from.
 */
export async function personCompany(
  db: LedeDB,
  entry: PersonEntry,
  entries: PersonEntry[],
  groups: QuoteGroup[],
  top = 8,
): Promise<{ people: CoMention[]; outlets: { name: string; articles: number }[] }> {
  const ids = groups.slice(0, 300).map((group) => group.article.id);
  const postings = ids.length ? await db.mentions.where('articleId').anyOf(ids).toArray() : [];
  const entryOf = new Map<string, PersonEntry>();
  for (const e of entries) for (const key of e.keys) entryOf.set(key, e);
  const counts = new Map<PersonEntry, Set<string>>();
  for (const posting of postings) {
    const other = entryOf.get(posting.key);
    if (!other || other.key === entry.key) continue;
    const set = counts.get(other) ?? new Set<string>();
    set.add(posting.articleId);
    counts.set(other, set);
  }
  const people = [...counts]
    .map(([e, set]) => ({ name: e.name, type: e.type, articles: set.size }))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
    .slice(0, top);
  const outletCounts = new Map<string, number>();
  for (const group of groups) {
    const name = group.article.siteName || group.article.site;
    outletCounts.set(name, (outletCounts.get(name) ?? 0) + 1);
  }
  const outlets = [...outletCounts]
    .map(([name, articles]) => ({ name, articles }))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
    .slice(0, top);
  return { people, outlets };
}

/** Merges entry `from` into entry `into` by hand: every key of `from` now belongs to `into`. */
export async function mergePeople(db: LedeDB, into: PersonEntry, from: PersonEntry): Promise<void> {
  await db.transaction('rw', db.peopleMerges, db.peopleSummary, async () => {
    await db.peopleMerges.bulkPut(from.keys.map((key) => ({ key, into: into.key })));
    await touchPeopleSummary(db);
  });
}

/** Splits one key off its entry by hand: it stands alone, and no automatic rule joins it again. */
export async function splitPerson(db: LedeDB, key: string): Promise<void> {
  await db.transaction('rw', db.peopleMerges, db.peopleSummary, async () => {
    await db.peopleMerges.put({ key, into: key });
    await touchPeopleSummary(db);
  });
}
