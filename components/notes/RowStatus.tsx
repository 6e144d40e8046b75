import { useEffect, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/summary';
import { libraryData } from '../library/load-library';

/** Where the reader stands in an article: unread, in progress (with how far), or read. */
export function readingStatus(article: Pick<ArticleSummary, 'read' | 'readingPosition'>): string {
  if (article.read === 1) return 'Read';
  const percent = Math.round(article.readingPosition * 100);
  return percent > 0 ? `In progress · ${Math.min(percent, 99)}%` : 'Unread';
}

/** Rows asking for their highlight count in one task share one index read. */
let pending: Map<string, ((count: number) => void)[]> | null = null;

function flushCounts(): void {
  const batch = pending;
  pending = null;
  if (!batch) return;
  Promise.all([import('@/lib/notes/highlights-db'), libraryData()])
    .then(([{ highlightCounts }, { db }]) => highlightCounts(db, [...batch.keys()]))
    .then(
      (counts) => {
        for (const [id, listeners] of batch) for (const listen of listeners) listen(counts.get(id) ?? 0);
      },
      () => {
        // No count is shown rather than a wrong one.
      },
    );
}

/** How many highlights the article has; null until read. Batched across the rows of a render. */
export function countHighlights(id: string, onCount: (count: number) => void): void {
  if (!pending) {
    pending = new Map();
    setTimeout(flushCounts, 0);
  }
  pending.set(id, [...(pending.get(id) ?? []), onCount]);
}

/**
 * A library row's reading status and highlight count, as text in its meta line: "In progress ·
 * 42% · 3 highlights". `article` changes (a reload) read the count again.
 */
export function RowStatus({ article }: { article: ArticleSummary }) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    countHighlights(article.id, (n) => live && setCount(n));
    return () => {
      live = false;
    };
  }, [article]);
  return (
    <>
      {' · '}
      <span data-testid="row-progress">{readingStatus(article)}</span>
      {!!count && (
        <span data-testid="row-highlights">
          {' · '}
          {count === 1 ? '1 highlight' : `${count} highlights`}
        </span>
      )}
    </>
  );
}
