/**
 * Node only (CLI, bench, tests): turns HTML into a jsdom Document the way a browser parses it,
 * without running scripts, fetching resources or printing anything. Never imported by the
 * content script, which works on the live page's own DOM.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * The document is made by DOMParser, as `fetch` + `parseFromString` would in a browser: it has no
 * browsing context, so scripts never run and jsdom skips parsing stylesheets — which costs more
 * than the HTML on big pages and throws on some real-world CSS (`calc(($scss-var ...))`).
 * The host window only carries `url`, so relative links resolve against the page's address.
 */
export function parseHtml(html: string, url: string): Document {
  // A bare VirtualConsole drops everything (CSS errors, "not implemented" notices).
  const { window } = new JSDOM('', { url, virtualConsole: new VirtualConsole() });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  // A <base> without an href does nothing in a browser. jsdom's selector engine takes one that
  // has only a prefixed `xlink:href` for base[href], then throws reading the page's base URL.
  for (const base of doc.querySelectorAll('base')) if (!base.hasAttribute('href')) base.remove();
  return doc;
}
