import type { Article } from '../extract/article';
import type { Annotations } from './annotations';
import { findEntities } from './find-entities';
import { findQuotes } from './find-quotes';
import { splitBlocks } from './split-blocks';
import { splitSentences } from './split-sentences';

/**
 * Finds the direct quotations (with their speakers) and the people, organizations and places of
 * an article. Pure and synchronous: runs in Node and in extension pages.
 */
export function annotate(article: Pick<Article, 'textContent'> & Partial<Article>): Annotations {
  const text = article.textContent;
  const blocks = splitBlocks(text);
  const sentences = blocks.map((b) => splitSentences(text, b.start, b.end));
  const found = findEntities(text, blocks, sentences);
  const quotes = findQuotes(text, blocks).map((q) => ({
    text: q.text,
    speaker: null,
    start: q.start,
    end: q.end,
  }));
  const entities = found.entities.map(({ name, type, aliases, count, mentions }) => ({
    name,
    type,
    aliases,
    count,
    mentions,
  }));
  return { quotes, entities };
}
