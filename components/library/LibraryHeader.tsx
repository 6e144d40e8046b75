import type { ComponentChildren } from 'preact';
import { LibraryNav } from './LibraryNav';

interface LibraryHeaderProps {
  /** All saved articles; null until counted. */
  total: number | null;
  /** Only the first screen is in: `matching` is not the real count yet. */
  partial: boolean;
  filtered: boolean;
  matching: number;
  /** Storage used, formatted; null when unknown. */
  storage: string | null;
  /** The tools at the header's end. */
  children?: ComponentChildren;
}

export function LibraryHeader({ total, partial, filtered, matching, storage, children }: LibraryHeaderProps) {
  return (
    <header class="library-header">
      <h1>Library</h1>
      <LibraryNav current="list" />
      <p class="library-count" aria-live="polite">
        {total !== null &&
          !partial &&
          (filtered
            ? `${matching.toLocaleString()} of ${total.toLocaleString()} articles`
            : `${total.toLocaleString()} saved article${total === 1 ? '' : 's'}`)}
        {storage && <span data-testid="library-storage"> · {storage} used</span>}
      </p>
      {children}
    </header>
  );
}
