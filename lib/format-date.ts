/**
 * "2024-04-30" → "30 April 2024" (in `lang`'s conventions). A date without a time is formatted in
 * UTC so it never shifts a day in the reader's time zone. Unparseable input is returned as given.
 */
export function formatPublished(iso: string, lang?: string | null): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso.trim());
  const date = new Date(dateOnly ? `${iso.trim()}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) };
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}
