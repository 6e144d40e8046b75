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
