import './highlights.css';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { HighlightLayers } from '@/lib/highlight/apply-highlights';
import { HighlightsLegend } from './HighlightsLegend';
import { HighlightsPanel } from './HighlightsPanel';
import { entitiesByType, quotesBySpeaker } from './highlight-groups';
import { useArticleHighlights } from './use-article-highlights';
import { useMentionJumps } from './use-mention-jumps';

export interface HighlightsProps {
  layers: HighlightLayers;
  onLayersChange: (layers: HighlightLayers) => void;
  /** Where the article body is; defaults to the `.article__body` of the enclosing article. */
  findBody?: (panel: HTMLElement) => HTMLElement | null;
}

const defaultBody = (panel: HTMLElement) =>
  panel.closest('article')?.querySelector<HTMLElement>('.article__body') ?? null;

/**
 * The highlights: annotates the rendered article body after its first paint, wraps quotes and
 * entity mentions (lib/highlight), and shows the legend with the layer switches and a panel listing
 * quotes by speaker and entities by type. Clicking an item scrolls to its next mention.
 */
export function Highlights({ layers, onLayersChange, findBody = defaultBody }: HighlightsProps) {
  const panelRef = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const { announcement, jump, reset } = useMentionJumps();
  // Re-wrapping replaces the mentions, so each item's cycle starts over.
  const { annotations, applied } = useArticleHighlights(panelRef, findBody, layers, reset);

  const speakers = useMemo(() => (annotations ? quotesBySpeaker(annotations.quotes) : []), [annotations]);
  const byType = useMemo(() => entitiesByType(annotations?.entities ?? []), [annotations]);

  // Read `applied` at click time: re-wrapping replaces it without a render.
  const jumpToQuote = (i: number, speaker: string | null) =>
    jump(`q${i}`, applied.current.quotes[i] ?? [], `Quote from ${speaker ?? 'an unnamed speaker'}`);
  const jumpToEntity = (i: number) =>
    jump(`e${i}`, applied.current.entities[i] ?? [], annotations?.entities[i].name ?? '');

  const quoteCount = annotations?.quotes.length ?? 0;
  const entityCount = annotations?.entities.length ?? 0;

  return (
    <aside
      ref={panelRef}
      class={`highlights${open ? ' highlights--open' : ''}`}
      aria-label="Highlights"
      data-testid="highlights"
      data-state={annotations ? 'ready' : 'loading'}
    >
      <div class="highlights__bar">
        <HighlightsLegend layers={layers} onLayersChange={onLayersChange} />
        <button
          type="button"
          class="highlights__toggle"
          data-testid="highlights-toggle"
          aria-expanded={open}
          aria-controls="highlights-list"
          onClick={() => setOpen(!open)}
        >
          {annotations ? `${quoteCount} quotes · ${entityCount} names` : 'Finding quotes…'}
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite" data-testid="highlights-status">
        {announcement}
      </p>
      {open && annotations && (
        <HighlightsPanel
          annotations={annotations}
          speakers={speakers}
          byType={byType}
          layers={layers}
          onQuote={jumpToQuote}
          onEntity={jumpToEntity}
        />
      )}
    </aside>
  );
}
