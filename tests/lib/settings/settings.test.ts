import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyCachedSettings,
  CACHE_KEY,
  cachedSettings,
  DEFAULT_SETTINGS,
  FONT_SIZE_MAX,
  loadSettings,
  normalizeSettings,
  saveSettings,
} from '@/lib/settings/settings';

describe('normalizeSettings', () => {
  test('fills gaps with defaults and rejects invalid values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ theme: 'neon', fontSize: 99, font: 'sans' })).toEqual({
      ...DEFAULT_SETTINGS,
      font: 'sans',
      fontSize: FONT_SIZE_MAX,
    });
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('saved settings come back from storage', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 21 });
    expect(await loadSettings()).toMatchObject({ theme: 'sepia', fontSize: 21 });
  });

  test('the synchronous cache survives garbage', () => {
    expect(cachedSettings({ getItem: () => '{not json' })).toEqual(DEFAULT_SETTINGS);
    expect(cachedSettings({ getItem: () => JSON.stringify({ theme: 'dark' }) }).theme).toBe('dark');
  });
});

test('before the first paint, the boot scripts put the settings saved last onto the page', async () => {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://lede.test/' });
  window.localStorage.setItem(CACHE_KEY, JSON.stringify({ theme: 'sepia', font: 'sans', fontSize: 22 }));
  const scope = globalThis as { document?: Document; localStorage?: Storage };
  const saved = { document: scope.document, localStorage: scope.localStorage };
  Object.assign(globalThis, { document: window.document, localStorage: window.localStorage });
  try {
    applyCachedSettings();
  } finally {
    Object.assign(globalThis, saved);
  }
  const root = window.document.documentElement;
  expect(root.dataset).toMatchObject({ theme: 'sepia', font: 'sans', lineWidth: 'medium' });
  expect(root.style.getPropertyValue('--reader-font-size')).toBe('22px');
});

test('highlight layers: missing or invalid switches fall back to on, valid ones are kept', () => {
  expect(normalizeSettings({ highlights: { person: false, place: 'no' } }).highlights).toEqual({
    quotes: true,
    person: false,
    organization: true,
    place: true,
  });
  expect(normalizeSettings({ highlights: null }).highlights).toEqual(DEFAULT_SETTINGS.highlights);
});

test('names marked: first mentions by default, an invalid value falls back, "all" is kept', () => {
  expect(DEFAULT_SETTINGS.entityMentions).toBe('first');
  expect(normalizeSettings({}).entityMentions).toBe('first');
  expect(normalizeSettings({ entityMentions: 'every' }).entityMentions).toBe('first');
  expect(normalizeSettings({ entityMentions: 'all' }).entityMentions).toBe('all');
});
