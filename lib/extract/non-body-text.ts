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
import { textLength } from './text-length';

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
  ]
    .map((w) => `(?:^|[\\s_-])${w}(?:$|[\\s_-])`)
    .join('|'),
  'i',
);

/** Marks caption/credit/byline elements by class or role while class names are still there. */
export function markNonBodyText(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of descendantElements(body)) {
    // "newsCaption" counts as "news-caption".
    const words = `${el.id} ${el.getAttribute('class') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
    if (words.length > 2 && ASIDE_CLASS.test(words) && isSmall(el)) el.setAttribute(NON_BODY_ATTR, '');
    else if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') {
      const block = el.closest('p, div, span, li') ?? el;
      if (isSmall(block)) block.setAttribute(NON_BODY_ATTR, '');
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
const LINK_LABEL =
  /^(?:read more|read also|read next|related(?: articles| stories| posts| links| content| news| coverage)?|see also|see more|also read|also see|more on this(?: story)?|more from [\p{L} ]+|more [\p{L} ]+ stories|more news|more stories|don[’']?t miss|recommended(?: for you)?|you may also like|you might also like|trending|latest|popular|most (?:read|popular|viewed)|further reading|up next|highlights|leggi anche|leia (?:também|mais)|veja também|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lee también|te puede interesar)\b\.{0,3}\s*[:\-–—|]?/iu;
const BOILERPLATE =
  /^(?:share|tweet|email|print|comment|comments|advert|advertisement|sponsored|subscribe|sign up|this slideshow requires javascript|via [\w.]+|copyright\b|©|all rights reserved|citation:|this document is subject to copyright)(?:\s+(?:this|on|via|article|story|now)\b.*)?[.!]?$/i;
const PROMO_START =
  /^(?:subscribe|sign up|get our|get the|join our|join us|follow us|download our|like us)\b/i;

/** True for an element of the extracted content that must stay out of the body text. */
export function isNonBodyText(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'FIGCAPTION' || tag === 'FIGURE') return true;
  if (el.hasAttribute(NON_BODY_ATTR)) return true;
  if (!TEXT_BLOCKS.has(tag)) return false;
  if (textLength(el, 300) > 300) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return false;
  if (BOILERPLATE.test(text) || CREDIT_TEXT.test(text) || META_LINE.test(text)) return true;
  const sentence = /[.!?]["”’]?$/.test(text);
  if (text.length < 150 && !sentence && (AGENCY_CREDIT.test(text) || text.includes('©'))) return true;
  if (text.length < 100 && !sentence && DATE_ONLY.test(text)) return true;
  if (text.length < 80 && !sentence && BYLINE_TEXT.test(text)) return true;
  if (text.length < 150 && PROMO_START.test(text)) return true;
  if (LINK_LABEL.test(text)) return text.length < 50 || linkShare(el, text.length) > 0.5;
  if (tag === 'UL' || tag === 'OL' || tag === 'P' || tag === 'DIV') {
    // A link list or link line right after a "Don't miss" / "Related" label belongs to it.
    const prev = el.previousElementSibling;
    const prevText = prev ? (prev.textContent ?? '').trim() : '';
    if (prevText && prevText.length < 50 && LINK_LABEL.test(prevText) && linkShare(el, text.length) > 0.6)
      return true;
  }
  return false;
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

function isSmall(el: Element): boolean {
  return textLength(el, 300) <= 300;
}

function linkShare(el: Element, total: number): number {
  let links = 0;
  for (const a of el.getElementsByTagName('a'))
    links += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return total ? links / total : 0;
}
