import type { TextMap } from '../highlight/text-map';

/**
 * The offsets into `map.text` that a DOM range (the reader's selection) covers, trimmed of the
 * spaces and block separators at its ends; null when it covers no character of the text.
 */
export function rangeOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  const nodeIndex = new Map<Text, number>();
  map.nodes.forEach((node, i) => {
    nodeIndex.set(node, i);
  });
  // Per text node touched by the range: the part of it inside the range.
  const inside = new Map<number, [number, number]>();
  for (const [node, i] of nodeIndex) {
    if (!range.intersectsNode(node)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to > from) inside.set(i, [from, to]);
  }
  if (inside.size === 0) return null;
  let start = -1;
  let end = -1;
  for (let c = 0; c < map.text.length; c++) {
    const n = map.nodeOf[c];
    const part = n >= 0 ? inside.get(n) : undefined;
    if (!part) continue;
    const off = map.offsetOf[c];
    if (off < part[0] || off >= part[1]) continue;
    if (start < 0) start = c;
    end = c + 1;
  }
  while (start >= 0 && start < end && /\s/.test(map.text[start])) start++;
  while (end > start && /\s/.test(map.text[end - 1])) end--;
  return start >= 0 && end > start ? { start, end } : null;
}
