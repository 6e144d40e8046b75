import type { Annotations } from './annotations';

/** The CLI's JSON shape: entities without mention offsets, quotes with offsets. */
export interface CliAnnotations {
  entities: { name: string; type: string; aliases: string[]; count: number }[];
  quotes: { text: string; speaker: string | null; start: number; end: number }[];
}

export function toCliAnnotations(a: Annotations): CliAnnotations {
  return {
    entities: a.entities.map(({ name, type, aliases, count }) => ({ name, type, aliases, count })),
    quotes: a.quotes.map(({ text, speaker, start, end }) => ({ text, speaker, start, end })),
  };
}
