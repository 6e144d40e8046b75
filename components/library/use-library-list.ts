import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryQuery } from '@/lib/db/articles';
import { firstScreenRows } from '@/lib/db/first-screen';
import type { ArticleSummary } from '@/lib/db/summary';
import { afterNextPaint } from '@/lib/reader/reader-timing';
import { describeError } from './describe-error';
import { type FilterState, NO_FILTERS } from './LibraryFilters';
import { isDefaultQuery, toQuery } from './library-query';
import { libraryData, loadFirstScreen } from './load-library';
import { useDebounced } from './use-debounced';

const SEARCH_DEBOUNCE_MS = 150;
/** Marked once the first rows are on screen; the benchmark reads it. */
export const FIRST_ROWS_MARK = 'lede:library-first-rows';
/** Marked each time the full list of matching ids is in (the whole list scrolls from then on). */
export const IDS_MARK = 'lede:library-ids';

type ListStatus = { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

/** Where one read of the list puts what it finds. */
interface ListSink {
  /** A newer read has started: this one's results are dropped. */
  stale(): boolean;
  rows: Map<string, ArticleSummary>;
  setIds(ids: string[]): void;
  setPartial(partial: boolean): void;
  setTotal(total: number): void;
  ready(): void;
}

/**
 * Reads the rows matching `query` into `sink`, each stage shown as soon as it is in: the boot
 * script's first screen (the page's first request only), then quick search results, then every id.
 */
async function readRows(
  query: LibraryQuery,
  firstRequest: boolean,
  firstScreen: Promise<ArticleSummary[]> | undefined,
  sink: ListSink,
): Promise<void> {
  const screen = firstScreenRows();
  if (firstRequest && isDefaultQuery(query)) {
    // First paint of the unfiltered library: the newest rows from the boot script's read,
    // without waiting for the full id list (which follows and makes the whole list scrollable).
    // Only the page's first request: "Try again" after an error reads everything afresh.
    const first = await (firstScreen ?? loadFirstScreen());
    if (sink.stale()) return;
    for (const row of first) sink.rows.set(row.id, row);
    sink.setIds(first.map((row) => row.id));
    sink.setPartial(true);
    if (first.length > 0) {
      sink.ready();
      // The database code loads once these rows are on screen, not in front of them.
      await afterNextPaint();
    }
  }
  const { db, firstSearchResults, queryArticleIds, countArticles, getArticleSummaries } = await libraryData();
  if (query.text) {
    // A common word: its newest matches show at once (a rare word gives up after one small
    // read), then the index answers with every match. Sequential on purpose: IndexedDB would
    // queue the quick read behind the index's large one anyway.
    const quick = await firstSearchResults(db, query, screen);
    if (sink.stale()) return;
    if (quick) {
      for (const row of quick) sink.rows.set(row.id, row);
      sink.setIds(quick.map((row) => row.id));
      sink.setPartial(true);
      sink.ready();
    }
  }
  const [matching, count] = await Promise.all([queryArticleIds(db, query), countArticles(db)]);
  // Load the first screen before showing it, so the first paint has real rows.
  const screenIds = matching.slice(0, screen);
  const missing = screenIds.filter((id) => !sink.rows.has(id));
  for (const row of await getArticleSummaries(db, missing)) sink.rows.set(row.id, row);
  if (sink.stale()) return;
  sink.setIds(matching);
  sink.setPartial(false);
  sink.setTotal(count);
  sink.ready();
  performance.mark(IDS_MARK);
}

/** Marks FIRST_ROWS_MARK once, when the first rows have painted. */
function useFirstRowsMark(status: ListStatus): void {
  const marked = useRef(false);
  // Right after the commit that put the first rows in the DOM: the task after the next frame's
  // rendering runs once that frame (with the rows) has painted. (useEffect would run a frame later.)
  useLayoutEffect(() => {
    if (status.state !== 'ready' || marked.current) return;
    marked.current = true;
    afterNextPaint().then(() => performance.mark(FIRST_ROWS_MARK));
  }, [status]);
}

/**
 * The library's list: the filters, the ids matching them (rows are loaded as they scroll into
 * view), the total, and the first screen shown before the database code has loaded.
 */
export function useLibraryList(firstScreen?: Promise<ArticleSummary[]>) {
  const [status, setStatus] = useState<ListStatus>({ state: 'loading' });
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [ids, setIds] = useState<string[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  // Bumped when rows arrive or change; the rows themselves live in a ref-held cache.
  const [, setRowsVersion] = useState(0);
  const [reload, setReload] = useState(0);
  /** The list shows only the first screen so far; the full id list (and the count) is coming. */
  const [partial, setPartial] = useState(false);
  const rows = useRef(new Map<string, ArticleSummary>());
  const request = useRef(0);

  // Text is debounced; the other filters apply at once.
  const text = useDebounced(filters.text, SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => toQuery({ ...filters, text }), [filters, text]);

  // A layout effect: it starts before the loading state paints, so the first screen's rows render
  // the moment they are read (the header and filters have painted meanwhile) rather than after a frame.
  useLayoutEffect(() => {
    const mine = ++request.current;
    const stale = () => mine !== request.current;
    const ready = () => setStatus({ state: 'ready' });
    const sink = { stale, rows: rows.current, setIds, setPartial, setTotal, ready };
    readRows(query, mine === 1, firstScreen, sink).catch((error: unknown) => {
      if (!stale()) setStatus({ state: 'error', message: describeError(error) });
    });
  }, [query, reload, firstScreen]);

  useFirstRowsMark(status);

  const onRange = useCallback(
    (start: number, end: number) => {
      const missing = ids.slice(start, end).filter((id) => !rows.current.has(id));
      if (missing.length === 0) return;
      libraryData()
        .then(({ db, getArticleSummaries }) => getArticleSummaries(db, missing))
        .then((loaded) => {
          for (const row of loaded) rows.current.set(row.id, row);
          setRowsVersion((v) => v + 1);
        })
        .catch(() => {});
    },
    [ids],
  );

  const patchRow = useCallback((id: string, patch: Partial<ArticleSummary>) => {
    const row = rows.current.get(id);
    if (row) rows.current.set(id, { ...row, ...patch });
    setRowsVersion((v) => v + 1);
  }, []);
  /** For an article that left the shelf shown. */
  const dropRow = useCallback((id: string) => setIds((list) => list.filter((x) => x !== id)), []);
  const deleteRow = useCallback((id: string) => {
    setIds((list) => list.filter((x) => x !== id));
    setTotal((n) => (n === null ? n : n - 1));
  }, []);
  const reloadList = useCallback(() => setReload((n) => n + 1), []);
  /** For when the articles may have changed elsewhere: cached rows would be stale. */
  const reloadAll = useCallback(() => {
    rows.current.clear();
    setReload((n) => n + 1);
  }, []);

  return {
    status,
    filters,
    setFilters,
    query,
    ids,
    total,
    partial,
    rows: rows.current as ReadonlyMap<string, ArticleSummary>,
    onRange,
    patchRow,
    dropRow,
    deleteRow,
    reloadList,
    reloadAll,
  };
}

export type LibraryList = ReturnType<typeof useLibraryList>;

/** Another tab (the reader) may have saved, read or deleted articles while this one was hidden. */
export function useReloadWhenVisible(reloadAll: () => void, refreshStorage: () => void): void {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      reloadAll();
      refreshStorage();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reloadAll, refreshStorage]);
}
