import { defineContentScript } from '#imports';
import { extractArticle } from '@/lib/extract/extract-article';

/**
 * Injected on demand into the one tab the reader invoked Lede on (never declared for all pages).
 * The article is the script's completion value, so `executeScript` hands it straight back to the
 * caller: no messaging. Extraction runs on a clone, so the live page is never touched.
 */
export default defineContentScript({
  registration: 'runtime',
  globalName: true,
  main() {
    const clone = document.cloneNode(true) as Document;
    return extractArticle(clone, location.href);
  },
});
