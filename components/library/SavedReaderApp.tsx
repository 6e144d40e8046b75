import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { getArticle, getArticleImages, setRead, setReadingPosition } from '@/lib/db/articles';
import { libraryDb } from '@/lib/db/library-db';
import type { StoredArticle } from '@/lib/db/schema';
import type { Article } from '@/lib/extract/article';
import type { ReadResult } from '@/lib/reader/read-tab';
import type { ReaderSettings } from '@/lib/settings/settings';
import { ReaderApp } from '../ReaderApp';
import { SaveButton } from '../SaveButton';
import { quoteParam, showQuote } from './quote-target';

/** A saved article in the reader's shape (its stored, sanitized HTML is the content). */
function asArticle(saved: StoredArticle): Article {
  return {
    url: saved.url,
    canonicalUrl: saved.canonicalUrl,
    title: saved.title,
    byline: saved.byline,
    siteName: saved.siteName,
    publishedTime: saved.publishedTime,
    lang: saved.lang,
    dir: saved.dir,
    excerpt: saved.excerpt,
    leadImage: saved.leadImage,
    contentHtml: saved.html,
    textContent: saved.text,
    wordCount: saved.wordCount,
    readingMinutes: saved.readingMinutes,
    readerable: true,
  };
}

/** Scroll past this fraction counts as read. */
const READ_AT = 0.95;
const SAVE_POSITION_MS = 400;

function scrollFraction(): number {
  const root = document.scrollingElement ?? document.documentElement;
  const max = root.scrollHeight - root.clientHeight;
  return max > 0 ? root.scrollTop / max : 1;
}

/**
 * `reader.html?id=<id>`: a saved article from the library, read offline. Same reader, same hooks;
 * images come from IndexedDB (object URLs), the reading position is restored and remembered.
 */
export function SavedReaderApp({ id, settings }: { id: string; settings: ReaderSettings }) {
  const db = libraryDb();
  // Filled before `initial` resolves, so the article's first render already has every image.
  const images = useMemo(() => new Map<string, string>(), []);
  const saved = useRef<StoredArticle | null>(null);

  const load = useCallback(async (): Promise<ReadResult> => {
    try {
      const [article, blobs] = await Promise.all([getArticle(db, id), getArticleImages(db, id)]);
      if (!article) {
        return { kind: 'error', message: 'This article is not in your library any more.', timedOut: false };
      }
      for (const url of images.values()) URL.revokeObjectURL(url);
      images.clear();
      for (const [url, blob] of blobs) images.set(url, URL.createObjectURL(blob));
      saved.current = article;
      return { kind: 'article', article: asArticle(article) };
    } catch (error) {
      return { kind: 'error', message: `The library could not be opened: ${String(error)}`, timedOut: false };
    }
  }, [db, id, images]);
  const initial = useMemo(() => load(), [load]);

  useEffect(
    () => () => {
      for (const url of images.values()) URL.revokeObjectURL(url);
    },
    [images],
  );

  const onArticlePainted = useCallback(() => {
    // Opened from a person's quote (`&quote=<start>`): at that quote, not where reading stopped.
    const start = quoteParam(location.search);
    const quote = saved.current?.quotes.find((q) => q.start === start);
    if (quote) {
      showQuote(quote);
      return;
    }
    const position = saved.current?.readingPosition ?? 0;
    if (position > 0) {
      const root = document.scrollingElement ?? document.documentElement;
      root.scrollTop = position * (root.scrollHeight - root.clientHeight);
    }
  }, []);

  // Remember how far the reader got; reaching the end marks the article read.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let markedRead = false;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!saved.current) return;
        const fraction = scrollFraction();
        setReadingPosition(db, id, fraction).catch(() => {});
        if (fraction >= READ_AT && !markedRead && saved.current.read === 0) {
          markedRead = true;
          setRead(db, id, true).catch(() => {});
        }
      }, SAVE_POSITION_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [db, id]);

  return (
    <ReaderApp
      layout="tab"
      initial={initial}
      reload={load}
      initialSettings={settings}
      savedId={id}
      offlineImages={images}
      onArticlePainted={onArticlePainted}
      toolbarExtras={(article) => (
        <>
          <a
            class="icon-button library-link"
            href="library.html"
            title="Your library"
            data-testid="open-library"
          >
            Library
          </a>
          <SaveButton article={article} savedId={id} />
        </>
      )}
    />
  );
}
