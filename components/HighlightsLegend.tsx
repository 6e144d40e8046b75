import type { HighlightLayers } from '@/lib/highlight/apply-highlights';

const LAYERS: { key: keyof HighlightLayers; label: string }[] = [
  { key: 'quotes', label: 'Quotes' },
  { key: 'person', label: 'People' },
  { key: 'organization', label: 'Organizations' },
  { key: 'place', label: 'Places' },
];

export interface HighlightsLegendProps {
  layers: HighlightLayers;
  onLayersChange: (layers: HighlightLayers) => void;
}

/** The colour key, one switch per highlight layer. */
export function HighlightsLegend({ layers, onLayersChange }: HighlightsLegendProps) {
  return (
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
  );
}
