/** The fields of a `SpeechSynthesisVoice` the choice reads (a stand-in in tests has only these). */
export interface VoiceLike {
  voiceURI: string;
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

export interface VoiceChoice<V extends VoiceLike> {
  voice: V;
  /** `preferred`: the reader's kept choice; `language`: a voice of the article's language; `fallback`: none speaks it. */
  reason: 'preferred' | 'language' | 'fallback';
  /** Set when the voice does not speak the article's language: the note the reader shows. */
  note: string | null;
}

/** "en-GB" → "en"; empty for a missing or malformed tag. */
export function primaryLanguage(tag: string | null | undefined): string {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : '';
}

/** The language's name in English ("fr" → "French"), or the tag when the runtime does not know it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The voice to read an article in `lang` with: the reader's kept voice for that language if it is
 * still installed, else a voice of that language (exact region first, the engine's default and local
 * voices preferred), else the engine's default voice with a note saying so. Null without voices.
 */
export function chooseVoice<V extends VoiceLike>(
  voices: readonly V[],
  lang: string | null,
  preferredURI?: string | null,
): VoiceChoice<V> | null {
  if (!voices.length) return null;
  const primary = primaryLanguage(lang);
  const speaks = (v: V) => !primary || primaryLanguage(v.lang) === primary;
  const preferred = preferredURI ? voices.find((v) => v.voiceURI === preferredURI) : undefined;
  if (preferred && speaks(preferred)) return { voice: preferred, reason: 'preferred', note: null };
  const rank = (v: V) =>
    (v.lang.toLowerCase().replace('_', '-') === lang?.toLowerCase() ? 4 : 0) +
    (v.default ? 2 : 0) +
    (v.localService ? 1 : 0);
  const matching = voices.filter((v) => primary && primaryLanguage(v.lang) === primary);
  const best = [...matching].sort((a, b) => rank(b) - rank(a))[0];
  if (best) return { voice: best, reason: 'language', note: null };
  const fallback = voices.find((v) => v.default) ?? voices[0];
  if (!primary) return { voice: preferred ?? fallback, reason: 'fallback', note: null };
  return {
    voice: fallback,
    reason: 'fallback',
    note: `No ${languageName(primary)} voice is installed: reading with ${fallback.name} (${fallback.lang}).`,
  };
}

/** At most this many voices are offered (espeak-ng through speech-dispatcher lists over 13,000). */
export const MAX_OFFERED_VOICES = 300;

/**
 * The voices worth offering for an article in `lang`: those that speak its language, by name; when
 * none does, every voice (the default first), up to MAX_OFFERED_VOICES. `keep` is always included.
 */
export function voicesFor<V extends VoiceLike>(
  voices: readonly V[],
  lang: string | null,
  keep?: V | null,
): V[] {
  const primary = primaryLanguage(lang);
  const own = voices.filter((v) => primary && primaryLanguage(v.lang) === primary);
  const pool = own.length ? own : [...voices].sort((a, b) => Number(b.default) - Number(a.default));
  const offered = (own.length ? [...pool].sort((a, b) => a.name.localeCompare(b.name)) : pool).slice(
    0,
    MAX_OFFERED_VOICES,
  );
  return keep && !offered.includes(keep) ? [keep, ...offered] : offered;
}
