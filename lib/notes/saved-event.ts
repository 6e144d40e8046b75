/**
 * "This page was saved" told across the reader: highlighting an unsaved article saves it, and the
 * Save button, which did not do the saving, shows Saved. A DOM event on the reader's own window.
 */
const EVENT = 'lede:article-saved';

interface SavedDetail {
  url: string;
  id: string;
}

/** Tells the reader that the article read at `url` is now saved as `id`. */
export function announceSaved(url: string, id: string): void {
  window.dispatchEvent(new CustomEvent<SavedDetail>(EVENT, { detail: { url, id } }));
}

/** Calls `onSaved(id)` whenever the article read at `url` is saved elsewhere in the reader. */
export function onSaved(url: string, onSaved: (id: string) => void): () => void {
  const listener = (event: Event) => {
    const { detail } = event as CustomEvent<SavedDetail>;
    if (detail?.url === url) onSaved(detail.id);
  };
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
