/**
 * Reader settings without the extension storage API: their shape, validation, the synchronous
 * localStorage copy and how they are put on the page. The boot scripts (entrypoints/*-boot.ts)
 * apply them before anything paints; lib/settings.ts adds the storage that is their source of truth.
 */
import type { HighlightLayers } from '../highlight/apply-highlights';
import type { MentionMarks } from '../highlight/drawn-marks';

export type Theme = 'auto' | 'light' | 'sepia' | 'dark';
export type FontFamily = 'serif' | 'sans';
export type LineWidth = 'narrow' | 'medium' | 'wide';
export type LineHeight = 'tight' | 'normal' | 'loose';

export interface ReaderSettings {
  theme: Theme;
  font: FontFamily;
  /** Body text size in CSS pixels. */
  fontSize: number;
  lineWidth: LineWidth;
  lineHeight: LineHeight;
  /** Load images from hosts other than the article's own site (off: they wait for a click). */
  thirdPartyImages: boolean;
  /** Which highlight layers show in the article: quotes and each entity type. */
  highlights: HighlightLayers;
  /** Mark every mention of a name, or (`first`) its first mention and its first after each heading. */
  entityMentions: MentionMarks;
}

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 28;

/** @default values a first-time reader gets. */
export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'auto',
  font: 'serif',
  fontSize: 18,
  lineWidth: 'medium',
  lineHeight: 'normal',
  thirdPartyImages: false,
  highlights: { quotes: true, person: true, organization: true, place: true },
  entityMentions: 'first',
};

const THEMES: Theme[] = ['auto', 'light', 'sepia', 'dark'];
const FONTS: FontFamily[] = ['serif', 'sans'];
const WIDTHS: LineWidth[] = ['narrow', 'medium', 'wide'];
const HEIGHTS: LineHeight[] = ['tight', 'normal', 'loose'];
const MENTIONS: MentionMarks[] = ['first', 'all'];

function pick<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Anything (stored JSON from an older version, a hand-edited value) → complete, valid settings. */
export function normalizeSettings(value: unknown): ReaderSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<
    Record<keyof ReaderSettings, unknown>
  >;
  const size = Number(v.fontSize);
  return {
    theme: pick(THEMES, v.theme, DEFAULT_SETTINGS.theme),
    font: pick(FONTS, v.font, DEFAULT_SETTINGS.font),
    fontSize: Number.isFinite(size)
      ? Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(size)))
      : DEFAULT_SETTINGS.fontSize,
    lineWidth: pick(WIDTHS, v.lineWidth, DEFAULT_SETTINGS.lineWidth),
    lineHeight: pick(HEIGHTS, v.lineHeight, DEFAULT_SETTINGS.lineHeight),
    thirdPartyImages:
      typeof v.thirdPartyImages === 'boolean' ? v.thirdPartyImages : DEFAULT_SETTINGS.thirdPartyImages,
    highlights: normalizeLayers(v.highlights),
    entityMentions: pick(MENTIONS, v.entityMentions, DEFAULT_SETTINGS.entityMentions),
  };
}

function normalizeLayers(value: unknown): HighlightLayers {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<
    Record<keyof HighlightLayers, unknown>
  >;
  const on = (key: keyof HighlightLayers) =>
    typeof v[key] === 'boolean' ? (v[key] as boolean) : DEFAULT_SETTINGS.highlights[key];
  return { quotes: on('quotes'), person: on('person'), organization: on('organization'), place: on('place') };
}

/**
 * A synchronous copy in the extension origin's localStorage, read before the first render so the
 * reader paints in the reader's theme and size at once (storage.local is async only).
 */
export const CACHE_KEY = 'lede:reader-settings';

export function cachedSettings(
  cache: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): ReaderSettings {
  try {
    const raw = cache?.getItem(CACHE_KEY);
    return normalizeSettings(raw ? JSON.parse(raw) : undefined);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function writeCache(
  settings: ReaderSettings,
  cache: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
) {
  try {
    cache?.setItem(CACHE_KEY, JSON.stringify(settings));
  } catch {
    // A full or disabled localStorage only costs the no-flash start; storage stays the truth.
  }
}

/** Puts the settings on the root element as data attributes and CSS variables (see components/reader.css). */
export function applySettings(root: HTMLElement, settings: ReaderSettings): void {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.lineWidth = settings.lineWidth;
  root.dataset.lineHeight = settings.lineHeight;
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
}

/** Applies the cached settings to the page at once (before the first paint, from a boot script). */
export function applyCachedSettings(): void {
  applySettings(document.documentElement, cachedSettings());
}
