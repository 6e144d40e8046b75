import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/summary';
import { describeError } from './describe-error';
import type { FilterState } from './LibraryFilters';
import type { RowActions } from './LibraryRow';
import type { LibraryData } from './library-data';
import { libraryData } from './load-library';
import type { LibraryList } from './use-library-list';
import type { Toast } from './use-toast';

interface LibraryActionsDeps {
  list: Pick<LibraryList, 'patchRow' | 'dropRow' | 'deleteRow' | 'reloadList'>;
  shelf: FilterState['shelf'];
  showToast(toast: Toast): void;
  hideToast(): void;
  refreshStorage(): void;
}

/** The rows' buttons (read, favourite, archive and delete, the last two with Undo) and the selection. */
export function useLibraryActions({ list, shelf, showToast, hideToast, refreshStorage }: LibraryActionsDeps) {
  const { patchRow, dropRow, deleteRow, reloadList } = list;
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const update = useCallback(
    async (
      id: string,
      change: (library: LibraryData) => Promise<boolean>,
      patch: Partial<ArticleSummary>,
    ): Promise<boolean> => {
      try {
        await change(await libraryData());
        patchRow(id, patch);
        return true;
      } catch (error) {
        showToast({ message: `Could not update the article: ${describeError(error)}` });
        return false;
      }
    },
    [showToast, patchRow],
  );

  const onDelete = useCallback(
    async (id: string) => {
      try {
        const { db, deleteArticle, restoreArticle } = await libraryData();
        const deleted = await deleteArticle(db, id);
        deleteRow(id);
        if (!deleted) return;
        showToast({
          message: `Deleted “${deleted.article.title}”.`,
          undo: async () => {
            hideToast();
            const restored = await restoreArticle(db, deleted);
            if (!restored) showToast({ message: 'This article was saved again meanwhile; nothing to undo.' });
            reloadList();
          },
        });
        refreshStorage();
      } catch (error) {
        showToast({ message: `Could not delete the article: ${describeError(error)}` });
      }
    },
    [deleteRow, showToast, hideToast, reloadList, refreshStorage],
  );

  const actions: RowActions = useMemo(
    () => ({
      onToggleRead: (id, read) =>
        update(id, ({ db, setRead }) => setRead(db, id, read), { read: read ? 1 : 0 }),
      onToggleFavorite: (id, favorite) =>
        update(id, ({ db, setFavorite }) => setFavorite(db, id, favorite), { favorite: favorite ? 1 : 0 }),
      onToggleArchived: async (id, archived) => {
        // The row leaves the shelf once the change is stored, not before: a page closed or reloaded
        // right after the click must not have shown a change that was never written.
        const stored = await update(id, ({ db, setArchived }) => setArchived(db, id, archived), {
          archived: archived ? 1 : 0,
        });
        if (!stored) return;
        if (shelf !== 'all') dropRow(id);
        showToast({
          message: archived ? 'Archived.' : 'Moved back to the library.',
          undo: async () => {
            hideToast();
            const undone = await update(id, ({ db, setArchived }) => setArchived(db, id, !archived), {
              archived: archived ? 0 : 1,
            });
            if (undone) reloadList();
          },
        });
      },
      onDelete,
      onSelect: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
    }),
    [update, onDelete, dropRow, showToast, hideToast, reloadList, shelf],
  );

  return { selected, actions };
}
