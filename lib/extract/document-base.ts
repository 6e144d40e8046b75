/**
 * The document's base URL: its `<base href>` (resolved against the document URL) or the document
 * URL itself. Same as `Node.baseURI`, which jsdom recomputes with a full selector query on every
 * read — 15 ms per call on a big page. `<base>` only counts in <head>, so a look at its children
 * is enough.
 */
export function documentBase(doc: Document, fallback?: string): string {
  const url = doc.URL && doc.URL !== 'about:blank' ? doc.URL : (fallback ?? doc.URL);
  for (let el = doc.head?.firstElementChild; el; el = el.nextElementSibling) {
    if (el.localName !== 'base') continue;
    const href = el.getAttribute('href');
    if (href === null) continue;
    try {
      return new URL(href, url).href;
    } catch {
      return url;
    }
  }
  return url;
}
