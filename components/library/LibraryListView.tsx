import type { ArticleSummary } from '@/lib/db/summary';
import { isFiltered, LibraryFilters, NO_FILTERS } from './LibraryFilters';
import { LibraryHeader } from './LibraryHeader';
import { LibraryRows } from './LibraryRows';
import { LibraryEmpty, LibraryError, LibraryLoading, LibraryNoMatch } from './LibraryStates';
import { LibraryToast } from './LibraryToast';
import { LibraryTools } from './LibraryTools';
import { useLibraryActions } from './use-library-actions';
import { useLibraryList, useReloadWhenVisible } from './use-library-list';
import { useLibraryMeta } from './use-library-meta';
import { useLibraryTransfer } from './use-library-transfer';
import { useToast } from './use-toast';

/** The saved articles, searched and filtered, in a virtual list. */
export function LibraryListView({ firstScreen }: { firstScreen?: Promise<ArticleSummary[]> }) {
  const list = useLibraryList(firstScreen);
  const { status, filters, ids, total } = list;
  const meta = useLibraryMeta(status.state === 'ready');
  useReloadWhenVisible(list.reloadAll, meta.refreshStorage);
  const { toast, showToast, hideToast } = useToast();
  const { refreshStorage, refreshMenus } = meta;
  const { selected, actions } = useLibraryActions({
    list,
    shelf: filters.shelf,
    showToast,
    hideToast,
    refreshStorage,
  });
  const transfer = useLibraryTransfer({
    selected,
    showToast,
    reloadAll: list.reloadAll,
    refreshStorage,
    refreshMenus,
  });

  const state = status.state === 'ready' ? (total === 0 ? 'empty' : 'ready') : status.state;
  return (
    <div class="library" data-testid="library" data-state={state} aria-busy={state === 'loading'}>
      <LibraryHeader
        total={total}
        partial={list.partial}
        filtered={isFiltered(filters)}
        matching={ids.length}
        storage={meta.storage}
      >
        <LibraryTools
          selectedCount={selected.size}
          canBackUp={!!total}
          onExportMarkdown={transfer.exportMarkdown}
          onBackup={transfer.backup}
          onRestore={transfer.restore}
        />
      </LibraryHeader>
      {state !== 'empty' && state !== 'error' && (
        <LibraryFilters
          value={filters}
          sites={meta.sites}
          tags={meta.tags}
          entityNames={meta.entityNames}
          onChange={list.setFilters}
          onEntityFocus={() => meta.loadEntityNames(filters.entityType)}
        />
      )}
      <main class="library-main">
        {state === 'loading' && <LibraryLoading />}
        {state === 'error' && (
          <LibraryError message={status.state === 'error' ? status.message : ''} onRetry={list.reloadList} />
        )}
        {state === 'empty' && <LibraryEmpty />}
        {state === 'ready' && ids.length === 0 && (
          <LibraryNoMatch onClear={() => list.setFilters(NO_FILTERS)} />
        )}
        {state === 'ready' && ids.length > 0 && (
          <LibraryRows
            ids={ids}
            rows={list.rows}
            selected={selected}
            actions={actions}
            onRange={list.onRange}
            resetKey={list.query}
          />
        )}
      </main>
      <LibraryToast toast={toast} />
    </div>
  );
}
