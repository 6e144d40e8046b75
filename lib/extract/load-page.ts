/**
 * Node only (CLI, bench, tests): reads a saved page (`.html` or `.html.gz`) into a Document.
 * Never imported by the content script.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from './decode-html';
import { parseHtml } from './parse-html';

/** The page's HTML: gunzipped when the name ends in .gz, decoded by its declared charset. */
export function readPageHtml(path: string): string {
  let bytes: Uint8Array = readFileSync(path);
  if (/\.gz$/i.test(path)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new Error(`corrupt gzip file (${(error as Error).message})`);
    }
  }
  return decodeHtml(bytes);
}

/**
 * Parses `html` as the page at `url`; without `url`, as the address the page declares for itself
 * (rel=canonical, else og:url), so links and images resolve as they did online, else its file URL.
 */
export function loadPage(html: string, path: string, url?: string): { doc: Document; url: string } {
  const fileUrl = pathToFileURL(resolve(path)).href;
  const doc = parseHtml(html, url ?? fileUrl);
  if (url) return { doc, url };
  const declared = declaredUrl(doc);
  if (!declared) return { doc, url: fileUrl };
  // A <base> makes the declared address the document's base URL without parsing the page again.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', declared);
    doc.head.prepend(base);
  }
  return { doc, url: declared };
}

function declaredUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c.trim(), doc.baseURI);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // not a URL: try the next one
    }
  }
  return null;
}
