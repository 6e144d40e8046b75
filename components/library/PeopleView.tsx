import { useMemo, useState } from 'preact/hooks';
import type { PeopleType } from '@/lib/people/identity';
import { LibraryNav } from './LibraryNav';
import { PeopleRows } from './PeopleRows';
import { PeopleStateMessage } from './PeopleStates';
import { type PeopleSort, visiblePeople } from './people-list';
import { type PeopleStatus, usePeople } from './use-people';

const TABS: { type: PeopleType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
];

/** The entries a status lists: all of them, or the kept first screen of the tab shown. */
function listed(status: PeopleStatus, type: PeopleType) {
  if (status.state === 'ready') return status.entries;
  if (status.state === 'partial')
    return type === 'person' ? status.summary.people : status.summary.organizations;
  return [];
}

/** `library.html?view=people`: everyone the saved articles quote or mention, by quotes or mentions. */
export function PeopleView() {
  const { status, reload } = usePeople();
  const [type, setType] = useState<PeopleType>('person');
  const [sort, setSort] = useState<PeopleSort>('quotes');
  const [query, setQuery] = useState('');
  const entries = listed(status, type);
  const shown = useMemo(() => visiblePeople(entries, type, query, sort), [entries, type, query, sort]);
  const state =
    status.state !== 'ready'
      ? status.state
      : status.articles === 0
        ? 'nothing-saved'
        : status.entries.length === 0
          ? 'no-people'
          : 'ready';
  // The first screen kept from an earlier read shows as the list does, while the whole index is read.
  const listing = state === 'ready' || state === 'partial';
  return (
    <div
      class="library people"
      data-testid="people"
      data-state={state}
      aria-busy={state === 'loading' || state === 'partial'}
    >
      <header class="library-header">
        <h1>People</h1>
        <LibraryNav current="people" />
      </header>
      {listing && (
        <search class="filters people-filters" aria-label="Search and sort people">
          <input
            type="search"
            class="search"
            placeholder="Search names"
            aria-label="Search people and organizations"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            data-testid="people-search"
          />
          <div class="filter-row">
            <fieldset class="people-tabs">
              <legend class="visually-hidden">Show</legend>
              {TABS.map((tab) => (
                <button
                  key={tab.type}
                  type="button"
                  aria-pressed={type === tab.type}
                  onClick={() => setType(tab.type)}
                  data-testid={`people-tab-${tab.type}`}
                >
                  {tab.label}
                </button>
              ))}
            </fieldset>
            <label>
              Sort by
              <select
                value={sort}
                onChange={(event) => setSort(event.currentTarget.value as PeopleSort)}
                data-testid="people-sort"
              >
                <option value="quotes">Quotes</option>
                <option value="mentions">Mentions</option>
              </select>
            </label>
          </div>
        </search>
      )}
      <main class="library-main people-main">
        {listing && shown.length > 0 && <PeopleRows entries={shown} />}
        {state === 'ready' && shown.length === 0 && (
          <PeopleStateMessage state="no-match" onAction={() => setQuery('')} />
        )}
        {!listing && (
          <PeopleStateMessage
            state={state}
            message={status.state === 'error' ? status.message : ''}
            onAction={reload}
          />
        )}
      </main>
    </div>
  );
}
