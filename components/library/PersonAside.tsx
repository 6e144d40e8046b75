import type { QuoteGroup } from '@/lib/people/people-queries';
import { personHref, plural, shortDate } from './people-list';
import type { PersonCompany } from './use-person';

/** The articles that mention the person without quoting them. */
export function PersonMentions({ groups }: { groups: QuoteGroup[] }) {
  const mentionOnly = groups.filter((group) => group.quotes.length === 0);
  if (mentionOnly.length === 0) return null;
  return (
    <section class="person-mentions" aria-labelledby="person-mentions-heading">
      <h2 id="person-mentions-heading">Mentioned without a quote</h2>
      <ul>
        {mentionOnly.slice(0, 200).map((group) => (
          <li key={group.article.id} data-testid="person-mention" data-article-id={group.article.id}>
            <a href={`reader.html?id=${encodeURIComponent(group.article.id)}`}>
              {group.article.title || group.article.url}
            </a>{' '}
            <span class="row-meta">
              {group.article.siteName || group.article.site} · {shortDate(group.seen)} ·{' '}
              {plural(group.mentions, 'mention')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who else the articles mention most, and which outlets they come from. */
export function PersonAside({ company }: { company: PersonCompany | null }) {
  if (!company) return <aside class="person-aside" aria-busy="true" />;
  return (
    <aside class="person-aside" data-testid="person-company">
      <h2>Mentioned with</h2>
      {company.people.length === 0 ? (
        <p class="row-meta">No one else.</p>
      ) : (
        <ul>
          {company.people.map((other) => (
            <li key={other.name} data-testid="co-mention">
              <a href={personHref(other.name)}>{other.name}</a>{' '}
              <span class="row-meta">{plural(other.articles, 'article')}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Outlets</h2>
      <ul>
        {company.outlets.map((outlet) => (
          <li key={outlet.name} data-testid="person-outlet">
            {outlet.name} <span class="row-meta">{plural(outlet.articles, 'article')}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
