import type { SpeechPlan } from './speech-plan';

/**
 * What engines can be trusted to finish in one utterance. Chrome's network voices stop after about
 * 15 seconds of speech without an `end` event (a long-standing Chromium bug), and some engines have
 * hard length limits (32,767 characters in the Web Speech API draft): 200 characters is ~12 s.
 */
export const MAX_UTTERANCE_CHARS = 200;

/** Part of one utterance: a piece of sentence `sentence` starting at `offset` in the utterance text. */
export interface UtterancePart {
  sentence: number;
  offset: number;
}

export interface Utterance {
  text: string;
  parts: UtterancePart[];
  /** Where the next utterance starts: a sentence, and the piece of it (long sentences have several). */
  next: SpeechCursor | null;
}

/** A place in the plan: sentence `sentence`, its `piece`-th piece (0 for most sentences). */
export interface SpeechCursor {
  sentence: number;
  piece: number;
}

/** A sentence's spoken text (announcement first) cut into pieces of at most `max` characters, at words. */
export function sentencePieces(plan: SpeechPlan, index: number, max = MAX_UTTERANCE_CHARS): string[] {
  const s = plan.sentences[index];
  const whole = s.announcement ? `${s.announcement} ${s.text}` : s.text;
  return splitAtWords(whole, max);
}

/** `text` in pieces of at most `max` characters, cut after punctuation if possible, else at a space. */
export function splitAtWords(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const punct = Math.max(...[',', ';', ':', '—', '–', ')'].map((p) => window.lastIndexOf(`${p} `)));
    const space = window.lastIndexOf(' ');
    const cut = punct > max / 2 ? punct + 1 : space > 0 ? space : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * The utterance that starts at `from`. One sentence (or one piece of a long one) per utterance, so
 * the mark moves with each `start` even on engines without `boundary` events; with `grouped`
 * (the engine reports boundaries), consecutive sentences of one paragraph share an utterance up to
 * `max` characters and the boundaries move the mark.
 */
export function utteranceAt(
  plan: SpeechPlan,
  from: SpeechCursor,
  grouped: boolean,
  max = MAX_UTTERANCE_CHARS,
): Utterance | null {
  if (from.sentence < 0 || from.sentence >= plan.sentences.length) return null;
  const parts: UtterancePart[] = [];
  let text = '';
  let cursor: SpeechCursor | null = from;
  const paragraph = plan.sentences[from.sentence].paragraph;
  while (cursor) {
    const pieces = sentencePieces(plan, cursor.sentence, max);
    const piece = pieces[cursor.piece] ?? '';
    const joined = text ? `${text} ${piece}` : piece;
    if (parts.length && joined.length > max) break;
    parts.push({ sentence: cursor.sentence, offset: text ? text.length + 1 : 0 });
    text = joined;
    cursor = advance(plan, cursor, pieces.length);
    if (!grouped || !cursor || cursor.piece > 0) break;
    if (plan.sentences[cursor.sentence].paragraph !== paragraph) break;
  }
  return { text, parts, next: cursor };
}

function advance(plan: SpeechPlan, cursor: SpeechCursor, pieceCount: number): SpeechCursor | null {
  if (cursor.piece + 1 < pieceCount) return { sentence: cursor.sentence, piece: cursor.piece + 1 };
  return cursor.sentence + 1 < plan.sentences.length ? { sentence: cursor.sentence + 1, piece: 0 } : null;
}

/** The sentence being said at `charIndex` of the utterance (a `boundary` event's position). */
export function sentenceAtChar(utterance: Utterance, charIndex: number): number {
  let found = utterance.parts[0]?.sentence ?? -1;
  for (const part of utterance.parts) if (part.offset <= charIndex) found = part.sentence;
  return found;
}
