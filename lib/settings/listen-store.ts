// The narrator's settings (voice per language, speed, speaker announcements), beside the reader's.
import { storage } from '#imports';
import {
  DEFAULT_LISTEN_SETTINGS,
  type ListenSettings,
  normalizeListenSettings,
} from '../listen/listen-settings';

/** A storage item of its own, so the reader's settings (lib/settings/settings.ts) keep their shape. */
const listenItem = storage.defineItem<ListenSettings>('local:listen-settings', {
  fallback: DEFAULT_LISTEN_SETTINGS,
});

/** The kept listen settings (defaults the first time). */
export async function loadListenSettings(): Promise<ListenSettings> {
  return normalizeListenSettings(await listenItem.getValue());
}

/** Keeps `settings` for every reader page. */
export async function saveListenSettings(settings: ListenSettings): Promise<void> {
  await listenItem.setValue(normalizeListenSettings(settings));
}

/** Calls `listener` when another reader page changes the listen settings. */
export function watchListenSettings(listener: (settings: ListenSettings) => void): () => void {
  return listenItem.watch((value) => listener(normalizeListenSettings(value)));
}
