// lib/people: an index of the people and organizations across the saved library — who said what,
// where and when — and the rules that make one identity of their many spellings.

import { SURNAME_PARTICLES } from '../annotate/surname-particles';
import type { EntityType } from '../db/schema';
import { foldText } from '../db/search-tokens';

/** The entity types the people index keeps (places are not people). */
export type PeopleType = Exclude<EntityType, 'place'>;

/**
 * Lower-case particles that belong to a surname: the annotator's, plus those it leaves to a name's
 * own capitalised words ("Al", "El", "Dos", "Ter"), which folding lower-cases.
 */
const PARTICLES: ReadonlySet<string> = new Set([
  ...SURNAME_PARTICLES,
  'al',
  'el',
  'dos',
  'das',
  'ter',
  'ten',
]);
/** Generational suffixes, not part of the identity ("Martin Luther King Jr."). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The folded words of a name: no accents, lower case, no punctuation. */
export function nameWords(name: string): string[] {
  return foldText(name).match(WORD_RE) ?? [];
}

/** A name folded for lookup: words joined by one space ("Zoë  Brontë" → "zoe bronte"). */
export function foldName(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * One word of a name under the transliteration rules: doubled letters count once, and the
 * endings y / iy / yy / i / ij / yj of a longer word are one ending (Zelensky, Zelenskyy,
 * Zelenskiy, Zelenski, Zelenskyj). General rules of romanisation, not a list of names.
 */
export function translitWord(word: string): string {
  const single = word.replace(/(\p{L})\1+/gu, '$1');
  return single.length >= 5 ? single.replace(/(?:iy|ij|yj|i|y)$/, 'y') : single;
}

/** The words of a person's name that identify them: suffixes dropped, transliteration folded. */
function personWords(name: string): string[] {
  const words = nameWords(name).filter((word) => !SUFFIXES.has(word));
  return words.map((word) => (PARTICLES.has(word) ? word : translitWord(word)));
}

/** Whether a person's name is a surname alone ("Stoltenberg", "von der Leyen"). */
export function isSurnameOnly(name: string): boolean {
  const words = personWords(name);
  return words.slice(0, -1).every((word) => PARTICLES.has(word));
}

/** The surname of a person's name, folded and transliterated ("Jens Stoltenberg" → "stoltenberg"). */
export function surnameKey(name: string): string {
  return personWords(name).at(-1) ?? '';
}

/**
 * The identity key of one name as an article uses it. A person is their first and last name
 * (middle names dropped: "Recep Tayyip Erdoğan" = "Recep Erdogan"), or their surname alone when
 * that is all the article gives; an organization is its folded name without a leading "the".
 */
export function identityKey(name: string, type: PeopleType): string {
  if (type === 'organization') {
    const words = nameWords(name);
    return `o:${(words[0] === 'the' && words.length > 1 ? words.slice(1) : words).join(' ')}`;
  }
  const words = personWords(name);
  if (isSurnameOnly(name)) return `p:${words.join(' ')}`;
  const surname = words.at(-1) as string;
  return `p:${words[0]} ${surname}`;
}
