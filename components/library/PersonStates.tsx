import { plural } from './people-list';
import type { PersonStatus } from './use-person';

/**
 * The person view's designed states: loading, error (Try again), nothing saved yet, no one by that
 * name, and a person mentioned but never quoted.
 */
export function PersonStateMessage({
  status,
  name,
  onRetry,
}: {
  status: PersonStatus;
  name: string;
  onRetry: () => void;
}) {
  switch (status.state) {
    case 'loading':
      return (
        <p class="library-message" data-testid="person-loading">
          Loading…
        </p>
      );
    case 'error':
      return (
        <div class="library-message" role="alert" data-testid="person-error">
          <h2>The library could not be opened</h2>
          <p>{status.message}</p>
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
    case 'not-found':
      return status.articles === 0 ? (
        <div class="library-message" data-testid="person-nothing-saved">
          <h2>No saved articles yet</h2>
          <p>
            Save articles from the reader: what {name} says in them will be gathered here, with the article,
            outlet and date of each quote.
          </p>
        </div>
      ) : (
        <div class="library-message" data-testid="person-not-found">
          <h2>No one called “{name}” in your library</h2>
          <p>
            None of your saved articles quotes or mentions this name.{' '}
            <a href="library.html?view=people">See everyone</a>.
          </p>
        </div>
      );
    case 'ready':
      return (
        <div class="library-message" data-testid="person-no-quotes">
          <h2>{name} is mentioned, never quoted</h2>
          <p>
            {plural(status.entry.mentions, 'mention')} in {plural(status.entry.articles, 'saved article')},
            listed below; none of them quotes {name}.
          </p>
        </div>
      );
  }
}
