import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { newArticleId } from '@/lib/db/articles';
import { libraryDb } from '@/lib/db/library-db';
import type { Article } from '@/lib/extract/article';
import { buildTextMap } from '@/lib/highlight/text-map';
import {
  articleHighlights,
  deleteHighlight,
  reanchor,
  restoreHighlight,
  setHighlightNote,
} from '@/lib/notes/highlights-db';
import { rangeOffsets } from '@/lib/notes/range-offsets';
import { onSaved } from '@/lib/notes/saved-event';
import type { StoredHighlight } from '@/lib/notes/stored-highlight';
import { describeQuote } from '@/lib/notes/text-quote';
import { applyUserMarks, removeUserMarks, USER_MARK } from '@/lib/notes/user-marks';
import { savedArticleId, saveForHighlight } from './save-for-highlight';

export type HighlightsStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'error'; message: string; retry: () => void };

export interface UserHighlightsApi {
  status: HighlightsStatus;
  /** Every highlight of the article, in text order; orphaned ones included. */
  highlights: StoredHighlight[];
  /** Highlights the reader's selection (a Range inside the body); null if it covers no text. */
  create: (range: Range) => StoredHighlight | null;
  /** Sets the note at once on screen; stored shortly after the last change, or on `flush`. */
  setNote: (id: string, note: string) => void;
  /** Stores a pending note now (the editor lost focus or closed). */
  flush: () => Promise<void>;
  /** Deletes a highlight; returns it for `undo`. */
  remove: (id: string) => StoredHighlight | undefined;
  undo: (highlight: StoredHighlight) => void;
}

const NOTE_SAVE_MS = 300;

function byPosition(a: StoredHighlight, b: StoredHighlight): number {
  return a.start - b.start || a.end - b.end;
}

/** What the marks depend on: placement and note presence, not the note's words. */
function marksKey(highlights: readonly StoredHighlight[]): string {
  return highlights
    .filter((h) => !h.orphaned)
    .map((h) => `${h.id}:${h.start}:${h.end}:${h.note.trim() ? 1 : 0}`)
    .join(',');
}

/** Wraps `highlights` in the body anew, as marks innermost (inside quote and name marks). */
function paint(body: HTMLElement, highlights: readonly StoredHighlight[]): void {
  removeUserMarks(body);
  const placed = highlights
    .filter((h) => !h.orphaned)
    .map((h) => ({ id: h.id, start: h.start, end: h.end, hasNote: !!h.note.trim() }));
  if (placed.length) applyUserMarks(body, buildTextMap(body), placed);
}

/** The body's marks are gone (its HTML was replaced) or no longer innermost (quotes re-wrapped). */
function needsRepaint(body: HTMLElement, expected: number): boolean {
  const marks = body.querySelectorAll(`mark[${USER_MARK}]`).length;
  return (expected > 0 && marks === 0) || !!body.querySelector(`mark[${USER_MARK}] [data-lede-highlight]`);
}

/**
 * The reader's highlights of the article in `body`: read from the library (re-anchored in the
 * text as it is now, changes stored), drawn as marks and kept drawn when the body is re-wrapped,
 * and written as they change. Highlighting an unsaved article saves its text first.
 */
