import type { ArticleSummary } from '@/lib/db/articles';
import { RowStatus } from '../notes/RowStatus';

export interface RowActions {
  onToggleRead(id: string, read: boolean): void;
  onToggleFavorite(id: string, favorite: boolean): void;
  onToggleArchived(id: string, archived: boolean): void;
  onDelete(id: string): void;
  onSelect(id: string, selected: boolean): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** One saved article in the library list. The title link stretches over the whole row. */
export function LibraryRow({
  article,
  selected,
  actions,
}: {
  article: ArticleSummary;
  selected: boolean;
  actions: RowActions;
}) {
  const meta = [
    article.siteName ?? article.site,
    article.byline,
    dateFormat.format(article.savedAt),
    `${article.readingMinutes} min`,
  ].filter(Boolean);
  const progress = Math.round(article.readingPosition * 100);
  return (
    <article
      class="row"
      data-testid="library-item"
      data-id={article.id}
      data-read={article.read === 1 ? 'true' : 'false'}
    >
      <input
        type="checkbox"
        class="row-select"
        checked={selected}
        aria-label={`Select “${article.title}”`}
        onChange={(event) => actions.onSelect(article.id, event.currentTarget.checked)}
      />
      <div class="row-main">
        <a
          class="row-link"
          href={`reader.html?id=${encodeURIComponent(article.id)}`}
          // The browser reports when row titles are first painted (Element Timing); the bench reads it.
          elementtiming="library-row"
        >
          {article.title || article.url}
        </a>
        <p class="row-meta">
          {meta.join(' · ')}
          <RowStatus article={article} />
          {article.tags.length > 0 && (
            <span class="row-tags"> · {article.tags.map((t) => `#${t}`).join(' ')}</span>
          )}
        </p>
        {article.excerpt && <p class="row-excerpt">{article.excerpt}</p>}
        {progress > 0 && progress < 100 && (
          <div class="row-progress" role="img" aria-label={`${progress}% read`}>
            <div style={{ width: `${progress}%` }} />
          </div>
        )}
      </div>
      <div class="row-actions">
        <button
          type="button"
          aria-pressed={article.favorite === 1}
          aria-label="Favourite"
          title="Favourite"
          onClick={() => actions.onToggleFavorite(article.id, article.favorite !== 1)}
        >
          {article.favorite === 1 ? '★' : '☆'}
        </button>
        <button
          type="button"
          aria-pressed={article.read === 1}
          title={article.read === 1 ? 'Mark as unread' : 'Mark as read'}
          onClick={() => actions.onToggleRead(article.id, article.read !== 1)}
        >
          {article.read === 1 ? 'Read' : 'Unread'}
        </button>
        <button
          type="button"
          aria-pressed={article.archived === 1}
          title={article.archived === 1 ? 'Move back to the library' : 'Archive'}
          onClick={() => actions.onToggleArchived(article.id, article.archived !== 1)}
        >
          {article.archived === 1 ? 'Unarchive' : 'Archive'}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="library-delete"
          aria-label={`Delete “${article.title}”`}
          title="Delete"
          onClick={() => actions.onDelete(article.id)}
        >
          Delete
        </button>
      </div>
    </article>
  );
}

/** The placeholder of a row whose data is still loading (keeps the row height and layout). */
export function LibraryRowSkeleton() {
  return (
    <div class="row row-skeleton" aria-hidden="true">
      <div class="row-main">
        <div class="skeleton skeleton-title" />
        <div class="skeleton skeleton-meta" />
      </div>
    </div>
  );
}
