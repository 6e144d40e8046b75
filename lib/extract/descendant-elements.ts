/**
 * Every element under `root`, in document order. A plain sibling walk: jsdom's live
 * `getElementsByTagName('*')` and `querySelectorAll` cost 10-50× more on big pages, and the
 * extractor visits every element several times.
 */
export function descendantElements(root: Element): Element[] {
  const out: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node) {
    out.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && !node.nextElementSibling) {
      node = node.parentElement;
      if (node === root) return out;
    }
    node = node?.nextElementSibling ?? null;
  }
  return out;
}
