import type { LeadImage } from './article';
import { cleanByline } from './clean-byline';
import { descendantElements } from './descendant-elements';
import { documentBase } from './document-base';
import { pickSiteName } from './site-name';

export { cleanByline } from './clean-byline';

/** What the page says about itself, before any content is extracted. */
export interface Metadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** The declared lead image (JSON-LD or og:image); alt and caption come from the page's own <img>. */
  leadImage: LeadImage | null;
  /** The canonical address (JSON-LD url, og:url or rel=canonical), absolute. */
  canonicalUrl: string | null;
  /** The page declares itself an article: JSON-LD `NewsArticle` and kin (not `WebPage`), or `og:type` article. */
  declaresArticle: boolean;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|SatiricalArticle|Review|WebPage)$/;
const RTL_LANGS = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ug', 'ps', 'sd', 'yi', 'dv', 'ckb']);

/**
 * Reads title, byline, site name, date, language, excerpt and lead image from JSON-LD
 * (NewsArticle and kin, inside @graph or arrays), OpenGraph, `<meta>` and `<time>`, in that order
 * of trust. Must run before cleaning: Readability drops the scripts that hold JSON-LD.
 */
export function readMetadata(doc: Document, url: string): Metadata {
  const page = scan(doc);
  const jsonLd = readJsonLd(page.jsonLd);
  const ld = jsonLd.article;
  const meta = page.meta;
  const base = documentBase(doc, url);
  const canonical = str(ld?.url) ?? meta['og:url'] ?? page.canonical ?? null;
  const canonicalUrl = canonical ? absolute(canonical, base) : null;

  // A publisher named only by reference (Yoast's "#organization") comes after og:site_name, and a
  // social handle after the site's own domain.
  const siteName = pickSiteName(
    [
      nameOf(ld?.publisher),
      meta['og:site_name'],
      nameOf(ld?.publisher, jsonLd.byId),
      meta['application-name'],
    ],
    [canonicalUrl, base, url],
    meta['twitter:site'],
  );
  const rawTitle =
    clean(str(ld?.headline)) ??
    meta['og:title'] ??
    meta['twitter:title'] ??
    meta['dc.title'] ??
    meta['parsely-title'] ??
    clean(page.title?.textContent) ??
    clean(page.h1?.textContent);
  const title = rawTitle ? cleanTitle(rawTitle, siteName, clean(page.h1?.textContent) ?? null) : null;

  const lang = normalizeLang(
    doc.documentElement.getAttribute('lang') ??
      doc.documentElement.getAttribute('xml:lang') ??
      str(ld?.inLanguage) ??
      meta['og:locale'] ??
      meta['content-language'] ??
      meta['dc.language'],
  );
  const dirAttr = (
    doc.documentElement.getAttribute('dir') ??
    doc.body?.getAttribute('dir') ??
    ''
  ).toLowerCase();
  const dir =
    dirAttr === 'rtl' || dirAttr === 'ltr'
      ? dirAttr
      : lang
        ? RTL_LANGS.has(lang.split('-')[0])
          ? 'rtl'
          : 'ltr'
        : null;

  return {
    title,
    byline: readByline(jsonLd, meta, page, siteName),
    siteName,
    publishedTime: readPublishedTime(doc, ld, meta, page),
    lang,
    dir,
    excerpt:
      clean(str(ld?.description)) ??
      meta['og:description'] ??
      meta.description ??
      meta['twitter:description'] ??
      null,
    leadImage: readLeadImage(ld, meta, page, base),
    canonicalUrl,
    declaresArticle: isArticleType(ld) || /\barticle\b/i.test(meta['og:type'] ?? ''),
  };
}

function isArticleType(ld: Json | null): boolean {
  const types = ([] as unknown[]).concat(ld?.['@type'] ?? []).map(String);
  return types.some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t));
}

/** The elements metadata is read from, found in one walk over the document. */
interface PageScan {
  /** `<meta>` values by lower-cased name/property/itemprop; the first one wins. */
  meta: Record<string, string>;
  jsonLd: Element[];
  canonical: string | null;
  /** The first <title> (`document.title` walks the whole tree again in jsdom). */
  title: Element | null;
  h1: Element | null;
  author: Element | null;
  datePublished: Element | null;
  time: Element | null;
  images: Element[];
  figureImage: Element | null;
}

