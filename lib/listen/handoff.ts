import type { SpeechPlan } from './speech-plan';

/**
 * Where playback continues in the full-tab reader ("Continue in tab"): the body-text offset of the
 * sentence and its first words. The tab extracts the article again; the words find the sentence if
 * the offsets moved.
 */
export interface ListenHandoff {
  at: number;
  words: string;
}

const AT = 'listen-at';
const WORDS = 'listen-words';

/** The query parameters that carry `handoff` to reader.html. */
export function handoffParams(handoff: ListenHandoff): Record<string, string> {
  return { [AT]: String(handoff.at), [WORDS]: handoff.words.slice(0, 60) };
}

/** The handoff in a reader.html query string, or null. */
export function parseHandoff(search: string): ListenHandoff | null {
  const params = new URLSearchParams(search);
  const at = Number(params.get(AT));
  if (!params.has(AT) || !Number.isInteger(at) || at < 0) return null;
  return { at, words: params.get(WORDS) ?? '' };
}

/** The handoff for sentence `index` of `plan`. */
export function handoffOf(plan: SpeechPlan, index: number): ListenHandoff {
  const s = plan.sentences[index];
  return { at: s.start, words: s.text.slice(0, 60) };
}

/** The sentence a handoff points at in this page's plan: by offset if its words agree, else by its words. */
export function resolveHandoff(plan: SpeechPlan, handoff: ListenHandoff): number {
  const byOffset = plan.sentences.findIndex((s) => s.start === handoff.at);
  if (byOffset >= 0 && plan.sentences[byOffset].text.startsWith(handoff.words)) return byOffset;
  if (handoff.words) {
    const byWords = plan.sentences.findIndex((s) => s.text.startsWith(handoff.words));
    if (byWords >= 0) return byWords;
  }
  const near = plan.sentences.findIndex((s) => handoff.at < s.end);
  return Math.max(near, 0);
}
