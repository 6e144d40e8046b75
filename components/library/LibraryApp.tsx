import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DeletedArticle, LibraryQuery } from '@/lib/db/articles';
import { earlyFirstScreen, firstScreenRows, ROW_HEIGHT } from '@/lib/db/first-screen';
import type { StoredArticle } from '@/lib/db/schema';
import { formatBytes, storageEstimate } from '@/lib/db/storage-estimate';
import { type ArticleSummary, toSummary } from '@/lib/db/summary';
import { afterNextPaint } from '@/lib/reader/reader-timing';
import { downloadBlob } from './download-blob';
import { type FilterState, isFiltered, LibraryFilters, NO_FILTERS } from './LibraryFilters';
import { LibraryRow, LibraryRowSkeleton, type RowActions } from './LibraryRow';
import type { LibraryData } from './library-data';
import { VirtualList } from './VirtualList';

const SEARCH_DEBOUNCE_MS = 150;
const UNDO_MS = 8000;
/** Marked once the first rows are on screen; the benchmark reads it. */
export const FIRST_ROWS_MARK = 'lede:library-first-rows';
/** Marked each time the full list of matching ids is in (the whole list scrolls from then on). */
export const IDS_MARK = 'lede:library-ids';

function isDefaultQuery(query: LibraryQuery): boolean {
  return Object.entries(query).every(([key, value]) =>
    key === 'archived' ? value === false : value === undefined,
  );
}

function toQuery(f: FilterState): LibraryQuery {
  return {
    text: f.text.trim() || undefined,
    site: f.site || undefined,
    tag: f.tag || undefined,
    archived: f.shelf === 'all' ? undefined : f.shelf === 'archived',
    read: f.read === 'any' ? undefined : f.read === 'read',
    favorite: f.favorite ? true : undefined,
    entity: f.entity.trim() ? { name: f.entity, type: f.entityType || undefined } : undefined,
  };
}

