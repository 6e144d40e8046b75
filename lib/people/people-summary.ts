/**
 * The People views' first screens, kept in the `peopleSummary` table (schema v6) so a view paints
 * from one small row instead of resolving every name first. A cache, never the truth: each row
 * carries the token of the index state it was computed from (the `gen` row), every change to the
 * index or the merges writes a new token and empties the table in the same transaction, and a
 * view always reads the whole index after its first paint and shows that.
 */
import type { LedeDB } from '../db/schema';
import type { QuoteGroup } from './find-person';
import { foldName } from './identity';
import type { PersonEntry } from './resolve';

/** The index state's token: a new one with every change to the index or the merges. */
export interface SummaryGen {
  key: 'gen';
  token: string;
}

/** The People list's first screen: the first rows of each tab, sorted by quotes. */
export interface PeopleListSummary {
  key: 'list';
  token: string;
  people: PersonEntry[];
  organizations: PersonEntry[];
}

/** A person view's first screen (`person:` and the folded name it was asked by). */
export interface PersonSummary {
  key: `person:${string}`;
  token: string;
  entry: PersonEntry;
  /** Its newest articles, with at most `FIRST_QUOTES` quotes in all. */
  groups: QuoteGroup[];
}

export type PeopleSummaryRow = SummaryGen | PeopleListSummary | PersonSummary;

/** Rows of the People list painted first: a screenful and more; the rest comes with the full read. */
export const FIRST_ROWS = 40;
/** Quotes of a person view painted first. */
export const FIRST_QUOTES = 12;

/** The summary row key of the person view `library.html?person=<name>`. */
export function personSummaryKey(name: string): `person:${string}` {
  return `person:${foldName(name)}`;
}

/**
 * The first screen of an entry's quote groups: the newest groups holding the first `limit` quotes
 * (the last one cut to fit), as `PersonQuotes` shows them first.
 */
export function firstQuoteGroups(groups: readonly QuoteGroup[], limit = FIRST_QUOTES): QuoteGroup[] {
  const shown: QuoteGroup[] = [];
  let budget = limit;
  for (const group of groups) {
    if (budget <= 0) break;
    if (group.quotes.length === 0) continue;
    shown.push(budget >= group.quotes.length ? group : { ...group, quotes: group.quotes.slice(0, budget) });
    budget -= group.quotes.length;
  }
  return shown;
}

/** A fresh token. */
function newToken(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Marks the people index changed: every first screen kept so far is dropped, and one computed
 * from a read made before this change is refused (see `writePeopleSummary`). Inside the caller's
 * transaction, which must include `db.peopleSummary`.
 */
export async function touchPeopleSummary(db: LedeDB): Promise<void> {
  await db.peopleSummary.clear();
  await db.peopleSummary.put({ key: 'gen', token: newToken() });
}
