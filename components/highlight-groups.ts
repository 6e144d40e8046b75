import type { Annotations, EntityType } from '@/lib/annotate/annotations';

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
