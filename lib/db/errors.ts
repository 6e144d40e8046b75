/** Saving failed because the browser's storage quota for Lede is used up. Nothing was written. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: { cause?: unknown; message?: string }) {
    super(
      options?.message ??
        'Not enough storage space to save this article. Nothing was saved. Free some space (delete saved articles you no longer need, or clear other site data) and try again.',
      { cause: options?.cause },
    );
  }
}

/** A backup file was rejected before anything was imported. `message` says why, for the reader. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** True when `error` (or the error Dexie wrapped it in) is the browser's quota error. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown; cause?: unknown } | undefined; e; ) {
    if (e.name === 'QuotaExceededError' || e.name === 'QuotaExceeded') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}
