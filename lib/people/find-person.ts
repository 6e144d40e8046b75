import type { ArticleRow } from '../db/schema';
import type { Posting, PostingQuote } from './article-postings';
import { foldName, identityKey, isSurnameOnly, surnameKey } from './identity';
import type { PersonEntry } from './resolve';

function score(entry: PersonEntry): number {
  return entry.quotes * 2 + entry.mentions;
}

/**
 * The entry a name points to (`library.html?person=<name>`): its name or any alias, case- and
 * accent-insensitive (the name before an alias), then the same identity under the transliteration
 * rules, then a bare surname when only one person has it. The most quoted and mentioned wins when
 * several answer.
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

/** Postings newest first (ties: newest article id first). */
export function newestFirst(a: Posting, b: Posting): number {
  return b.seen - a.seen || (a.articleId < b.articleId ? 1 : a.articleId > b.articleId ? -1 : 0);
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

/**
 * An entry's postings (newest first) as articles with their quotes (in text order) and mentions:
 * one group per article even when it spells the name two ways. Postings of articles not in
 * `rows` (deleted meanwhile) are left out.
 */
export function groupPostings(postings: Posting[], rows: (ArticleRow | undefined)[]): QuoteGroup[] {
  const articles = new Map(rows.filter((r): r is ArticleRow => !!r).map((r) => [r.id, r]));
  const byArticle = new Map<string, QuoteGroup>();
  for (const posting of postings) {
    const row = articles.get(posting.articleId);
    if (!row) continue;
    let group = byArticle.get(row.id);
    if (!group) {
      const { id, title, url, siteName, site, publishedTime } = row;
      const article = { id, title, url, siteName, site, publishedTime };
      group = { article, seen: posting.seen, quotes: [], mentions: 0 };
      byArticle.set(row.id, group);
    }
    group.quotes.push(...posting.quotes);
    group.mentions += posting.mentions;
  }
  for (const group of byArticle.values()) group.quotes.sort((a, b) => a.start - b.start);
  return [...byArticle.values()];
}
