import { LibraryRowSkeleton } from './LibraryRow';

export function LibraryLoading() {
  return (
    <div class="library-loading" data-testid="library-loading">
      <p class="visually-hidden">Loading the library…</p>
      {[0, 1, 2, 3].map((n) => (
        <LibraryRowSkeleton key={n} />
      ))}
    </div>
  );
}

export function LibraryError({
  message,
  onRetry,
  testId,
}: {
  message: string;
  onRetry: () => void;
  testId?: string;
}) {
  return (
    <div class="library-message" role="alert" data-testid={testId}>
      <h2>The library could not be opened</h2>
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function LibraryEmpty() {
  return (
    <div class="library-message" data-testid="library-empty">
      <h2>No saved articles yet</h2>
      <p>
        To save an article, open it, click the Lede icon in the toolbar (or press <kbd>Alt</kbd>+
        <kbd>Shift</kbd>+<kbd>R</kbd>), then press <strong>Save</strong> (or the <kbd>S</kbd> key). Saved
        articles, with their images and highlights, stay readable offline.
      </p>
    </div>
  );
}

export function LibraryNoMatch({ onClear }: { onClear: () => void }) {
  return (
    <div class="library-message" data-testid="library-no-match">
      <h2>No articles match</h2>
      <p>Try fewer words, or clear the filters.</p>
      <button type="button" onClick={onClear}>
        Clear search and filters
      </button>
    </div>
  );
}
