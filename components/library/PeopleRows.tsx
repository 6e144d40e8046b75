import { useState } from 'preact/hooks';
import type { PersonEntry } from '@/lib/people/resolve';
import { personHref, plural, shortDate } from './people-list';

/** Rows rendered at first and per "Show more": a screenful many times over, never thousands at once. */
const PAGE = 100;

/** The list of people or organizations, each a link to its view. */
export function PeopleRows({ entries }: { entries: PersonEntry[] }) {
  const [limit, setLimit] = useState(PAGE);
  return (
    <>
      <ol class="people-list" data-testid="people-list">
        {entries.slice(0, limit).map((entry) => (
          <li key={entry.key} class="people-row" data-testid="people-row" data-name={entry.name}>
            {/* The browser reports when the names are first painted (Element Timing); the bench reads it. */}
            <a href={personHref(entry.name)} class="people-row__name" elementtiming="people-row">
              {entry.name}
            </a>
            <span class="people-row__counts">
              {plural(entry.quotes, 'quote')} · {plural(entry.mentions, 'mention')} ·{' '}
              {plural(entry.articles, 'article')}
            </span>
            <span class="people-row__dates">
              {shortDate(entry.first)}
              {entry.last !== entry.first && ` – ${shortDate(entry.last)}`}
            </span>
          </li>
        ))}
      </ol>
      {entries.length > limit && (
        <button type="button" class="people-more" onClick={() => setLimit(limit + PAGE * 5)}>
          Show more ({(entries.length - limit).toLocaleString()} left)
        </button>
      )}
    </>
  );
}
