/**
 * Paint snapshots: the first screen of a library view as it last settled, kept as HTML in
 * `localStorage` and painted by the page's boot script before any of the page's code or
 * IndexedDB has loaded. A snapshot is only ever painted if no write touched the tables its view
 * reads since it was taken (lib/db/write-generations.ts), and only taken if none did since the
 * page noted those tables' generations, before its first read: so it shows what the library
 * holds, never what it held. It is marked `data-state="snapshot"` until the view's own first
 * render replaces it, once it has been presented; the view reads and shows the library as always.
 *
 * Only for views whose first screen is text (People, a person, Highlights): the list's rows carry
 * images whose object URLs do not outlive the page.
 */
import { SCHEMA_VERSION } from '../db/db-name';
import { pageStorage, readGenerations, TRUSTED_PREFIX } from '../db/write-generations';
import { HIGHLIGHTS_STORES, isHighlightsRoute } from '../notes/read-highlights';
import { isPeopleRoute, PEOPLE_STORES } from '../people/people-snapshot';
import { afterNextPaint } from '../reader/reader-timing';

const INDEX_KEY = `${TRUSTED_PREFIX}index`;
/**
 * Views (URLs) with a snapshot kept, the most recent first; older ones are dropped. Few and small:
 * every extension page that reads `localStorage` (the reader's settings) loads all of it.
 */
const MAX_SNAPSHOTS = 8;
/** A snapshot covers the view down to this many screen heights. */
const SCREENS = 1.5;
/** Past this a snapshot is not kept (first screens are 5–20 KB). */
const MAX_HTML = 64_000;
/** Marked on the page's timeline (the benches read it) when a snapshot is painted. */
export const SNAPSHOT_MARK = 'lede:snapshot-painted';
/** The `data-state` of a painted snapshot's view root. */
const SNAPSHOT_STATE = 'snapshot';
/** A view's root says, in `data-state`, that it is still on its way. */
const UNSETTLED = new Set(['loading', 'partial', 'error', SNAPSHOT_STATE]);

interface Kept {
  schema: number;
  generations: string;
  html: string;
}

interface Noted {
  key: string;
  tables: readonly string[];
  generations: string;
}

const holder = globalThis as { __ledeSnapshot?: Noted };

/** The tables the view at `search` (library.html's query) reads, or null if it keeps no snapshot. */
export function snapshotTables(search: string): readonly string[] | null {
  if (isPeopleRoute(search)) return PEOPLE_STORES;
  if (isHighlightsRoute(search)) return HIGHLIGHTS_STORES;
  return null;
}

/**
 * Notes the generations of the tables this page's view reads (the boot script, before the page
 * reads anything): a snapshot taken later is kept only if they are unchanged then.
 */
export function noteGenerations(search = location.search, storage = pageStorage()): void {
  const tables = snapshotTables(search);
  const generations = tables && readGenerations(tables, storage);
  if (tables && generations !== null)
    holder.__ledeSnapshot = { key: TRUSTED_PREFIX + search, tables, generations };
}

function readKept(storage: Storage, key: string): Kept | null {
  try {
    const kept = JSON.parse(storage.getItem(key) ?? 'null') as Partial<Kept> | null;
    return kept && typeof kept.html === 'string' && typeof kept.generations === 'string'
      ? (kept as Kept)
      : null;
  } catch {
    return null;
  }
}

/**
 * Paints this page's snapshot into `app`, if one is kept and still true (no write to its tables
 * since, the same schema). True when it did.
 */
export function paintSnapshot(app: HTMLElement, storage = pageStorage()): boolean {
  const noted = holder.__ledeSnapshot;
  if (!noted || !storage) return false;
  const kept = readKept(storage, noted.key);
  if (!kept || kept.schema !== SCHEMA_VERSION || kept.generations !== readGenerations(noted.tables, storage))
    return false;
  app.innerHTML = kept.html;
  app.dataset.snapshot = '';
  performance.mark(SNAPSHOT_MARK);
  return true;
}

