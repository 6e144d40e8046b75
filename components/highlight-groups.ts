import type { Annotations, EntityType } from '@/lib/annotate/annotations';
import { SUPPORTED_LANGUAGES } from '@/lib/annotate/languages';

export interface SpeakerGroup {
  /** Null for quotes whose speaker the text does not name. */
  speaker: string | null;
  /** Indices into the quotes, in text order. */
  indices: number[];
}

/** Groups quotes by speaker, named speakers in order of first quote, the unnamed group last. */
export function quotesBySpeaker(quotes: Annotations['quotes']): SpeakerGroup[] {
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
 * Indices of the entities of each type, most mentioned first (ties keep text order). The keys are
 * always person, organization, place in that order, as the panel lists the types that way.
 */
export function entitiesByType(entities: Annotations['entities']): Record<EntityType, number[]> {
  const groups: Record<EntityType, number[]> = { person: [], organization: [], place: [] };
  entities.forEach((e, i) => {
    groups[e.type].push(i);
  });
  for (const list of Object.values(groups)) {
    list.sort((a, b) => entities[b].count - entities[a].count);
  }
  return groups;
}

/** The English name of a language code ("ru" → "Russian"); the code itself when unknown. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    if (name) return name;
  } catch {
    // Not a well-formed code, or no Intl.DisplayNames: the code is the best name there is.
  }
  return code;
}

/** "English, French, Spanish and Czech": the languages whose names and speakers are marked. */
export function supportedLanguageList(): string {
  const names = Object.values(SUPPORTED_LANGUAGES);
  try {
    return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** The article's language in a phrase: "Russian articles", or "articles in this language" when unknown. */
function articlesIn(code: string): string {
  return code === 'und' ? 'articles in this language' : `${languageName(code)} articles`;
}

/**
 * What the panel says when the article's language is one whose names Lede cannot find:
 * "Names and speakers are not marked in Russian articles. Lede marks them in English, French, …".
 */
export function unsupportedLanguageMessage(code: string): string {
  return `Names and speakers are not marked in ${articlesIn(code)}. Lede marks them in ${supportedLanguageList()}.`;
}

/** The same, short enough for the legend bar: "Names not marked in Russian". */
export function unsupportedLanguageNote(code: string): string {
  return code === 'und' ? 'Names not marked in this language' : `Names not marked in ${languageName(code)}`;
}
