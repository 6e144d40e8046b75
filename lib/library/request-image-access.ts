import { browser } from 'wxt/browser';

/**
 * Asks for the optional host permission to download an article's images from `origins`
 * (match patterns). Call it synchronously from the Save click: the browser shows its prompt
 * only during a user gesture. Resolves true when granted (at once if it already was).
 */
export function requestImageAccess(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
