/** Why Lede cannot read a page, in the words the reader shows (see components/ReaderStates.tsx). */
export type RestrictedReason = 'browser-page' | 'web-store' | 'pdf' | 'file' | 'no-access';

const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'view-source:',
  'moz-extension:',
  'resource:',
  'data:',
  'blob:',
  'javascript:',
]);

/**
 * Decides from the tab's URL, before injecting, whether the browser will refuse the extraction
 * script. `file:` is not decided here: it works once the user allows file access, so the caller
 * tries and maps the refusal with `restrictedReasonOfError`.
 */
export function restrictedReasonOfUrl(url: string | undefined): RestrictedReason | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (BROWSER_SCHEMES.has(parsed.protocol)) return 'browser-page';
  const host = parsed.hostname.toLowerCase();
  if (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) ||
    host === 'microsoftedge.microsoft.com' ||
    host === 'addons.mozilla.org'
  ) {
    return 'web-store';
  }
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return null;
}

/**
 * Maps the error `scripting.executeScript` throws when the browser refuses to inject (Chrome's and
 * Firefox's wordings) to a reason; null for any other error (a real failure, shown as such).
 */
export function restrictedReasonOfError(error: unknown, url?: string): RestrictedReason | null {
  const message = error instanceof Error ? error.message : String(error);
  if (url?.startsWith('file:') || /file:\/\//i.test(message)) return 'file';
  if (/extensions gallery|web ?store/i.test(message)) return 'web-store';
  if (
    /cannot access a (chrome|[a-z-]+):\/\/ url|cannot be scripted|chrome-extension:\/\/|about:|privileged/i.test(
      message,
    )
  ) {
    return 'browser-page';
  }
  if (
    /cannot access contents|missing host permission|permission to access|Missing activeTab/i.test(message)
  ) {
    return 'no-access';
  }
  return null;
}
