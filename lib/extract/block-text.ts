/**
 * Plain text of an article element built block by block: every block (paragraph, heading, list
 * item, quote, table row...) becomes one paragraph of text, blocks are separated by a blank line
 * and `<br>` is a line break. `Node.textContent` instead glues neighbouring blocks ("TN" + "June"
 * → "TNJune"), which breaks both reading and word matching.
 */

/** Elements whose start and end separate blocks of text (the HTML "block" and table elements). */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Never text: code, media and embedded documents. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'PICTURE',
  'IMG',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'MATH',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Returns the text of `root` with blocks separated by "\n\n". Elements for which `skip` returns
 * true contribute nothing (captions, credits, link boxes): they stay in the HTML, not in the text.
 */
export function blockText(root: Element, skip: (el: Element) => boolean = () => false): string {
  const blocks: string[] = [];
  let line = '';
  let lines: string[] = [];

  const flushLine = () => {
    const text = line.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const flushBlock = () => {
    flushLine();
    if (lines.length) blocks.push(lines.join('\n'));
    lines = [];
  };

  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        line += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        flushLine();
        continue;
      }
      if (SKIPPED_TAGS.has(tag) || skip(el)) {
        // A skipped inline element still separates the words around it.
        line += ' ';
        continue;
      }
      if (tag === 'PRE') {
        flushBlock();
        const text = (el.textContent ?? '').replace(/^\n+|\s+$/g, '');
        if (text) blocks.push(text);
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) flushBlock();
      walk(el);
      if (isBlock) flushBlock();
    }
  };

  walk(root);
  flushBlock();
  return blocks.join('\n\n');
}
