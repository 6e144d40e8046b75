/**
 * A saved article renders offline: its images come from IndexedDB, and nothing in its HTML may
 * make the browser go to the network (an `<img src>` starts loading the moment it is parsed).
 */

/** The attribute an image's original URL is parked in until a stored Blob replaces it. */
export const OFFLINE_SRC_ATTR = 'data-lede-src';

/**
 * Parks every network-loading URL of `html`: `img[src]` moves to `data-lede-src` (resolved
 * against `baseUrl`), and srcset/sizes, `<source>`, posters and media sources are removed.
 * The result loads nothing by itself.
 */
export function detachImageSources(html: string, baseUrl: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const src = img.getAttribute('src') || img.getAttribute('srcset')?.trim().split(/\s+/)[0] || '';
    img.removeAttribute('src');
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    if (src) {
      try {
        img.setAttribute(OFFLINE_SRC_ATTR, new URL(src, baseUrl).href);
      } catch {
        // An unparsable URL stays parked as-is; it will show as a missing image.
        img.setAttribute(OFFLINE_SRC_ATTR, src);
      }
    }
  }
  for (const el of Array.from(doc.querySelectorAll('source, track'))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('video, audio, [poster], [background]'))) {
    el.removeAttribute('src');
    el.removeAttribute('poster');
    el.removeAttribute('background');
  }
  return doc.body.innerHTML;
}

/**
 * Points the parked images under `root` at object URLs of their stored Blobs; an image with
 * no stored copy shows its alt text and is marked `data-offline-missing`. Returns a function
 * that revokes the object URLs (call it when the view goes away).
 */
export function attachStoredImages(root: ParentNode, blobs: ReadonlyMap<string, Blob>): () => void {
  const urls: string[] = [];
  for (const img of Array.from(root.querySelectorAll<HTMLImageElement>(`img[${OFFLINE_SRC_ATTR}]`))) {
    const original = img.getAttribute(OFFLINE_SRC_ATTR) ?? '';
    const blob = blobs.get(original);
    if (blob) {
      const url = URL.createObjectURL(blob);
      urls.push(url);
      img.src = url;
      img.removeAttribute('data-offline-missing');
    } else {
      img.setAttribute('data-offline-missing', '');
      img.title = img.alt ? `${img.alt} (image not saved)` : 'Image not saved';
    }
  }
  return () => {
    for (const url of urls) URL.revokeObjectURL(url);
  };
}

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
      img.getAttribute('src') ||
      img.getAttribute(BLOCKED_SRC) ||
      img.getAttribute('srcset')?.trim().split(/\s+/)[0];
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
