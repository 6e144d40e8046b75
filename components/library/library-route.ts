const VIEWS = ['list', 'highlights'] as const;

type LibraryView = (typeof VIEWS)[number];

/** What library.html shows, as its URL says. */
export interface LibraryRoute {
  view: LibraryView;
}

/**
 * The route in `search` (`location.search`). A missing or unknown `?view=` opens the list, so a
 * link made by a newer version of the page still opens the library.
 */
export function parseLibraryRoute(search: string): LibraryRoute {
  const view = new URLSearchParams(search).get('view');
  return { view: VIEWS.find((known) => known === view) ?? 'list' };
}
