/** The lead image of an article, as the page declares it (JSON-LD, og:image or the first figure). */
export interface LeadImage {
  src: string;
  alt: string | null;
  caption: string | null;
}

/**
 * What `extractArticle` returns: everything the reader, the annotator and the library need.
 * `contentHtml` is NOT safe to render: it is the page's markup, cleaned for reading but not
 * sanitized. It must go through `lib/sanitize` before it reaches an extension page.
 */
export interface Article {
  url: string;
  /**
   * The address the page declares as its own (JSON-LD url, og:url or rel=canonical), absolute;
   * the library saves the article under it. Page-supplied: lib/url/canonical-url checks it.
   */
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601, as precise as the page says (a date or a date-time). */
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
  contentHtml: string;
  /** Body text built block by block: blocks separated by a blank line. No captions or credits. */
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  /** false when the page does not look like an article; the UI offers "show anyway". */
  readerable: boolean;
}
