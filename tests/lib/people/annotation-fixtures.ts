// Stored annotations for people-index tests: a person entity and a quote at an offset.
import type { StoredEntity, StoredQuote } from '@/lib/db/schema';

/** A person entity as `annotate` stores it. */
export const person = (name: string, aliases: string[] = [], count = 1): StoredEntity => ({
  name,
  type: 'person',
  aliases,
  count,
});

/** A quote by `speaker` starting at `start` in the article's text. */
export const quote = (text: string, speaker: string, start: number): StoredQuote => ({
  text,
  speaker,
  start,
  end: start + text.length,
});
