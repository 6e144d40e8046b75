/**
 * Makes lazy-loaded images real, so the reader shows them without the page's scripts:
 * `data-src`-style attributes become `src`, `data-srcset` becomes `srcset`, and an image whose real
 * markup only lives in a `<noscript>` fallback takes the fallback's place.
 */

import { descendantElements } from './descendant-elements';

const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-echo',
  'data-img-src',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
/** A src that is only a stand-in: a data URI, a spacer or a "placeholder"/"blank"/"lazy" file. */
const PLACEHOLDER_SRC =
  /^data:|placeholder|blank\.|spacer|pixel\.|1x1|lazy|loading|transparent|grey\.gif|gray\.gif/i;

export function fixLazyImages(doc: Document): void {
  if (!doc.body) return;
  const noscripts: Element[] = [];
  const images: Element[] = [];
  for (const el of descendantElements(doc.body)) {
    const tag = el.localName;
    if (tag === 'img') images.push(el);
    else if (tag === 'noscript') noscripts.push(el);
    else if (tag === 'source' && el.parentElement?.localName === 'picture') copySrcset(el);
  }
  // The noscript fallbacks are new <img> elements (one walk: each image is fixed on its own, so
  // the order does not matter, and images the unwrapping removed are no longer in the page).
  for (const noscript of noscripts) {
    const fallback = unwrapNoscriptImage(noscript);
    if (fallback) images.push(fallback);
  }
  for (const img of images) {
    if (!img.isConnected) continue;
    const src = img.getAttribute('src');
    if (!src || PLACEHOLDER_SRC.test(src)) {
      const real = LAZY_SRC_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && !PLACEHOLDER_SRC.test(v));
      if (real) img.setAttribute('src', real.trim());
    }
    copySrcset(img);
  }
}

function copySrcset(el: Element): void {
  const lazy = LAZY_SRCSET_ATTRS.map((a) => el.getAttribute(a)).find(Boolean);
  if (!lazy) return;
  const current = el.getAttribute('srcset');
  if (!current || PLACEHOLDER_SRC.test(current)) el.setAttribute('srcset', lazy);
}

/**
 * `<noscript><img src="real.jpg"></noscript>` next to a placeholder `<img>`: the fallback replaces
 * the placeholder (or the noscript itself when there is none), and is returned. With scripting on (a live page)
 * noscript content is raw text, with it off (DOMParser, jsdom) it is elements: both are handled.
 */
function unwrapNoscriptImage(noscript: Element): Element | null {
  let fallback: Element | null = noscript.getElementsByTagName('img')[0] ?? null;
  if (!fallback) {
    const markup = noscript.textContent ?? '';
    if (!/<img\b/i.test(markup)) return null;
    // A template parses inertly: nothing in it loads or runs.
    const template = noscript.ownerDocument.createElement('template');
    template.innerHTML = markup;
    fallback = template.content.querySelector('img'); // a small, detached fragment
  }
  if (!fallback?.getAttribute('src')) return null;
  // Only a pure image fallback: a noscript that also holds text is a message, not an image.
  if ((noscript.textContent ?? '').replace(/<[^>]*>/g, '').trim()) return null;
  const prev = noscript.previousElementSibling;
  const placeholder =
    prev?.tagName === 'IMG'
      ? prev
      : prev && prev.getElementsByTagName('img').length === 1
        ? prev.getElementsByTagName('img')[0]
        : null;
  const img = fallback.cloneNode(true) as Element;
  if (placeholder && !hasRealSrc(placeholder)) {
    for (const attr of Array.from(placeholder.attributes)) {
      // A copy of the node, not setAttribute: a parsed name such as `"` is no valid name to set.
      if (!img.hasAttribute(attr.name) && !attr.name.startsWith('data-'))
        img.setAttributeNode(attr.cloneNode() as Attr);
    }
    placeholder.replaceWith(img);
    noscript.remove();
    return img;
  }
  if (!placeholder) {
    noscript.replaceWith(img);
    return img;
  }
  noscript.remove();
  return null;
}

function hasRealSrc(img: Element): boolean {
  const src = img.getAttribute('src');
  return !!src && !PLACEHOLDER_SRC.test(src);
}
