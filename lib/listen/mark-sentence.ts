import { buildTextMap, piecesOf } from '../highlight/text-map';

/** The attribute of the sentence being read (tests and CSS find it by this). */
export const TTS_CURRENT_ATTR = 'data-tts-current';

/**
 * Wraps body-text range `[start, end)` of `root` (offsets into `buildTextMap(root).text`) in
 * `<span data-tts-current>` elements, one per text node it touches, after removing the previous
 * ones. Only text nodes are wrapped, like lib/highlight's marks, so quote and name marks, links and
 * paragraphs stay as they are and the body text (and so every offset) does not change. Works in every
 * browser (the CSS Custom Highlight API reached Firefox only in 140). Returns the new wrappers.
 */
export function markSentence(root: Element, start: number, end: number): HTMLElement[] {
  clearSentenceMark(root);
  const doc = root.ownerDocument;
  return piecesOf(buildTextMap(root), start, end).map((piece) => {
    let node = piece.node;
    if (piece.start > 0) node = node.splitText(piece.start);
    if (piece.end - piece.start < node.data.length) node.splitText(piece.end - piece.start);
    const span = doc.createElement('span');
    span.setAttribute(TTS_CURRENT_ATTR, '');
    node.before(span);
    span.append(node);
    return span;
  });
}

/** Removes the current-sentence wrappers and merges the text nodes they split. */
export function clearSentenceMark(root: Element): void {
  const marks = root.querySelectorAll(`[${TTS_CURRENT_ATTR}]`);
  const parents = new Set<Node>();
  for (const el of Array.from(marks)) {
    if (el.parentNode) parents.add(el.parentNode);
    el.replaceWith(...Array.from(el.childNodes));
  }
  for (const parent of parents) parent.normalize();
}
