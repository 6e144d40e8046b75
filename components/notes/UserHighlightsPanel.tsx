import type { StoredHighlight } from '@/lib/notes/stored-highlight';
import type { HighlightsStatus } from './use-user-highlights';

interface PanelProps {
  status: HighlightsStatus;
  highlights: StoredHighlight[];
  /** Scrolls to a highlight and opens its note. */
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function Item({ highlight, onOpen }: { highlight: StoredHighlight; onOpen: (id: string) => void }) {
  return (
    <li data-testid="user-highlight-item">
      <button type="button" class="user-highlights__item" onClick={() => onOpen(highlight.id)}>
        <span class="user-highlights__quote">{clip(highlight.exact)}</span>
        {highlight.note.trim() && <span class="user-highlights__note">{clip(highlight.note)}</span>}
      </button>
    </li>
  );
}

/**
 * The reader's highlights of this article, in text order: each opens its note. Highlights whose
 * text is no longer in the article are listed apart as not found (orphaned), with their note and
 * a Delete button: they are never dropped silently.
 */
export function UserHighlightsPanel({ status, highlights, onOpen, onDelete }: PanelProps) {
  const placed = highlights.filter((h) => !h.orphaned);
  const orphans = highlights.filter((h) => h.orphaned);
  return (
    <section
      class="user-highlights"
      aria-labelledby="user-highlights-title"
      data-testid="user-highlights"
      data-state={status.state === 'ready' ? (highlights.length ? 'ready' : 'empty') : status.state}
    >
      <h2 id="user-highlights-title" class="user-highlights__title">
        Your highlights{highlights.length ? ` (${highlights.length})` : ''}
      </h2>
      {status.state === 'loading' && <p class="user-highlights__hint">Loading your highlights…</p>}
      {status.state === 'error' && (
        <p class="user-highlights__error" role="alert">
          {status.message}{' '}
          <button type="button" onClick={status.retry}>
            Try again
          </button>
        </p>
      )}
      {status.state === 'ready' && highlights.length === 0 && (
        <p class="user-highlights__hint">
          Select text and press H (or Highlight) to highlight it; click a highlight to add a note.
        </p>
      )}
      {placed.length > 0 && (
        <ul class="user-highlights__list">
          {placed.map((h) => (
            <Item key={h.id} highlight={h} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <>
          <h3 class="user-highlights__subtitle">Not found in this version of the article</h3>
          <ul class="user-highlights__list">
            {orphans.map((h) => (
              <li key={h.id} class="user-highlights__orphan" data-testid="orphaned-highlight">
                <span class="user-highlights__quote">{clip(h.exact)}</span>
                {h.note.trim() && <span class="user-highlights__note">{clip(h.note)}</span>}
                <button
                  type="button"
                  aria-label={`Delete the highlight “${clip(h.exact, 40)}”`}
                  onClick={() => onDelete(h.id)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
