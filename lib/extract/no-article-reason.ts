/**
 * Whether a page is an article, and if not why, in words a reader understands. The one decision
 * behind both the CLI (`ok: false` with this reason) and the reader's "No article" state
 * (`article.readerable` is false exactly when there is a reason).
 *
 * Evidence is weighed in this order:
 * 1. The page cannot hold an article: binary data, a frameset, nothing at all, no text.
 * 2. The candidate text is links: most of its letters are link text, whatever the markup (a list,
 *    a table, or bare links separated by spaces), or it has too few letters outside links.
 * 3. The page says it is an article (JSON-LD `NewsArticle` and kin, `og:type` article) or shows one
 *    (a single `<h1>` followed by paragraphs of prose): a 60-word news brief is an article.
 * 4. Readability's own test (`isReaderable`), or enough prose in the candidate.
 * Anything else looks like a home page, a section front or an app.
 */

import { letterCount } from './text-length';

/** The shape of the page before extraction changes it. */
interface PageShape {
  text: string;
  images: number;
  frameset: boolean;
}

/**
 * What the page says or shows about being an article, read on the cleaned page. A weaker test is
 * left false when a stronger one holds (`noArticleReason` never needs it then).
 */
export interface ArticleEvidence {
  /** JSON-LD `NewsArticle`/`Article`/... or `og:type` article. */
  declared: boolean;
  /** A single `<h1>` followed by paragraphs of prose (`headlineWithProse`). */
  headline: boolean;
  /** Readability's `isProbablyReaderable`, scaled to the language (`isReaderable`). */
  readerable: boolean;
}

/** Read before extraction: cleaning and Readability remove much of what this looks at. */
export function pageShape(doc: Document): PageShape {
  return {
    text: (doc.body?.textContent ?? '').trim(),
    images: doc.images.length,
    frameset: doc.querySelector('frameset') !== null,
  };
}

/** Share of control and replacement characters above which text is taken for binary data. */
const BINARY_SHARE = 0.05;
/** An article has at least this many letters outside links (a one-paragraph brief has ~250)... */
const MIN_PROSE_LETTERS = 80;
/** ...or one sentence's worth when the page declares or shows an article. */
const MIN_PROSE_LETTERS_WITH_EVIDENCE = 30;
/** Above this share of its letters in links, the candidate is a list of links... */
const LINK_LIST_SHARE = 0.5;
/** ...unless the page declares an article, up to this share (a link round-up is an article). */
const DECLARED_LINK_LIST_SHARE = 0.8;
/** This many letters of prose outside links make an article even without any other evidence. */
const LONG_PROSE_LETTERS = 1200;

export const NOT_AN_ARTICLE = 'the page looks like a home page, a list or an app rather than an article';

export function noArticleReason(
  shape: PageShape,
  content: Element | null,
  text: string,
  evidence: ArticleEvidence,
): string | null {
  if (isBinary(shape.text)) return 'the file is not a web page: it holds binary data';
  if (shape.frameset) return 'the page is a frameset: its content is in separate frames, open one to read it';
  if (!shape.text && shape.images === 0) return 'the page is empty';
  if (!content || !text.trim()) {
    return shape.images > 0
      ? 'the page has only images, no article text'
      : 'no article text found on the page';
  }
  const { letters, linkLetters } = letterCounts(content);
  const prose = letters - linkLetters;
  const linkShare = letters ? linkLetters / letters : 0;
  const maxLinkShare = evidence.declared ? DECLARED_LINK_LIST_SHARE : LINK_LIST_SHARE;
  const shown = evidence.declared || evidence.headline;
  const minProse = shown ? MIN_PROSE_LETTERS_WITH_EVIDENCE : MIN_PROSE_LETTERS;
  if (linkShare > maxLinkShare || prose < minProse) {
    return linkLetters > prose
      ? 'the page has no prose: it is a list of links'
      : 'too little text for an article';
  }
  if (shown || evidence.readerable) return null;
  if (prose >= LONG_PROSE_LETTERS && linkShare < 0.25) return null;
  return NOT_AN_ARTICLE;
}

/** The characters `isBinary` counts; a page without any (nearly every page) skips the count. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const ODD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/;

function isBinary(text: string): boolean {
  if (!text || !ODD_CHAR.test(text)) return false;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // C0 controls other than tab, newline and carriage return, and U+FFFD from undecodable bytes.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return odd / text.length > BINARY_SHARE;
}

/**
 * Letters and digits of the content, and those inside links. Letters, not characters: spaces and
 * separators between bare links ("a | b | c") are not prose.
 */
function letterCounts(content: Element): { letters: number; linkLetters: number } {
  let linkLetters = 0;
  for (const a of content.getElementsByTagName('a')) {
    // Nested links (invalid, but parsed) count once, at the outermost.
    if (!a.parentElement?.closest('a')) linkLetters += letterCount(a.textContent ?? '');
  }
  return { letters: letterCount(content.textContent ?? ''), linkLetters };
}

/** Minimum letters of a paragraph that counts as prose after the headline. */
const PROSE_PARAGRAPH_LETTERS = 40;

/**
 * A page that shows an article: exactly one `<h1>`, and after it a run of prose paragraphs (two
 * sibling `<p>` of 40+ letters, or one of 250+, few links) before any other text block of length.
 * A home page's logo `<h1>` is followed by headline links and one-paragraph teasers instead.
 * Run on the cleaned page (navigation and hidden elements gone).
 */
export function headlineWithProse(doc: Document): boolean {
  const h1s = doc.body?.getElementsByTagName('h1');
  if (h1s?.length !== 1) return false;
  const h1 = h1s[0];
  if (letterCount(h1.textContent ?? '') < 3) return false;
  // Document order from the headline on (its own subtree skipped), up to a bound.
  let el = nextAfter(h1);
  for (let seen = 0; el && seen < MAX_WALK; seen++, el = nextInOrder(el)) {
    if (el.localName !== 'p' || inCaption(el)) continue;
    const letters = letterCount(el.textContent ?? '');
    if (letters < PROSE_PARAGRAPH_LETTERS) continue; // bylines, dates, kickers
    if (linkShare(el, letters) >= 0.3) return false; // the first real text after the headline is links
    if (!SENTENCE_END.test(el.textContent ?? '')) continue; // a standfirst or a label
    let run = letters;
    let count = 1;
    for (let next = el.nextElementSibling; next && next.localName === 'p'; next = next.nextElementSibling) {
      const n = letterCount(next.textContent ?? '');
      if (n === 0) continue;
      if (linkShare(next, n) >= 0.3 || !SENTENCE_END.test(next.textContent ?? '')) break;
      run += n;
      if (n >= PROSE_PARAGRAPH_LETTERS) count++;
    }
    return (count >= 2 && run >= 150) || run >= 250;
  }
  return false;
}

/** Elements looked at after the headline before giving up. */
const MAX_WALK = 3000;

/** The element after `el` in document order, its subtree skipped. */
function nextAfter(el: Element): Element | null {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (p.nextElementSibling) return p.nextElementSibling;
  }
  return null;
}

function nextInOrder(el: Element): Element | null {
  return el.firstElementChild ?? nextAfter(el);
}

const SENTENCE_END = /[.!?。！？…"”»]/;

function linkShare(p: Element, letters: number): number {
  let linked = 0;
  for (const a of p.getElementsByTagName('a')) linked += letterCount(a.textContent ?? '');
  return linked / letters;
}

function inCaption(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (p.localName === 'figcaption' || p.localName === 'figure') return true;
  }
  return false;
}
