// lib/notes: the reader's own highlights and notes — anchoring, marks, storage.
/**
 * Where a highlight is in an article's text, in the manner of the W3C Web Annotation
 * TextQuoteSelector (`exact`, `prefix`, `suffix`) with a TextPositionSelector's offsets beside it.
 * The text is the reader's block text of the rendered body (lib/highlight/text-map), the same in
 * the popup, the full tab and the saved copy.
 */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets into the text the selector was made on (or last re-anchored on). */
  start: number;
  end: number;
}

/** How a selector was found again: straight at its offsets, by its exact text, or approximately. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** Characters of context kept on each side (the W3C examples use ~32). */
export const CONTEXT_CHARS = 32;

/** The selector of `text.slice(start, end)`. */
export function describeQuote(text: string, start: number, end: number): TextQuoteSelector {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return {
    exact: text.slice(a, b),
    prefix: text.slice(Math.max(0, a - CONTEXT_CHARS), a),
    suffix: text.slice(b, b + CONTEXT_CHARS),
    start: a,
    end: b,
  };
}

/** Length of the common ending of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common beginning of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the text around `[start, end)` matches the selector's context, higher is better. */
function contextScore(text: string, selector: TextQuoteSelector, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - selector.prefix.length), start);
  const after = text.slice(end, end + selector.suffix.length);
  const context = commonSuffix(before, selector.prefix) + commonPrefix(after, selector.suffix);
  // Context decides; among equal contexts the one nearest the old position wins.
  return context * 1e7 - Math.min(Math.abs(start - selector.start), 1e7 - 1);
}

/** Every index where `needle` occurs in `text`. */
function occurrences(text: string, needle: string, limit = 1000): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at >= 0 && found.length < limit; at = text.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/** A text with whitespace runs collapsed, case folded and quote/dash variants unified, with a map back. */
function normalized(text: string): { text: string; index: number[] } {
  const out: string[] = [];
  const index: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!space && out.length) {
        out.push(' ');
        index.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    out.push(
      ch
        .toLowerCase()
        .replace(/[‘’‚‛′]/, "'")
        .replace(/[“”„‟″«»]/, '"')
        .replace(/[‐‑‒–—―]/, '-'),
    );
    index.push(i);
  }
  index.push(text.length);
  return { text: out.join(''), index };
}

/** Edit distance of `a` and `b` (two rows; `a` and `b` are at most a few thousand characters). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

/** The best of `candidates` (ranges in `text`) by context and distance to the old offsets. */
function best(text: string, selector: TextQuoteSelector, candidates: [number, number][]): [number, number] {
  let winner = candidates[0];
  let score = -Infinity;
  for (const [start, end] of candidates) {
    const s = contextScore(text, selector, start, end);
    if (s > score) [winner, score] = [[start, end], s];
  }
  return winner;
}

/** The exact text, found again after whitespace, case or typographic quotes changed. */
function normalizedMatch(text: string, selector: TextQuoteSelector): [number, number][] {
  const hay = normalized(text);
  const needle = normalized(selector.exact).text.trim();
  return occurrences(hay.text, needle, 200).map((at) => [
    hay.index[at],
    hay.index[at + needle.length - 1] + 1,
  ]);
}

/** Most edits allowed for an approximate match: a fifth of the quote. */
const FUZZ = 0.2;
const SEED = 8;

/**
 * The quote found approximately (words changed inside it): candidates start where its first
 * few characters occur or end where its last few do, and the closest within FUZZ edits wins.
 */
function approximateMatch(text: string, selector: TextQuoteSelector): [number, number][] {
  const { exact } = selector;
  const m = exact.length;
  if (m < SEED * 2) return [];
  const candidates: [number, number][] = [];
  for (const at of occurrences(text, exact.slice(0, SEED), 50)) candidates.push([at, at + m]);
  for (const at of occurrences(text, exact.slice(-SEED), 50)) candidates.push([at + SEED - m, at + SEED]);
  const mid = Math.floor(m / 2) - SEED / 2;
  for (const at of occurrences(text, exact.slice(mid, mid + SEED), 50)) {
    candidates.push([at - mid, at - mid + m]);
  }
  const limit = Math.floor(m * FUZZ);
  let found: [number, number][] = [];
  let bestDistance = limit + 1;
  for (const [s, e] of candidates) {
    const start = Math.max(0, s);
    const end = Math.min(text.length, e);
    const distance = editDistance(exact, text.slice(start, end));
    if (distance < bestDistance) [found, bestDistance] = [[[start, end]], distance];
    else if (distance === bestDistance) found.push([start, end]);
  }
  return found;
}

/**
 * The quote's text between its prefix and suffix when the quote itself was reworded: both
 * contexts found, with text of about the old length between them.
 */
function contextMatch(text: string, selector: TextQuoteSelector): [number, number][] {
  const { prefix, suffix, exact } = selector;
  if (prefix.length < SEED || suffix.length < SEED) return [];
  const found: [number, number][] = [];
  for (const p of occurrences(text, prefix, 50)) {
    const start = p + prefix.length;
    const end = text.indexOf(suffix, start);
    if (end < 0) continue;
    const length = end - start;
    if (length > 0 && length >= exact.length / 2 && length <= exact.length * 2) found.push([start, end]);
  }
  return found;
}

/**
 * Finds `selector` in `text`: at its offsets if the text there is unchanged; else the occurrence
 * of its exact text whose context matches best; else approximately (normalised text, a reworded
 * quote, or the text between its unchanged prefix and suffix). Null: it cannot be anchored (an
 * orphan, which is kept, never dropped).
 */
export function anchorQuote(text: string, selector: TextQuoteSelector): Anchor | null {
  const { exact, start, end } = selector;
  if (!exact) return null;
  if (text.slice(start, end) === exact) {
    // Unchanged at its offsets; still checked against a better-fitting occurrence elsewhere.
    const all = occurrences(text, exact, 200).map((at): [number, number] => [at, at + exact.length]);
    const [s, e] = best(text, selector, all.length ? all : [[start, end]]);
    return { start: s, end: e, method: s === start ? 'position' : 'exact' };
  }
  const exactHits = occurrences(text, exact, 1000).map((at): [number, number] => [at, at + exact.length]);
  if (exactHits.length) {
    const [s, e] = best(text, selector, exactHits);
    return { start: s, end: e, method: 'exact' };
  }
  for (const search of [normalizedMatch, contextMatch, approximateMatch]) {
    const hits = search(text, selector);
    if (hits.length) {
      const [s, e] = best(text, selector, hits);
      return { start: s, end: e, method: 'fuzzy' };
    }
  }
  return null;
}
