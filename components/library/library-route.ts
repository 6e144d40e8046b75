const VIEWS = ['list', 'highlights', 'people'] as const;

type LibraryView = (typeof VIEWS)[number];

/** What library.html shows, as its URL says. */
export interface LibraryRoute {
  view: LibraryView | 'person';
  /** `?person=<name or alias>`: one person's or organization's view. */
  person?: string;
}

/**
 * The route in `search` (`location.search`). A missing or unknown `?view=` opens the list, so a
 * link made by a newer version of the page still opens the library.
 */
export function parseLibraryRoute(search: string): LibraryRoute {
  const params = new URLSearchParams(search);
  const person = params.get('person')?.trim();
  if (person) return { view: 'person', person };
  const view = params.get('view');
  return { view: VIEWS.find((known) => known === view) ?? 'list' };
}
