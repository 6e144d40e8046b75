/**
 * Length of the text under `root` with runs of whitespace counted as one character, counting
 * stops once it passes `limit` (the caller only asks "is this box small?", and reading the whole
 * text of a page-sized wrapper again and again is what makes naive cleaners slow).
 * With `skipLinks`, text inside `<a>` is not counted: headline lists are links, prose is not.
 */
export function textLength(root: Element, limit = Number.POSITIVE_INFINITY, skipLinks = false): number {
  let total = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      total += value.length - countExtraSpaces(value);
      if (total > limit) return total;
    } else if (node.nodeType === 1) {
      if (skipLinks && (node as Element).localName === 'a') continue;
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return total;
}

/** Whitespace characters beyond the first of each run (those that collapse away). */
function countExtraSpaces(value: string): number {
  let extra = 0;
  let inSpace = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
    if (space && inSpace) extra++;
    inSpace = space;
  }
  return extra;
}

/**
 * Letters and digits in `text`: what is left of it without spaces, punctuation and separators.
 * A loop over char codes (a Unicode-class regex is several times slower on a whole page): ASCII
 * letters and digits count, and beyond ASCII everything but the common spaces, punctuation and
 * symbol blocks (Latin-1 signs, general punctuation to arrows and box drawing, CJK and full-width
 * punctuation).
 */
export function letterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) count++;
    } else if (
      !(
        c < 0xc0 ||
        (c >= 0x2000 && c <= 0x2bff) ||
        (c >= 0x3000 && c <= 0x303f) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff0f) ||
        (c >= 0xff1a && c <= 0xff20) ||
        (c >= 0xdc00 && c <= 0xdfff)
      )
    ) {
      count++;
    }
  }
  return count;
}
