import { ImportError } from '../db/errors';
import type { LedeDB } from '../db/schema';
import type { PeopleRow } from './article-postings';
import { touchPeopleSummary } from './people-summary';
import { type PeopleMerge, resolvePeople } from './resolve';

/** What a backup holds of the people index: the people (for reading; the index is rebuilt) and the merges. */
export interface PeopleBackup {
  people: {
    name: string;
    type: string;
    names: string[];
    quotes: number;
    mentions: number;
    articles: number;
  }[];
  peopleMerges: PeopleMerge[];
}

/** The people and the reader's merges, as backup fields (`"people":…,"peopleMerges":…`, no braces). */
export function peopleBackupJson(rows: PeopleRow[], merges: PeopleMerge[]): string {
  const people = resolvePeople(rows, merges).map(({ name, type, names, quotes, mentions, articles }) => ({
    name,
    type,
    names,
    quotes,
    mentions,
    articles,
  }));
  const clean = merges.map(({ key, into }) => ({ key, into }));
  return `"people":${JSON.stringify(people)},"peopleMerges":${JSON.stringify(clean)}`;
}

/**
 * The merges of a backup, checked: absent in backups made before the people index (none then),
 * otherwise a list of `{key, into}` strings. Throws an ImportError saying what is wrong.
 */
export function checkPeopleMerges(value: unknown): PeopleMerge[] {
  if (value === undefined) return [];
  const ok =
    Array.isArray(value) &&
    value.every(
      (m) =>
        typeof m === 'object' &&
        m !== null &&
        typeof (m as PeopleMerge).key === 'string' &&
        typeof (m as PeopleMerge).into === 'string',
    );
  if (!ok) throw new ImportError('This backup has an invalid "peopleMerges" list.');
  return (value as PeopleMerge[]).map(({ key, into }) => ({ key, into }));
}

/**
 * Writes a backup's merges (inside the import's transaction, which includes `peopleTables`); the
 * backup's choice wins for a name.
 */
export async function importPeopleMerges(db: LedeDB, merges: PeopleMerge[]): Promise<void> {
  if (merges.length === 0) return;
  await db.peopleMerges.bulkPut(merges);
  await touchPeopleSummary(db);
}
