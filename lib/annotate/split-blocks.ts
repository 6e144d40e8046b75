import type { Span } from './annotations';

/**
 * Paragraph ranges of `text`. The extractor separates blocks with a blank line; a single newline
 * (a <br> inside a block) does not end a paragraph. Ranges are trimmed of surrounding whitespace.
 */
export function splitBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) blocks.push({ start, end });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return blocks;
}
