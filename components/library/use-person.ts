import { useCallback, useEffect, useState } from 'preact/hooks';
import type { QuoteGroup } from '@/lib/people/find-person';
import type { CoMention } from '@/lib/people/people-queries';
import type { PersonEntry } from '@/lib/people/resolve';
import { describeError } from './describe-error';
import { loadPeopleData } from './load-people';
import { readPerson } from './people-source';

export type PersonStatus =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'not-found'; articles: number }
  | { state: 'ready'; entry: PersonEntry; entries: PersonEntry[]; groups: QuoteGroup[] };

export interface PersonCompany {
  people: CoMention[];
  outlets: { name: string; articles: number }[];
}

/** Set on the page when a person's quotes are on screen (the bench and tests read it). */
export const PERSON_MARK = 'lede:person-quotes';

/**
 * One person's or organization's view: the entry `name` points to, its articles with their
 * quotes (newest first), and, read after those are shown, who and which outlets come with them.
 */
export function usePerson(name: string) {
  const [status, setStatus] = useState<PersonStatus>({ state: 'loading' });
  const [company, setCompany] = useState<PersonCompany | null>(null);
  const reload = useCallback(async () => {
    try {
      const found = await readPerson(name);
      if (!found.entry) {
        setStatus({ state: 'not-found', articles: found.articles });
        return;
      }
      const { entry, entries, groups } = found;
      setStatus({ state: 'ready', entry, entries, groups });
      // Who comes with them: read (with Dexie, ~100 KB of script to parse) once the quotes are painted.
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
      const data = await loadPeopleData();
      setCompany(await data.personCompany(data.db, entry, entries, groups));
    } catch (error) {
      setStatus({ state: 'error', message: describeError(error) });
    }
  }, [name]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { status, company, reload };
}
