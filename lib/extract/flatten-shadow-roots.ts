/**
 * Articles built from web components keep part of their text in shadow roots, which
 * `cloneNode` leaves behind and Readability never walks. These helpers put that content into
 * the light DOM of the copy being extracted, where a reader would see it.
 */

/**
 * Declarative shadow roots that a parser left as `<template shadowrootmode>` (DOMParser and
 * jsdom do not attach them) are replaced by their content.
 */
export function flattenShadowTemplates(doc: Document): void {
  for (const template of Array.from(doc.querySelectorAll('template[shadowrootmode]'))) {
    template.replaceWith((template as HTMLTemplateElement).content);
  }
}

/**
 * For a `clone` made by `live.cloneNode(true)`: appends a copy of each open shadow root of the
 * live page to the matching element of the clone (the two trees have the same shape, so a
 * parallel walk pairs them). Closed shadow roots are out of reach by design.
 */
export function copyOpenShadowRoots(live: Document, clone: Document): void {
  // Most pages have none: one walk of the live page says so, without walking the clone beside it.
  if (!hasOpenShadowRoot(live)) return;
  const liveWalker = live.createTreeWalker(live.documentElement, NodeFilter.SHOW_ELEMENT);
  const cloneWalker = clone.createTreeWalker(clone.documentElement, NodeFilter.SHOW_ELEMENT);
  const pairs: [Element, Element][] = [];
  let a: Node | null = liveWalker.currentNode;
  let b: Node | null = cloneWalker.currentNode;
  while (a && b) {
    const root = (a as Element).shadowRoot;
    if (root) pairs.push([a as Element, b as Element]);
    a = liveWalker.nextNode();
    b = cloneWalker.nextNode();
  }
  // Appended after the walk, so the copies never disturb the pairing.
  for (const [host, copy] of pairs) copy.append(shadowCopy(host.shadowRoot as ShadowRoot, clone));
}

function hasOpenShadowRoot(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode())
    if ((node as Element).shadowRoot) return true;
  return false;
}

function shadowCopy(root: ShadowRoot, into: Document): DocumentFragment {
  const fragment = into.createDocumentFragment();
  for (const child of Array.from(root.childNodes)) {
    // <slot>s project the host's own children, which the clone already has; styles are not text.
    if (child.nodeName === 'SLOT' || child.nodeName === 'STYLE') continue;
    fragment.append(into.importNode(child, true));
  }
  return fragment;
}
