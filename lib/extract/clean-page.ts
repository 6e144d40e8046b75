/**
 * Removes what is on an article page but not part of the article, before Readability scores it:
 * hidden elements, newsletter/subscribe boxes and forms, inline related-article cards, audio
 * ("listen to this article") widgets, share bars, skip/admin links, cookie and paywall banners.
 * Readability alone keeps several of these (they sit inside the article container and have text).
 *
 * Every rule is guarded by size: a box named "newsletter" or "related" is removed only while it is
 * small and mostly links or controls, so a wrapper that happens to carry such a class (and holds
 * the article) survives. No layout is used: hidden means the `hidden` attribute, aria-hidden or an
 * inline display:none / visibility:hidden, which works the same on a live page clone and in jsdom.
 */

import { textLength } from './text-length';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Class/id words of boxes that are never article text, whatever their size (within MAX_BOX_TEXT). */
const NOISE_BOX = new RegExp(
  // One word list between one pair of boundaries: a smaller pattern to compile in every page.
  `(?:^|[\\s_-])(?:${[
    // newsletter and subscription prompts
    'newsletter',
    'subscri(?:be|ption)',
    'sign-?up',
    'mc_embed',
    'opt-?in',
    // related, recommended and "more" boxes
    'related',
    'recommend',
    'read-?(?:more|next|also)',
    'more-(?:stories|news|articles|from)',
    'also-?read',
    'dont-?miss',
    'bookmark-card',
    // publishing platforms' cards linking to another post: WordPress embeds, Ghost and Substack
    'wp-embedded-content',
    'kg-bookmark-card',
    'embedded-post(?:-wrap)?',
    'link-?(?:card|preview)',
    'outbrain',
    'taboola',
    'trending',
    'most-(?:popular|read|viewed)',
    'popular-(?:posts|stories)',
    'up-?next',
    // share bars
    'share',
    'sharing',
    'social',
    'addthis',
    // audio players
    'audio',
    'listen',
    'text-?to-?speech',
    'speechify',
    'beyondwords',
    'trinity',
    // breadcrumbs, skip and admin links
    'breadcrumbs?',
    'skip-?(?:link|to|nav)',
    'admin-?bar',
    'edit-link',
    // cookie and paywall banners
    'cookie',
    'consent',
    'gdpr',
    'onetrust',
    'paywall',
    'regwall',
    'piano',
    // ads and promos
    'advert',
    'ad-(?:slot|unit|container|wrapper|label)',
    'adsbygoogle',
    'sponsor',
  ].join('|')})(?:$|[\\s_-])`,
  'i',
);

/**
 * Class/id words of the article's own container: a box named "story-body has-share-tools" is the
 * story (with share tools), not a share bar. Checked only on boxes that matched NOISE_BOX.
 */
const CONTENT_BOX =
  /(?:^|[\s_-])(?:(?:article|story|entry|post|news)-?(?:body|content|text)|body-?text|main-?content)(?:$|[\s_-])/i;

/** A noise box bigger than this (in characters of non-link text) is assumed to hold the article. */
const MAX_BOX_TEXT = 400;

/**
 * Never article content: code, and what Readability strips from its result anyway (page footers,
 * asides, navigation, form controls). Removing them first makes Readability's many passes cheaper
 * and keeps their text out of its scoring.
 */
const INERT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'svg',
  'nav',
  'aside',
  'footer',
  'input',
  'textarea',
  'select',
  'button',
]);

const SKIP_LINK_TEXT = /^\s*(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|article|story|main)/i;
const ADMIN_HREF = /\/wp-admin\/|\/ghost\/#\/editor\/|[?&]action=edit\b|\/wp-login\.php/;
const SUBSCRIBE_BOX = /newsletter|subscri|sign-?up|mc_embed/i;
const SUBSCRIBE_TEXT = /subscri|newsletter|sign up|sign-up|signup|inbox|e-?mail/i;

export function cleanPage(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const doomed: Element[] = [];
  // A document-order walk that skips the subtree of whatever it removes (navigation, footers and
  // SVG icons are big, and nothing inside them needs a look).
  let el: Element | null = body.firstElementChild;
  while (el) {
    const doom = junkToRemove(el);
    if (doom) doomed.push(doom);
    let next: Element | null = doom ? null : el.firstElementChild;
    while (!next && el && el !== body) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    el = next;
  }
  for (const d of doomed) d.remove();
}

/** The element to remove for `el` (itself or the box around it), or null to keep it. */
function junkToRemove(el: Element): Element | null {
  const tag = el.localName;
  if (INERT_TAGS.has(tag)) return el;
  if (tag === 'audio') return widenToBox(el);
  if (tag === 'form' && isSubscribeForm(el)) return widenToBox(el);
  // Most elements carry no attributes at all: nothing else can apply to them.
  if (!el.hasAttributes()) return null;
  if (isHidden(el) || isNavLink(el)) return el;
  if (isNoiseBox(el))
    return SUBSCRIBE_BOX.test(`${el.id} ${el.getAttribute('class') ?? ''}`) ? widenToBox(el) : el;
  return null;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') {
    // Readability's exception: some sites mark the real image hidden and show a lazy copy.
    return !el.classList.contains('fallback-image');
  }
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

function isNoiseBox(el: Element): boolean {
  const raw = `${el.id} ${el.getAttribute('class') ?? ''}`;
  if (raw.length < 3) return false;
  const words = raw.replace(/([a-z])([A-Z])/g, '$1-$2');
  if (!NOISE_BOX.test(words)) return false;
  if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN')
    return false;
  // A short story is small too: the box that holds the headline or is named the body is the article.
  if (CONTENT_BOX.test(words) || el.getElementsByTagName('h1').length) return false;
  return textLength(el, MAX_BOX_TEXT, true) <= MAX_BOX_TEXT;
}

function isNavLink(el: Element): boolean {
  if (el.tagName !== 'A') return false;
  const href = el.getAttribute('href') ?? '';
  if (ADMIN_HREF.test(href)) return true;
  return href.startsWith('#') && SKIP_LINK_TEXT.test(el.textContent ?? '');
}

/** A form asking for an e-mail or a subscription, as opposed to a page wrapped in one big <form>. */
function isSubscribeForm(form: Element): boolean {
  if (textLength(form, MAX_BOX_TEXT, true) > MAX_BOX_TEXT) return false;
  for (const input of form.getElementsByTagName('input')) {
    if (input.getAttribute('type')?.toLowerCase() === 'email') return true;
  }
  return SUBSCRIBE_TEXT.test(form.textContent ?? '');
}

/**
 * The box a widget sits in: its heading and blurb ("Subscribe to our newsletter", "News in your
 * inbox") go with it. Climbs while the parent adds little text of its own.
 */
function widenToBox(el: Element): Element {
  let box = el;
  let boxText = textLength(box);
  for (
    let parent = box.parentElement;
    parent && parent !== parent.ownerDocument.body;
    parent = parent.parentElement
  ) {
    if (['ARTICLE', 'MAIN', 'BODY'].includes(parent.tagName)) break;
    const parentText = textLength(parent);
    if (parentText - boxText > 200 || parent.getElementsByTagName('p').length > 4) break;
    box = parent;
    boxText = parentText;
  }
  return box;
}
