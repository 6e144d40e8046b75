import { browser } from 'wxt/browser';

/**
 * The optional host permission a save needs to download its images, asked for at the Save click
 * and given back when the download is over. Only origins this save was granted are removed: one
 * the user had already granted stays. Cross-browser (`permissions` and `storage.local` only).
 */

/** The part of `browser.permissions` used here (injected in tests). */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** The part of `browser.storage.local` used here. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface AccessDeps {
  permissions?: PermissionsApi;
  storage?: StorageArea;
  now?: () => number;
}

export interface ImageAccess {
  /**
   * true once Lede may download from every origin (at once when it already could), false when
   * declined. Stays pending while the prompt is unanswered: never wait for it before saving text.
   */
  granted: Promise<boolean>;
  /** Gives back what this save was granted (not origins granted before it). Safe to call twice. */
  release(): Promise<void>;
}

/**
 * Origins granted for a save whose page closed before giving them back (a closed popup; in
 * Firefox the prompt can even be answered after the popup closed). Swept by the next save or the
 * next reader once older than LEFTOVER_MS, when no download of theirs can still be running (a
 * download is bounded: IMAGE_COUNT_CAP images × 15 s timeout / 4 in parallel < 4 minutes).
 */
const LEFTOVERS_KEY = 'image-access-leftovers';
const LEFTOVER_MS = 10 * 60 * 1000;
type Leftovers = Record<string, number>;

function deps(injected: AccessDeps) {
  return {
    permissions: injected.permissions ?? (browser.permissions as unknown as PermissionsApi),
    storage: injected.storage ?? (browser.storage.local as unknown as StorageArea),
    now: injected.now ?? Date.now,
  };
}

async function readLeftovers(storage: StorageArea): Promise<Leftovers> {
  const stored: Record<string, unknown> = await storage.get(LEFTOVERS_KEY).catch(() => ({}));
  const value = stored[LEFTOVERS_KEY];
  return value && typeof value === 'object' ? { ...(value as Leftovers) } : {};
}

async function updateLeftovers(storage: StorageArea, change: (leftovers: Leftovers) => void) {
  const leftovers = await readLeftovers(storage);
  change(leftovers);
  await storage.set({ [LEFTOVERS_KEY]: leftovers }).catch(() => {});
}

/** Removes granted-for-a-save origins left behind by pages that closed (see LEFTOVERS_KEY). */
export async function sweepImageAccess(
  injected: AccessDeps = {},
  keep: readonly string[] = [],
): Promise<void> {
  const { permissions, storage, now } = deps(injected);
  const leftovers = await readLeftovers(storage);
  const stale = Object.keys(leftovers).filter(
    (origin) => !keep.includes(origin) && now() - leftovers[origin] > LEFTOVER_MS,
  );
  if (stale.length === 0) return;
  await permissions.remove({ origins: stale }).catch(() => false);
  await updateLeftovers(storage, (current) => {
    for (const origin of stale) delete current[origin];
  });
}

/**
 * Asks for the optional host permission to download an article's images from `origins` (match
 * patterns). Call it synchronously from the Save click: the browser shows its prompt only during
 * a user gesture. What was granted before is read in the same tick, before the request.
 */
export function requestImageAccess(origins: string[], injected: AccessDeps = {}): ImageAccess {
  if (origins.length === 0) return { granted: Promise.resolve(true), release: async () => {} };
  const { permissions, storage, now } = deps(injected);
  let before: Promise<boolean[]>;
  let granted: Promise<boolean>;
  // Read in the same tick: a Firefox popup closes as soon as the prompt shows, so the record of
  // what this save was granted must be written in as few steps as possible.
  const leftoversBefore = readLeftovers(storage);
  try {
    // An origin whose state cannot be read counts as granted before: never removed.
    before = Promise.all(
      origins.map((origin) => permissions.contains({ origins: [origin] }).catch(() => true)),
    );
    granted = permissions.request({ origins }).catch(() => false);
  } catch {
    return { granted: Promise.resolve(false), release: async () => {} };
  }
  let settled = false;
  granted.then(() => {
    settled = true;
  });
  // Ours to give back: not granted before, or granted for an earlier save that did not give it back.
  const ours = before.then(async (had) => {
    const leftovers = await leftoversBefore;
    const mine = origins.filter((origin, i) => !had[i] || origin in leftovers);
    if (mine.length > 0)
      await updateLeftovers(storage, (current) => {
        for (const origin of mine) current[origin] = now();
      });
    await sweepImageAccess(injected, origins).catch(() => {});
    return mine;
  });
  let released: Promise<void> | undefined;
  const release = () => {
    released ??= ours.then(async (mine) => {
      if (mine.length === 0) return;
      await permissions.remove({ origins: mine }).catch(() => false);
      const forget = () =>
        updateLeftovers(storage, (current) => {
          for (const origin of mine) delete current[origin];
        });
      if (settled) await forget();
      else {
        // A prompt still open may yet be answered: give that grant back too. If this page is
        // gone by then, the record stays for a later sweep.
        granted.then(async (ok) => {
          if (ok) await permissions.remove({ origins: mine }).catch(() => false);
          await forget();
        });
      }
    });
    return released;
  };
  return { granted, release };
}
