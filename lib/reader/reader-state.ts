import type { Article } from '../extract/article';
import type { ReadResult } from './read-tab';
import type { RestrictedReason } from './restricted-url';

/** What the reader shows; `state` is exposed as `data-state` on `[data-testid="reader"]`. */
export type ReaderState =
  | { state: 'loading' }
  | { state: 'ready'; article: Article }
  /** `reason`: why the page is no article, in the reader's words ("the page is a list of links"). */
  | { state: 'empty'; candidate: Article | null; reason: string | null }
  | { state: 'restricted'; reason: RestrictedReason }
  | { state: 'error'; message: string; timedOut: boolean };

/** A page that is not an article still yields a candidate; the reader offers it behind "Show anyway". */
export function stateOfResult(result: ReadResult): ReaderState {
  switch (result.kind) {
    case 'article':
      return result.article.readerable && result.article.textContent.trim()
        ? { state: 'ready', article: result.article }
        : {
            state: 'empty',
            candidate: result.article.textContent.trim() ? result.article : null,
            reason: result.reason ?? null,
          };
    case 'none':
      return { state: 'empty', candidate: null, reason: result.reason ?? null };
    case 'restricted':
      return { state: 'restricted', reason: result.reason };
    case 'error':
      return { state: 'error', message: result.message, timedOut: result.timedOut };
  }
}
