import { foldName } from '@/lib/people/identity';
import type { PersonEntry } from '@/lib/people/resolve';

export type PeopleSort = 'quotes' | 'mentions';

/** The link to a person's or organization's view. */
export function personHref(name: string): string {
  return `library.html?person=${encodeURIComponent(name)}`;
}

/**
 * The entries of one type whose name or an alias contains every word of `query` (case- and
 * accent-insensitive), sorted by quotes or by mentions (the other count, then the name, breaks ties).
 */
export function visiblePeople(
  entries: readonly PersonEntry[],
  type: PersonEntry['type'],
  query: string,
  sort: PeopleSort,
): PersonEntry[] {
  const words = foldName(query).split(' ').filter(Boolean);
  const matches = (entry: PersonEntry) =>
    words.every((word) => foldName(entry.name).includes(word) || entry.names.some((n) => n.includes(word)));
  const [first, second] =
    sort === 'quotes' ? (['quotes', 'mentions'] as const) : (['mentions', 'quotes'] as const);
  return entries
    .filter((entry) => entry.type === type && matches(entry))
    .sort((a, b) => b[first] - a[first] || b[second] - a[second] || a.name.localeCompare(b.name));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A date of the index (ms) as the library shows dates. */
export function shortDate(ms: number): string {
  return Number.isFinite(ms) ? dateFormat.format(ms) : '';
}

/** "1 quote", "12 quotes". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}
