/**
 * Parts of an extracted article that stay in its HTML but are not body text: captions and photo
 * credits, bylines and datelines, "Read more:"/"Related" link boxes, share prompts. Readability
 * keeps them inside the content; the reader may show them, the text (and so word counts, reading
 * time, quote finding) must not contain them.
 *
 * Class names are gone after Readability, so `markNonBodyText` runs before it and leaves a data
 * attribute that `isNonBodyText` reads afterwards (and `extractArticle` strips from the HTML).
 */

import { descendantElements } from './descendant-elements';
import { documentBase } from './document-base';
import { foldCase, hasDigit, includesAny, startsWithAny } from './prefilter';
import { textLength } from './text-length';

export const NON_BODY_ATTR = 'data-lede-aside';

const ASIDE_CLASS = new RegExp(
  // One word list between one pair of boundaries: a smaller pattern to compile in every page.
  `(?:^|[\\s_-])(?:${[
    'caption',
    'credits?',
    'copyright',
    'photo-?by',
    'image-?(?:source|credit)',
    'byline',
    'by-?line',
    'author(?:s|-name|-info|-bio|-box)?',
    'dateline',
    'timestamp',
    'dates?',
    'date(?:line|time)?',
    'published',
    'post-?(?:date|meta)',
    'article-?(?:date|meta)',
    'entry-meta',
    'meta-?(?:data|info)?',
    'tags?',
    'topics',
    'categories',
  ].join('|')})(?:$|[\\s_-])`,
  'i',
);

/** The paragraph-level element around an inline one (a parent walk: jsdom's `closest` is slow). */
function enclosingBlock(el: Element): Element {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (p.localName === 'p' || p.localName === 'div' || p.localName === 'li' || p.localName === 'span')
      return p;
  }
  return el;
}

const CAPTION_CLASS = /caption|credit/i;

