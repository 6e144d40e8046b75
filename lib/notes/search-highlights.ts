import { foldText } from '../db/search-tokens';

/** What a highlight is found by: its quote, its note and its article's title. */
interface Searchable {
  exact: string;
  note: string;
  articleTitle: string;
}

/**
 * The highlights matching `query`: every word of it (accents and case folded) appears in the
 * quote, the note or the article title. An empty query keeps them all, in their order.
 */
export function searchHighlights<T extends Searchable>(highlights: readonly T[], query: string): T[] {
  const terms = foldText(query).split(/\s+/).filter(Boolean);
  if (!terms.length) return [...highlights];
  return highlights.filter((h) => {
    const hay = foldText(`${h.exact}\n${h.note}\n${h.articleTitle}`);
    return terms.every((term) => hay.includes(term));
  });
}
