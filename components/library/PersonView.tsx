import { useEffect } from 'preact/hooks';
import { LibraryNav } from './LibraryNav';
import { LibraryToast } from './LibraryToast';
import { PersonAside, PersonMentions } from './PersonAside';
import { PersonQuotes } from './PersonQuotes';
import { PersonStateMessage } from './PersonStates';
import { PersonTools } from './PersonTools';
import { plural, shortDate } from './people-list';
import { PERSON_MARK, usePerson } from './use-person';
import { usePersonActions } from './use-person-actions';
import { useToast } from './use-toast';

/** `library.html?person=<name>`: what one person or organization said and where, across the library. */
export function PersonView({ name }: { name: string }) {
  const { status, company, reload } = usePerson(name);
  const { toast, showToast, hideToast } = useToast();
  const ready = status.state === 'ready' ? status : null;
  // The first screen kept from an earlier read: the entry and its newest quotes, without the tools.
  const shown = ready ?? (status.state === 'partial' ? status : null);
  const actions = usePersonActions({
    entry: ready?.entry ?? null,
    entries: ready?.entries ?? [],
    groups: ready?.groups ?? [],
    reload,
    showToast,
    hideToast,
  });
  useEffect(() => {
    if (ready) requestAnimationFrame(() => setTimeout(() => performance.mark(PERSON_MARK)));
  }, [ready]);
  useEffect(() => {
    document.title = `${ready?.entry.name ?? name} · Lede`;
  }, [ready, name]);

  const entry = shown?.entry;
  const state = status.state === 'ready' ? (entry?.quotes ? 'ready' : 'no-quotes') : status.state;
  return (
    <div
      class="library person"
      data-testid="person"
      data-name={entry?.name ?? name}
      data-state={state}
      aria-busy={state === 'loading' || state === 'partial'}
    >
      <header class="library-header">
        <h1>{entry?.name ?? name}</h1>
        <LibraryNav current="people" />
        {entry && (
          <p class="library-count person-summary" data-testid="person-summary">
            {entry.type === 'person' ? 'Person' : 'Organization'} · {plural(entry.quotes, 'quote')} ·{' '}
            {plural(entry.mentions, 'mention')} · {plural(entry.articles, 'article')} · first seen{' '}
            {shortDate(entry.first)}, last seen {shortDate(entry.last)}
          </p>
        )}
        {ready && entry && (
          <PersonTools
            entry={entry}
            onExport={actions.exportMarkdown}
            onMerge={actions.merge}
            onSplit={actions.split}
          />
        )}
      </header>
      <div class="person-body">
        <main class="person-main">
          {!shown && status.state !== 'ready' && status.state !== 'partial' && (
            <PersonStateMessage status={status} name={name} onRetry={reload} />
          )}
          {ready && entry && entry.quotes === 0 && (
            <PersonStateMessage status={status} name={entry.name} onRetry={reload} />
          )}
          {shown && entry && entry.quotes > 0 && (
            <PersonQuotes groups={shown.groups} onDelete={actions.deleteArticle} />
          )}
          {ready && <PersonMentions groups={ready.groups} />}
        </main>
        {ready && <PersonAside company={company} />}
      </div>
      <LibraryToast toast={toast} />
    </div>
  );
}
