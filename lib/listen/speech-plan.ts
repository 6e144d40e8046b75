import type { Annotations } from '../annotate/annotations';
import { speakerAnnouncements } from './speaker-announcements';
import { type SpeechSentence, speechSentences } from './speech-sentences';

/** One sentence as the narrator says it: its place in the body text, and what is said before it. */
export interface PlannedSentence extends SpeechSentence {
  /** The sentence's words, as spoken (line breaks as spaces). */
  text: string;
  /** "Stoltenberg said:" or null. */
  announcement: string | null;
}

export interface SpeechPlan {
  sentences: PlannedSentence[];
  /** Index of the first sentence of each paragraph. */
  paragraphStarts: number[];
}

export interface PlanOptions {
  /** The article's language (for the announcement's words). */
  lang: string | null;
  /** Announce named speakers before their quotes (the reader's setting). */
  announceSpeakers: boolean;
}

/** What the narrator reads, sentence by sentence, from the body text and its annotations (if any yet). */
export function buildSpeechPlan(
  text: string,
  annotations: Pick<Annotations, 'quotes' | 'entities'> | null,
  options: PlanOptions,
): SpeechPlan {
  const found = speechSentences(text);
  const announcements =
    annotations && options.announceSpeakers
      ? speakerAnnouncements(text, found, annotations, options.lang)
      : new Map<number, string>();
  const sentences = found.map((s, i) => ({
    ...s,
    text: text.slice(s.start, s.end).replace(/\s+/g, ' '),
    announcement: announcements.get(i) ?? null,
  }));
  const paragraphStarts: number[] = [];
  sentences.forEach((s, i) => {
    if (i === 0 || s.paragraph !== sentences[i - 1].paragraph) paragraphStarts.push(i);
  });
  return { sentences, paragraphStarts };
}

/** The sentence whose text holds body offset `at` (or the first after it); -1 past the end. */
export function sentenceAt(plan: SpeechPlan, at: number): number {
  return plan.sentences.findIndex((s) => at < s.end);
}

/** The first sentence of the paragraph after (`+1`) or before (`-1`) the one holding sentence `index`. */
export function paragraphStep(plan: SpeechPlan, index: number, step: 1 | -1): number {
  const paragraph = plan.sentences[index]?.paragraph ?? 0;
  const target = Math.max(0, paragraph + step);
  return target < plan.paragraphStarts.length ? plan.paragraphStarts[target] : -1;
}
