/**
 * Renumbers the article's headings so they nest under the reader's own `<h1>` (the title): the
 * levels the page used keep their order but start at `h2`, and no heading is more than one level
 * deeper than the one before it. Pages skip levels all the time (h1 → h3 for a newsletter box);
 * screen-reader users navigate by these levels.
 */
export function normalizeHeadings(root: ParentNode): void {
  const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  if (!headings.length) return;
  const used = [...new Set(headings.map((h) => Number(h.tagName[1])))].sort();
  let previous = 1;
  for (const heading of headings) {
    const wanted = used.indexOf(Number(heading.tagName[1])) + 2;
    const level = Math.min(wanted, previous + 1, 6);
    previous = level;
    if (`H${level}` === heading.tagName.toUpperCase()) continue;
    const renamed = (heading.ownerDocument as Document).createElement(`h${level}`);
    for (const attr of heading.attributes) renamed.setAttribute(attr.name, attr.value);
    renamed.append(...heading.childNodes);
    heading.replaceWith(renamed);
  }
}
