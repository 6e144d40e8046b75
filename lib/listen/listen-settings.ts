/** The narrator's settings, kept with the reader's (lib/settings/listen-store.ts stores them). */
export interface ListenSettings {
  /** Speech rate, 1 = the voice's normal speed. */
  rate: number;
  /** The chosen voice (`voiceURI`) per primary language ("en", "fr"…): a French voice cannot read English. */
  voices: Record<string, string>;
  /** Say "<Surname> said:" before a quote whose speaker Lede is confident of. */
  announceSpeakers: boolean;
}

export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** @default what a first-time listener gets. */
export const DEFAULT_LISTEN_SETTINGS: ListenSettings = { rate: 1, voices: {}, announceSpeakers: true };

/** Anything (stored JSON from another version, a hand edit) → complete, valid listen settings. */
export function normalizeListenSettings(value: unknown): ListenSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<
    Record<keyof ListenSettings, unknown>
  >;
  const rate = Number(v.rate);
  const voices: Record<string, string> = {};
  if (v.voices && typeof v.voices === 'object') {
    for (const [lang, uri] of Object.entries(v.voices as Record<string, unknown>)) {
      if (/^[a-z]{2,3}$/.test(lang) && typeof uri === 'string' && uri.length < 500) voices[lang] = uri;
    }
  }
  return {
    rate: Number.isFinite(rate) ? Math.min(2, Math.max(0.5, rate)) : DEFAULT_LISTEN_SETTINGS.rate,
    voices,
    announceSpeakers:
      typeof v.announceSpeakers === 'boolean' ? v.announceSpeakers : DEFAULT_LISTEN_SETTINGS.announceSpeakers,
  };
}
