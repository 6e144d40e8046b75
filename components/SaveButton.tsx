import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { annotate } from '@/lib/annotate/annotate';
import type { SaveConflict } from '@/lib/db/articles';
import type { StoredEntity, StoredQuote } from '@/lib/db/schema';
import type { Article } from '@/lib/extract/article';
import { articleImageUrls, imageOrigins, saveArticleText } from '@/lib/library/save-article';
import { onSaved } from '@/lib/notes/saved-event';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import './save-button.css';
import { errorMessage, type ImagesState, imagesNote, useSaveImages } from './use-save-images';

type SaveState =
  | { kind: 'checking' }
  | { kind: 'unsaved' }
  | { kind: 'saving'; note: string | null }
  | { kind: 'saved'; id: string; note: string | null }
  /** The page's canonical URL holds an article saved from another page: the reader chooses. */
  | { kind: 'conflict'; existing: SaveConflict }
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

/** The `s` key saves, unless the reader is typing. */
function useSKey(save: () => void) {
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
}

/**
 * The `s` key saves, unless the reader is typing; and when highlighting the article saved it
 * (lib/notes), the button shows it as saved.
 */
function useSaveKey(
  save: () => void,
  url: string,
  setState: (update: (current: SaveState) => SaveState) => void,
) {
  useSKey(save);
  useEffect(
    () =>
      onSaved(url, (id) =>
        setState((current) => (current.kind === 'unsaved' ? { kind: 'saved', id, note: null } : current)),
      ),
    [url, setState],
  );
}

/** The note under the toolbar: the save's progress, its images, a conflict or an error. */
function statusNote(state: SaveState, images: ImagesState): string | null {
  switch (state.kind) {
    case 'saving':
      return state.note;
    case 'saved':
      return imagesNote(images) ?? state.note;
    case 'error':
      return state.message;
    case 'conflict':
      return `Already saved from ${state.existing.url}. Replace that article with this page, or keep both?`;
    default:
      return null;
  }
}

function SaveIcon({ filled }: { filled: boolean }) {
  return (
    <svg
      class="icon"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 3h12v18l-6-4-6 4z" />
    </svg>
  );
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
  const { images, begin, cancel } = useSaveImages();

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

  const save = useCallback(
    (onConflict?: 'replace' | 'keep-both') => {
      if (busy.current) return;
      busy.current = true;
      const { html } = sanitizeArticleHtml(article.contentHtml, window, {
        baseUrl: article.url,
        allowThirdPartyMedia: true,
      });
      const urls = articleImageUrls(html, article.url, article.leadImage?.src);
      const origins = imageOrigins(urls);
      // Before any await: the browser shows the permission prompt only inside the click/key gesture.
      // The text is saved without waiting for the answer; the images follow once it comes.
      const download = begin(origins, hostsOf(origins));
      setState({
        kind: 'saving',
        note:
          origins.length > 0
            ? `To keep ${urls.length === 1 ? 'its image' : `its ${urls.length} images`} for offline reading, Lede asks to download them from ${hostsOf(origins)}.`
            : null,
      });
      // Offsets into article.textContent, the text stored with it: the library filters by entity.
      const notes = annotations ?? annotate(article);
      saveArticleText({ article, html, quotes: notes.quotes, entities: notes.entities, onConflict })
        .then(
          (saved) => {
            if (saved.conflict) return setState({ kind: 'conflict', existing: saved.conflict });
            setState({ kind: 'saved', id: saved.id, note: null });
            return download.run(saved);
          },
          (error: unknown) => setState({ kind: 'error', message: errorMessage(error) }),
        )
        .finally(() => {
          download.finish();
          busy.current = false;
        });
    },
    [article, annotations, begin],
  );

  useSaveKey(save, article.url, setState);

  const saved = state.kind === 'saved';
  const inProgress = images.kind === 'waiting' || images.kind === 'downloading';
  const note = statusNote(state, images);
  return (
    <>
      <button
        type="button"
        class="icon-button save-button"
        data-testid="save"
        data-save-state={state.kind}
        data-images-state={images.kind}
        aria-pressed={saved}
        aria-busy={state.kind === 'checking' || state.kind === 'saving' || inProgress}
        title={
          saved
            ? 'Saved in your library, with its images, for offline reading (S saves again)'
            : 'Save for offline reading (S). Lede may ask to download the images from their sites.'
        }
        onClick={() => save()}
      >
        <SaveIcon filled={saved} />
        <span class="save-button__label">
          {saved ? 'Saved' : state.kind === 'saving' ? 'Saving…' : 'Save'}
        </span>
      </button>
      <div
        class={`save-status${note ? ' save-status--visible' : ''}${state.kind === 'error' ? ' save-status--error' : ''}`}
      >
        <span role={state.kind === 'error' ? 'alert' : 'status'} data-testid="save-status">
          {note}
        </span>
        {inProgress && (
          <button type="button" class="save-status__cancel" data-testid="save-cancel" onClick={cancel}>
            Cancel
          </button>
        )}
        {state.kind === 'conflict' && (
          <span class="save-status__choices">
            <button
              type="button"
              class="save-status__choice"
              data-testid="save-replace"
              onClick={() => save('replace')}
            >
              Replace
            </button>
            <button
              type="button"
              class="save-status__choice"
              data-testid="save-keep-both"
              onClick={() => save('keep-both')}
            >
              Keep both
            </button>
          </span>
        )}
      </div>
    </>
  );
}