/** Marks caption/credit/byline elements by class or role while class names are still there. */
export function markNonBodyText(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of descendantElements(body)) {
    if (!el.hasAttributes()) continue;
    // "newsCaption" counts as "news-caption".
    const words = `${el.id} ${el.getAttribute('class') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
    if (words.length > 2 && ASIDE_CLASS.test(words)) {
      // Captions run long (a paragraph about the photo); other labels are short.
      const limit = CAPTION_CLASS.test(words) ? 1000 : 300;
      if (textLength(el, limit) <= limit) el.setAttribute(NON_BODY_ATTR, '');
    } else if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') {
      const block = enclosingBlock(el);
      if (textLength(block, 300) <= 300) block.setAttribute(NON_BODY_ATTR, '');
    }
  }
}

const CREDIT_TEXT =
  /^\(?(?:photo|image|picture|pic|foto|credit|illustration|source|video|graphic)s?\s*(?::|by\b|courtesy\b|©|credit\b)/i;
/** Ends like a picture agency credit: "Jane Doe | Bloomberg | Getty Images", "(AP Photo/John Roe)". */
const AGENCY_CREDIT =
  /(?:getty images|shutterstock|istock(?:photo)?|alamy|reuters|afp|ap photo[^)]*|associated press|epa|bloomberg|file photo|handout)\s*\)?\.?$/i;
const BYLINE_TEXT = /^(?:by|written by|reported by|words by|text by)\s+\p{Lu}/iu;
/** Date and metadata lines: "Posted: Fri 6:45 PM, Feb 16, 2018", "Publicado por: ...", "Updated ...". */
const META_LINE =
  /^(?:posted|published|updated|last updated|first published|modified|publicado|atualizado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato)\b/i;
const DATE_ONLY =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s|(?:segunda|terça|quarta|quinta|sexta)-feira|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})/iu;
/** Labels that head a box of links rather than a section of the article. */
const LINK_LABELS = String.raw`read more|read also|read next|related(?: articles?| stories| story| posts?| links?| content| news| coverage| reading| video)?|see also|see more|also read|also see|more on this(?: story)?|more from [\p{L} ]{1,30}|more [\p{L} ]{1,30} (?:stories|news|articles|coverage)|more news|more stories|more|recent (?:articles|posts|stories|news)|popular (?:this week|now|today|stories|posts|articles)|don[’']?t miss|recommended(?: for you)?|you may also like|you might also like|trending|latest(?: news| stories)?|popular|most (?:read|popular|viewed)|further reading|up next|highlights|tags?|tagged|topics|filed under|leggi anche|leia (?:também|mais)|veja também|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lee también|te puede interesar`;
/** A label alone ("DON'T MISS", "Related stories…"): it heads a box of links, not a section. */
// A trailing "..." or colon is part of a label; a single full stop ends a sentence.
const LINK_LABEL = new RegExp(`^(?:${LINK_LABELS})\\s*(?:\\.{3}|…|:|[-–—|])?\\s*$`, 'iu');
/** A label and its links on one line ("Read more: Why the budget doubled"). */
const LINK_LABEL_LINE = new RegExp(`^(?:${LINK_LABELS})(?:\\s*[:\\-–—|]|\\s)`, 'iu');
/** Short labels that head a promo line only when a colon or bar follows ("Read: …", "MORE: …"). */
const SHORT_LINK_LABEL_LINE =
  /^(?:read|more|also|watch|listen|must read|icymi|in case you missed it|editor[’']?s picks?|top stories|opinion|analysis|explainer|background|previously)\s*[:|]/iu;
/**
 * Arrows and bullets before a promo label ("► See also: …", ">> Read more"): `/^[\s►▶▸→⇒»>•·*|~–—([-]+/u`,
 * stripped without a pattern by `stripLeadingMarks`.
 */
/**
 * A divider inside the story: "Continue reading below", "Story continues below advertisement",
 * "(Article continues after this ad)", "Scroll to continue with content".
 */
const CONTINUE_READING =
  /^[([]?\s*(?:advertisement\s*[-–—:|]?\s*)?(?:(?:the\s+)?(?:story|article|text|post|content|report)\s+continues?\s+(?:below|after|under|beneath)(?:\s+(?:this|the))?(?:\s+(?:ad|advert|advertisement|video|image|photo|gallery))?|continue\s+reading(?:\s+(?:below|here|the\s+main\s+story|the\s+(?:full\s+)?(?:story|article)|after\s+(?:the|this)\s+(?:ad|advertisement)))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?|keep\s+reading)\s*[)\]]?\s*[.…:→»>]{0,3}\s*$/i;
/** What an author box says around the name: "View author archive", "email the author", "More by Jane Doe", "Follow @jane". */
const AUTHOR_DEBRIS =
  /^(?:(?:view|see|browse|read)\s+(?:the\s+)?(?:full\s+)?(?:author(?:[’']s)?\s+)?(?:archive|profile|bio(?:graphy)?)\b|(?:view|see|read)\s+(?:all|more)\s+(?:posts|articles|stories|work)\b|e-?mail\s+(?:the\s+)?(?:author|reporter|writer)\b|contact\s+(?:the\s+)?(?:author|reporter|writer)\b|more\s+(?:by|from|stories\s+by|articles\s+by)\s+\p{Lu}[\p{L}.’' -]{1,40}$|follow\s+@\w+|write to .{2,60} at [\w.+-]+@[\w-]+\.[\w.-]+\.?$|follow\s+(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}on\s+(?:x|twitter|instagram|facebook|linkedin|threads|bluesky|mastodon|tiktok|youtube)\b|(?:@\w+\s*)+$)/iu;
const BOILERPLATE =
  /^(?:share|tweet|email|print|comment|comments|advert|advertisement|sponsored|subscribe|sign up|this slideshow requires javascript|via [\w.]+|all rights reserved|enlarge(?: this)? image|text size|order reprints|reprints(?: (?:&|and) permissions)?)(?:\s+(?:this|on|via|article|story|now)\b.*)?[.!]?$/i;
/** A caption ending in its credit: "... in Montecito, California. (Photo by Jane Doe/Getty Images)". */
const PHOTO_CREDIT_END =
  /\((?:photo|image|picture|pic|foto|credit|illustration)s?(?:\s+by\b|\s*:|\s+credit\b)[^)]*\)\.?$/i;
/** Trailing notes about the reporting and the author, not part of the story. */
const REPORT_CREDIT = /^.{0,150}\bcontributed (?:to )?(?:this|the) (?:report|story|article)(?:ing)?\.?$/i;
const FOLLOW_AUTHOR = /\bfollow (?:him|her|them|me|us) on (?:twitter|facebook|instagram|linkedin)\b/i;
/** Copyright and citation notices. */
const COPYRIGHT_START =
  /^(?:citation:|copyright\b|©|this (?:document|article|material|story) (?:is|may be) (?:subject to|protected by|not be)\b)/i;
/** A block that is only an e-mail address or a social handle: the reporter's contact line (bare URLs are often sources). */
const CONTACT_LINE = /^(?:[\w.+-]+@[\w-]+\.[\w.-]+|(?:twitter\.com\/|@)\w+)$/i;
/** Calls to action and disclosures around the story, not part of it. */
const CALL_TO_ACTION =
  /^(?:click here to (?:subscribe|sign up|join|follow|(?:get|download) (?:the|our) [\p{L} ]{0,30}app\b)|follow (?:all of )?(?:\p{L}+[’']s )?(?:full |complete |live |latest )?coverage of\b|if you (?:enjoyed|liked|value|appreciate) this (?:article|story|post)|like this (?:story|article|post)\?|follow [\p{L}\d .&'-]{1,40} on (?:instagram|facebook|twitter|youtube|linkedin)|(?:additional )?(?:reporting|writing|editing) by\b|loading(?: content)?\s*(?:\.{3}|…)?$|learn more$)/iu;
const AFFILIATE =
  /\b(?:may|might|will) (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?commission\b/i;
const PROMO_START = /^(?:subscribe|sign up|get our|join our|join us|follow us|download our|like us)\b/i;

/**
 * What keeps an element of the extracted content out of the body text:
 * - `aside`: part of the story's page but not its text (captions, credits, bylines, datelines,
 *   copyright, disclosures). It stays in `contentHtml`.
 * - `furniture`: the page's, not the story's: promo lines and link boxes pointing to other stories
 *   ("Read also: …", "You may also like" and its cards), "Continue reading below" dividers,
 *   update stamps, author-archive links. It is removed from `contentHtml` too.
 */
export type NonBodyKind = 'aside' | 'furniture';

/** True for an element of the extracted content that must stay out of the body text. */
export function isNonBodyText(el: Element): boolean {
  return nonBodyKind(el) !== null;
}

export function nonBodyKind(el: Element): NonBodyKind | null {
  const tag = el.tagName;
  if (tag === 'FIGCAPTION' || tag === 'FIGURE') return 'aside';
  if (el.hasAttribute(NON_BODY_ATTR)) return 'aside';
  if (!TEXT_BLOCKS.has(tag)) return null;
  if (textLength(el, 1500) > 1500) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (followsLinkLabel(el, text)) return 'furniture';
  if (text.length > 400) return null;
  // Each pattern runs only on lines a plain string test has not ruled out (see prefilter.ts).
  const lower = foldCase(text);
  if (startsWithAny(lower, COPYRIGHT_STARTS) && COPYRIGHT_START.test(text)) return 'aside';
  if (text.length > 300) return null;
  if (isFurniture(el, text, lower)) return 'furniture';
  return isAside(text, lower) ? 'aside' : null;
}

// What each pattern's text must start with or contain (lower case) for the pattern to match.
const COPYRIGHT_STARTS = ['citation:', 'copyright', '©', 'this '];
const CREDIT_WORDS = [
  'photo',
  'image',
  'pic',
  'foto',
  'credit',
  'illustration',
  'source',
  'video',
  'graphic',
];
const BOILERPLATE_STARTS = [
  'share',
  'tweet',
  'email',
  'print',
  'comment',
  'advert',
  'sponsored',
  'subscribe',
  'sign up',
  'this slideshow',
  'via ',
  'all rights reserved',
  'enlarge',
  'text size',
  'order reprints',
  'reprints',
];
const META_STARTS = [
  'posted',
  'published',
  'updated',
  'last updated',
  'first published',
  'modified',
  'publicado',
  'atualizado',
  'actualizado',
  'publié',
  'mis à jour',
  'veröffentlicht',
  'aktualisiert',
  'pubblicato',
  'aggiornato',
];
const AGENCY_NAMES = [
  'getty images',
  'shutterstock',
  'istock',
  'alamy',
  'reuters',
  'afp',
  'ap photo',
  'associated press',
  'epa',
  'bloomberg',
  'file photo',
  'handout',
];
/** DATE_ONLY's forms without a digit: a weekday first. */
const DAY_STARTS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'segunda',
  'terça',
  'quarta',
  'quinta',
  'sexta',
  'sábado',
  'domingo',
  'lunedì',
  'martedì',
  'mercoledì',
  'giovedì',
  'venerdì',
  'sabato',
  'domenica',
];
const BYLINE_STARTS = ['by', 'written', 'reported', 'words', 'text'];
const PROMO_STARTS = [
  'subscribe',
  'sign up',
  'get our',
  'join our',
  'join us',
  'follow us',
  'download our',
  'like us',
];
const CALL_TO_ACTION_STARTS = [
  'click here to',
  'follow ',
  'if you ',
  'like this ',
  'additional ',
  'reporting ',
  'writing ',
  'editing ',
  'loading',
  'learn more',
];
const AUTHOR_DEBRIS_STARTS = [
  'view',
  'see',
  'browse',
  'read',
  'e-mail',
  'email',
  'contact',
  'more',
  'follow',
  'write',
  '@',
];
const STAMP_WORDS = [
  'updat',
  'modif',
  'edit',
  'publi',
  'pubbl',
  'post',
  'atualiz',
  'actualiz',
  'mis à jour',
  'veröffentlicht',
  'aktualisiert',
  'aggiornato',
];
/** Every label of LINK_LABELS begins with one of these. */
const LINK_LABEL_STARTS = [
  'read more',
  'read also',
  'read next',
  'related',
  'see also',
  'see more',
  'also read',
  'also see',
  'more',
  'recent ',
  'popular',
  'don',
  'recommended',
  'you may also like',
  'you might also like',
  'trending',
  'latest',
  'most ',
  'further reading',
  'up next',
  'highlights',
  'tag',
  'topics',
  'filed under',
  'leggi anche',
  'leia ',
  'veja também',
  'lire aussi',
  'à lire aussi',
  'lesen sie auch',
  'mehr zum thema',
  'lee también',
  'te puede interesar',
];
const SHORT_LINK_LABEL_STARTS = [
  'read',
  'more',
  'also',
  'watch',
  'listen',
  'must read',
  'icymi',
  'in case you missed it',
  'editor',
  'top stories',
  'opinion',
  'analysis',
  'explainer',
  'background',
  'previously',
];
/** LEADING_MARKS's characters (text here has its whitespace collapsed to single spaces). */
const LEADING_MARK_CHARS = ' ►▶▸→⇒»>•·*|~–—([-';

/** `text` (whitespace collapsed) without the arrows and bullets before a promo label: LEADING_MARKS, without a pattern. */
function stripLeadingMarks(text: string): string {
  let i = 0;
  while (i < text.length && LEADING_MARK_CHARS.includes(text[i])) i++;
  return i ? text.slice(i) : text;
}

/** A label alone (LINK_LABEL), given in lower case too. */
function isLinkLabel(label: string, lower: string): boolean {
  return startsWithAny(lower, LINK_LABEL_STARTS) && LINK_LABEL.test(label);
}

function isFurniture(el: Element, text: string, lower: string): boolean {
  if (text.length < 120) {
    if (includesAny(lower, ['continu', 'keep']) && CONTINUE_READING.test(text)) return true;
    if (startsWithAny(lower, AUTHOR_DEBRIS_STARTS) && AUTHOR_DEBRIS.test(text)) return true;
  }
  if (text.length < 160 && includesAny(lower, STAMP_WORDS) && isDateStamp(text)) return true;
  if (PROMO_BLOCKS.has(el.tagName) && text.length >= 20 && isSameSitePromo(el, text.length)) return true;
  const label = stripLeadingMarks(text);
  const labelLower = label === text ? lower : foldCase(label);
  if (isLinkLabel(label, labelLower)) return true;
  const promo =
    (startsWithAny(labelLower, LINK_LABEL_STARTS) && LINK_LABEL_LINE.test(label)) ||
    (startsWithAny(labelLower, SHORT_LINK_LABEL_STARTS) &&
      (label.includes(':') || label.includes('|')) &&
      SHORT_LINK_LABEL_LINE.test(label));
  return promo && isPromoLine(el, text.length);
}

function isAside(text: string, lower: string): boolean {
  const sentence = /[.!?]["”’]?$/.test(text);
  if (text.length < 100 && startsWithAny(lower, BOILERPLATE_STARTS) && BOILERPLATE.test(text)) return true;
  const credit = lower.startsWith('(') ? lower.slice(1) : lower;
  if (startsWithAny(credit, CREDIT_WORDS) && CREDIT_TEXT.test(text)) return true;
  // "Posted: Fri 6:45 PM", "Published November 20th, 2019" — but not "Published in 1990, the book sold…".
  if (startsWithAny(lower, META_STARTS) && META_LINE.test(text)) {
    if (/^\p{L}+\s*:/u.test(text) || (text.length < 120 && !sentence)) return true;
  }
  if (text.length < 150 && !sentence) {
    if (text.includes('©') || (includesAny(lower, AGENCY_NAMES) && AGENCY_CREDIT.test(text))) return true;
  }
  if (
    text.length < 100 &&
    !sentence &&
    (hasDigit(text) || startsWithAny(lower, DAY_STARTS)) &&
    DATE_ONLY.test(text)
  )
    return true;
  if (text.length < 80 && !sentence && startsWithAny(lower, BYLINE_STARTS) && BYLINE_TEXT.test(text))
    return true;
  if (text.length < 250 && startsWithAny(lower, PROMO_STARTS) && PROMO_START.test(text)) return true;
  return isCreditOrAction(text, lower);
}

/** The tail of `isAside`: credits at the end, contact lines, calls to action, disclosures. */
function isCreditOrAction(text: string, lower: string): boolean {
  if ((text.endsWith(')') || text.endsWith(').')) && PHOTO_CREDIT_END.test(text)) return true;
  if (lower.includes('contributed ') && REPORT_CREDIT.test(text)) return true;
  if (lower.includes('follow ') && FOLLOW_AUTHOR.test(text)) return true;
  const contact = !text.includes(' ') && (text.includes('@') || lower.startsWith('twitter.com/'));
  if (contact && CONTACT_LINE.test(text)) return true;
  if (startsWithAny(lower, CALL_TO_ACTION_STARTS) && CALL_TO_ACTION.test(text)) return true;
  return lower.includes('commission') && AFFILIATE.test(text);
}

/** A promo line's text is mostly a link to another page (not a footnote back into this one). */
function isPromoLine(el: Element, total: number): boolean {
  if (linkShare(el, total) <= 0.5) return false;
  const page = el.ownerDocument.URL.split('#')[0];
  for (const a of el.getElementsByTagName('a')) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#')) continue;
    try {
      if (new URL(href, documentBase(el.ownerDocument)).href.split('#')[0] !== page) return true;
    } catch {
      // an unparsable href links nowhere
    }
  }
  return false;
}

/** "Updated", "Published" and kin, and what may follow them before the date. */
const STAMP_LABEL =
  /^(?:(?:last\s+)?(?:updated?|modified|edited)|(?:first\s+)?(?:published|posted)|publicado|atualizado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato)(?:\s+(?:on|at))?\s*[:,-]?\s*/i;
/** The words of a date or a time: "3:45 PM ET", "Nov. 19, 2019", "2 hours ago", "Tuesday". */
const STAMP_WORD =
  /^(?:\d{1,4}(?:[:./-]\d{1,4}){0,3}(?:st|nd|rd|th|h|am|pm)?|[ap]\.?m\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|[a-z]?[ecmpa][sd]?t|gmt|utc|bst|cet|cest|ist|aest|aedt|jst|kst|hkt|sgt|[+-]\d{2}:?\d{2}|ago|at|on|and|hours?|hrs?|minutes?|mins?|days?|weeks?|yesterday|today|now|just|an?|updated?|published|posted|modified|[|•·,–—-])$/i;

/**
 * A line that is only publication and update stamps: "Updated 3:45 PM ET", "UPDATED: Nov. 19,
 * 2019.", "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m." (text nodes glued by the page).
 */
function isDateStamp(text: string): boolean {
  const unglued = text.replace(/(\d)(\p{L})/gu, '$1 $2');
  const label = STAMP_LABEL.exec(unglued);
  if (!label?.[0] && !/\b(?:updated?|published|posted)\s*:/i.test(unglued)) return false;
  const rest = unglued.slice(label?.[0].length ?? 0).trim();
  if (!/\d|ago|yesterday|today/i.test(rest)) return false;
  const words = rest
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[(]+|[.:)(]+$/g, ''))
    .filter(Boolean);
  return words.length > 0 && words.every((w) => STAMP_WORD.test(w));
}

/**
 * A link list, link line or story card after a "Don't miss" / "More from …" / "Recommended" label
 * belongs to the label, and so does each card of a run of them ("You may also like", then three
 * cards: headline link, one-paragraph teaser).
 */
function followsLinkLabel(el: Element, text: string): boolean {
  // Cheap tests first: this runs on every paragraph.
  if (!LABELLED_LISTS.has(el.tagName) || text.length > 600 || !el.getElementsByTagName('a')[0]) return false;
  let prev = el.previousElementSibling;
  if (!prev || !isLinkBlock(el, text)) return false;
  for (let i = 0; prev && i < MAX_CARD_RUN; i++, prev = prev.previousElementSibling) {
    if (textLength(prev, 600) > 600) return false; // a paragraph of the story: no label, no card
    const prevText = (prev.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (prevText && prevText.length < 50) {
      const label = stripLeadingMarks(prevText);
      if (isLinkLabel(label, foldCase(label))) return true;
    }
    if (!prev.getElementsByTagName('a')[0] || !isLinkBlock(prev, prevText)) return false;
  }
  return false;
}

/** Cards after a label, at most. */
const MAX_CARD_RUN = 12;

/** Links, or a card: a headline link first, then at most a short teaser. */
function isLinkBlock(el: Element, text: string): boolean {
  if (!LABELLED_LISTS.has(el.tagName) || !text || text.length > 600) return false;
  return linkShare(el, text.length) > 0.35 || (text.length < 400 && startsWithHeadlineLink(el, text));
}

/** The block's text opens with a link of headline length (3+ words) to another page. */
function startsWithHeadlineLink(el: Element, text: string): boolean {
  for (const a of el.getElementsByTagName('a')) {
    const linkText = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!linkText) continue;
    const href = a.getAttribute('href') ?? '';
    return text.startsWith(linkText) && linkText.split(' ').length >= 3 && !!href && !href.startsWith('#');
  }
  return false;
}

const LABELLED_LISTS = new Set(['UL', 'OL', 'P', 'DIV', 'SECTION', 'ARTICLE']);

const PROMO_BLOCKS = new Set(['P', 'DIV', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * A paragraph that is nothing but links to other pages of the same site is a "related story"
 * promo ("TAYLOR SWIFT CLEARED TO PERFORM..."), not prose. Links to other sites (a shop, a
 * source document) stay: deal posts and link round-ups are made of them.
 */
function isSameSitePromo(el: Element, total: number): boolean {
  const links = el.getElementsByTagName('a');
  if (!links.length || linkShare(el, total) < 0.9) return false;
  const base = documentBase(el.ownerDocument);
  const site = hostOf(base);
  if (!site) return false;
  for (const a of links) {
    const href = a.getAttribute('href');
    if (!href || hostOf(href, base) !== site) return false;
  }
  return true;
}

function hostOf(href: string, base?: string): string | null {
  try {
    return new URL(href, base).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

const TEXT_BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SPAN',
  'STRONG',
  'B',
  'EM',
  'SMALL',
]);

function linkShare(el: Element, total: number): number {
  let links = 0;
  for (const a of el.getElementsByTagName('a'))
    links += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return total ? links / total : 0;
}

const HEADLINE_TAGS = new Set(['H1', 'H2', 'H3', 'P', 'DIV', 'SPAN', 'STRONG']);

/** The headline repeated inside the content: the title is metadata, not body text. */
export function repeatsTitle(el: Element, title: string): boolean {
  if (!title || !HEADLINE_TAGS.has(el.tagName) || textLength(el, 400) > 400) return false;
  const text = el.textContent ?? '';
  const wanted = normalizedTitle(title);
  // Each word of the normalized title is in the lower-cased text of a block that repeats it.
  if (!text.toLowerCase().includes(wanted.longestWord)) return false;
  return normalizeHeadline(text) === wanted.normalized;
}

/** The last title normalized: `repeatsTitle` runs on every block of one article with the same title. */
let titleCache: { title: string; normalized: string; longestWord: string } | null = null;

function normalizedTitle(title: string): { normalized: string; longestWord: string } {
  if (titleCache?.title !== title) {
    const normalized = normalizeHeadline(title);
    const longestWord = normalized.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    titleCache = { title, normalized, longestWord };
  }
  return titleCache;
}

const BYLINE_BLOCKS = new Set(['P', 'DIV', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The byline repeated as a block of the content ("JANE DOE", "By Jane Doe, Wire Service",
 * "JANE DOEWire Service"): it is metadata. The block is the byline, alone or followed by a
 * separator or a glued-on organization; "Beachbody Performance" is no repeat of "Beachbody".
 */
export function repeatsByline(el: Element, byline: string | null): boolean {
  if (!byline || byline.length < 4 || !BYLINE_BLOCKS.has(el.tagName)) return false;
  if (textLength(el, 200) > byline.length + 40) return false;
  const text = (el.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  if (!text.toLowerCase().startsWith(byline.toLowerCase())) return false;
  const rest = text.slice(byline.length);
  return rest === '' || /^\s*[,|·•–—/(-]/.test(rest) || /^\p{Lu}/u.test(rest);
}

function normalizeHeadline(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
