import { useEffect, useState } from 'preact/hooks';

/** The selection inside `body`, if any text of it is selected. */
export function selectionIn(body: HTMLElement | null): Range | null {
  const selection = document.getSelection();
  if (!body || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return body.contains(range.commonAncestorContainer) || range.intersectsNode(body) ? range : null;
}

/** Where the toolbar goes: above the selection's first line, in viewport coordinates. */
function placeOf(range: Range): { top: number; left: number } {
  const rects = range.getClientRects();
  const first = rects[0] ?? range.getBoundingClientRect();
  // Kept inside the viewport: a selection scrolled partly out still has its toolbar at hand.
  const top = first.top - 44 < 4 ? first.bottom + 8 : first.top - 44;
  return {
    top: Math.min(Math.max(4, top), window.innerHeight - 44),
    left: Math.min(Math.max(4, first.left), window.innerWidth - 140),
  };
}

/**
 * The small toolbar over a selection in the article body: one button, Highlight (the `h` key does
 * the same). Shown while some body text is selected; pressing it keeps the selection (no focus
 * steal on mouse down) and highlights it.
 */
export function SelectionToolbar({
  body,
  onHighlight,
}: {
  body: HTMLElement | null;
  onHighlight: () => void;
}) {
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    const update = () => {
      const range = selectionIn(body);
      setPlace(range ? placeOf(range) : null);
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true, capture: true });
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, { capture: true });
    };
  }, [body]);
  if (!place) return null;
  return (
    <div class="selection-toolbar" style={{ top: `${place.top}px`, left: `${place.left}px` }}>
      <button
        type="button"
        data-testid="highlight-selection"
        title="Highlight the selection (H)"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onHighlight}
      >
        Highlight <kbd>H</kbd>
      </button>
    </div>
  );
}
