import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_LISTEN_SETTINGS, type ListenSettings } from '@/lib/listen/listen-settings';
import { loadListenSettings, saveListenSettings, watchListenSettings } from '@/lib/settings/listen-store';

/** The kept listen settings, in sync across reader pages; `update` keeps a change. */
export function useListenSettings(): [ListenSettings, (patch: Partial<ListenSettings>) => void] {
  const [settings, setSettings] = useState(DEFAULT_LISTEN_SETTINGS);
  useEffect(() => {
    let live = true;
    loadListenSettings().then(
      (stored) => live && setSettings(stored),
      () => {},
    );
    const unwatch = watchListenSettings((next) => live && setSettings(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const update = useCallback((patch: Partial<ListenSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      void saveListenSettings(next).catch(() => {});
      return next;
    });
  }, []);
  return [settings, update];
}
