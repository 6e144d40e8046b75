import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatBytes, storageEstimate } from '@/lib/db/storage-estimate';
import type { FilterState } from './LibraryFilters';
import { libraryData } from './load-library';

/**
 * What the page shows around the list: the storage used and the choices of the site, tag and
 * entity menus. Read once the list is `ready`, so none of it competes with the first rows.
 */
export function useLibraryMeta(ready: boolean) {
  const [storage, setStorage] = useState<string | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [entityNames, setEntityNames] = useState<string[]>([]);

  const refreshStorage = useCallback(() => {
    storageEstimate()
      .then((use) => setStorage(use ? formatBytes(use.usage) : null))
      .catch(() => setStorage(null));
  }, []);

  const refreshMenus = useCallback(() => {
    libraryData()
      .then(({ db, listSites, listTags }) => Promise.all([listSites(db), listTags(db)]))
      .then(([s, t]) => {
        setSites(s.filter(Boolean));
        setTags(t);
      })
      .catch(() => {});
  }, []);

  const loadEntityNames = useCallback((type: FilterState['entityType']) => {
    if (!type) return;
    libraryData()
      .then(({ db, listEntityNames }) => listEntityNames(db, type))
      .then(setEntityNames, () => {});
  }, []);

  // Once the list is up, and again after an error was recovered.
  useEffect(() => {
    if (!ready) return;
    const idle = setTimeout(() => {
      refreshStorage();
      refreshMenus();
    }, 200);
    return () => clearTimeout(idle);
  }, [ready, refreshStorage, refreshMenus]);

  return { storage, sites, tags, entityNames, refreshStorage, refreshMenus, loadEntityNames };
}
