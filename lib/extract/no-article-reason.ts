/**
 * Why a page has no article to read, in words a reader understands — or null when it has one.
 * Used by the CLI (`ok: false` with this reason) and by the reader's empty state.
 */

/** The shape of the page before extraction changes it. */
interface PageShape {
  text: string;
  images: number;
  frameset: boolean;
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
/** An article has at least this many characters of prose outside links (a short brief has ~200). */
const MIN_PROSE_CHARS = 100;

export function noArticleReason(shape: PageShape, content: Element | null, text: string): string | null {
  if (isBinary(shape.text)) return 'the file is not a web page: it holds binary data';
  if (shape.frameset) return 'the page is a frameset: its content is in separate frames, open one to read it';
  if (!shape.text && shape.images === 0) return 'the page is empty';
  if (!content || !text.trim()) {
    return shape.images > 0
      ? 'the page has only images, no article text'
      : 'no article text found on the page';
  }
  const linkText = linkTextLength(content);
  const prose = foldedTextLength(content) - linkText;
  if (prose < MIN_PROSE_CHARS) {
    return linkText > prose
      ? 'the page has no prose: it is a list of links'
      : 'too little text for an article';
  }
  return null;
}

function isBinary(text: string): boolean {
  if (!text) return false;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // C0 controls other than tab, newline and carriage return, and U+FFFD from undecodable bytes.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return odd / text.length > BINARY_SHARE;
}

function linkTextLength(content: Element): number {
  let length = 0;
  for (const a of Array.from(content.querySelectorAll('a'))) length += (a.textContent ?? '').trim().length;
  return length;
}

/** Characters of text, whitespace folded. */
function foldedTextLength(content: Element): number {
  return (content.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}
