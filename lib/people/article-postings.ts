import type { StoredArticle, StoredEntity } from '../db/schema';
import { foldName, identityKey, isSurnameOnly, type PeopleType, surnameKey } from './identity';

/** A quote in the people index: its text and where it is in its article's text. */
export interface PostingQuote {
  text: string;
  start: number;
  end: number;
}

/**
 * One person or organization in one saved article (the `mentions` table, keyed by
 * `[articleId+key]`): what the article says of them. Small: no body, only their quotes.
 */
export interface Posting {
  articleId: string;
  /** `identityKey` of the name the article uses. */
  key: string;
  type: PeopleType;
  /** The name as this article spells it (its fullest form). */
  name: string;
  /** Every folded form the article uses (name and aliases, acronyms an article introduces included). */
  names: string[];
  /** When: the article's published time, or its save time when it has none (ms). */
  seen: number;
  mentions: number;
  quotes: PostingQuote[];
}

const MAX_NAMES = 8;

/** When an article counts as "seen": published, else saved. */
export function articleSeen(article: Pick<StoredArticle, 'publishedTime' | 'savedAt'>): number {
  const published = article.publishedTime ? Date.parse(article.publishedTime) : Number.NaN;
  return Number.isFinite(published) ? published : article.savedAt;
}

function isIndexed(entity: StoredEntity): entity is StoredEntity & { type: PeopleType } {
  return (entity.type === 'person' || entity.type === 'organization') && foldName(entity.name) !== '';
}

/**
 * The postings of one article: one per person or organization it mentions or quotes. A quote's
 * speaker is the article's entity of that name (or alias); a speaker the article does not list
 * as an entity is a person of its own. Pure: the same article always gives the same postings.
 */
export function articlePostings(
  article: Pick<StoredArticle, 'id' | 'publishedTime' | 'savedAt' | 'quotes' | 'entities'>,
): Posting[] {
  const seen = articleSeen(article);
  const byKey = new Map<string, Posting>();
  const byName = new Map<string, Posting>();
  const add = (name: string, type: PeopleType, aliases: string[], mentions: number) => {
    const key = identityKey(name, type);
    let posting = byKey.get(key);
    if (!posting) {
      posting = { articleId: article.id, key, type, name, names: [], seen, mentions: 0, quotes: [] };
      byKey.set(key, posting);
    }
    posting.mentions += mentions;
    for (const alias of [name, ...aliases]) {
      const folded = foldName(alias);
      if (!folded) continue;
      if (!posting.names.includes(folded) && posting.names.length < MAX_NAMES) posting.names.push(folded);
      if (!byName.has(folded)) byName.set(folded, posting);
    }
    return posting;
  };
  for (const entity of article.entities ?? []) {
    if (isIndexed(entity)) add(entity.name, entity.type, entity.aliases ?? [], entity.count ?? 0);
  }
  for (const quote of article.quotes ?? []) {
    if (!quote.speaker || !foldName(quote.speaker)) continue;
    const posting = byName.get(foldName(quote.speaker)) ?? add(quote.speaker, 'person', [], 0);
    posting.quotes.push({ text: quote.text, start: quote.start, end: quote.end });
  }
  return [...byKey.values()];
}

/**
 * One row of the `people` table: everything the People list shows of one name across the
 * library, summed over its postings. Kept small (no quotes) so the list reads little.
 */
export interface PeopleRow {
  key: string;
  type: PeopleType;
  /** The latest spelling used. */
  name: string;
  /** Folded forms seen (capped): how `?person=` and the search box find it. */
  names: string[];
  /** The surname key of a person (empty for organizations): how a bare surname finds its full name. */
  sur: string;
  /** 1 when the name is a surname alone. */
  bare: 0 | 1;
  quotes: number;
  mentions: number;
  articles: number;
  first: number;
  last: number;
}

/** A new people row for a posting's key, with nothing counted yet. */
export function emptyRow(posting: Posting): PeopleRow {
  const person = posting.type === 'person';
  return {
    key: posting.key,
    type: posting.type,
    name: posting.name,
    names: [],
    sur: person ? surnameKey(posting.name) : '',
    bare: person && isSurnameOnly(posting.name) ? 1 : 0,
    quotes: 0,
    mentions: 0,
    articles: 0,
    first: Number.POSITIVE_INFINITY,
    last: Number.NEGATIVE_INFINITY,
  };
}

/** Adds (sign 1) or takes away (sign -1) one posting's counts from its row; names only grow. */
export function applyPosting(row: PeopleRow, posting: Posting, sign: 1 | -1): void {
  row.quotes += sign * posting.quotes.length;
  row.mentions += sign * posting.mentions;
  row.articles += sign;
  if (sign === 1) {
    row.first = Math.min(row.first, posting.seen);
    row.last = Math.max(row.last, posting.seen);
    if (posting.seen >= row.last) row.name = posting.name;
    for (const name of posting.names)
      if (!row.names.includes(name) && row.names.length < MAX_NAMES) row.names.push(name);
  }
}

/** The people rows of a set of postings (the backfill and full re-index). */
export function peopleRows(postings: Iterable<Posting>): PeopleRow[] {
  const rows = new Map<string, PeopleRow>();
  for (const posting of postings) {
    let row = rows.get(posting.key);
    if (!row) {
      row = emptyRow(posting);
      rows.set(posting.key, row);
    }
    applyPosting(row, posting, 1);
  }
  return [...rows.values()];
}
