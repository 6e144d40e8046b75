import { ROW_HEIGHT } from '@/lib/db/first-screen';
import type { ArticleSummary } from '@/lib/db/summary';
import { LibraryRow, LibraryRowSkeleton, type RowActions } from './LibraryRow';
import { VirtualList } from './VirtualList';

interface LibraryRowsProps {
  ids: string[];
  /** The rows loaded so far; the others show as skeletons until `onRange` has loaded them. */
  rows: ReadonlyMap<string, ArticleSummary>;
  selected: Set<string>;
  actions: RowActions;
  onRange: (start: number, end: number) => void;
  /** A new query: the list scrolls back to the top. */
  resetKey: unknown;
}

export function LibraryRows({ ids, rows, selected, actions, onRange, resetKey }: LibraryRowsProps) {
  return (
    <VirtualList
      count={ids.length}
      rowHeight={ROW_HEIGHT}
      label="Saved articles, newest first"
      onRange={onRange}
      resetKey={resetKey}
      renderRow={(index) => {
        const row = rows.get(ids[index]);
        return row ? (
          <LibraryRow key={row.id} article={row} selected={selected.has(row.id)} actions={actions} />
        ) : (
          <LibraryRowSkeleton />
        );
      }}
    />
  );
}
