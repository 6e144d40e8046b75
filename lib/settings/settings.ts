// lib/settings: the reader's settings — stored in storage.local, cached for the pre-paint boot scripts.
import { storage } from '#imports';
import { DEFAULT_SETTINGS, normalizeSettings, type ReaderSettings, writeCache } from './settings-core';

export * from './settings-core';

/** The source of truth, shared by the popup and the full-tab reader (and synced to both). */
const settingsItem = storage.defineItem<ReaderSettings>('local:reader-settings', {
  fallback: DEFAULT_SETTINGS,
});

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
