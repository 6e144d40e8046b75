import { LibraryError } from './LibraryStates';

type PeopleState = 'loading' | 'error' | 'nothing-saved' | 'no-people' | 'no-match';

const TEXT: Record<
  Exclude<PeopleState, 'loading' | 'error'>,
  { title: string; body: string; action?: string }
> = {
  'nothing-saved': {
    title: 'No saved articles yet',
    body: 'Save articles from the reader (Save, or the S key): everyone they quote or mention is listed here, with what they said, where and when.',
  },
  'no-people': {
    title: 'No people or organizations yet',
    body: 'Your saved articles name no one Lede could find. Articles in English, French, Spanish and Czech have their people and speakers marked.',
  },
  'no-match': { title: 'No names match', body: 'Try fewer letters.', action: 'Clear search' },
};

/** The People views' designed states: loading, error (with Try again), nothing saved, no one found, no match. */
export function PeopleStateMessage({
  state,
  message = '',
  onAction,
}: {
  state: PeopleState;
  message?: string;
  onAction: () => void;
}) {
  if (state === 'loading')
    return (
      <p class="library-message" data-testid="people-loading">
        Loading…
      </p>
    );
  if (state === 'error') return <LibraryError message={message} onRetry={onAction} testId="people-error" />;
  const text = TEXT[state];
  return (
    <div class="library-message" data-testid={`people-${state}`}>
      <h2>{text.title}</h2>
      <p>{text.body}</p>
      {text.action && (
        <button type="button" onClick={onAction}>
          {text.action}
        </button>
      )}
    </div>
  );
}
