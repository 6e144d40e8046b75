import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PersonEntry } from '@/lib/people/resolve';
import { describeError } from './describe-error';
import { readPeople } from './people-source';

export type PeopleStatus =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; entries: PersonEntry[]; articles: number };

/** Every person and organization of the library, and whether it has articles (0: nothing saved). */
export function usePeople() {
  const [status, setStatus] = useState<PeopleStatus>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setStatus({ state: 'ready', ...(await readPeople()) });
    } catch (error) {
      setStatus({ state: 'error', message: describeError(error) });
    }
  }, []);
  useEffect(() => {
    reload();
  }, [reload]);
  return { status, reload };
}