type Status = { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };
interface Toast {
  message: string;
  undo?: () => void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The database functions and the library's database; loaded after the first screen is read. */
function data(): Promise<LibraryData> {
  return import('./library-data').then((module) => module.library);
}

/**
 * The newest rows of the unfiltered library. main.tsx starts this before Preact renders, so the
 * database opens and reads while the page boots.
 */
export async function loadFirstScreen(): Promise<ArticleSummary[]> {
  // The boot script (entrypoints/library-boot.ts) started this read before the modules loaded.
  const early = await earlyFirstScreen();
  if (early) return early.map(toSummary);
  const { db, listArticles } = await data();
  return (await listArticles(db, { limit: firstScreenRows(), archived: false })).items;
}

export interface LibraryAppProps {
  /** The newest rows of the unfiltered library, being read (`loadFirstScreen`). */
  firstScreen?: Promise<ArticleSummary[]>;
}

export function LibraryApp({ firstScreen }: LibraryAppProps) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [ids, setIds] = useState<string[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  // Bumped when rows arrive or change; the rows themselves live in a ref-held cache.
  const [, setRowsVersion] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [toast, setToast] = useState<Toast | null>(null);
  const [storage, setStorage] = useState<string | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [entityNames, setEntityNames] = useState<string[]>([]);
  const [reload, setReload] = useState(0);
  /** The list shows only the first screen so far; the full id list (and the count) is coming. */
  const [partial, setPartial] = useState(false);
  const rows = useRef(new Map<string, ArticleSummary>());
  const request = useRef(0);
  /** The first screen of rows has been committed (and the paint mark scheduled). */
  const firstShown = useRef(false);
  const toastTimer = useRef<ReturnType<typeof setTimeout>>();

  // Text is debounced; the other filters apply at once.
  const text = useDebounced(filters.text, SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => toQuery({ ...filters, text }), [filters, text]);

  const refreshStorage = useCallback(() => {
    storageEstimate()
      .then((use) => setStorage(use ? formatBytes(use.usage) : null))
      .catch(() => setStorage(null));
  }, []);

  const refreshMenus = useCallback(() => {
    data()
      .then(({ db, listSites, listTags }) => Promise.all([listSites(db), listTags(db)]))
      .then(([s, t]) => {
        setSites(s.filter(Boolean));
        setTags(t);
      })
      .catch(() => {});
  }, []);

  // A layout effect: it starts before the loading state paints, so the first screen's rows render
  // the moment they are read (the header and filters have painted meanwhile) rather than after a frame.
  useLayoutEffect(() => {
    const mine = ++request.current;
    (async () => {
      const screen = firstScreenRows();
      if (mine === 1 && isDefaultQuery(query)) {
        // First paint of the unfiltered library: the newest rows from the boot script's read,
        // without waiting for the full id list (which follows and makes the whole list scrollable).
        // Only the page's first request: "Try again" after an error reads everything afresh.
        const first = await (firstScreen ?? loadFirstScreen());
        if (mine !== request.current) return;
        for (const row of first) rows.current.set(row.id, row);
        setIds(first.map((row) => row.id));
        setPartial(true);
        if (first.length > 0) {
          setStatus({ state: 'ready' });
          // The database code loads once these rows are on screen, not in front of them.
          await afterNextPaint();
        }
      }
      const { db, firstSearchResults, queryArticleIds, countArticles, getArticleSummaries } = await data();
      if (query.text) {
        // A common word: its newest matches show at once (a rare word gives up after one small
        // read), then the index answers with every match. Sequential on purpose: IndexedDB would
        // queue the quick read behind the index's large one anyway.
        const quick = await firstSearchResults(db, query, screen);
        if (mine !== request.current) return;
        if (quick) {
          for (const row of quick) rows.current.set(row.id, row);
          setIds(quick.map((row) => row.id));
          setPartial(true);
          setStatus({ state: 'ready' });
        }
      }
      const [matching, count] = await Promise.all([queryArticleIds(db, query), countArticles(db)]);
      // Load the first screen before showing it, so the first paint has real rows.
      const screenIds = matching.slice(0, screen);
      const missing = screenIds.filter((id) => !rows.current.has(id));
      for (const row of await getArticleSummaries(db, missing)) rows.current.set(row.id, row);
      if (mine !== request.current) return;
      setIds(matching);
      setPartial(false);
      setTotal(count);
      setStatus({ state: 'ready' });
      performance.mark(IDS_MARK);
    })().catch((error: unknown) => {
      if (mine === request.current) setStatus({ state: 'error', message: describeError(error) });
    });
  }, [query, reload, firstScreen]);

  // Right after the commit that put the first rows in the DOM: the task after the next frame's
  // rendering runs once that frame (with the rows) has painted. (useEffect would run a frame later.)
  useLayoutEffect(() => {
    if (status.state !== 'ready' || firstShown.current) return;
    firstShown.current = true;
    afterNextPaint().then(() => performance.mark(FIRST_ROWS_MARK));
  }, [status]);

  // Once the list is up (and again after an error was recovered): the menus and storage use.
  const ready = status.state === 'ready';
  useEffect(() => {
    if (!ready) return;
    const idle = setTimeout(() => {
      refreshStorage();
      refreshMenus();
    }, 200);
    return () => clearTimeout(idle);
  }, [ready, refreshStorage, refreshMenus]);

  // Another tab (the reader) may have saved, read or deleted articles meanwhile.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      rows.current.clear();
      setReload((n) => n + 1);
      refreshStorage();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refreshStorage]);

  const onRange = useCallback(
    (start: number, end: number) => {
      const missing = ids.slice(start, end).filter((id) => !rows.current.has(id));
      if (missing.length === 0) return;
      data()
        .then(({ db, getArticleSummaries }) => getArticleSummaries(db, missing))
        .then((loaded) => {
          for (const row of loaded) rows.current.set(row.id, row);
          setRowsVersion((v) => v + 1);
        })
        .catch(() => {});
    },
    [ids],
  );

  const showToast = useCallback((next: Toast) => {
    clearTimeout(toastTimer.current);
    setToast(next);
    toastTimer.current = setTimeout(() => setToast(null), UNDO_MS);
  }, []);

  const update = useCallback(
    async (
      id: string,
      change: (library: LibraryData) => Promise<boolean>,
      patch: Partial<ArticleSummary>,
    ) => {
      try {
        await change(await data());
        const row = rows.current.get(id);
        if (row) rows.current.set(id, { ...row, ...patch });
        setRowsVersion((v) => v + 1);
      } catch (error) {
        showToast({ message: `Could not update the article: ${describeError(error)}` });
      }
    },
    [showToast],
  );

  const actions: RowActions = useMemo(
    () => ({
      onToggleRead: (id, read) =>
        update(id, ({ db, setRead }) => setRead(db, id, read), { read: read ? 1 : 0 }),
      onToggleFavorite: (id, favorite) =>
        update(id, ({ db, setFavorite }) => setFavorite(db, id, favorite), { favorite: favorite ? 1 : 0 }),
      onToggleArchived: (id, archived) => {
        update(id, ({ db, setArchived }) => setArchived(db, id, archived), { archived: archived ? 1 : 0 });
        // It leaves the current shelf.
        if (filters.shelf !== 'all') setIds((list) => list.filter((x) => x !== id));
        showToast({
          message: archived ? 'Archived.' : 'Moved back to the library.',
          undo: () => {
            update(id, ({ db, setArchived }) => setArchived(db, id, !archived), {
              archived: archived ? 0 : 1,
            });
            setReload((n) => n + 1);
            setToast(null);
          },
        });
      },
      onDelete: async (id) => {
        try {
          const { db, deleteArticle, restoreArticle } = await data();
          const deleted: DeletedArticle | undefined = await deleteArticle(db, id);
          setIds((list) => list.filter((x) => x !== id));
          setTotal((n) => (n === null ? n : n - 1));
          if (!deleted) return;
          showToast({
            message: `Deleted “${deleted.article.title}”.`,
            undo: async () => {
              setToast(null);
              const restored = await restoreArticle(db, deleted);
              if (!restored)
                showToast({ message: 'This article was saved again meanwhile; nothing to undo.' });
              setReload((n) => n + 1);
            },
          });
          refreshStorage();
        } catch (error) {
          showToast({ message: `Could not delete the article: ${describeError(error)}` });
        }
      },
      onSelect: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
    }),
    [update, showToast, refreshStorage, filters.shelf],
  );

  // Export and import code (turndown, zip, validation) loads only when used: the list paints sooner.
  const exportMarkdown = async () => {
    const { articleToMarkdown, markdownFileName } = await import('@/lib/library/markdown-export');
    const { db, getArticle } = await data();
    const articles = (await Promise.all([...selected].map((id) => getArticle(db, id)))).filter(
      (a): a is StoredArticle => !!a,
    );
    if (articles.length === 1) {
      downloadBlob(
        new Blob([articleToMarkdown(articles[0])], { type: 'text/markdown' }),
        markdownFileName(articles[0]),
      );
    } else if (articles.length > 1) {
      const { zipFiles } = await import('@/lib/library/zip-files');
      const files = articles.map((a) => ({ name: markdownFileName(a), text: articleToMarkdown(a) }));
      downloadBlob(zipFiles(files), 'lede-articles.zip');
    }
  };

  const backup = async () => {
    try {
      showToast({ message: 'Preparing the backup…' });
      const { backupFileName, exportLibrary } = await import('@/lib/db/export-library');
      downloadBlob(await exportLibrary((await data()).db), backupFileName());
      showToast({ message: 'Backup downloaded.' });
    } catch (error) {
      showToast({ message: `Could not back up the library: ${describeError(error)}` });
    }
  };

  const restore = async (file: File) => {
    try {
      showToast({ message: `Importing ${file.name}…` });
      const { importLibrary } = await import('@/lib/db/import-library');
      const result = await importLibrary((await data()).db, file);
      rows.current.clear();
      setReload((n) => n + 1);
      refreshStorage();
      refreshMenus();
      showToast({
        message: `Imported ${result.articles} article${result.articles === 1 ? '' : 's'} and ${result.images} image${result.images === 1 ? '' : 's'}.`,
      });
    } catch (error) {
      showToast({ message: `Nothing was imported. ${describeError(error)}` });
    }
  };

  const state = status.state === 'ready' ? (total === 0 ? 'empty' : 'ready') : status.state;
  return (
    <div class="library" data-testid="library" data-state={state} aria-busy={state === 'loading'}>
      <header class="library-header">
        <h1>Library</h1>
        <p class="library-count" aria-live="polite">
          {total !== null &&
            !partial &&
            (isFiltered(filters)
              ? `${ids.length.toLocaleString()} of ${total.toLocaleString()} articles`
              : `${total.toLocaleString()} saved article${total === 1 ? '' : 's'}`)}
          {storage && <span data-testid="library-storage"> · {storage} used</span>}
        </p>
        <div class="library-tools">
          <button
            type="button"
            disabled={selected.size === 0}
            onClick={exportMarkdown}
            data-testid="export-markdown"
          >
            Export Markdown{selected.size > 0 ? ` (${selected.size})` : ''}
          </button>
          <button type="button" onClick={backup} disabled={!total} data-testid="export-library">
            Back up
          </button>
          <label class="tool-button">
            Restore…
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              data-testid="import-library"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) restore(file);
              }}
            />
          </label>
        </div>
      </header>
      {state !== 'empty' && state !== 'error' && (
        <LibraryFilters
          value={filters}
          sites={sites}
          tags={tags}
          entityNames={entityNames}
          onChange={setFilters}
          onEntityFocus={() => {
            const type = filters.entityType;
            if (!type) return;
            data()
              .then(({ db, listEntityNames }) => listEntityNames(db, type))
              .then(setEntityNames, () => {});
          }}
        />
      )}
      <main class="library-main">
        {state === 'loading' && (
          <div class="library-loading" data-testid="library-loading">
            <p class="visually-hidden">Loading the library…</p>
            {[0, 1, 2, 3].map((n) => (
              <LibraryRowSkeleton key={n} />
            ))}
          </div>
        )}
        {state === 'error' && (
          <div class="library-message" role="alert">
            <h2>The library could not be opened</h2>
            <p>{status.state === 'error' ? status.message : ''}</p>
            <button type="button" onClick={() => setReload((n) => n + 1)}>
              Try again
            </button>
          </div>
        )}
        {state === 'empty' && (
          <div class="library-message" data-testid="library-empty">
            <h2>No saved articles yet</h2>
            <p>
              To save an article, open it, click the Lede icon in the toolbar (or press <kbd>Alt</kbd>+
              <kbd>Shift</kbd>+<kbd>R</kbd>), then press <strong>Save</strong> (or the <kbd>S</kbd> key).
              Saved articles, with their images and highlights, stay readable offline.
            </p>
          </div>
        )}
        {state === 'ready' && ids.length === 0 && (
          <div class="library-message" data-testid="library-no-match">
            <h2>No articles match</h2>
            <p>Try fewer words, or clear the filters.</p>
            <button type="button" onClick={() => setFilters(NO_FILTERS)}>
              Clear search and filters
            </button>
          </div>
        )}
        {state === 'ready' && ids.length > 0 && (
          <VirtualList
            count={ids.length}
            rowHeight={ROW_HEIGHT}
            label="Saved articles, newest first"
            onRange={onRange}
            resetKey={query}
            renderRow={(index) => {
              const row = rows.current.get(ids[index]);
              return row ? (
                <LibraryRow key={row.id} article={row} selected={selected.has(row.id)} actions={actions} />
              ) : (
                <LibraryRowSkeleton />
              );
            }}
          />
        )}
      </main>
      <div class="toast-region" role="status" aria-live="polite">
        {toast && (
          <div class="toast" data-testid="toast">
            <span>{toast.message}</span>
            {toast.undo && (
              <button type="button" onClick={toast.undo} data-testid="undo">
                Undo
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
