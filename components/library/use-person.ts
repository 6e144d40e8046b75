import { useCallback, useEffect, useState } from 'preact/hooks';
import type { QuoteGroup } from '@/lib/people/find-person';
import type { CoMention } from '@/lib/people/people-queries';
import { writePeopleSummary } from '@/lib/people/people-snapshot';
import { personSummaryKey } from '@/lib/people/people-summary';
import type { PersonEntry } from '@/lib/people/resolve';
import { afterNextPaint } from '@/lib/reader/reader-timing';
import { describeError } from './describe-error';
import { loadPeopleData } from './load-people';
import { bootSummaryNow, personSummary, readPerson, takeBootRead } from './people-source';

export type PersonStatus =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'not-found'; articles: number }
  /** The first screen kept from an earlier read (the entry and its newest quotes), while the rest is read. */
  | { state: 'partial'; entry: PersonEntry; groups: QuoteGroup[] }
  | { state: 'ready'; entry: PersonEntry; entries: PersonEntry[]; groups: QuoteGroup[] };

export interface PersonCompany {
  people: CoMention[];
  outlets: { name: string; articles: number }[];
}

/** Set on the page when a person's quotes are on screen (the bench and tests read it). */
export const PERSON_MARK = 'lede:person-quotes';

function initial(name: string): PersonStatus {
  const summary = bootSummaryNow('person');
  return summary && summary.key === personSummaryKey(name)
    ? { state: 'partial', entry: summary.entry, groups: summary.groups }
    : { state: 'loading' };
}

/**
 * One person's or organization's view: the entry `name` points to, its articles with their
 * quotes (newest first), and, read after those are shown, who and which outlets come with them.
 * The first screen kept for the index as it is shows first; the whole read follows once that is
 * painted, and the first screen it gives is kept for the next visit.
 */
export function usePerson(name: string) {
  const [status, setStatus] = useState<PersonStatus>(() => initial(name));
  const [company, setCompany] = useState<PersonCompany | null>(null);
  const reload = useCallback(async () => {
    try {
      const boot = await takeBootRead();
      const kept =
        boot && 'summary' in boot && boot.summary.key === personSummaryKey(name) ? boot.summary : null;
      if (kept) {
        setStatus((now) =>
          now.state === 'partial' ? now : { state: 'partial', entry: kept.entry, groups: kept.groups },
        );
        await afterNextPaint();
      }
      const found = await readPerson(name, boot && 'snapshot' in boot ? boot.snapshot : null);
      if (!found.entry) {
        setStatus({ state: 'not-found', articles: found.articles });
        return;
      }
      const { entry, entries, groups, token } = found;
      setStatus({ state: 'ready', entry, entries, groups });
      // Who comes with them: read (with Dexie, ~100 KB of script to parse) once the quotes are painted.
      await afterNextPaint();
      if (!kept && token !== undefined) await writePeopleSummary(personSummary(name, entry, groups, token));
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
