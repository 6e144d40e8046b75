// lib/url: URL and domain helpers — one library key per article, sites compared by registrable domain.
/**
 * Query parameters that identify the click, not the page: stripped so the same article saved
 * from a newsletter, a social post and the site itself is one library entry.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'cmpid',
  'ocid',
  'ref_src',
  'ref_url',
  'smid',
  'sr_share',
  'spm',
  'share',
  'at_medium',
  'at_campaign',
]);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('pk_') || TRACKING_PARAMS.has(key);
}

function parseHttp(url: string | null | undefined, base?: string): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim(), base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** A host without the labels sites put in front of one site: `www.`, `m.`, `mobile.`, `amp.`. */
function siteHost(host: string): string {
  return host.replace(/^(?:www|m|mobile|amp)\./, '');
}

/**
 * The page and its declared canonical URL are one site: the same host once `www.`/`m.`/`amp.`
 * are set aside, or one host inside the other (`news.example` and `edition.news.example`).
 * A page cannot file itself under another site's address (and replace what is saved there).
 */
function sameSite(a: URL, b: URL): boolean {
  const x = siteHost(a.hostname);
  const y = siteHost(b.hostname);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/**
 * A declared canonical URL worth trusting: absolute or root-relative, on the page's own site,
 * and not the site's home page when the article is not (a common template bug that would merge
 * every article into one).
 */
function usableDeclared(declared: string | null | undefined, page: URL): URL | null {
  const value = declared?.trim();
  if (!value || /\s/.test(value) || !(/^https?:\/\//i.test(value) || value.startsWith('/'))) return null;
  const url = parseHttp(value, page.href);
  if (!url || !sameSite(url, page)) return null;
  if (url.pathname === '/' && !url.search && page.pathname !== '/') return null;
  return url;
}

/**
 * The key an article is saved under: the page's declared canonical URL (`<link rel=canonical>`
 * or `og:url`) when it is a valid http(s) URL, else the page URL; then normalised: no fragment,
 * no tracking parameters, remaining parameters sorted, lower-case host without default port, no
 * trailing slash (except the root). Throws when the page URL is not http(s).
 */
export function canonicalUrl(pageUrl: string, declared?: string | null): string {
  const page = parseHttp(pageUrl);
  if (!page) throw new TypeError(`Only web pages (http or https) can be saved, not ${pageUrl.slice(0, 80)}`);
  const url = usableDeclared(declared, page) ?? page;
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  // URL already lower-cases the host and drops default ports; `www.` is kept: some sites differ.
  return url.href;
}

/** The site filter key of a URL: its host without a leading `www.`. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
