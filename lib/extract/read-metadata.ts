import type { LeadImage } from './article';
import { descendantElements } from './descendant-elements';
import { documentBase } from './document-base';

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
  const ld = readJsonLd(page.jsonLd);
  const meta = page.meta;
  const base = documentBase(doc, url);

  const siteName =
    clean(nameOf(ld?.publisher)) ??
    meta['og:site_name'] ??
    meta['application-name'] ??
    meta['twitter:site']?.replace(/^@/, '') ??
    null;
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

  const canonical = str(ld?.url) ?? meta['og:url'] ?? page.canonical ?? null;

  return {
    title,
    byline: readByline(ld, meta, page),
    siteName,
    publishedTime: readPublishedTime(ld, meta, page),
    lang,
    dir,
    excerpt:
      clean(str(ld?.description)) ??
      meta['og:description'] ??
      meta.description ??
      meta['twitter:description'] ??
      null,
    leadImage: readLeadImage(ld, meta, page, base),
    canonicalUrl: canonical ? absolute(canonical, base) : null,
  };
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

/** The first article-like JSON-LD object on the page (arrays and @graph flattened), or null. */
function readJsonLd(scripts: Element[]): Json | null {
  let fallback: Json | null = null;
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
      const types = ([] as unknown[]).concat(item['@type'] ?? []).map(String);
      if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
      if (types.every((t) => t === 'WebPage')) fallback ??= item;
      else return item;
    }
  }
  return fallback;
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

function readByline(ld: Json | null, meta: Record<string, string>, page: PageScan): string | null {
  const ldNames = ([] as unknown[])
    .concat(ld?.author ?? ld?.creator ?? [])
    .map((a) => cleanByline(nameOf(a)))
    .filter((n): n is string => !!n);
  if (ldNames.length) return unique(ldNames).join(', ');
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl']) {
    const value = cleanByline(meta[key]);
    if (value && !/^https?:|\/\//.test(value)) return value;
  }
  return cleanByline(page.author?.textContent);
}

/** "By Jane Doe and John Roe" → "Jane Doe and John Roe". */
export function cleanByline(raw: string | null | undefined): string | null {
  const text = clean(raw)
    ?.replace(/^(?:by|von|par|por|di|door|av|przez|от|автор)\s*:?\s+/i, '')
    .replace(/^(?:written|reported|posted)\s+by\s+/i, '')
    // Names carry no digits: what follows is the date glued on ("Jane Doe22 Dec 2016", "March 11, 2015").
    .replace(/\s*(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?\d.*$/i, '')
    .replace(/[\s,|·•–—-]+$/, '')
    .trim();
  if (!text || text.length > 100) return null;
  return text;
}

function readPublishedTime(ld: Json | null, meta: Record<string, string>, page: PageScan): string | null {
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
    if (iso) return iso;
  }
  return null;
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

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return str((value as Json).name);
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