export function useUserHighlights(
  body: HTMLElement | null,
  article: Article,
  savedId: string | undefined,
): UserHighlightsApi {
  const db = libraryDb();
  const [status, setStatus] = useState<HighlightsStatus>({ state: 'loading' });
  const [highlights, setHighlights] = useState<StoredHighlight[]>([]);
  const current = useRef(highlights);
  current.current = highlights;
  const articleId = useRef<Promise<string> | null>(savedId ? Promise.resolve(savedId) : null);

  const fail = useCallback((message: string, retry: () => void) => {
    setStatus({ state: 'error', message, retry });
  }, []);

  const load = useCallback(async () => {
    if (!body) return;
    setStatus({ state: 'loading' });
    try {
      const id = savedId ?? (await savedArticleId(article));
      if (id) articleId.current ??= Promise.resolve(id);
      const stored = id ? await articleHighlights(db, id) : [];
      const changed = reanchor(buildTextMap(body).text, stored);
      if (changed.length) await db.highlights.bulkPut(changed);
      const updated = new Map(changed.map((h) => [h.id, h]));
      setHighlights(stored.map((h) => updated.get(h.id) ?? h).sort(byPosition));
      setStatus({ state: 'ready' });
    } catch (error) {
      fail(`Your highlights could not be read: ${String(error)}`, () => void load());
    }
  }, [body, article, savedId, db, fail]);

  useEffect(() => {
    void load();
    // Saved with the Save button meanwhile: new highlights go to that article.
    return onSaved(article.url, (id) => {
      articleId.current ??= Promise.resolve(id);
    });
  }, [load, article.url]);

  const key = useMemo(() => marksKey(highlights), [highlights]);
  useLayoutEffect(() => {
    if (!body) return;
    paint(body, current.current);
    const expected = current.current.filter((h) => !h.orphaned).length;
    const observer = new MutationObserver(() => {
      if (!needsRepaint(body, expected)) return;
      paint(body, current.current);
      observer.takeRecords();
    });
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [body, key]);

  const edits = useHighlightEdits({ body, article, savedId, articleId, current, setHighlights, fail, load });
  return { status, highlights, ...edits };
}

interface EditDeps {
  body: HTMLElement | null;
  article: Article;
  savedId: string | undefined;
  /** The article's library id once known (or being saved). */
  articleId: { current: Promise<string> | null };
  current: { readonly current: StoredHighlight[] };
  setHighlights: (update: (list: StoredHighlight[]) => StoredHighlight[]) => void;
  fail: (message: string, retry: () => void) => void;
  load: () => Promise<void>;
}

/** Creating, noting, deleting and restoring highlights: on screen at once, then in the library. */
function useHighlightEdits({
  body,
  article,
  savedId,
  articleId,
  current,
  setHighlights,
  fail,
  load,
}: EditDeps) {
  const db = libraryDb();
  const pendingNote = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  /** The article's library id, saving it (text only) on the first highlight. */
  const idOfArticle = useCallback((): Promise<string> => {
    articleId.current ??= saveForHighlight(article);
    return articleId.current;
  }, [article]);

  const persist = useCallback(
    (highlight: StoredHighlight, write: (id: string) => Promise<unknown>, what: string) => {
      idOfArticle()
        .then(write)
        .catch((error: unknown) => {
          // The next highlight tries the save again.
          if (!savedId) articleId.current = null;
          fail(`${what}: ${String(error)}`, () => void load());
        });
      return highlight;
    },
    [idOfArticle, savedId, fail, load],
  );

  const create = useCallback(
    (range: Range): StoredHighlight | null => {
      if (!body) return null;
      const map = buildTextMap(body);
      const at = rangeOffsets(map, range);
      if (!at) return null;
      const now = Date.now();
      const highlight: StoredHighlight = {
        ...describeQuote(map.text, at.start, at.end),
        id: newArticleId(now),
        articleId: '',
        note: '',
        orphaned: 0,
        createdAt: now,
        updatedAt: now,
      };
      setHighlights((list) => [...list, highlight].sort(byPosition));
      return persist(
        highlight,
        (articleId) => db.highlights.add({ ...highlight, articleId }),
        'The highlight could not be saved',
      );
    },
    [body, db, persist],
  );

  const storeNote = useCallback(
    (id: string) => {
      pendingNote.current.delete(id);
      const note = current.current.find((h) => h.id === id)?.note ?? '';
      return setHighlightNote(db, id, note).catch((error: unknown) =>
        fail(`The note could not be saved: ${String(error)}`, () => void load()),
      );
    },
    [db, fail, load],
  );

  const setNote = useCallback(
    (id: string, note: string) => {
      setHighlights((list) => list.map((h) => (h.id === id ? { ...h, note, updatedAt: Date.now() } : h)));
      clearTimeout(pendingNote.current.get(id));
      // After the highlight itself is stored: the note updates that row.
      pendingNote.current.set(
        id,
        setTimeout(() => void idOfArticle().then(() => storeNote(id)), NOTE_SAVE_MS),
      );
    },
    [idOfArticle, storeNote],
  );

  const flush = useCallback(async () => {
    const ids = [...pendingNote.current.keys()];
    for (const id of ids) clearTimeout(pendingNote.current.get(id));
    await idOfArticle().catch(() => undefined);
    await Promise.all(ids.map(storeNote));
  }, [idOfArticle, storeNote]);

  const remove = useCallback(
    (id: string) => {
      const gone = current.current.find((h) => h.id === id);
      clearTimeout(pendingNote.current.get(id));
      pendingNote.current.delete(id);
      setHighlights((list) => list.filter((h) => h.id !== id));
      if (gone) persist(gone, () => deleteHighlight(db, id), 'The highlight could not be deleted');
      return gone;
    },
    [db, persist],
  );

  const undo = useCallback(
    (highlight: StoredHighlight) => {
      setHighlights((list) => [...list, highlight].sort(byPosition));
      persist(
        highlight,
        (articleId) => restoreHighlight(db, { ...highlight, articleId }),
        'The highlight could not be restored',
      );
    },
    [db, persist],
  );

  return { create, setNote, flush, remove, undo };
}
