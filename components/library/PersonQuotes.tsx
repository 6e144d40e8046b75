import { useState } from 'preact/hooks';
import type { QuoteGroup } from '@/lib/people/people-queries';
import { shortDate } from './people-list';

/** Quotes rendered at first: a 200-quote view in one go; more on request. */
const FIRST_QUOTES = 300;

/** Where a quote opens: its saved article, scrolled to the quote and highlighted there. */
export function quoteHref(articleId: string, start: number): string {
  return `reader.html?id=${encodeURIComponent(articleId)}&quote=${start}`;
}

function ArticleHeading({ group, onDelete }: { group: QuoteGroup; onDelete: (id: string) => void }) {
  const { article } = group;
  return (
    <header class="person-article__head">
      <h3>
        <a href={`reader.html?id=${encodeURIComponent(article.id)}`}>{article.title || article.url}</a>
      </h3>
      <p class="row-meta">
        {article.siteName || article.site} · {shortDate(group.seen)}
      </p>
      <button
        type="button"
        class="person-article__delete"
        aria-label={`Delete “${article.title}” from the library`}
        onClick={() => onDelete(article.id)}
        data-testid="person-delete-article"
      >
        Delete
      </button>
    </header>
  );
}

/** A person's quotes, grouped by article, newest article first; each opens the article at the quote. */
export function PersonQuotes({ groups, onDelete }: { groups: QuoteGroup[]; onDelete: (id: string) => void }) {
  const [limit, setLimit] = useState(FIRST_QUOTES);
  let budget = limit;
  const shown: QuoteGroup[] = [];
  for (const group of groups) {
    if (budget <= 0) break;
    shown.push(budget >= group.quotes.length ? group : { ...group, quotes: group.quotes.slice(0, budget) });
    budget -= group.quotes.length;
  }
  const total = groups.reduce((n, group) => n + group.quotes.length, 0);
  return (
    <section class="person-quotes" aria-labelledby="person-quotes-heading">
      <h2 id="person-quotes-heading">Quotes</h2>
      {shown.map((group) => (
        <article
          key={group.article.id}
          class="person-article"
          data-testid="person-article"
          data-article-id={group.article.id}
        >
          <ArticleHeading group={group} onDelete={onDelete} />
          <ul class="person-article__quotes">
            {group.quotes.map((quote) => (
              <li key={quote.start}>
                <a
                  class="person-quote"
                  href={quoteHref(group.article.id, quote.start)}
                  data-testid="person-quote"
                  data-article-id={group.article.id}
                  // The browser reports when the quotes are first painted (Element Timing); the bench reads it.
                  elementtiming="person-quote"
                >
                  “{quote.text}”
                </a>
              </li>
            ))}
          </ul>
        </article>
      ))}
      {total > limit && (
        <button type="button" class="people-more" onClick={() => setLimit(limit + FIRST_QUOTES)}>
          Show more quotes ({(total - limit).toLocaleString()} left)
        </button>
      )}
    </section>
  );
}
