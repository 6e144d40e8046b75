/**
 * Performance marks the benchmark reads (scripts/bench/reader.ts): the page's navigation start is
 * "popup opened"; these mark the extraction, the moment the article is on screen and the moment
 * its highlights are. Measures (durations) are named like marks.
 */
export const MARKS = {
  /** The popup's bundle starts running. */
  boot: 'lede:boot',
  /** `executeScript` called. */
  extractStart: 'lede:extract-start',
  /** Its result arrived in the page. */
  extractResult: 'lede:extract-result',
  /** In the tab (its clock, see `markAt`): the injected script started its work, and finished it. */
  tabScriptStart: 'lede:tab-script-start',
  tabScriptEnd: 'lede:tab-script-end',
  /** The reader has the result (the tab's URL checked). */
  extractEnd: 'lede:extract-end',
  /** Measure: sanitizing the body. */
  sanitize: 'lede:sanitize',
  /** The article is in the DOM (layout effect of its commit). */
  rendered: 'lede:article-rendered',
  painted: 'lede:article-painted',
  /** Measure: annotating the body text. */
  annotate: 'lede:annotate',
  annotated: 'lede:annotated',
  /** Measure: wrapping the marks. */
  applyHighlights: 'lede:apply-highlights',
  highlightsPainted: 'lede:highlights-painted',
} as const;

export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/**
 * Marks `name` at `epochMs`, a time taken in another page (`performance.timeOrigin + performance.now()`
 * there): the injected script's own times placed on this page's timeline. Ignored unless a finite number.
 */
export function markAt(name: string, epochMs: unknown): void {
  const perf = globalThis.performance;
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs) || !perf?.mark) return;
  perf.mark(name, { startTime: Math.max(0, epochMs - perf.timeOrigin) });
}

/** Runs `task` and records its duration as the measure `name`. */
export function timed<T>(name: string, task: () => T): T {
  const start = globalThis.performance?.now?.() ?? 0;
  try {
    return task();
  } finally {
    globalThis.performance?.measure?.(name, { start, end: globalThis.performance.now() });
  }
}

/** Resolves after the next frame is painted: a rAF callback runs before paint, a task queued from it after. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Marks after the next frame is painted. */
export function markAfterPaint(name: string): void {
  afterNextPaint().then(() => mark(name));
}
