import type { TextQuoteSelector } from './text-quote';

/**
 * One highlight of the reader's, stored in the `highlights` table (schema v5). Its place is a
 * TextQuoteSelector (quote, prefix, suffix, offsets) into the article's block text, re-anchored
 * each time the article is shown or saved again; one that cannot be found is kept, `orphaned`.
 */
export interface StoredHighlight extends TextQuoteSelector {
  /** Sorts by creation time (same form as article ids). */
  id: string;
  articleId: string;
  /** The reader's note; '' when there is none. */
  note: string;
  /** 1 when the quote could not be found in the article's current text. */
  orphaned: 0 | 1;
  createdAt: number;
  updatedAt: number;
}
