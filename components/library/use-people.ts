import { useCallback, useEffect, useState } from 'preact/hooks';
import { writePeopleSummary } from '@/lib/people/people-snapshot';
import type { PeopleListSummary } from '@/lib/people/people-summary';
import type { PersonEntry } from '@/lib/people/resolve';
import { afterNextPaint } from '@/lib/reader/reader-timing';
import { describeError } from './describe-error';
import { bootSummaryNow, peopleListSummary, readPeople, takeBootRead } from './people-source';

export type PeopleStatus =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** The first screen kept from an earlier read, shown while the whole index is read. */
  | { state: 'partial'; summary: PeopleListSummary }
  | { state: 'ready'; entries: PersonEntry[]; articles: number };

function initial(): PeopleStatus {
  const summary = bootSummaryNow('list');
  return summary ? { state: 'partial', summary } : { state: 'loading' };
}

/**
 * Every person and organization of the library, and whether it has articles (0: nothing saved).
 * The first screen kept for the index as it is shows first (in the first render when the boot
 * script has it already); the whole index follows once that is painted, and the first screen it
 * gives is kept for the next visit.
 */
export function usePeople() {
  const [status, setStatus] = useState<PeopleStatus>(initial);
  const reload = useCallback(async () => {
    try {
      const boot = await takeBootRead();
      if (boot && 'summary' in boot && boot.summary.key === 'list') {
        const summary = boot.summary;
        setStatus((now) => (now.state === 'partial' ? now : { state: 'partial', summary }));
        await afterNextPaint();
      }
      const read = await readPeople(boot && 'snapshot' in boot ? boot.snapshot : null);
      setStatus({ state: 'ready', entries: read.entries, articles: read.articles });
      const kept = boot && 'summary' in boot;
      if (!kept && read.token !== undefined && read.entries.length > 0)
        await writePeopleSummary(peopleListSummary(read.entries, read.token));
    } catch (error) {
      setStatus({ state: 'error', message: describeError(error) });
    }
  }, []);
  useEffect(() => {
    reload();
  }, [reload]);
  return { status, reload };
}
