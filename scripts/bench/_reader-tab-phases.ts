/**
 * The reader bench's look inside the page: the injected side of both readers, run on the live article
 * tab (outside the timed popup runs): a first run, which pays for compiling the code and its regular
 * expressions as every real injection does, a second run, and the second run's coarse steps
 * (`extractPage`'s own exports, so the split does not depend on how
 * lib/extract/extract-article.ts orders its passes). Bundled by
 * _reader-phases.ts and evaluated in the page: no Node imports here.
 */
import { Readability } from '@mozilla/readability';
import { cleanPage } from '../../lib/extract/clean-page';
import { extractPage } from '../../lib/extract/extract-article';
import { fixLazyImages } from '../../lib/extract/fix-lazy-images';
import { copyOpenShadowRoots } from '../../lib/extract/flatten-shadow-roots';
import { readMetadata } from '../../lib/extract/read-metadata';

export interface TabPhases {
  ms: Record<string, number>;
  /** Size of what each injection hands back (JSON, KB). */
  resultKb: { lede: number; plain: number };
}

/** Runs in the article tab; the bench alternates which reader goes first (they share Readability's code). */
export function measurePhases(plainFirst: boolean): TabPhases {
  const ms: Record<string, number> = {};
  let t = 0;
  const lap = (name: string) => {
    const now = performance.now();
    ms[name] = now - t;
    t = now;
  };
  const url = location.href;
  const clone = () => {
    const doc = document.cloneNode(true) as Document;
    copyOpenShadowRoots(document, doc);
    return doc;
  };

  const lede = () => {
    // What entrypoints/extract.ts runs, twice: the first run pays for compiling the code and its
    // regular expressions (as every real injection does, on a page that never ran Lede), the second
    // shows the work itself. Then the second run's coarse steps, one by one on a fresh clone.
    t = performance.now();
    const page = extractPage(clone(), url);
    lap('Lede: first run (clone + extractPage)');
    structuredClone(page);
    lap('Lede: structured clone of the result');
    t = performance.now();
    extractPage(clone(), url);
    lap('Lede: second run');
    t = performance.now();
    const doc = clone();
    lap('Lede, second run: clone the page');
    readMetadata(doc, url);
    lap('Lede, second run: metadata');
    fixLazyImages(doc);
    cleanPage(doc);
    lap('Lede, second run: lazy images + cleaning');
    new Readability<Element>(doc, { disableJSONLD: true, serializer: (n) => n as Element }).parse();
    lap('Lede, second run: Readability (on the cleaned page)');
    ms['Lede, second run: other passes'] =
      ms['Lede: second run'] -
      ms['Lede, second run: clone the page'] -
      ms['Lede, second run: metadata'] -
      ms['Lede, second run: lazy images + cleaning'] -
      ms['Lede, second run: Readability (on the cleaned page)'];
    return page;
  };
  const plain = () => {
    t = performance.now();
    const result = new Readability(clone()).parse();
    lap('plain: first run (clone + Readability + serialize)');
    structuredClone(result);
    lap('plain: structured clone of the result');
    t = performance.now();
    new Readability(clone()).parse();
    lap('plain: second run');
    return result;
  };
  const [ledePage, plainPage] = plainFirst ? [undefined, plain()] : [lede(), undefined];
  const results = { lede: ledePage ?? lede(), plain: plainPage ?? plain() };
  return {
    ms,
    resultKb: {
      lede: JSON.stringify(results.lede).length / 1024,
      plain: JSON.stringify(results.plain).length / 1024,
    },
  };
}
