import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { annotate } from '@/lib/annotate/annotate';
import type { StoredEntity, StoredQuote } from '@/lib/db/schema';
import type { Article } from '@/lib/extract/article';
import { requestImageAccess } from '@/lib/library/request-image-access';
import {
  articleImageUrls,
  describeImageReport,
  imageOrigins,
  saveWithImages,
} from '@/lib/library/save-article';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import './save-button.css';

type SaveState =
  | { kind: 'checking' }
  | { kind: 'unsaved' }
  | { kind: 'saving'; note: string | null }
  | { kind: 'saved'; id: string; note: string | null }
  | { kind: 'error'; message: string };

interface SaveButtonProps {
  article: Article;
  /** Highlights to store with the article; by default `annotate(article)` at save time. */
  annotations?: { quotes: StoredQuote[]; entities: StoredEntity[] };
  /** Set when the article shown IS a saved one (reader.html?id=…). */
  savedId?: string;
}

/** Whether the page is in the library; lib/db loads lazily so the popup's first paint stays light. */
async function savedIdOf(article: Article): Promise<string | undefined> {
  const [{ findSavedArticle }, { libraryDb }] = await Promise.all([
    import('@/lib/db/articles'),
    import('@/lib/db/library-db'),
  ]);
  return findSavedArticle(libraryDb(), article.url, article.canonicalUrl);
}

function hostsOf(origins: string[]): string {
  const hosts = origins.map((origin) => new URL(origin.replace(/\/\*$/, '/')).hostname);
  return hosts.length <= 2
    ? hosts.join(' and ')
    : `${hosts.slice(0, 2).join(', ')} and ${hosts.length - 2} more`;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/**
 * Save for offline reading (`s` key too): text, highlights and images go to the library.
 * `aria-pressed="true"` once the article is in the library, also when it already was.
 */
export function SaveButton({ article, annotations, savedId }: SaveButtonProps) {
  const [state, setState] = useState<SaveState>(
    savedId ? { kind: 'saved', id: savedId, note: null } : { kind: 'checking' },
  );
  const busy = useRef(false);

  useEffect(() => {
    if (savedId) return;
    let live = true;
    savedIdOf(article).then(
      (id) => live && setState(id ? { kind: 'saved', id, note: null } : { kind: 'unsaved' }),
      () => live && setState({ kind: 'unsaved' }),
    );
    return () => {
      live = false;
    };
  }, [article, savedId]);

  const save = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    const { html } = sanitizeArticleHtml(article.contentHtml, window, {
      baseUrl: article.url,
      allowThirdPartyMedia: true,
    });
    const urls = articleImageUrls(html, article.url, article.leadImage?.src);
    const origins = imageOrigins(urls);
    // Before any await: the browser shows the permission prompt only inside the click/key gesture.
    const permission = requestImageAccess(origins);
    setState({
      kind: 'saving',
      note:
        origins.length > 0
          ? `To keep ${urls.length === 1 ? 'its image' : `its ${urls.length} images`} for offline reading, Lede asks to download them from ${hostsOf(origins)}.`
          : null,
    });
    // Offsets into article.textContent, the text stored with it: the library filters by entity.
    const notes = annotations ?? annotate(article);
    saveWithImages({
      article,
      html,
      quotes: notes.quotes,
      entities: notes.entities,
      permission,
    })
      .then(
        (result) => setState({ kind: 'saved', id: result.id, note: describeImageReport(result.images) }),
        (error: unknown) =>
          setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        busy.current = false;
      });
  }, [article, annotations]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 's' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || event.defaultPrevented) return;
      event.preventDefault();
      save();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [save]);

  const saved = state.kind === 'saved';
  const note =
    state.kind === 'saving' || state.kind === 'saved'
      ? state.note
      : state.kind === 'error'
        ? state.message
        : null;
  return (
    <>
      <button
        type="button"
        class="icon-button save-button"
        data-testid="save"
        data-save-state={state.kind}
        aria-pressed={saved}
        aria-busy={state.kind === 'checking' || state.kind === 'saving'}
        title={
          saved
            ? 'Saved in your library, with its images, for offline reading (S saves again)'
            : 'Save for offline reading (S). Lede may ask to download the images from their sites.'
        }
        onClick={save}
      >
        <svg
          class="icon"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill={saved ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="1.75"
          stroke-linejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M6 3h12v18l-6-4-6 4z" />
        </svg>
        <span class="save-button__label">
          {saved ? 'Saved' : state.kind === 'saving' ? 'Saving…' : 'Save'}
        </span>
      </button>
      <span
        class={`save-status${note ? ' save-status--visible' : ''}${state.kind === 'error' ? ' save-status--error' : ''}`}
        role={state.kind === 'error' ? 'alert' : 'status'}
        data-testid="save-status"
      >
        {note}
      </span>
    </>
  );
}
