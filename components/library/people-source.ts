import { findPerson, groupPostings, newestFirst, type QuoteGroup } from '@/lib/people/find-person';
import { readPeopleSnapshot, readPostings, takeEarlyPeople } from '@/lib/people/people-snapshot';
import { type PersonEntry, resolvePeople } from '@/lib/people/resolve';
import { loadPeopleData } from './load-people';

/**
 * The People views' reads: the bare IndexedDB ones (lib/people/people-snapshot.ts, started by the
 * boot script for the first), falling back to Dexie when they cannot run (no library yet, or one
 * Dexie must upgrade first).
 */

/** Marks on the page's timeline (the bench reads them): the index read, the person's quotes read. */
export const PEOPLE_READ_MARK = 'lede:people-read';
export const PERSON_READ_MARK = 'lede:person-read';

/** Every person and organization (merges applied), and whether the library has articles (0 or 1). */
export async function readPeople(): Promise<{ entries: PersonEntry[]; articles: number }> {
  const snapshot = (await takeEarlyPeople()) ?? (await readPeopleSnapshot());
  performance.mark(PEOPLE_READ_MARK);
  if (snapshot)
    return { entries: resolvePeople(snapshot.rows, snapshot.merges), articles: snapshot.articles };
  const { db, listPeople } = await loadPeopleData();
  const [entries, some] = await Promise.all([listPeople(db), db.articles.limit(1).primaryKeys()]);
  return { entries, articles: some.length };
}

/** The entry `name` points to, with its articles and quotes (newest first); null when no one answers. */
export async function readPerson(
  name: string,
): Promise<
  { entry: PersonEntry; entries: PersonEntry[]; groups: QuoteGroup[] } | { entry: null; articles: number }
> {
  const { entries, articles } = await readPeople();
  const entry = findPerson(entries, name);
  if (!entry) return { entry: null, articles };
  const bare = await readPostings(entry.keys);
  performance.mark(PERSON_READ_MARK);
  if (bare) return { entry, entries, groups: groupPostings(bare.postings.sort(newestFirst), bare.rows) };
  const data = await loadPeopleData();
  const groups = await data.personQuoteGroups(data.db, await data.entryPostings(data.db, entry));
  return { entry, entries, groups };
}
