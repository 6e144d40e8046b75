import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Article } from './article';
import { blockText } from './block-text';
import { cleanPage } from './clean-page';
import { fixLazyImages } from './fix-lazy-images';
import { isNonBodyText, markNonBodyText, NON_BODY_ATTR } from './non-body-text';
import { readMetadata } from './read-metadata';
import { countWords, readingMinutes } from './reading-time';

/**
 * Extracts the article from `doc`. Works on any DOM (a clone of the live page in the browser,
 * jsdom in Node) and uses no layout. `doc` is modified: pass a clone when the document is live.
 * Returns null only when there is no content at all; `readerable` says whether the page looks like
 * an article, so the UI can offer "no article here — show anyway".
 */
export function extractArticle(doc: Document, url: string): Article | null {
  const readerable = isProbablyReaderable(doc);
  // Metadata first: Readability removes the JSON-LD scripts and the header it reads from.
  const meta = readMetadata(doc, url);
  fixLazyImages(doc);
  cleanPage(doc);
  markNonBodyText(doc);

  const parsed = new Readability<Element>(doc, {
    disableJSONLD: true,
    // Hand back the element itself: the text is built from the DOM, not re-parsed from HTML.
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!content) return null;

  const textContent = blockText(content, isNonBodyText);
  for (const el of Array.from(content.querySelectorAll(`[${NON_BODY_ATTR}]`)))
    el.removeAttribute(NON_BODY_ATTR);
  const contentHtml = content.innerHTML;
  if (!textContent && !contentHtml.trim()) return null;

  const lang = meta.lang ?? parsed.lang ?? null;
  return {
    url,
    title: meta.title ?? parsed.title ?? '',
    byline: meta.byline ?? parsed.byline?.replace(/^by\s+/i, '').trim() ?? null,
    siteName: meta.siteName ?? parsed.siteName ?? null,
    publishedTime: meta.publishedTime,
    lang,
    dir: meta.dir,
    excerpt: meta.excerpt ?? parsed.excerpt ?? null,
    leadImage: meta.leadImage,
    contentHtml,
    textContent,
    wordCount: countWords(textContent),
    readingMinutes: readingMinutes(textContent, lang),
    readerable,
  };
}