function scan(doc: Document): PageScan {
  const page: PageScan = {
    meta: {},
    jsonLd: [],
    canonical: null,
    title: null,
    h1: null,
    author: null,
    datePublished: null,
    time: null,
    images: [],
    figureImage: null,
  };
  for (const el of descendantElements(doc.documentElement)) {
    switch (el.localName) {
      case 'meta':
        addMeta(page.meta, el);
        break;
      case 'script':
        if (el.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') page.jsonLd.push(el);
        break;
      case 'link':
        if (!page.canonical && /(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute('rel') ?? ''))
          page.canonical = el.getAttribute('href');
        break;
      case 'title':
        if (el.namespaceURI === 'http://www.w3.org/1999/xhtml') page.title ??= el;
        break;
      case 'h1':
        page.h1 ??= el;
        break;
      case 'time':
        if (el.hasAttribute('datetime')) page.time ??= el;
        break;
      case 'img':
        page.images.push(el);
        if (!page.figureImage && figureOf(el)) page.figureImage = el;
        break;
    }
    if (!el.hasAttributes()) continue;
    const itemprop = el.getAttribute('itemprop');
    if (itemprop === 'datePublished') page.datePublished ??= el;
    if (!page.author && (itemprop === 'author' || el.getAttribute('rel') === 'author')) {
      // The name itself, not the whole author box (which often holds the date too).
      const inner = descendantElements(el);
      page.author =
        inner.find((d) => d.getAttribute('itemprop') === 'name') ??
        inner.find((d) => d.localName === 'a' && d.textContent?.trim()) ??
        el;
    }
  }
  return page;
}

const DATE_LINE_CLASS =
  /(?:^|[\s_-])(?:publish(?:ed)?-?(?:date|time|on)?|pub-?date|post-?date|article-?date|date-?published|posted-?on|entry-date)(?:$|[\s_-])/i;

// A parent walk: jsdom's selector-based `closest` costs far more on every image of a big page.
function figureOf(el: Element | null): Element | null {
  for (let p = el?.parentElement; p; p = p.parentElement) if (p.localName === 'figure') return p;
  return null;
}

function addMeta(out: Record<string, string>, el: Element): void {
  const content = clean(el.getAttribute('content'));
  if (!content) return;
  for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
    const key = el.getAttribute(attr)?.trim().toLowerCase();
    if (key && !(key in out)) out[key] = content;
  }
}

interface JsonLd {
  /** The first article-like object (a `WebPage` only when there is nothing better), or null. */
  article: Json | null;
  /** Every article-like object, in page order: authors missing from the first may be on another. */
  articles: Json[];
  /** Every object with an `@id`, to resolve references (`"author": {"@id": "#jane"}`). */
  byId: Map<string, Json>;
}

/** The article-like JSON-LD objects on the page (arrays and @graph flattened). */
function readJsonLd(scripts: Element[]): JsonLd {
  let fallback: Json | null = null;
  const articles: Json[] = [];
  const byId = new Map<string, Json>();
  for (const script of scripts) {
    let data: unknown;
    try {
      // Some CMSs wrap the JSON in CDATA markers or HTML comments.
      data = JSON.parse(
        (script.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, ''),
      );
    } catch {
      continue;
    }
    for (const item of flatten(data)) {
      const id = item['@id'];
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, item);
      const types = ([] as unknown[]).concat(item['@type'] ?? []).map(String);
      if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
      if (types.every((t) => t === 'WebPage')) fallback ??= item;
      else articles.push(item);
    }
  }
  return { article: articles[0] ?? fallback, articles, byId };
}

function flatten(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== 'object') return [];
  const obj = data as Json;
  const graph = obj['@graph'];
  return [obj, ...(graph ? flatten(graph) : [])];
}