/** Whether `app` shows a snapshot (painted by `paintSnapshot`, not yet replaced). */
export function showsSnapshot(app: HTMLElement): boolean {
  return app.dataset.snapshot !== undefined;
}

/**
 * Resolves once the page's first contentful frame (the snapshot) has been presented, or after
 * `maxMs`: the view's first render waits for it, so it never replaces a snapshot still on its way
 * to the screen (the browser then drops that frame's paint timings too).
 */
export function snapshotPresented(maxMs = 150): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    try {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the time limit decides.
    }
  });
}

/** Empties `app` of its snapshot, for the view's first render. */
export function clearSnapshot(app: HTMLElement): void {
  if (!showsSnapshot(app)) return;
  app.replaceChildren();
  delete app.dataset.snapshot;
}

/**
 * A copy of `live` without what lies below `limit` (document coordinates): every element that
 * starts below it is dropped, with its subtree.
 */
export function cutBelow(live: Element, limit: number, scrollY = 0): Element {
  const copy = live.cloneNode(true) as Element;
  const prune = (from: Element, into: Element) => {
    const copies = Array.from(into.children);
    Array.from(from.children).forEach((child, i) => {
      if (child.getBoundingClientRect().top + scrollY > limit) copies[i].remove();
      else prune(child, copies[i]);
    });
  };
  prune(live, copy);
  return copy;
}

/** The HTML kept for `app`'s view: its first screens, marked as a snapshot. */
export function snapshotHtml(app: HTMLElement, win: Window = window): string {
  const copy = cutBelow(app, win.innerHeight * SCREENS, win.scrollY);
  const root = copy.querySelector('[data-state]');
  root?.setAttribute('data-state', SNAPSHOT_STATE);
  root?.setAttribute('aria-busy', 'true');
  return copy.innerHTML;
}

function keep(storage: Storage, key: string, kept: Kept): void {
  try {
    const index = (JSON.parse(storage.getItem(INDEX_KEY) ?? '[]') as unknown[]).filter(
      (other): other is string => typeof other === 'string' && other !== key,
    );
    for (const dropped of index.splice(MAX_SNAPSHOTS - 1)) storage.removeItem(dropped);
    storage.setItem(key, JSON.stringify(kept));
    storage.setItem(INDEX_KEY, JSON.stringify([key, ...index]));
  } catch {
    // Storage full: this view paints from IndexedDB as before.
    storage.removeItem(key);
  }
}

/**
 * Keeps `app`'s first screen as this page's snapshot, unless a write touched its tables since the
 * page noted their generations (then what it shows may already be out of date). True when kept.
 */
export function takeSnapshot(app: HTMLElement, storage = pageStorage(), win: Window = window): boolean {
  const noted = holder.__ledeSnapshot;
  if (!noted || !storage || readGenerations(noted.tables, storage) !== noted.generations) return false;
  const html = snapshotHtml(app, win);
  if (html.length > MAX_HTML) return false;
  keep(storage, noted.key, { schema: SCHEMA_VERSION, generations: noted.generations, html });
  return true;
}

/** The state the view's root (the first element with `data-state` in `app`) is in. */
function viewState(app: HTMLElement): string | null {
  return app.querySelector('[data-state]')?.getAttribute('data-state') ?? null;
}

/**
 * Takes the snapshot once `app`'s view has settled (its root's `data-state` is none of loading,
 * partial, error), after the frame that shows it: before the reader can scroll or search it, and
 * before a page closed soon after could lose it. Only on a page that noted generations.
 */
export function takeSnapshotWhenSettled(app: HTMLElement): void {
  if (!holder.__ledeSnapshot) return;
  const take = () => afterNextPaint().then(() => takeSnapshot(app));
  const settled = () => {
    const state = viewState(app);
    return state !== null && !UNSETTLED.has(state);
  };
  if (settled()) {
    take();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!settled()) return;
    observer.disconnect();
    take();
  });
  observer.observe(app, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state'],
  });
}
