import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { annotate } from '@/lib/annotate/annotate';
import type { Annotations } from '@/lib/annotate/annotations';
import {
  type AppliedHighlights,
  applyHighlights,
  type HighlightLayers,
  removeHighlights,
} from '@/lib/highlight/apply-highlights';
import type { MentionMarks } from '@/lib/highlight/drawn-marks';
import { buildTextMap } from '@/lib/highlight/text-map';
import { MARKS, mark, markAfterPaint, timed } from '@/lib/reader/reader-timing';

/** Runs `task` once the browser is idle (after the article's first paint), cancellably. */
function afterPaint(task: () => void): () => void {
  const w = globalThis as typeof globalThis & {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(task, { timeout: 300 });
    return () => w.cancelIdleCallback?.(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

export interface ArticleHighlights {
  /** Null until the body has been annotated. */
  annotations: Annotations | null;
  /** The wrappers currently in the body; replaced (not re-rendered) each time the body is wrapped again. */
  applied: { readonly current: AppliedHighlights };
}

export interface HighlightsView {
  /** Where the article body is, from the highlights panel. */
  findBody: (panel: HTMLElement) => HTMLElement | null;
  /** The article's declared language (`article.lang`): names are found in supported languages only. */
  lang: string | null;
  layers: HighlightLayers;
  mentions: MentionMarks;
}

/**
 * Annotates the article body found from `panelRef` after its first paint, and keeps it wrapped for the
 * current `layers` and `mentions`. `onApplied` runs each time the wrappers are replaced, as earlier
 * ones are then gone.
 */
export function useArticleHighlights(
  panelRef: RefObject<HTMLElement>,
  { findBody, lang, layers, mentions }: HighlightsView,
  onApplied: () => void,
): ArticleHighlights {
  const [annotations, setAnnotations] = useState<Annotations | null>(null);
  const applied = useRef<AppliedHighlights>({ quotes: [], entities: [] });
  // Bumped when the body's HTML is replaced under us (e.g. "show images"), to wrap it again.
  const [bodyVersion, setBodyVersion] = useState(0);
  const observerRef = useRef<MutationObserver | null>(null);

  useEffect(() => {
    const body = panelRef.current && findBody(panelRef.current);
    if (!body) return;
    const cancel = afterPaint(() => {
      const result = timed(MARKS.annotate, () => annotate({ textContent: buildTextMap(body).text, lang }));
      mark(MARKS.annotated);
      setAnnotations(result);
    });
    const observer = new MutationObserver(() => setBodyVersion((v) => v + 1));
    observer.observe(body, { childList: true });
    observerRef.current = observer;
    return () => {
      cancel();
      observer.disconnect();
    };
  }, [findBody, panelRef, lang]);

  useLayoutEffect(() => {
    const body = panelRef.current && findBody(panelRef.current);
    if (!body || !annotations || bodyVersion < 0) return;
    timed(MARKS.applyHighlights, () => {
      removeHighlights(body);
      applied.current = applyHighlights(body, buildTextMap(body), annotations, layers, { mentions });
    });
    markAfterPaint(MARKS.highlightsPainted);
    // Our own wrapping is not a new body.
    observerRef.current?.takeRecords();
    onApplied();
  }, [annotations, layers, mentions, bodyVersion, findBody, panelRef, onApplied]);

  return { annotations, applied };
}
