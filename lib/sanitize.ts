import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { defuseMarkup } from './html/defuse-markup';
import { isWidthOrDensity, parseSrcset } from './html/srcset';
import { normalizeHeadings } from './normalize-headings';
import { registrableDomain } from './url/registrable-domain';

/** HTML that went through `sanitizeArticleHtml`: the only HTML the reader ever renders. */
type SanitizedHtml = string & { readonly __sanitized: unique symbol };

interface SanitizeOptions {
  /** The article's URL: relative URLs resolve against it and its site decides which images load. */
  baseUrl: string;
  /**
   * Load images and media from any host instead of only the article's own site. Off by default:
   * a hostile page can otherwise make the reader call any server (tracking, LAN probes).
   */
  allowThirdPartyMedia?: boolean;
}

interface SanitizeResult {
  html: SanitizedHtml;
  /** Images kept but not loaded because they come from another site (see `BLOCKED_SRC_ATTR`). */
  blockedImages: number;
}

/** Holds the URL of an image from another site; the reader copies it to `src` on request. */
export const BLOCKED_SRC_ATTR = 'data-lede-blocked-src';

/**
 * A reader policy, as an allow-list: text structure, links, images and media. No scripts, forms,
 * frames, objects, styles (a reader has its own), SVG or MathML (namespace tricks; `<use>`,
 * `<image>` and `feImage` load URLs), `<base>`, `<meta>`, `<link>`, `<noscript>`, `<template>`.
 * Landmark elements (aside, header, footer, main, section) are unwrapped and `nav` dropped, so
 * the page's landmarks do not nest inside the reader's own.
 */
const CONFIG: Config = {
  ALLOWED_TAGS: (
    'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s ' +
    'samp small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var ' +
    'video audio wbr'
  ).split(' '),
  ALLOWED_ATTR: (
    'href src srcset sizes alt title width height colspan rowspan scope headers dir lang datetime ' +
    'controls loop muted poster type media open start reversed value span id'
  ).split(' '),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Page ids become `user-content-…`: they cannot clobber globals such as `browser` or `document`.
  SANITIZE_NAMED_PROPS: true,
  // Relative, http(s), mailto and fragment URLs pass here; the hook below resolves them and checks again.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|#|\/|\.|[^:]*$|data:image\/)/i,
  KEEP_CONTENT: true,
  // Unwrapped elements keep their text, except these, whose text is UI or code, never the story.
  FORBID_CONTENTS: (
    'script style template noscript form button select textarea option iframe frame frameset object ' +
    'embed svg math title head dialog nav'
  ).split(' '),
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
};

const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;
/** Shorter data: images are lazy-load placeholders (1×1 GIFs and the like), not content. */
const MIN_DATA_IMAGE_LENGTH = 200;

interface Context {
  base: URL;
  site: string;
  allowThirdParty: boolean;
  remove: Element[];
  blocked: number;
}

let context: Context | null = null;
const instances = new WeakMap<object, DOMPurify>();

function resolve(value: string, base: URL): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/** An image/media URL the reader may load, or null. */
function mediaUrl(value: string, ctx: Context): { url: string; sameSite: boolean } | null {
  const trimmed = value.trim();
  if (trimmed.startsWith('data:')) {
    return RASTER_DATA_IMAGE.test(trimmed) && trimmed.length >= MIN_DATA_IMAGE_LENGTH
      ? { url: trimmed, sameSite: true }
      : null;
  }
  const url = resolve(trimmed, ctx.base);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  return { url: url.href, sameSite: registrableDomain(url.hostname) === ctx.site };
}

function isTrackingPixel(el: Element): boolean {
  const w = Number(el.getAttribute('width'));
  const h = Number(el.getAttribute('height'));
  return (el.hasAttribute('width') && w <= 2) || (el.hasAttribute('height') && h <= 2);
}

function fixLink(el: Element, ctx: Context): void {
  const href = el.getAttribute('href');
  if (href === null) return;
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) {
    // Same-document footnote links: follow the `user-content-` prefix SANITIZE_NAMED_PROPS gives ids.
    el.setAttribute('href', trimmed.length > 1 ? `#user-content-${trimmed.slice(1)}` : '#');
    return;
  }
  const url = resolve(trimmed, ctx.base);
  if (!url || !['http:', 'https:', 'mailto:'].includes(url.protocol)) {
    el.removeAttribute('href');
    return;
  }
  el.setAttribute('href', url.href);
  el.setAttribute('target', '_blank');
  el.setAttribute('rel', 'noopener noreferrer');
  el.setAttribute('referrerpolicy', 'no-referrer');
}

/**
 * Keeps the srcset candidates the reader may load, rewritten as `absolute-URL descriptor`. Read as
 * the browser reads it (lib/html/srcset), and a candidate with anything but one width or density
 * descriptor is dropped: whatever the browser would fetch is checked, never hidden in a descriptor.
 */
