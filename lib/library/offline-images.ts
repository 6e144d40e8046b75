/**
 * A saved article renders offline: its images come from IndexedDB, and nothing in its HTML may
 * make the browser go to the network (an `<img src>` starts loading the moment it is parsed).
 */

import { firstSrcsetUrl } from '../html/srcset';

/** The attribute lib/sanitize parks a third-party image URL in (kept in sync with BLOCKED_SRC_ATTR). */
const BLOCKED_SRC = 'data-lede-blocked-src';

/**
 * Sanitized HTML of a saved article, with every image pointed at its stored copy
 * (`objectUrls`: original absolute URL → object URL) and every other loading URL removed, so
 * rendering it makes no network request. Parsed in an inert document (nothing loads there).
 * Images without a stored copy keep their alt text and are marked `data-offline-missing`.
 */
export function withOfflineImages(html: string, objectUrls: ReadonlyMap<string, string>): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const original =
      img.getAttribute('src') || img.getAttribute(BLOCKED_SRC) || firstSrcsetUrl(img.getAttribute('srcset'));
    const stored = original ? objectUrls.get(original) : undefined;
    for (const attr of ['src', 'srcset', 'sizes', BLOCKED_SRC]) img.removeAttribute(attr);
    if (stored) img.setAttribute('src', stored);
    else {
      img.setAttribute('data-offline-missing', '');
      img.setAttribute('title', img.alt ? `${img.alt} (image not saved)` : 'Image not saved');
    }
  }
  for (const el of Array.from(doc.querySelectorAll('source, track'))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('video, audio'))) {
    el.removeAttribute('src');
    el.removeAttribute('poster');
  }
  return doc.body.innerHTML;
}
