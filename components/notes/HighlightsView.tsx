import './highlights-view.css';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { HighlightEntry } from '@/lib/notes/highlights-db';
import {
  earlyHighlights,
  firstScreenHighlights,
  type HighlightsRead,
  readAllHighlights,
  takeEarlyHighlights,
} from '@/lib/notes/read-highlights';
import { searchHighlights } from '@/lib/notes/search-highlights';
import { afterNextPaint } from '@/lib/reader/reader-timing';
import { LibraryNav } from '../library/LibraryNav';
import { libraryData } from '../library/load-library';

/** Marked once the first highlights are on screen; the benchmark reads it. */
export const HIGHLIGHTS_PAINTED_MARK = 'lede:highlights-painted';
/** Marked when the view has its first highlights; the benchmark reads it. */
export const HIGHLIGHTS_READ_MARK = 'lede:highlights-read';
/** Entries rendered at first (a few screens); "Show more" adds as many again. */
const PAGE = 40;

type ViewState =
  | { state: 'loading' }
  /** `complete` false: only the newest highlights are in yet. */
  | { state: 'ready'; all: HighlightEntry[]; complete: boolean }
  | { state: 'error'; message: string };

/**
 * The first screen's highlights from the early bare read (see lib/notes/read-highlights), else
 * every highlight through Dexie (which upgrades an old library). `complete` false: the older
 * highlights are read after the first paint.
 */
async function readFirst(): Promise<HighlightsRead> {
  const early = await (earlyHighlights() ?? readAllHighlights(undefined, undefined, firstScreenHighlights()));
  if (early) return early;
  const [{ listHighlights }, { db }] = await Promise.all([
    import('@/lib/notes/highlights-db'),
    libraryData(),
  ]);
  return { entries: await listHighlights(db), complete: true };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function Entry({ entry, first }: { entry: HighlightEntry; first: boolean }) {
  return (
    <li class="hl-entry" data-testid="highlight-entry" data-orphaned={entry.orphaned ? 'true' : 'false'}>
      <blockquote class="hl-entry__quote" elementtiming={first ? 'highlight-entry' : undefined}>
        {entry.exact}
      </blockquote>
      {entry.note.trim() && <p class="hl-entry__note">{entry.note}</p>}
      <p class="hl-entry__meta">
        <a href={`reader.html?id=${encodeURIComponent(entry.articleId)}`}>
          {entry.articleTitle || entry.articleUrl || 'Untitled article'}
        </a>
        {' · '}
        {dateFormat.format(entry.createdAt)}
        {entry.orphaned === 1 && ' · not found in the article’s current text'}
      </p>
    </li>
  );
}

function States({
  view,
  shown,
  query,
  onClear,
}: {
  view: ViewState;
  shown: number;
  query: string;
  onClear: () => void;
}) {
  if (view.state === 'loading')
    return (
      <p class="library-message" data-testid="highlights-loading">
        Loading your highlights…
      </p>
    );
  if (view.state === 'error')
    return (
      <div class="library-message" role="alert">
        <h2>Your highlights could not be read</h2>
        <p>{view.message}</p>
      </div>
    );
  if (view.all.length === 0)
    return (
      <div class="library-message" data-testid="highlights-empty">
        <h2>No highlights yet</h2>
        <p>
          In any article, select text and press <kbd>H</kbd> (or <strong>Highlight</strong>); click a
          highlight to add a note. Highlighting an article saves it.
        </p>
      </div>
    );
  if (shown === 0)
    return (
      <div class="library-message" data-testid="highlights-no-match">
        <h2>No highlight or note matches “{query}”</h2>
        <button type="button" onClick={onClear}>
          Clear the search
        </button>
      </div>
    );
  return null;
}

/**
 * library.html?view=highlights: every highlight across the library, newest first, with its note
 * and article, searchable over quotes, notes and titles.
 */
export function HighlightsView() {
  // The boot script's read, when it has come before the first render (main.tsx waits a little
  // for it): the first frame shows the highlights, not "Loading" and then them a frame later.
  const [early] = useState(takeEarlyHighlights);
  const [view, setView] = useState<ViewState>(() =>
    early ? { state: 'ready', all: early.entries, complete: early.complete } : { state: 'loading' },
  );
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  // A layout effect: when the read comes while the page renders, its entries go into that frame
  // (useEffect would start it after the frame, a frame later).
  useLayoutEffect(() => {
    (early ? Promise.resolve(early) : readFirst()).then(
      async (first) => {
        performance.mark(HIGHLIGHTS_READ_MARK);
        if (first !== early) setView({ state: 'ready', all: first.entries, complete: first.complete });
        await afterNextPaint();
        performance.mark(HIGHLIGHTS_PAINTED_MARK);
        // Every highlight (the count, the search, Show more) once the first screens are up.
        const rest = first.complete ? null : await readAllHighlights();
        if (rest) setView({ state: 'ready', all: rest.entries, complete: true });
      },
      (error: unknown) => setView({ state: 'error', message: String(error) }),
    );
  }, []);
  const matching = useMemo(
    () => (view.state === 'ready' ? searchHighlights(view.all, query) : []),
    [view, query],
  );
  const total = view.state === 'ready' && view.complete ? view.all.length : null;
  return (
    <div class="library highlights-view" data-testid="highlights-view" data-state={view.state}>
      <header class="library-header">
        <h1>Highlights</h1>
        <LibraryNav current="highlights" />
        <p class="library-count" aria-live="polite">
          {total !== null &&
            (query
              ? `${matching.length} of ${total} highlights`
              : `${total} highlight${total === 1 ? '' : 's'}`)}
        </p>
        <a class="tool-button" href="library.html" data-testid="open-articles">
          All articles
        </a>
      </header>
      <main class="highlights-view__main">
        {view.state === 'ready' && view.all.length ? (
          <input
            type="search"
            class="highlights-view__search"
            data-testid="highlights-search"
            aria-label="Search highlights and notes"
            placeholder="Search highlights and notes"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setLimit(PAGE);
            }}
          />
        ) : null}
        <States view={view} shown={matching.length} query={query} onClear={() => setQuery('')} />
        {matching.length > 0 && (
          <ul class="hl-entries" aria-label="Highlights, newest first">
            {matching.slice(0, limit).map((entry, i) => (
              <Entry key={entry.id} entry={entry} first={i < 3} />
            ))}
          </ul>
        )}
        {matching.length > limit && (
          <button type="button" class="hl-more" onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, matching.length - limit)} more of {matching.length - limit}
          </button>
        )}
      </main>
    </div>
  );
}
