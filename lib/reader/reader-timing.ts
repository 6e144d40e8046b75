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

/** Resolves after the next frame is painted: a rAF callback runs before paint, a task queued from it after. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Marks after the next frame is painted. */
export function markAfterPaint(name: string): void {
  afterNextPaint().then(() => mark(name));
}
