interface StorageUse {
  /** Bytes used by Lede's origin (IndexedDB, caches, storage). */
  usage: number;
  /** Bytes available to it; very large with `unlimitedStorage`. */
  quota: number;
}

/** How much storage the library uses, from the Storage API; null where it is unavailable. */
export async function storageEstimate(): Promise<StorageUse | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

/** "12.4 MB" — bytes for people. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0
    ? `${value} bytes`
    : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
