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
  return new window.DOMParser().parseFromString(html, 'text/html');
}
