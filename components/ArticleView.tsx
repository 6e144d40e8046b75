import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract/article';
import { formatPublished } from '@/lib/format-date';
import { withOfflineImages } from '@/lib/library/offline-images';
import { MARKS, timed } from '@/lib/reader/reader-timing';
import { safeImageUrl, sanitizeArticleHtml } from '@/lib/sanitize';
import { Icon } from './Icon';

/** The file name of an image URL without extension or size suffix: `photo-800x450.jpg` → `photo`. */
function imageStem(url: string): string {
  const file = url.split(/[?#]/)[0].split('/').pop() ?? '';
  return file
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_@](\d+x\d+|\d+w|\dx)$/i, '')
    .toLowerCase();
}

/** A lead image already shown in the body (same file, any size variant) is not repeated above it. */
function bodyShowsImage(bodyHtml: string, src: string): boolean {
  const stem = imageStem(src);
  if (stem.length < 3) return false;
  // The body is our own serialization (sanitized, double-quoted attributes): its image URLs are exact.
  for (const m of bodyHtml.matchAll(/\s(?:src|srcset|data-lede-blocked-src)="([^"]*)"/g)) {
    for (const candidate of m[1].split(/,\s+/)) {
      if (imageStem(candidate.trim().split(/\s+/)[0]) === stem) return true;
    }
  }
  return false;
}

interface ArticleViewProps {
  article: Article;
  /** Load images from other sites without asking (the reader's setting). */
  thirdPartyImages: boolean;
  /** Rendered after the body, e.g. the highlights legend or panel. */
  children?: ComponentChildren;
  /**
   * A saved article (library): original image URL → object URL of its stored copy. Images then
   * come only from there and nothing else in the body loads (see lib/library/offline-images).
   */
  offlineImages?: ReadonlyMap<string, string>;
}

/**
 * The article itself: header (site, title, byline, date, reading time), lead image and body.
 * Everything from the page is text except the body, which only reaches the DOM sanitized.
 */
export function ArticleView({ article, thirdPartyImages, children, offlineImages }: ArticleViewProps) {
  const [showOtherImages, setShowOtherImages] = useState(false);
  // Stored copies are local: no site is contacted, so none needs holding back.
  const allowThirdPartyMedia = thirdPartyImages || showOtherImages || !!offlineImages;
  const body = useMemo(
    () =>
      timed(MARKS.sanitize, () =>
        sanitizeArticleHtml(article.contentHtml, window, { baseUrl: article.url, allowThirdPartyMedia }),
      ),
    [article, allowThirdPartyMedia],
  );
  const lead = useMemo(() => {
    if (!article.leadImage?.src) return null;
    const image = safeImageUrl(article.leadImage.src, { baseUrl: article.url, allowThirdPartyMedia });
    if (!image || bodyShowsImage(body.html, image.url)) return null;
    if (offlineImages) {
      const stored = offlineImages.get(image.url);
      if (!stored) return null;
      return {
        url: stored,
        blocked: false,
        alt: article.leadImage.alt ?? '',
        caption: article.leadImage.caption,
      };
    }
    return { ...image, alt: article.leadImage.alt ?? '', caption: article.leadImage.caption };
  }, [article, allowThirdPartyMedia, body.html, offlineImages]);
  const bodyHtml = useMemo(
    () => (offlineImages ? withOfflineImages(body.html, offlineImages) : body.html),
    [body.html, offlineImages],
  );
  const held = body.blockedImages + (lead?.blocked ? 1 : 0);
  const published = article.publishedTime ? formatPublished(article.publishedTime, article.lang) : null;

  return (
    <article
      class="article"
      lang={article.lang ?? undefined}
      dir={article.dir ?? 'auto'}
      aria-labelledby="article-title"
    >
      <header class="article__header">
        {article.siteName && <p class="article__site">{article.siteName}</p>}
        {/* The browser reports when the title is first painted (Element Timing); the reader bench reads it. */}
        <h1
          id="article-title"
          class="article__title"
          data-testid="article-title"
          elementtiming="article-title"
        >
          {article.title}
        </h1>
        <p class="article__meta">
          {article.byline && (
            <span class="article__byline" data-testid="article-byline">
              {article.byline}
            </span>
          )}
          {published && (
            <time class="article__date" dateTime={article.publishedTime ?? undefined}>
              {published}
            </time>
          )}
          <span class="article__time">{article.readingMinutes} min read</span>
        </p>
      </header>
      {held > 0 && (
        <p class="notice" role="note">
          <Icon name="image" size={18} />
          <span class="notice__text">
            {held === 1 ? '1 image comes' : `${held} images come`} from another site and{' '}
            {held === 1 ? 'was' : 'were'} not loaded.
          </span>
          <button
            type="button"
            class="notice__action"
            data-testid="show-images"
            onClick={() => setShowOtherImages(true)}
          >
            Show {held === 1 ? 'it' : 'them'}
          </button>
        </p>
      )}
      {lead && !lead.blocked && (
        <figure class="article__lead">
          <img src={lead.url} alt={lead.alt} referrerpolicy="no-referrer" decoding="async" />
          {lead.caption && <figcaption>{lead.caption}</figcaption>}
        </figure>
      )}
      <div class="article__body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {children}
    </article>
  );
}
