/**
 * The site's name as a reader wants it: "The Daily Example", not "https://www.dailyexample.com",
 * "@dailyexample", "Kxyz_" or "The Daily Example | DailyExample.com". When the page gives no
 * usable name, the site's registrable domain stands in ("www.news.example-news.co.uk" →
 * "example-news.co.uk"): always right, never invented (splitting "dailyexample" into words is not).
 */
import { registrableDomain } from '../url/registrable-domain';

/** Separators between a name and a tagline, a domain or a list of sections. */
const PARTS = /\s+(?:[|–—·•»:]|::|-)\s+/;
const URL_LIKE = /^(?:https?:\/\/|www\.)/i;
/** A bare domain ("DailyExample.com"): a fine name alone, a duplicate beside the real name. */
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu;
/**
 * Publishing platforms whose name templates put where the site's name belongs (Blogger's JSON-LD
 * publisher, a CMS as `application-name`).
 */
const PLATFORM =
  /^(?:blogger|blogspot|wordpress(?:\.com)?|drupal|joomla!?|wix(?:\.com)?|squarespace|weebly|ghost|typepad|hubspot)$/i;

export interface SiteNameCandidate {
  name: string;
  /** A social handle ("@dailyexample", "Kxyz_"): used only when nothing better exists. */
  handle: boolean;
}

/**
 * Cleans one declared site name, or null when nothing readable is left. A URL becomes its domain;
 * "Name | Tagline" and "Name | Domain" become "Name"; "@handle" and "handle_" lose their marks.
 */
export function cleanSiteName(raw: string | null | undefined): SiteNameCandidate | null {
  let text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (URL_LIKE.test(text)) {
    const domain = domainOf(/^https?:/i.test(text) ? text : `https://${text}`);
    return domain ? { name: domain, handle: false } : null;
  }
  const parts = text
    .split(PARTS)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (parts.length > 1) text = parts.find((p) => !DOMAIN.test(p) && !URL_LIKE.test(p)) ?? parts[0];
  const handle = /^@/.test(text) || (/_/.test(text) && !/\s/.test(text));
  text = text
    .replace(/^[@_\s]+|[_\s|:,;·•–—-]+$/g, '')
    .replace(/_/g, ' ')
    .trim();
  if (!/\p{L}/u.test(text) || PLATFORM.test(text) || text.length > 80) return null;
  return { name: text, handle };
}

/** The site's registrable domain, from the first http(s) URL given: the name of last resort. */
export function siteNameFromUrl(...urls: (string | null | undefined)[]): string | null {
  for (const url of urls) {
    const domain = url ? domainOf(url) : null;
    if (domain) return domain;
  }
  return null;
}

/** The first declared name that is not a handle, else the domain, else a handle (`handle`, twitter:site). */
export function pickSiteName(
  declared: (string | null | undefined)[],
  urls: (string | null | undefined)[],
  handle?: string | null,
): string | null {
  const cleaned = declared.map(cleanSiteName).filter((c): c is SiteNameCandidate => c !== null);
  return (
    cleaned.find((c) => !c.handle)?.name ??
    siteNameFromUrl(...urls) ??
    cleaned[0]?.name ??
    cleanSiteName(handle)?.name ??
    null
  );
}

function domainOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const domain = registrableDomain(u.hostname);
    return domain.includes('.') ? domain : null;
  } catch {
    return null;
  }
}
