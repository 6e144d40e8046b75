import './highlights.css';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { HighlightLayers } from '@/lib/highlight/apply-highlights';
import { type MentionMarks, SPEAKER_NOT_NAMED } from '@/lib/highlight/drawn-marks';
import { HighlightsLegend } from './HighlightsLegend';
import { HighlightsPanel } from './HighlightsPanel';
import { entitiesByType, quotesBySpeaker } from './highlight-groups';
import { useArticleHighlights } from './use-article-highlights';
import { useLibraryHistory } from './use-library-history';
import { useMentionJumps } from './use-mention-jumps';

export interface HighlightsProps {
  layers: HighlightLayers;
  onLayersChange: (layers: HighlightLayers) => void;
  /** The article's declared language (`article.lang`). */
  lang?: string | null;
  /** Which mentions of a name are marked (the reader's setting); default: first mentions. */
  mentions?: MentionMarks;
  /** Where the article body is; defaults to the `.article__body` of the enclosing article. */
  findBody?: (panel: HTMLElement) => HTMLElement | null;
  /** The page read: its own quotes are left out of the library history links. */
  page?: { url: string; canonicalUrl?: string | null };
}

const defaultBody = (panel: HTMLElement) =>
  panel.closest('article')?.querySelector<HTMLElement>('.article__body') ?? null;

/**
 * The highlights: annotates the rendered article body after its first paint, wraps quotes and
 * entity mentions (lib/highlight), and shows the legend with the layer switches and a panel listing
 * quotes by speaker and entities by type. Clicking an item scrolls to its next drawn mark.
 */
export function Highlights({
  layers,
  onLayersChange,
  lang = null,
  mentions = 'first',
  findBody = defaultBody,
  page,
}: HighlightsProps) {
  const panelRef = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const { announcement, jump, reset } = useMentionJumps();
  // Re-wrapping replaces the mentions, so each item's cycle starts over.
  const { annotations, applied } = useArticleHighlights(
    panelRef,
    { findBody, lang, layers, mentions },
    reset,
  );

  const speakers = useMemo(() => (annotations ? quotesBySpeaker(annotations.quotes) : []), [annotations]);
  const byType = useMemo(() => entitiesByType(annotations?.entities ?? []), [annotations]);
  const history = useLibraryHistory(annotations, page);

  // Read `applied` at click time: re-wrapping replaces it without a render.
  const jumpToQuote = (i: number, speaker: string | null) =>
    jump(
      `q${i}`,
      applied.current.quotes[i] ?? [],
      speaker ? `Quote from ${speaker}` : `Quote, ${SPEAKER_NOT_NAMED}`,
    );
  const jumpToEntity = (i: number) =>
    jump(`e${i}`, applied.current.entities[i] ?? [], annotations?.entities[i].name ?? '');

  const quoteCount = annotations?.quotes.length ?? 0;
  const entityCount = annotations?.entities.length ?? 0;
  const unsupported = annotations?.unsupportedLanguage ?? null;
  const summary = !annotations
    ? 'Finding quotes…'
    : unsupported
      ? `${quoteCount} quotes`
      : `${quoteCount} quotes · ${entityCount} names`;

  return (
    <aside
      ref={panelRef}
      class={`highlights${open ? ' highlights--open' : ''}`}
      aria-label="Highlights"
      data-testid="highlights"
      data-state={annotations ? 'ready' : 'loading'}
    >
      <div class="highlights__bar">
        <HighlightsLegend layers={layers} onLayersChange={onLayersChange} unsupportedLanguage={unsupported} />
        <button
          type="button"
          class="highlights__toggle"
          data-testid="highlights-toggle"
          aria-expanded={open}
          aria-controls="highlights-list"
          onClick={() => setOpen(!open)}
        >
          {summary}
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
          history={history}
        />
      )}
    </aside>
  );
}
