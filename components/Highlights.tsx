import './highlights.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { annotate } from '@/lib/annotate/annotate';
import type { Annotations, EntityType } from '@/lib/annotate/annotations';
import {
  type AppliedHighlights,
  applyHighlights,
  type HighlightLayers,
  removeHighlights,
} from '@/lib/highlight/apply-highlights';
import { buildTextMap } from '@/lib/highlight/text-map';

export interface HighlightsProps {
  layers: HighlightLayers;
  onLayersChange: (layers: HighlightLayers) => void;
  /** Where the article body is; defaults to the `.article__body` of the enclosing article. */
  findBody?: (panel: HTMLElement) => HTMLElement | null;
}

const LAYERS: { key: keyof HighlightLayers; label: string }[] = [
  { key: 'quotes', label: 'Quotes' },
  { key: 'person', label: 'People' },
  { key: 'organization', label: 'Organizations' },
  { key: 'place', label: 'Places' },
];

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
};

const defaultBody = (panel: HTMLElement) =>
  panel.closest('article')?.querySelector<HTMLElement>('.article__body') ?? null;

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

/** Groups quotes by speaker, named speakers in order of first quote, the unnamed group last. */
export function quotesBySpeaker(
  quotes: Annotations['quotes'],
): { speaker: string | null; indices: number[] }[] {
  const groups = new Map<string | null, number[]>();
  quotes.forEach((q, i) => {
    const list = groups.get(q.speaker) ?? [];
    list.push(i);
    groups.set(q.speaker, list);
  });
  const named = [...groups].filter(([s]) => s !== null);
  const unnamed = groups.get(null);
  return [
    ...named.map(([speaker, indices]) => ({ speaker, indices })),
    ...(unnamed ? [{ speaker: null, indices: unnamed }] : []),
  ];
}

/**
 * The highlights: annotates the rendered article body after its first paint, wraps quotes and
 * entity mentions (lib/highlight), and shows the legend with the layer switches and a panel listing
 * quotes by speaker and entities by type. Clicking an item scrolls to its next mention.
 */
export function Highlights({ layers, onLayersChange, findBody = defaultBody }: HighlightsProps) {
  const panelRef = useRef<HTMLElement>(null);
  const [annotations, setAnnotations] = useState<Annotations | null>(null);
  const [open, setOpen] = useState(false);
  const applied = useRef<AppliedHighlights>({ quotes: [], entities: [] });
  const cursor = useRef(new Map<string, number>());
  // Bumped when the body's HTML is replaced under us (e.g. "show images"), to wrap it again.
  const [bodyVersion, setBodyVersion] = useState(0);
  const observerRef = useRef<MutationObserver | null>(null);

  useEffect(() => {
    const body = panelRef.current && findBody(panelRef.current);
    if (!body) return;
    const cancel = afterPaint(() => setAnnotations(annotate({ textContent: buildTextMap(body).text })));
    const observer = new MutationObserver(() => setBodyVersion((v) => v + 1));
    observer.observe(body, { childList: true });
    observerRef.current = observer;
    return () => {
      cancel();
      observer.disconnect();
    };
  }, [findBody]);

  useLayoutEffect(() => {
    const body = panelRef.current && findBody(panelRef.current);
    if (!body || !annotations || bodyVersion < 0) return;
    removeHighlights(body);
    applied.current = applyHighlights(body, buildTextMap(body), annotations, layers);
    // Our own wrapping is not a new body.
    observerRef.current?.takeRecords();
    cursor.current.clear();
  }, [annotations, layers, bodyVersion, findBody]);

  const speakers = useMemo(() => (annotations ? quotesBySpeaker(annotations.quotes) : []), [annotations]);
  const byType = useMemo(() => {
    const groups: Record<EntityType, number[]> = { person: [], organization: [], place: [] };
    annotations?.entities.forEach((e, i) => {
      groups[e.type].push(i);
    });
    for (const list of Object.values(groups)) {
      list.sort((a, b) => (annotations?.entities[b].count ?? 0) - (annotations?.entities[a].count ?? 0));
    }
    return groups;
  }, [annotations]);

  const [announcement, setAnnouncement] = useState('');
  const jump = (key: string, targets: HTMLElement[], what: string) => {
    const live = targets.filter((t) => t.isConnected);
    if (!live.length) return;
    const next = (cursor.current.get(key) ?? -1) + 1;
    const target = live[next % live.length];
    cursor.current.set(key, next % live.length);
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    target.classList.remove('hl-flash');
    void target.offsetWidth;
    target.classList.add('hl-flash');
    setTimeout(() => target.classList.remove('hl-flash'), 1600);
    // Focus stays on the panel (repeated presses cycle); screen readers hear where it went.
    setAnnouncement(`${what}: ${(next % live.length) + 1} of ${live.length}`);
  };

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
        <fieldset class="highlights__legend" data-testid="highlights-legend">
          <legend class="visually-hidden">Show highlights</legend>
          {LAYERS.map(({ key, label }) => (
            <label key={key} class={`legend-item legend-item--${key}`}>
              <input
                type="checkbox"
                checked={layers[key]}
                data-testid={`layer-${key}`}
                onChange={(event) =>
                  onLayersChange({ ...layers, [key]: (event.currentTarget as HTMLInputElement).checked })
                }
              />
              <span class="legend-item__swatch" aria-hidden="true" />
              {label}
            </label>
          ))}
        </fieldset>
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
        <div id="highlights-list" class="highlights__list" data-testid="highlights-list">
          <section aria-labelledby="hl-quotes">
            <h2 id="hl-quotes" class="highlights__heading">
              Quotes <span class="highlights__count">{quoteCount}</span>
            </h2>
            {speakers.map(({ speaker, indices }) => (
              <div key={speaker ?? ''} class="highlights__group" data-testid="speaker-group">
                <h3 class="highlights__speaker">{speaker ?? 'Speaker not named'}</h3>
                <ul>
                  {indices.map((i) => (
                    <li key={i}>
                      <button
                        type="button"
                        class="highlights__item"
                        disabled={!layers.quotes}
                        onClick={() =>
                          jump(
                            `q${i}`,
                            applied.current.quotes[i] ?? [],
                            `Quote from ${speaker ?? 'an unnamed speaker'}`,
                          )
                        }
                      >
                        “{annotations.quotes[i].text}”
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          {(Object.keys(byType) as EntityType[]).map((type) => (
            <section key={type} aria-labelledby={`hl-${type}`} data-testid={`entity-group-${type}`}>
              <h2 id={`hl-${type}`} class={`highlights__heading highlights__heading--${type}`}>
                {TYPE_LABEL[type]} <span class="highlights__count">{byType[type].length}</span>
              </h2>
              <ul>
                {byType[type].map((i) => {
                  const entity = annotations.entities[i];
                  return (
                    <li key={i}>
                      <button
                        type="button"
                        class="highlights__item"
                        disabled={!layers[type]}
                        aria-label={`${entity.name}, ${entity.count} mentions`}
                        onClick={() => jump(`e${i}`, applied.current.entities[i] ?? [], entity.name)}
                      >
                        {entity.name} <span class="highlights__count">{entity.count}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
