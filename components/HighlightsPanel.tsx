import type { Annotations, EntityType } from '@/lib/annotate/annotations';
import type { HighlightLayers } from '@/lib/highlight/apply-highlights';
import { speakerName } from '@/lib/highlight/drawn-marks';
import type { LibraryHistory } from '@/lib/people/library-history';
import { type SpeakerGroup, unsupportedLanguageMessage } from './highlight-groups';
import { LibraryHistoryLink } from './LibraryHistoryLink';

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
};

export interface HighlightsPanelProps {
  annotations: Annotations;
  speakers: SpeakerGroup[];
  byType: Record<EntityType, number[]>;
  layers: HighlightLayers;
  onQuote: (index: number, speaker: string | null) => void;
  onEntity: (index: number) => void;
  /** Saved history of the article's names (by name), for links to their library views. */
  history?: Record<string, LibraryHistory>;
}

/**
 * The expanded list: quotes by speaker, then entities by type; in an article whose language Lede
 * finds no names in, a sentence saying so instead of the (empty) entity groups.
 */
export function HighlightsPanel(props: HighlightsPanelProps) {
  const unsupported = props.annotations.unsupportedLanguage;
  return (
    <div id="highlights-list" class="highlights__list" data-testid="highlights-list">
      {unsupported && (
        <p class="highlights__language" data-testid="highlights-language">
          {unsupportedLanguageMessage(unsupported)}
        </p>
      )}
      <QuoteGroups {...props} />
      {!unsupported && <EntityGroups {...props} />}
    </div>
  );
}

type QuoteGroupsProps = Pick<
  HighlightsPanelProps,
  'annotations' | 'speakers' | 'layers' | 'onQuote' | 'history'
>;

export function QuoteGroups({ annotations, speakers, layers, onQuote, history }: QuoteGroupsProps) {
  return (
    <section aria-labelledby="hl-quotes">
      <h2 id="hl-quotes" class="highlights__heading">
        Quotes <span class="highlights__count">{annotations.quotes.length}</span>
      </h2>
      {speakers.map(({ speaker, indices }) => (
        <div key={speaker ?? ''} class="highlights__group" data-testid="speaker-group">
          <h3 class={`highlights__speaker${speaker ? '' : ' highlights__speaker--unnamed'}`}>
            {speakerName(speaker)}
          </h3>
          {speaker && <LibraryHistoryLink history={history?.[speaker]} quotes />}
          <ul>
            {indices.map((i) => (
              <li key={i}>
                <button
                  type="button"
                  class="highlights__item"
                  disabled={!layers.quotes}
                  onClick={() => onQuote(i, speaker)}
                >
                  “{annotations.quotes[i].text}”
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

type EntityGroupsProps = Pick<
  HighlightsPanelProps,
  'annotations' | 'byType' | 'layers' | 'onEntity' | 'history'
>;

export function EntityGroups({ annotations, byType, layers, onEntity, history }: EntityGroupsProps) {
  return (
    <>
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
                    onClick={() => onEntity(i)}
                  >
                    {entity.name} <span class="highlights__count">{entity.count}</span>
                  </button>
                  <LibraryHistoryLink history={history?.[entity.name]} quotes={false} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