/** Strips a site name (" - The Site", "The Site | ") or a section tail the <h1> lacks from a title. */
export function cleanTitle(title: string, siteName: string | null, h1: string | null): string {
  const separators = /\s+[-|–—:·•»]\s+|\s+::\s+/;
  if (!separators.test(title)) return title;
  if (h1 && title.startsWith(h1) && h1.length > 10) return h1;
  if (siteName) {
    const site = escapeRegExp(siteName);
    const stripped = title
      .replace(new RegExp(`(?:\\s+(?:[-|–—·•»]|::)\\s+${site})+\\s*$`, 'i'), '')
      .replace(new RegExp(`^${site}\\s+(?:[-|–—:·•»]|::)\\s+`, 'i'), '');
    if (stripped !== title && stripped.length > 0) return stripped;
  }
  // "Headline | Section | Site": keep the longest part when the rest are short labels.
  const parts = title.split(/\s+[|–—·•»]\s+|\s+-\s+/);
  if (parts.length > 1) {
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    if (
      longest.split(/\s+/).length >= 4 &&
      parts.every((p) => p === longest || p.length < longest.length / 2)
    ) {
      return longest;
    }
  }
  return title;
}

/**
 * Authors from JSON-LD (references resolved, every article object tried), then `<meta>`, then the
 * page's author element. Placeholders ("Guest Author", "Staff", "admin") count as no byline, so a
 * real name from a less trusted source wins over them.
 */
function readByline(
  jsonLd: JsonLd,
  meta: Record<string, string>,
  page: PageScan,
  siteName: string | null,
): string | null {
  for (const item of jsonLd.article ? [jsonLd.article, ...jsonLd.articles] : []) {
    const names = ([] as unknown[])
      .concat(item.author ?? item.creator ?? [])
      .map((a) => cleanByline(nameOf(a, jsonLd.byId), siteName))
      .filter((n): n is string => !!n);
    if (names.length) return unique(names).join(', ');
  }
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl']) {
    const value = cleanByline(meta[key], siteName);
    if (value && !/^https?:|\/\//.test(value)) return value;
  }
  return cleanByline(page.author?.textContent, siteName);
}

function readPublishedTime(
  doc: Document,
  ld: Json | null,
  meta: Record<string, string>,
  page: PageScan,
): string | null {
  const candidates = [
    str(ld?.datePublished),
    str(ld?.dateCreated),
    meta['article:published_time'],
    meta['og:published_time'],
    meta.datepublished,
    meta['parsely-pub-date'],
    meta['sailthru.date'],
    meta['dc.date.issued'],
    meta['dc.date'],
    meta.pubdate,
    meta.date,
    page.datePublished?.getAttribute('datetime') ?? page.datePublished?.getAttribute('content') ?? undefined,
    page.time?.getAttribute('datetime') ?? undefined,
  ];
  for (const c of candidates) {
    const iso = toIsoDate(c);
    if (iso && isPlausibleDate(iso)) return iso;
  }
  // Last, the date printed on the page, looked for only now (most pages never get here).
  const line = dateLine(doc)?.textContent;
  const printed = line && line.length < 200 ? visibleDate(line) : null;
  return printed && isPlausibleDate(printed) ? printed : null;
}

