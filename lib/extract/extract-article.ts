// lib/extract: a page's DOM in, a clean article out — Readability plus our cleaning and metadata.
import { Readability } from '@mozilla/readability';
import type { Article } from './article';
import { blockText } from './block-text';
import { cleanPage } from './clean-page';
import { fixLazyImages } from './fix-lazy-images';
import { flattenShadowTemplates } from './flatten-shadow-roots';
import { isReaderable } from './is-readerable';
import { type ArticleEvidence, headlineWithProse, noArticleReason, pageShape } from './no-article-reason';
import { markNonBodyText, NON_BODY_ATTR, nonBodyKind, repeatsByline, repeatsTitle } from './non-body-text';
import { cleanByline, readMetadata } from './read-metadata';
import { countWords, readingMinutes } from './reading-time';
import { cleanSiteName } from './site-name';

/** What a page holds: its article (or the best candidate), and why it is no article if it is not. */
export interface ExtractedPage {
  article: Article | null;
  /** Set when the page has no article to read (empty, binary, frameset, links only, ...). */
  reason: string | null;
}

/**
 * Extracts the article from `doc`. Works on any DOM (a clone of the live page in the browser,
 * jsdom in Node) and uses no layout. `doc` is modified: pass a clone when the document is live.
 * Returns null only when there is no content at all; `readerable` says whether the page looks like
 * an article, so the UI can offer "no article here — show anyway".
 */
export function extractArticle(doc: Document, url: string): Article | null {
  return extractPage(doc, url).article;
}

/** `extractArticle`, plus the reason a page has no article; `article.readerable` is false then. */
export function extractPage(doc: Document, url: string): ExtractedPage {
  flattenShadowTemplates(doc);
  const shape = pageShape(doc);
  const article = extract(doc, url);
  const reason = noArticleReason(shape, article.content, article.value?.textContent ?? '', article.evidence);
  if (article.value) article.value.readerable = reason === null;
  return { article: article.value, reason };
}

interface Extracted {
  value: Article | null;
  content: Element | null;
  evidence: ArticleEvidence;
}

function extract(doc: Document, url: string): Extracted {
  // Metadata first: cleaning and Readability remove the JSON-LD scripts and headers it reads.
  const meta = readMetadata(doc, url);
  fixLazyImages(doc);
  cleanPage(doc);
  // On the cleaned page: what is hidden or boilerplate does not make a page look like an article.
  // Each test only when the stronger evidence before it is missing: it would decide nothing.
  const declared = meta.declaresArticle;
  const headline = !declared && headlineWithProse(doc);
  const evidence: ArticleEvidence = {
    declared,
    headline,
    readerable: !declared && !headline && isReaderable(doc, meta.lang),
  };
  markNonBodyText(doc);

  const parsed = new Readability<Element>(doc, {
    disableJSONLD: true,
    // Hand back the element itself: the text is built from the DOM, not re-parsed from HTML.
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!content) return { value: null, content: null, evidence };

  const title = meta.title ?? parsed.title ?? '';
  const byline = meta.byline ?? cleanByline(parsed.byline, meta.siteName);
  // Furniture (promo lines, "Continue reading" dividers...) leaves the HTML too; asides stay.
  const furniture: Element[] = [];
  const textContent = blockText(content, (el) => {
    const kind = nonBodyKind(el);
    if (kind === 'furniture') furniture.push(el);
    return kind !== null || repeatsTitle(el, title) || repeatsByline(el, byline);
  });
  for (const el of furniture) el.remove();
  for (const el of Array.from(content.querySelectorAll(`[${NON_BODY_ATTR}]`)))
    el.removeAttribute(NON_BODY_ATTR);
  const contentHtml = content.innerHTML;
  if (!textContent && !contentHtml.trim()) return { value: null, content, evidence };

  const lang = meta.lang ?? parsed.lang ?? null;
  const value: Article = {
    url,
    canonicalUrl: meta.canonicalUrl,
    title,
    byline,
    siteName: meta.siteName ?? cleanSiteName(parsed.siteName)?.name ?? null,
    publishedTime: meta.publishedTime,
    lang,
    dir: meta.dir,
    excerpt: meta.excerpt ?? parsed.excerpt ?? null,
    leadImage: meta.leadImage,
    contentHtml,
    textContent,
    wordCount: countWords(textContent),
    readingMinutes: readingMinutes(textContent, lang),
    // Settled by `extractPage` from all the evidence (`noArticleReason`).
    readerable: evidence.readerable,
  };
  return { value, content, evidence };
}
