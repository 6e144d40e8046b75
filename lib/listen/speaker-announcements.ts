import type { Annotations } from '../annotate/annotations';
import type { SpeechSentence } from './speech-sentences';

/** "<Name> said:" in the languages whose speakers the annotator names (the voice speaks the article's language). */
const SAID: Readonly<Record<string, (name: string) => string>> = {
  en: (name) => `${name} said:`,
  fr: (name) => `${name} a dit :`,
  es: (name) => `${name} dijo:`,
  // Czech past tense agrees with the speaker's gender, which we do not know: "Říká X:" does not.
  cs: (name) => `Říká ${name}:`,
};

/** How a speaker is announced: a person by surname ("Jens Stoltenberg" → "Stoltenberg"), anything else whole. */
export function announcedName(speaker: string, annotations: Pick<Annotations, 'entities'>): string {
  const entity = annotations.entities.find((e) => e.name === speaker);
  if (entity && entity.type !== 'person') return speaker;
  const words = speaker.split(/\s+/).filter((w) => !/^(?:Jr|Sr|II|III|IV)\.?$/.test(w));
  return words[words.length - 1] ?? speaker;
}

/** The announcement for `name` in `lang` (English when the language has no phrase). */
export function announcementText(name: string, lang: string | null): string {
  const primary = lang?.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (SAID[primary] ?? SAID.en)(name);
}

/**
 * For each sentence index, what the narrator says before it: "<Surname> said:" before the sentence
 * where a quote with a named speaker begins (the annotator leaves `speaker` null when it is not
 * confident). Not repeated for the next quote of the same speaker in the same or the next paragraph,
 * and not said when the sentence already names the speaker before the quote ("Stoltenberg said: “…”").
 */
export function speakerAnnouncements(
  text: string,
  sentences: readonly SpeechSentence[],
  annotations: Pick<Annotations, 'quotes' | 'entities'>,
  lang: string | null,
): Map<number, string> {
  const out = new Map<number, string>();
  let last: { speaker: string | null; paragraph: number } = { speaker: null, paragraph: -2 };
  for (const quote of [...annotations.quotes].sort((a, b) => a.start - b.start)) {
    const index = sentences.findIndex((s) => quote.start < s.end);
    if (index < 0) continue;
    const sentence = sentences[index];
    const sameRun = quote.speaker === last.speaker && sentence.paragraph - last.paragraph <= 1;
    last = { speaker: quote.speaker, paragraph: sentence.paragraph };
    if (!quote.speaker || sameRun || out.has(index)) continue;
    const name = announcedName(quote.speaker, annotations);
    if (text.slice(sentence.start, quote.start).includes(name)) continue;
    out.set(index, announcementText(name, lang));
  }
  return out;
}
