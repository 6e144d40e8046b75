/**
 * Performance marks the benchmark reads (scripts/bench/reader.ts): the page's navigation start is
 * "popup opened"; these mark the extraction and the moment the article is on screen.
 */
export const MARKS = {
  boot: 'lede:boot',
  extractStart: 'lede:extract-start',
  extractEnd: 'lede:extract-end',
  painted: 'lede:article-painted',
} as const;

export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/** Marks after the next frame is painted: a rAF callback runs before paint, a task queued from it after. */
export function markAfterPaint(name: string): void {
  requestAnimationFrame(() => setTimeout(() => mark(name), 0));
}
