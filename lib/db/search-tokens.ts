/**
 * Search normalisation shared by the index (at save time) and the query (at search time): both
 * sides must fold text identically or prefix matches silently fail.
 */

/** Letters that Unicode does not decompose into base + mark, folded the way readers type them. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_RE = /[ßæœøłđðþı]/g;
const MARKS_RE = /\p{M}+/gu;
const SPLIT_RE = /[^\p{L}\p{N}]+/u;

/** Lowercase, strip diacritics (NFD + drop combining marks), fold a few special letters. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch);
}

/**
 * Longest token kept. Longer runs are hashes, URLs or junk: nobody searches for them and they
 * bloat the index.
 */
const MAX_TOKEN = 32;

/** Words of `text`, folded, as they are split for the index (no length filter). */
function words(text: string): string[] {
  return foldText(text).split(SPLIT_RE);
}

/**
 * The deduplicated word tokens of all `fields` for the multiEntry search index. One-letter
 * tokens are left out: a one-letter prefix matches most of the library and would make the
 * index a third larger for no useful query.
 */
export function searchTokens(...fields: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    for (const word of words(field)) {
      if (word.length >= 2 && word.length <= MAX_TOKEN) seen.add(word);
    }
  }
  return [...seen];
}

/**
 * The terms of a search query, folded, deduplicated, one-letter terms dropped (see above), and
 * sorted longest first: the longest term is usually the rarest, so it is the cheapest to look
 * up first and intersect the rest into.
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of words(query)) if (word.length >= 2) terms.add(word.slice(0, MAX_TOKEN));
  // A term that is a prefix of a longer one adds nothing: every match of the longer one matches it.
  const list = [...terms].sort((a, b) => b.length - a.length);
  return list.filter((term, i) => !list.slice(0, i).some((longer) => longer.startsWith(term)));
}
