// lib/reader: reading a tab — injecting the extraction, the reader's states and timing, which URLs are closed to it.
import { browser } from 'wxt/browser';
import type { Article } from '../extract/article';
import type { ExtractedPage } from '../extract/extract-article';
import { EXTRACT_SCRIPT } from './early-read';
import { type RestrictedReason, restrictedReasonOfError, restrictedReasonOfUrl } from './restricted-url';

/** What reading a tab can give: every outcome the reader has a state for. */
export type ReadResult =
  /** `reason` is set when the article is only the best candidate on a page that is no article. */
  | { kind: 'article'; article: Article; reason?: string | null }
  /** The script found nothing at all on the page. */
  | { kind: 'none'; reason?: string | null }
  | { kind: 'restricted'; reason: RestrictedReason }
  | { kind: 'error'; message: string; timedOut: boolean };

/** Past this the reader shows an error with a retry button instead of a spinner forever. */
const READ_TIMEOUT_MS = 3000;

class TimeoutError extends Error {}

/** What `scripting.executeScript` resolves to. */
export type InjectionResults = { result?: unknown }[];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`No answer from the page within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  // Without the `tabs` permission the URL is only visible for tabs Lede may access (activeTab
  // or, in the e2e build, loopback hosts); undefined otherwise, and injection decides.
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url || tab.pendingUrl || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Injects the extraction script into `tabId` (on demand: nothing is declared for all pages) and
 * returns the article it extracted, or why there is none. Never rejects and never hangs.
 * An article with `readerable: false` is the best candidate on a page that is not an article;
 * `null` from the script means nothing was found at all (mapped to an empty article state by the UI).
 */
export async function readTab(
  tabId: number,
  timeoutMs = READ_TIMEOUT_MS,
  /** An injection into `tabId` already under way (public/reader-boot.js starts one before the bundle loads). */
  started?: Promise<InjectionResults | undefined>,
): Promise<ReadResult> {
  // With an injection already under way the URL lookup runs beside it, off the critical path.
  const pending = started ? withTimeout(started, timeoutMs) : undefined;
  pending?.catch(() => {});
  const url = await tabUrl(tabId);
  const reason = restrictedReasonOfUrl(url);
  if (reason) return { kind: 'restricted', reason };
  try {
    const results =
      (await pending) ??
      (await withTimeout(
        browser.scripting.executeScript({ target: { tabId }, files: [EXTRACT_SCRIPT] }),
        timeoutMs,
      ));
    const [injection] = results;
    const page = (injection?.result as ExtractedPage | null | undefined) ?? null;
    const reason = page?.reason ?? null;
    return page?.article ? { kind: 'article', article: page.article, reason } : { kind: 'none', reason };
  } catch (error) {
    if (error instanceof TimeoutError) return { kind: 'error', message: error.message, timedOut: true };
    const refused = restrictedReasonOfError(error, url);
    if (refused) return { kind: 'restricted', reason: refused };
    return {
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
      timedOut: false,
    };
  }
}
