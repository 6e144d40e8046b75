import { findPerson, groupPostings, newestFirst, type QuoteGroup } from '@/lib/people/find-person';
import {
  type PeopleBoot,
  type PeopleSnapshot,
  peekEarlyPeople,
  readPeopleSnapshot,
  readPostings,
  takeEarlyPeople,
} from '@/lib/people/people-snapshot';
import {
  FIRST_ROWS,
  firstQuoteGroups,
  type PeopleListSummary,
  type PersonSummary,
  personSummaryKey,
} from '@/lib/people/people-summary';
import { type PersonEntry, resolvePeople } from '@/lib/people/resolve';
import { loadPeopleData } from './load-people';
import { visiblePeople } from './people-list';

/**
 * The People views' reads: first the view's first screen when one is kept for the index as it is
 * (lib/people/people-summary.ts), then the whole index with the bare IndexedDB reads
 * (lib/people/people-snapshot.ts; the boot script starts both), falling back to Dexie when they
 * cannot run (no library yet, or one Dexie must upgrade first).
 */

/** Marks on the page's timeline (the bench reads them): the index read, the person's quotes read. */
export const PEOPLE_READ_MARK = 'lede:people-read';
export const PERSON_READ_MARK = 'lede:person-read';

/** The boot script's read, once: undefined for a later read (a reload after a change). */
export async function takeBootRead(): Promise<PeopleBoot | null | undefined> {
  const early = takeEarlyPeople();
  if (!early) return undefined;
  return early.done !== undefined ? early.done : early.read;
}

/** The first screen kept under `key`, if the boot script has already read it (for a view's first render). */
export function bootSummaryNow<K extends 'list' | 'person'>(
  kind: K,
): (K extends 'list' ? PeopleListSummary : PersonSummary) | undefined {
  const boot = peekEarlyPeople();
  if (!boot || !('summary' in boot)) return undefined;
  const isList = boot.summary.key === 'list';
  return (isList === (kind === 'list') ? boot.summary : undefined) as never;
}

/**
 * Every person and organization (merges applied), whether the library has articles (0 or 1), and
 * the token of the index state they were read at (none when read with Dexie).
 */
export async function readPeople(
  snapshot?: PeopleSnapshot | null,
): Promise<{ entries: PersonEntry[]; articles: number; token?: string }> {
  const read = snapshot ?? (await readPeopleSnapshot());
  performance.mark(PEOPLE_READ_MARK);
  if (read) {
    const { rows, merges, articles, token } = read;
    return { entries: resolvePeople(rows, merges), articles, token };
  }
  const { db, listPeople } = await loadPeopleData();
  const [entries, some] = await Promise.all([listPeople(db), db.articles.limit(1).primaryKeys()]);
  return { entries, articles: some.length };
}

/** The People list's first screen, as the full read shows it: each tab's first rows by quotes. */
export function peopleListSummary(entries: readonly PersonEntry[], token: string): PeopleListSummary {
  const first = (type: PersonEntry['type']) =>
    visiblePeople(entries, type, '', 'quotes').slice(0, FIRST_ROWS);
  return { key: 'list', token, people: first('person'), organizations: first('organization') };
}

export type PersonRead =
  | { entry: PersonEntry; entries: PersonEntry[]; groups: QuoteGroup[]; token?: string }
  | { entry: null; articles: number };

/** The entry `name` points to, with its articles and quotes (newest first); null when no one answers. */
export async function readPerson(name: string, snapshot?: PeopleSnapshot | null): Promise<PersonRead> {
  const { entries, articles, token } = await readPeople(snapshot);
  const entry = findPerson(entries, name);
  if (!entry) return { entry: null, articles };
  const bare = token === undefined ? null : await readPostings(entry.keys);
  performance.mark(PERSON_READ_MARK);
  if (bare)
    return { entry, entries, groups: groupPostings(bare.postings.sort(newestFirst), bare.rows), token };
  const data = await loadPeopleData();
  const groups = await data.personQuoteGroups(data.db, await data.entryPostings(data.db, entry));
  return { entry, entries, groups };
}

/** A person view's first screen, as the full read shows it. */
export function personSummary(
  name: string,
  entry: PersonEntry,
  groups: QuoteGroup[],
  token: string,
): PersonSummary {
  return { key: personSummaryKey(name), token, entry, groups: firstQuoteGroups(groups) };
}
