import './user-highlights.css';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract/article';
import type { StoredHighlight } from '@/lib/notes/stored-highlight';
import { USER_MARK, userMarksOf } from '@/lib/notes/user-marks';
import { NoteEditor } from './NoteEditor';
import { SelectionToolbar, selectionIn } from './SelectionToolbar';
import { UserHighlightsPanel } from './UserHighlightsPanel';
import { useUserHighlights } from './use-user-highlights';

export interface UserHighlightsProps {
  article: Article;
  /** Set when the article shown is the saved copy (reader.html?id=…). */
  savedId?: string;
}

const UNDO_MS = 10_000;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? ''));
}

/** The highlight mark an event happened on (not one inside a link: the link wins the click). */
function markOf(target: EventTarget | null): HTMLElement | null {
  const mark = (target as Element | null)?.closest?.<HTMLElement>(`mark[${USER_MARK}]`) ?? null;
  return mark && !mark.closest('a') ? mark : null;
}

/** `h` (no modifier, not while typing) calls `onKey`. */
function useHighlightKey(onKey: () => boolean) {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'h' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || event.defaultPrevented) return;
      if (onKey()) event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onKey]);
}

/** Clicking a highlight, or Enter/Space on its focused mark, calls `onOpen(id)`. */
function useMarkActivation(body: HTMLElement | null, onOpen: (id: string) => void) {
  useEffect(() => {
    if (!body) return;
    const open = (mark: HTMLElement | null, event: Event) => {
      const id = mark?.getAttribute('data-highlight-id');
      if (!id) return;
      event.preventDefault();
      onOpen(id);
    };
    const onClick = (event: MouseEvent) => {
      // A click that ends a selection is for highlighting, not for a note.
      if (!document.getSelection()?.isCollapsed) return;
      open(markOf(event.target), event);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') open(markOf(event.target), event);
    };
    body.addEventListener('click', onClick);
    body.addEventListener('keydown', onKey);
    return () => {
      body.removeEventListener('click', onClick);
      body.removeEventListener('keydown', onKey);
    };
  }, [body, onOpen]);
}

/**
 * The reader's own highlights and notes in any reader (popup, full tab, saved copy): a toolbar
 * over a selection (and the `h` key) to highlight, a note editor opened from a highlight, delete
 * with Undo, and the list of this article's highlights including those no longer found.
 */
export function UserHighlights({ article, savedId }: UserHighlightsProps) {
  const anchor = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    setBody(anchor.current?.closest('article')?.querySelector<HTMLElement>('.article__body') ?? null);
  }, []);
  const api = useUserHighlights(body, article, savedId);
  const [editing, setEditing] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<StoredHighlight | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const highlightSelection = useCallback((): boolean => {
    const range = selectionIn(body);
    if (!range) return false;
    const made = api.create(range);
    if (!made) return false;
    document.getSelection()?.removeAllRanges();
    setAnnouncement(`Highlighted: ${made.exact.slice(0, 60)}`);
    return true;
  }, [body, api.create]);
  useHighlightKey(highlightSelection);

  const open = useCallback(
    (id: string) => {
      setEditing(id);
      if (body) userMarksOf(body, id)[0]?.scrollIntoView?.({ block: 'center' });
    },
    [body],
  );
  useMarkActivation(body, open);

  const close = () => {
    const id = editing;
    void api.flush();
    setEditing(null);
    if (body && id) userMarksOf(body, id)[0]?.focus();
  };
  const remove = (id: string) => {
    const gone = api.remove(id);
    setEditing(null);
    if (!gone) return;
    setUndoable(gone);
    setAnnouncement('Highlight deleted.');
  };
  useEffect(() => {
    if (!undoable) return;
    undoButton.current?.focus();
    const timer = setTimeout(() => setUndoable(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  const edited = editing ? api.highlights.find((h) => h.id === editing) : undefined;
  return (
    <div ref={anchor} class="user-highlights-root">
      <SelectionToolbar body={body} onHighlight={highlightSelection} />
      <UserHighlightsPanel status={api.status} highlights={api.highlights} onOpen={open} onDelete={remove} />
      {edited && (
        <NoteEditor
          highlight={edited}
          onNote={(note) => api.setNote(edited.id, note)}
          onFlush={() => void api.flush()}
          onDelete={() => remove(edited.id)}
          onClose={close}
        />
      )}
      {undoable && (
        <div class="highlight-undo" role="status">
          Highlight deleted.{' '}
          <button
            type="button"
            ref={undoButton}
            data-testid="highlight-undo"
            onClick={() => {
              api.undo(undoable);
              setUndoable(null);
              setAnnouncement('Highlight restored.');
            }}
          >
            Undo
          </button>
        </div>
      )}
      <p class="visually-hidden" aria-live="polite" data-testid="user-highlights-status">
        {announcement}
      </p>
    </div>
  );
}
