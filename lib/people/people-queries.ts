import Dexie from 'dexie';
import type { ArticleRow, LedeDB } from '../db/schema';
import type { Posting, PostingQuote } from './article-postings';
import { foldName, identityKey, isSurnameOnly, surnameKey } from './identity';
import { type PersonEntry, resolvePeople } from './resolve';

/** Every person and organization of the library (merges applied), unsorted. */
export async function listPeople(db: LedeDB): Promise<PersonEntry[]> {
  const [rows, merges] = await db.transaction('r', db.people, db.peopleMerges, () =>
    Promise.all([db.people.toArray(), db.peopleMerges.toArray()]),
  );
  return resolvePeople(rows, merges);
}

function score(entry: PersonEntry): number {
  return entry.quotes * 2 + entry.mentions;
}

/**
 * The entry a name points to (`library.html?person=<name>`): its name or any alias, case- and
 * accent-insensitive (the name before an alias), then the same identity under the transliteration
 * rules. The most quoted
 * and mentioned wins when several answer.
 */
export function findPerson(entries: PersonEntry[], name: string): PersonEntry | undefined {
  const folded = foldName(name);
  if (!folded) return undefined;
  const best = (list: PersonEntry[]) => list.sort((a, b) => score(b) - score(a))[0];
  const named = entries.filter((e) => foldName(e.name) === folded);
  if (named.length) return best(named);
  const aliased = entries.filter((e) => e.names.includes(folded));
  if (aliased.length) return best(aliased);
  const keys = new Set([identityKey(name, 'person'), identityKey(name, 'organization')]);
  const keyed = entries.filter((e) => e.keys.some((key) => keys.has(key)));
  if (keyed.length || !isSurnameOnly(name)) return best(keyed);
  // A bare surname finds the one person with that surname; shared by several, it finds none.
  const surname = surnameKey(name);
  const people = entries.filter(
    (e) => e.type === 'person' && e.members.some((m) => surnameKey(m.name) === surname),
  );
  return people.length === 1 ? people[0] : undefined;
}

/** The saved article a quote group comes from: what the person view shows of it. */
export type QuoteSource = Pick<ArticleRow, 'id' | 'title' | 'url' | 'siteName' | 'site' | 'publishedTime'>;

/** One article's quotes by a person (or the mentions alone when it quotes them not). */
export interface QuoteGroup {
  article: QuoteSource;
  seen: number;
  quotes: PostingQuote[];
  mentions: number;
}

/** The postings of an entry, newest first. */
export async function entryPostings(db: LedeDB, entry: Pick<PersonEntry, 'keys'>): Promise<Posting[]> {
  const lists = await Promise.all(
    entry.keys.map((key) =>
      db.mentions.where('[key+seen]').between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray(),
    ),
  );
  return lists.flat().sort((a, b) => b.seen - a.seen || (a.articleId < b.articleId ? 1 : -1));
}

/**
 * An entry's articles, newest first, each with its quotes (in text order) and mentions: one group
 * per article even when it spells the name two ways.
 */
export async function personQuoteGroups(db: LedeDB, postings: Posting[]): Promise<QuoteGroup[]> {
  const byArticle = new Map<string, QuoteGroup>();
  const rows = await db.articles.bulkGet([...new Set(postings.map((p) => p.articleId))]);
  const articles = new Map(rows.filter((r): r is ArticleRow => !!r).map((r) => [r.id, r]));
  for (const posting of postings) {
    const row = articles.get(posting.articleId);
    if (!row) continue;
    let group = byArticle.get(row.id);
    if (!group) {
      const { id, title, url, siteName, site, publishedTime } = row;
      group = {
        article: { id, title, url, siteName, site, publishedTime },
        seen: posting.seen,
        quotes: [],
        mentions: 0,
      };
      byArticle.set(row.id, group);
    }
    group.quotes.push(...posting.quotes);
    group.mentions += posting.mentions;
  }
  for (const group of byArticle.values()) group.quotes.sort((a, b) => a.start - b.start);
  return [...byArticle.values()];
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
  await db.peopleMerges.bulkPut(from.keys.map((key) => ({ key, into: into.key })));
}

/** Splits one key off its entry by hand: it stands alone, and no automatic rule joins it again. */
export async function splitPerson(db: LedeDB, key: string): Promise<void> {
  await db.peopleMerges.put({ key, into: key });
}
