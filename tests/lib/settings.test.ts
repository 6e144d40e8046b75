import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CACHE_KEY,
  cachedSettings,
  DEFAULT_SETTINGS,
  FONT_SIZE_MAX,
  loadSettings,
  normalizeSettings,
  saveSettings,
} from '@/lib/settings';

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

test('the pre-paint boot script reads the same cache key', () => {
  const boot = readFileSync(new URL('../../public/theme-boot.js', import.meta.url), 'utf8');
  expect(boot).toContain(`localStorage.getItem('${CACHE_KEY}')`);
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