function fixSrcset(el: Element, ctx: Context): void {
  const srcset = el.getAttribute('srcset');
  if (srcset === null) return;
  const kept: string[] = [];
  for (const { url, descriptors } of parseSrcset(srcset)) {
    if (!isWidthOrDensity(descriptors)) continue;
    const media = mediaUrl(url, ctx);
    if (media && !media.url.startsWith('data:') && (media.sameSite || ctx.allowThirdParty)) {
      kept.push([media.url, ...descriptors].join(' '));
    }
  }
  if (kept.length) el.setAttribute('srcset', kept.join(', '));
  else el.removeAttribute('srcset');
}

function fixMedia(el: Element, ctx: Context): void {
  const tag = el.tagName.toLowerCase();
  fixSrcset(el, ctx);
  for (const attr of ['src', 'poster']) {
    const value = el.getAttribute(attr);
    if (value === null) continue;
    const media = mediaUrl(value, ctx);
    el.removeAttribute(attr);
    if (!media) continue;
    if (media.sameSite || ctx.allowThirdParty) el.setAttribute(attr, media.url);
    else if (tag === 'img' && attr === 'src') {
      el.setAttribute(BLOCKED_SRC_ATTR, media.url);
      ctx.blocked++;
    }
  }
  if (tag === 'img') {
    if (isTrackingPixel(el)) {
      ctx.remove.push(el);
      return;
    }
    if (!el.hasAttribute('src') && !el.hasAttribute(BLOCKED_SRC_ATTR) && !el.hasAttribute('srcset')) {
      ctx.remove.push(el);
      return;
    }
    // Readers need an alt; decorative is the honest default when the page gave none.
    if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    el.setAttribute('referrerpolicy', 'no-referrer');
    el.setAttribute('loading', 'lazy');
    el.setAttribute('decoding', 'async');
  }
  if (tag === 'video' || tag === 'audio') {
    // Nothing plays or downloads until the reader presses play.
    el.setAttribute('preload', 'none');
    el.setAttribute('controls', '');
  }
}

const FRAMESET_TAG = /<(\/?)frameset\b/gi;

function purifierFor(win: WindowLike): DOMPurify {
  const cached = instances.get(win);
  if (cached) return cached;
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const ctx = context;
    if (!ctx || node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') fixLink(el, ctx);
    else if (tag === 'img' || tag === 'source' || tag === 'video' || tag === 'audio') fixMedia(el, ctx);
  });
  instances.set(win, purify);
  return purify;
}

function contextFor(options: SanitizeOptions): Context {
  const base = resolve(options.baseUrl, new URL('about:blank')) ?? new URL('about:blank');
  return {
    base,
    site: registrableDomain(base.hostname),
    allowThirdParty: options.allowThirdPartyMedia ?? false,
    remove: [],
    blocked: 0,
  };
}

/**
 * Makes an article body from a web page safe to put in an extension page. `win` supplies the DOM
 * (the extension page's `window`, or jsdom's in Node); parsing happens in an inert document, so
 * nothing in `html` loads or runs while it is cleaned.
 */
export function sanitizeArticleHtml(html: string, win: WindowLike, options: SanitizeOptions): SanitizeResult {
  const ctx = contextFor(options);
  const purify = purifierFor(win);
  context = ctx;
  let fragment: DocumentFragment;
  try {
    // Handlers and <base> renamed before any parse: Chrome logs a CSP violation for each it parses.
    const dirty = defuseMarkup(html);
    // A <frameset> before any text makes the parsed document a frameset document, which has no
    // body, and DOMPurify then returns null. Frames are never article content: read them as divs.
    fragment = (purify.sanitize(dirty, CONFIG) ??
      purify.sanitize(dirty.replace(FRAMESET_TAG, '<$1div'), CONFIG) ??
      purify.sanitize('', CONFIG)) as unknown as DocumentFragment;
  } finally {
    context = null;
  }
  for (const el of ctx.remove) {
    if (el.hasAttribute(BLOCKED_SRC_ATTR)) ctx.blocked--;
    el.remove();
  }
  normalizeHeadings(fragment);
  const holder = (fragment.ownerDocument as Document).createElement('div');
  holder.append(fragment);
  return { html: holder.innerHTML as SanitizedHtml, blockedImages: ctx.blocked };
}

/** A single image URL (e.g. the lead image) under the same policy as images in the body. */
export function safeImageUrl(
  src: string,
  options: SanitizeOptions,
): { url: string; blocked: boolean } | null {
  const base = resolve(options.baseUrl, new URL('about:blank'));
  if (!base) return null;
  const ctx: Context = {
    base,
    site: registrableDomain(base.hostname),
    allowThirdParty: options.allowThirdPartyMedia ?? false,
    remove: [],
    blocked: 0,
  };
  const media = mediaUrl(src, ctx);
  if (!media) return null;
  return { url: media.url, blocked: !media.sameSite && !ctx.allowThirdParty };
}
