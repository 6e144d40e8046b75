/**
 * Reading speed in characters per minute, per language: Firefox Reader View's table
 * (ReaderMode.sys.mjs `_getReadingSpeedForLanguage`, from Trauzettel-Klosinski & Dietz 2012,
 * "Standardized Assessment of Reading Performance"). Firefox keys Japanese as "jw"; we key it "ja".
 * Unknown languages read at the English speed, as in Firefox.
 */
const CHARS_PER_MINUTE: Record<string, number> = {
  en: 987,
  ar: 612,
  de: 920,
  es: 1025,
  fi: 1078,
  fr: 998,
  he: 833,
  it: 950,
  ja: 357,
  nl: 978,
  pl: 916,
  pt: 913,
  ru: 986,
  sk: 885,
  sv: 917,
  tr: 1054,
  zh: 255,
};

/** Characters per minute for a BCP 47 tag ("pt-BR" reads as "pt"). */
export function charsPerMinute(lang: string | null): number {
  const primary = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return CHARS_PER_MINUTE[primary] ?? CHARS_PER_MINUTE.en;
}

/**
 * Minutes to read `text`, as Firefox counts them: every character (spaces included, which is how
 * the speeds were measured) over the language's characters per minute, rounded up. At least one
 * minute for any text, zero for none.
 */
export function readingMinutes(text: string, lang: string | null): number {
  if (!text.trim()) return 0;
  return Math.max(1, Math.ceil(text.length / charsPerMinute(lang)));
}

// Chinese and Japanese are written without spaces: each ideograph or kana counts as a word.
const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const BEYOND_CJK_START = /[\u2e80-\uffff]/;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;

/** Words in `text`: runs of letters and digits (inner apostrophes/hyphens kept), one per CJK character. */
export function countWords(text: string): number {
  let cjk = 0;
  // Han, Hiragana and Katakana all lie at U+2E80 and above (or in surrogate pairs).
  const rest = BEYOND_CJK_START.test(text)
    ? text.replace(CJK_CHARS, () => {
        cjk++;
        return ' ';
      })
    : text;
  return cjk + (rest.match(WORD)?.length ?? 0);
}
