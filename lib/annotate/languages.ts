/**
 * The languages whose names and speakers the annotator finds. Its rules read capitalisation
 * (a capitalised word mid-sentence is a name), so a language that capitalises every noun
 * (German) or writes in another script is not supported: guessing there types people as
 * organizations. Quotation marks are found in every language.
 */
export const SUPPORTED_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  cs: 'Czech',
};

// Short, frequent function words, enough to tell the supported languages from German when a
// page declares no language. Each list holds words that are rare in the others.
const STOPWORDS: Record<string, RegExp> = {
  en: /\b(?:the|and|of|that|with|was|for|is)\b/g,
  fr: /\b(?:le|les|des|et|est|une|dans|qui|pour)\b/g,
  es: /\b(?:el|los|las|del|y|que|una|por|con)\b/g,
  cs: /\b(?:je|se|na|že|které|jsou|podle|také)\b/g,
  de: /\b(?:der|die|das|und|ist|nicht|mit|sich|auf)\b/g,
};

/**
 * The article's language: the page's declared `lang` (primary subtag), else a guess from its
 * script and function words. Null when there is too little text to tell.
 */
export function articleLanguage(text: string, declared?: string | null): string | null {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  const guess = guessLanguage(text);
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return guess;
  // Templates often declare "en" whatever the story's language; the script cannot lie.
  return primary in SUPPORTED_LANGUAGES && guess !== null && NON_LATIN.has(guess) ? guess : primary;
}

const NON_LATIN = new Set(['ru', 'uk', 'und']);

/** Cyrillic text is Ukrainian or Russian by their own letters; other scripts are undetermined. */
function nonLatinLanguage(sample: string, latin: number): string {
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic <= latin) return 'und';
  const ukrainian = sample.match(/[іїєґ]/gu)?.length ?? 0;
  const russian = sample.match(/[ыэё]/gu)?.length ?? 0;
  return ukrainian > russian ? 'uk' : 'ru';
}

function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 5000).toLowerCase();
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 10) return null;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters < 0.5) return nonLatinLanguage(sample, latin);
  if (letters < 40) return null;
  let best: string | null = null;
  let bestCount = 0;
  for (const [code, re] of Object.entries(STOPWORDS)) {
    const count = sample.match(re)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [code, count];
  }
  return best;
}

/** True when names and speakers can be found in `lang` (unknown counts as supported). */
export function isSupportedLanguage(lang: string | null): boolean {
  return lang === null || lang in SUPPORTED_LANGUAGES;
}
