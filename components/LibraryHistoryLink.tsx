import type { LibraryHistory } from '@/lib/people/library-history';

/** "3 more quotes in your library": a link from the highlights panel to a name's library view. */
export function LibraryHistoryLink({ history, quotes }: { history?: LibraryHistory; quotes: boolean }) {
  if (!history || (quotes && history.quotes === 0)) return null;
  const text =
    quotes || history.quotes > 0
      ? `${history.quotes} more quote${history.quotes === 1 ? '' : 's'} in your library`
      : `in ${history.articles} more saved article${history.articles === 1 ? '' : 's'}`;
  return (
    <a
      class="highlights__history"
      href={`library.html?person=${encodeURIComponent(history.name)}`}
      target="_blank"
      rel="noopener"
      data-testid="library-history"
    >
      {text}
    </a>
  );
}
