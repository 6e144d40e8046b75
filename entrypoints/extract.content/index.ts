import { defineContentScript } from '#imports';
import { extractPage } from '@/lib/extract/extract-article';
import { copyOpenShadowRoots } from '@/lib/extract/flatten-shadow-roots';

/**
 * Injected on demand into the one tab the reader invoked Lede on (never declared for all pages).
 * The article is the script's completion value, so `executeScript` hands it straight back to the
 * caller: no messaging. Extraction runs on a clone, so the live page is never touched; open shadow
 * roots, which cloning leaves behind, are copied into it so web-component articles read whole.
 */
export default defineContentScript({
  registration: 'runtime',
  globalName: true,
  main() {
    const clone = document.cloneNode(true) as Document;
    copyOpenShadowRoots(document, clone);
    return extractPage(clone, location.href);
  },
});
