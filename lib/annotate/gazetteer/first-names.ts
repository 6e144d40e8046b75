import { FEMALE_NAMES, MALE_NAMES, UNISEX_NAMES } from './lexicon.generated';

/**
 * Given names the lexicon lacks: transliterated Slavic, Arabic, Hebrew and Chinese names and
 * accented Czech, French and Spanish ones, as they appear in international news. Lowercased.
 */
const SUPPLEMENT =
  'alexey|andriy|andrés|annalena|ayman|barack|bashar|bill|christian|dean|dmytro|ed|farid|frank|franz|françois|giorgia|hamid|helmut|hunter|imran|itamar|jan|jean|jean-luc|jean-marie|jiří|jordan|josé|jürgen|karel|lee|leo|lewis|li|lucía|lukáš|marine|max|maxim|miloš|mykola|naftali|narendra|nasser|nawaz|oleg|oleksiy|ondřej|randy|rashid|rishi|rose|saad|salim|santiago|serhiy|ségolène|taras|tariq|thierry|tomáš|victoria|virginia|vitali|vladimír|václav|wang|xi|yair|yitzhak|yulia|zhang|zuzana|édouard';

const FEMALE = new Set(FEMALE_NAMES.split('|'));
const MALE = new Set(MALE_NAMES.split('|'));

/** Given names, used as evidence that a capitalised span is a person. Lowercased. */
export const FIRST_NAMES = new Set([
  ...FEMALE,
  ...MALE,
  ...UNISEX_NAMES.split('|'),
  ...SUPPLEMENT.split('|'),
]);

/** The sex a given name usually has, for pronoun agreement; null when it could be either. */
export function givenNameSex(name: string): 'female' | 'male' | null {
  const lower = name.toLowerCase();
  if (FEMALE.has(lower)) return 'female';
  if (MALE.has(lower)) return 'male';
  return null;
}