/** The first element whose class names it the publication date ("publish-date", "post-date"). */
function dateLine(doc: Document): Element | null {
  if (!doc.body) return null;
  for (const el of descendantElements(doc.body)) {
    const cls = el.getAttribute('class');
    if (cls && DATE_LINE_CLASS.test(cls)) return el;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** North American and a few European zone names as pages print them. */
const ZONES: Record<string, string> = {
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  gmt: 'Z',
  utc: 'Z',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
};

/**
 * The publication date printed on the page: "Published 7:07 PM EST Nov 19, 2019" →
 * "2019-11-19T19:07-05:00"; "20 November 2019" → "2019-11-20". The date before any "Updated".
 * English month names only; a time without a known zone is left out (the date alone is certain).
 */
export function visibleDate(text: string): string | null {
  const published = text.replace(/\s+/g, ' ').split(/\b(?:updated|modified)\b/i)[0];
  let parts: [string, string, string] | null = null;
  const md = MONTH_DAY_YEAR.exec(published);
  if (md) parts = [md[1], md[2], md[3]];
  const dm = md ? null : DAY_MONTH_YEAR.exec(published);
  if (dm) parts = [dm[2], dm[1], dm[3]];
  if (!parts) return null;
  const month = MONTHS.indexOf(parts[0].toLowerCase().slice(0, 3)) + 1;
  const day = Number(parts[1]);
  if (day < 1 || day > 31) return null;
  const date = `${parts[2]}-${pad(month)}-${pad(day)}`;
  const time = CLOCK_TIME.exec(published);
  const zone = time?.[4] ? ZONES[time[4].toLowerCase()] : undefined;
  if (!time || !zone) return date;
  const hour = (Number(time[1]) % 12) + (time[3].toLowerCase() === 'p' ? 12 : 0);
  return `${date}T${pad(hour)}:${time[2]}${zone}`;
}

const MONTH_NAME = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_NAME},?\s+(\d{4})\b`, 'i');
const CLOCK_TIME = /\b(\d{1,2}):(\d{2})\s*([ap])\.?m\.?(?:\s+([a-z]{3,4})\b)?/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** News on the web starts here: earlier dates are template placeholders (0001-01-01, 1970-01-01). */
const EARLIEST_DATE = Date.UTC(1990, 0, 1);
/** A page may be ahead of our clock by a time zone or two, not by more than a day. */
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Rejects dates no article has: before 1990 (CMS placeholders such as 0001-01-01 and the Unix
 * epoch) or more than a day after now. The next source is tried instead.
 */
export function isPlausibleDate(iso: string, now = Date.now()): boolean {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return !Number.isNaN(time) && time >= EARLIEST_DATE && time <= now + MAX_AHEAD_MS;
}

/**
 * ISO 8601 as precise as the page says: "2024-04-30", "2024-04-30T11:53:00Z" and offsets are kept
 * as written (so the date stays the publisher's local date); anything else Date can read becomes UTC.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const iso =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(v);
  if (iso) {
    if (!iso[2]) return iso[1];
    const zone = iso[3] ? iso[3].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '';
    return `${iso[1]}T${iso[2]}${zone}`;
  }
  if (/^\d{10,13}$/.test(v)) return null; // bare epochs are ambiguous (seconds or ms)
  const time = Date.parse(v);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function readLeadImage(
  ld: Json | null,
  meta: Record<string, string>,
  page: PageScan,
  base: string,
): LeadImage | null {
  const declared =
    imageUrl(ld?.image) ?? imageUrl(ld?.thumbnailUrl) ?? meta['og:image'] ?? meta['twitter:image'];
  let img: Element | null = null;
  let src = declared ? absolute(declared, base) : null;
  if (src) img = findImage(page.images, src);
  else {
    img = page.figureImage;
    const s = img?.getAttribute('src');
    src = s ? absolute(s, base) : null;
  }
  if (!src) return null;
  const caption = clean(figureOf(img)?.getElementsByTagName('figcaption')[0]?.textContent);
  return {
    src,
    alt: clean(img?.getAttribute('alt')) ?? meta['og:image:alt'] ?? meta['twitter:image:alt'] ?? null,
    caption: caption ?? clean(str((ld?.image as Json | undefined)?.caption)) ?? null,
  };
}

/** The page's <img> showing `src` (same file name, query and size variants ignored). */
function findImage(images: Element[], src: string): Element | null {
  const file = fileName(src);
  if (!file) return null;
  for (const img of images) {
    const candidates = [img.getAttribute('src'), img.getAttribute('data-src'), img.getAttribute('srcset')];
    if (candidates.some((c) => c && fileName(c.split(/[\s,]/)[0]) === file)) return img;
  }
  return null;
}

function fileName(url: string): string | null {
  const path = url.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1) || null;
}

function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object') return imageUrl((value as Json).url ?? (value as Json).contentUrl);
  return undefined;
}

/** The name of a JSON-LD person or organization: a string, `{name}`, or an `{"@id"}` reference. */
function nameOf(value: unknown, byId?: Map<string, Json>): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return nameOf(value[0], byId);
  if (value && typeof value === 'object') {
    const obj = value as Json;
    return str(obj.name) ?? str((byId?.get(String(obj['@id'])) as Json | undefined)?.name);
  }
  return undefined;
}

function normalizeLang(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/_/g, '-');
  if (!v || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v)) return null;
  const [primary, ...rest] = v.split('-');
  return [primary.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
}

function absolute(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v || undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
