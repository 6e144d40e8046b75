/**
 * Parts of an extracted article that stay in its HTML but are not body text: captions and photo
 * credits, bylines and datelines, "Read more:"/"Related" link boxes, share prompts. Readability
 * keeps them inside the content; the reader may show them, the text (and so word counts, reading
 * time, quote finding) must not contain them.
 *
 * Class names are gone after Readability, so `markNonBodyText` runs before it and leaves a data
 * attribute that `isNonBodyText` reads afterwards (and `extractArticle` strips from the HTML).
 */

export const NON_BODY_ATTR = 'data-lede-aside';

const ASIDE_CLASS = new RegExp(
  [
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
    'date(?:line|time)?',
    'published',
    'post-?(?:date|meta)',
    'article-?(?:date|meta)',
    'entry-meta',
    'meta-?(?:data|info)?',
    'tags?',
    'topics',
    'categories',
  ]
    .map((w) => `(?:^|[\\s_-])${w}(?:$|[\\s_-])`)
    .join('|'),
  'i',
);

/** Marks caption/credit/byline elements by class or role while class names are still there. */
export function markNonBodyText(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.getElementsByTagName('*'))) {
    const words = `${el.id} ${el.getAttribute('class') ?? ''}`;
    if (words.length > 2 && ASIDE_CLASS.test(words) && isSmall(el)) el.setAttribute(NON_BODY_ATTR, '');
    else if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') {
      const block = el.closest('p, div, span, li') ?? el;
      if (isSmall(block)) block.setAttribute(NON_BODY_ATTR, '');
    }
  }
}

const CREDIT_TEXT =
  /^(?:photo|image|picture|foto|credit|illustration|source|video|graphic)s?\s*(?::|by\b|courtesy\b|©)/i;
const BYLINE_TEXT = /^(?:by|written by|reported by|words by|text by)\s+\p{Lu}/iu;
const LINK_BOX_TEXT =
  /^(?:read more|read also|related|see also|also read|also see|more|more on this|don[’']?t miss|recommended|watch|listen|click here|further reading|read next|up next|trending)\b\s*[:\-–—|]?/i;
const SHARE_TEXT =
  /^(?:share|tweet|email|print|comment|advertisement|sponsored)(?:\s+(?:this|on|via|article|story)\b.*)?$/i;

/** True for an element of the extracted content that must stay out of the body text. */
export function isNonBodyText(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'FIGCAPTION' || tag === 'FIGURE') return true;
  if (el.hasAttribute(NON_BODY_ATTR)) return true;
  if (
    tag !== 'P' &&
    tag !== 'DIV' &&
    tag !== 'LI' &&
    tag !== 'H4' &&
    tag !== 'H5' &&
    tag !== 'H6' &&
    tag !== 'SPAN'
  )
    return false;
  const text = (el.textContent ?? '').trim();
  if (text.length > 250 || !text) return false;
  if (CREDIT_TEXT.test(text) || SHARE_TEXT.test(text)) return true;
  if (BYLINE_TEXT.test(text) && text.length < 80 && !/[.!?]["”]?$/.test(text)) return true;
  return LINK_BOX_TEXT.test(text) && linkShare(el, text.length) > 0.5;
}

function isSmall(el: Element): boolean {
  const text = el.textContent ?? '';
  return text.length < 400 || text.replace(/\s+/g, ' ').trim().length < 300;
}

function linkShare(el: Element, total: number): number {
  let links = 0;
  for (const a of el.getElementsByTagName('a')) links += (a.textContent ?? '').trim().length;
  return links / total;
}
