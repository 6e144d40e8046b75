import { findSavedArticle } from '../db/articles';
import type { LedeDB } from '../db/schema';
import type { PeopleType } from './identity';
import { findPerson, listPeople } from './people-queries';

/** What the library holds of a name beyond the article being read. */
export interface LibraryHistory {
  /** The library's name for them (the link's `?person=`). */
  name: string;
  /** Quotes in other saved articles. */
  quotes: number;
  /** Other saved articles that quote or mention them. */
  articles: number;
}

/**
 * For each name of the article being read (speakers and entities), its saved history: quotes and
 * articles in the library, those of this very article (when it is saved) left out. Names with no
 * other article are not in the result.
 */
export async function libraryHistory(
  db: LedeDB,
  names: { name: string; type: PeopleType }[],
  page?: { url: string; canonicalUrl?: string | null },
): Promise<Record<string, LibraryHistory>> {
  const entries = await listPeople(db);
  if (entries.length === 0) return {};
  const savedId = page
    ? await findSavedArticle(db, page.url, page.canonicalUrl).catch(() => undefined)
    : undefined;
  const here = savedId ? await db.mentions.where('articleId').equals(savedId).toArray() : [];
  const out: Record<string, LibraryHistory> = {};
  for (const { name, type } of names) {
    const entry = findPerson(
      entries.filter((e) => e.type === type),
      name,
    );
    if (!entry) continue;
    const own = here.filter((posting) => entry.keys.includes(posting.key));
    const quotes = entry.quotes - own.reduce((n, posting) => n + posting.quotes.length, 0);
    const articles = entry.articles - own.length;
    if (articles > 0) out[name] = { name: entry.name, quotes, articles };
  }
  return out;
}
