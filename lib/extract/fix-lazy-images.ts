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
  const elements = descendantElements(doc.body);
  for (const el of elements) if (el.localName === 'noscript') unwrapNoscriptImage(el);
  for (const el of elements)
    if (el.localName === 'source' && el.parentElement?.localName === 'picture') copySrcset(el);
  // Images again after unwrapping: the noscript fallbacks are new <img> elements.
  for (const img of descendantElements(doc.body)) {
    if (img.localName !== 'img') continue;
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
 * the placeholder (or the noscript itself when there is none). With scripting on (a live page)
 * noscript content is raw text, with it off (DOMParser, jsdom) it is elements: both are handled.
 */
function unwrapNoscriptImage(noscript: Element): void {
  let fallback: Element | null = noscript.getElementsByTagName('img')[0] ?? null;
  if (!fallback) {
    const markup = noscript.textContent ?? '';
    if (!/<img\b/i.test(markup)) return;
    // A template parses inertly: nothing in it loads or runs.
    const template = noscript.ownerDocument.createElement('template');
    template.innerHTML = markup;
    fallback = template.content.querySelector('img'); // a small, detached fragment
  }
  if (!fallback?.getAttribute('src')) return;
  // Only a pure image fallback: a noscript that also holds text is a message, not an image.
  if ((noscript.textContent ?? '').replace(/<[^>]*>/g, '').trim()) return;
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
  } else if (!placeholder) {
    noscript.replaceWith(img);
  } else {
    noscript.remove();
  }
}

function hasRealSrc(img: Element): boolean {
  const src = img.getAttribute('src');
  return !!src && !PLACEHOLDER_SRC.test(src);
}
