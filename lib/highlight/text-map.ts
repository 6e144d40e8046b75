/**
 * The block text of a rendered element (same shape as lib/extract/block-text.ts: blocks separated by
 * a blank line, `<br>` a line break, whitespace runs collapsed) together with where every character
 * came from, so offsets computed on the text (lib/annotate) can be mapped back to DOM text nodes.
 * The rendered body is not `article.textContent` (captions, sanitizing), hence building our own.
 */

const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIALOG DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN MENU NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);

/** Never read: code, media, form controls, and captions (credits are junk for the annotator). */
const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME OBJECT EMBED SVG CANVAS VIDEO AUDIO PICTURE IMG BUTTON SELECT TEXTAREA INPUT MATH FIGCAPTION PRE CODE'.split(
    ' ',
  ),
);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SPACE = /[ \t\n\r\f\u00a0]/;

export interface TextMap {
  text: string;
  /** The text nodes that contributed characters, in document order. */
  nodes: Text[];
  /** For each character of `text`: index into `nodes`, or -1 for a block or line separator. */
  nodeOf: Int32Array;
  /** For each character of `text`: its offset inside that text node (-1 for separators). */
  offsetOf: Int32Array;
}

export function buildTextMap(root: Element): TextMap {
  const chars: string[] = [];
  const nodeIdx: number[] = [];
  const offs: number[] = [];
  const nodes: Text[] = [];
  // What must come before the next visible character: nothing, a space, a line break or a blank line.
  let pending: '' | ' ' | '\n' | '\n\n' = '';
  let pendingAt: [number, number] = [-1, -1];
  const stronger = (sep: '\n' | '\n\n') => {
    if (chars.length === 0) return;
    if (sep === '\n\n' || pending !== '\n\n') pending = sep;
  };

  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const value = child.nodeValue ?? '';
        const index = nodes.push(child as Text) - 1;
        for (let i = 0; i < value.length; i++) {
          const ch = value[i];
          if (SPACE.test(ch)) {
            if (chars.length && pending === '') {
              pending = ' ';
              pendingAt = [index, i];
            }
            continue;
          }
          if (pending === ' ') {
            chars.push(' ');
            nodeIdx.push(pendingAt[0]);
            offs.push(pendingAt[1]);
          } else if (pending) {
            for (const sep of pending) {
              chars.push(sep);
              nodeIdx.push(-1);
              offs.push(-1);
            }
          }
          pending = '';
          chars.push(ch);
          nodeIdx.push(index);
          offs.push(i);
        }
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (tag === 'BR') {
        stronger('\n');
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (SKIPPED_TAGS.has(tag)) {
        if (isBlock) stronger('\n\n');
        else if (chars.length && pending === '') {
          // A skipped inline element still separates words; the space maps to no text node.
          pending = ' ';
          pendingAt = [-1, -1];
        }
        continue;
      }
      if (isBlock) stronger('\n\n');
      walk(child);
      if (isBlock) stronger('\n\n');
    }
  };
  walk(root);
  return {
    text: chars.join(''),
    nodes,
    nodeOf: Int32Array.from(nodeIdx),
    offsetOf: Int32Array.from(offs),
  };
}

/** A piece of a text range inside one text node: `node.data.slice(start, end)`. */
export interface NodePiece {
  node: Text;
  start: number;
  end: number;
}

/**
 * The text-node pieces covering `text.slice(start, end)`: one per text node touched, never across
 * a block boundary (separators belong to no node).
 */
export function piecesOf(map: TextMap, start: number, end: number): NodePiece[] {
  const pieces: NodePiece[] = [];
  let current: NodePiece | null = null;
  for (let i = Math.max(0, start); i < Math.min(end, map.text.length); i++) {
    const n = map.nodeOf[i];
    if (n < 0) {
      current = null;
      continue;
    }
    const node = map.nodes[n];
    const off = map.offsetOf[i];
    if (current && current.node === node) current.end = off + 1;
    else {
      current = { node, start: off, end: off + 1 };
      pieces.push(current);
    }
  }
  return pieces;
}
