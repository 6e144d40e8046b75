import { storage } from '#imports';
import type { HighlightLayers } from './highlight/apply-highlights';

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
  /** Which highlight layers show in the article (issue 4): quotes and each entity type. */
  highlights: HighlightLayers;
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
};

const THEMES: Theme[] = ['auto', 'light', 'sepia', 'dark'];
const FONTS: FontFamily[] = ['serif', 'sans'];
const WIDTHS: LineWidth[] = ['narrow', 'medium', 'wide'];
const HEIGHTS: LineHeight[] = ['tight', 'normal', 'loose'];

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

/** The source of truth, shared by the popup and the full-tab reader (and synced to both). */
export const settingsItem = storage.defineItem<ReaderSettings>('local:reader-settings', {
  fallback: DEFAULT_SETTINGS,
});

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

function writeCache(
  settings: ReaderSettings,
  cache: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
) {
  try {
    cache?.setItem(CACHE_KEY, JSON.stringify(settings));
  } catch {
    // A full or disabled localStorage only costs the no-flash start; storage stays the truth.
  }
}

export async function loadSettings(): Promise<ReaderSettings> {
  const settings = normalizeSettings(await settingsItem.getValue());
  writeCache(settings);
  return settings;
}

export async function saveSettings(settings: ReaderSettings): Promise<void> {
  const valid = normalizeSettings(settings);
  writeCache(valid);
  await settingsItem.setValue(valid);
}

/** Calls `listener` when another reader page (popup or tab) changes the settings. */
export function watchSettings(listener: (settings: ReaderSettings) => void): () => void {
  return settingsItem.watch((value) => {
    const settings = normalizeSettings(value);
    writeCache(settings);
    listener(settings);
  });
}

/** Puts the settings on the root element as data attributes and CSS variables (see components/reader.css). */
export function applySettings(root: HTMLElement, settings: ReaderSettings): void {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.lineWidth = settings.lineWidth;
  root.dataset.lineHeight = settings.lineHeight;
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
}
