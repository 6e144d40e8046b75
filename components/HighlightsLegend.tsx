import type { HighlightLayers } from '@/lib/highlight/apply-highlights';
import { unsupportedLanguageNote } from './highlight-groups';

// Short labels, so the switches and the panel button fit on one line in the popup.
const LAYERS: { key: keyof HighlightLayers; label: string; title?: string }[] = [
  { key: 'quotes', label: 'Quotes' },
  { key: 'person', label: 'People' },
  { key: 'organization', label: 'Orgs', title: 'Organizations' },
  { key: 'place', label: 'Places' },
];

export interface HighlightsLegendProps {
  layers: HighlightLayers;
  onLayersChange: (layers: HighlightLayers) => void;
  /**
   * The article's language when names are not found in it: only the quotes switch is offered,
   * with a note saying why.
   */
  unsupportedLanguage?: string | null;
}

/** The colour key, one switch per highlight layer, each label drawn the way its marks are. */
export function HighlightsLegend({ layers, onLayersChange, unsupportedLanguage }: HighlightsLegendProps) {
  const shown = unsupportedLanguage ? LAYERS.slice(0, 1) : LAYERS;
  return (
    <fieldset class="highlights__legend" data-testid="highlights-legend">
      <legend class="visually-hidden">Show highlights</legend>
      {shown.map(({ key, label, title }) => (
        <label key={key} class={`legend-item legend-item--${key}`} title={title}>
          <input
            type="checkbox"
            checked={layers[key]}
            data-testid={`layer-${key}`}
            onChange={(event) =>
              onLayersChange({ ...layers, [key]: (event.currentTarget as HTMLInputElement).checked })
            }
          />
          <span class="legend-item__sample">{label}</span>
        </label>
      ))}
      {unsupportedLanguage && (
        <span class="highlights__note" data-testid="highlights-language-note">
          {unsupportedLanguageNote(unsupportedLanguage)}
        </span>
      )}
    </fieldset>
  );
}
