import { defineUnlistedScript } from '#imports';
import { extractPage } from '@/lib/extract/extract-article';
import { copyOpenShadowRoots } from '@/lib/extract/flatten-shadow-roots';
import type { InjectedPage } from '@/lib/reader/early-read';

/**
 * Injected on demand into the one tab the reader invoked Lede on (never declared for all pages),
 * as a file (`/extract.js`, see EXTRACT_SCRIPT). The article is the script's completion value, so
 * `executeScript` hands it straight back to the caller: no messaging. An unlisted script, not a
 * content script: WXT's content-script context announces itself to the page
 * (`postMessage({type: "<extension id>:…:content-script-started"}, "*")`), which would tell any
 * page that Lede read it, and Lede's id. Extraction runs on a clone, so the live page is never
 * touched; open shadow roots, which cloning leaves behind, are copied into it so web-component
 * articles read whole. `ran` is when the work started and ended, on a clock the reader page shares
 * (for the reader bench's breakdown, lib/reader/reader-timing.ts).
 */
export default defineUnlistedScript((): InjectedPage => {
  const now = () => performance.timeOrigin + performance.now();
  const started = now();
  const clone = document.cloneNode(true) as Document;
  copyOpenShadowRoots(document, clone);
  const page = extractPage(clone, location.href);
  return { ...page, ran: [started, now()] };
});
