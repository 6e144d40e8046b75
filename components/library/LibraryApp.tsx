import type { ArticleSummary } from '@/lib/db/summary';
import { HighlightsView } from '../notes/HighlightsView';
import { LibraryListView } from './LibraryListView';
import { parseLibraryRoute } from './library-route';
import { PeopleView } from './PeopleView';
import { PersonView } from './PersonView';

export { loadFirstScreen } from './load-library';
export { FIRST_ROWS_MARK, IDS_MARK } from './use-library-list';

export interface LibraryAppProps {
  /** The newest rows of the unfiltered library, being read (`loadFirstScreen`). */
  firstScreen?: Promise<ArticleSummary[]>;
}

/** library.html: the view its URL asks for. */
export function LibraryApp({ firstScreen }: LibraryAppProps) {
  const route = parseLibraryRoute(location.search);
  switch (route.view) {
    case 'list':
      return <LibraryListView firstScreen={firstScreen} />;
    case 'highlights':
      return <HighlightsView />;
    case 'people':
      return <PeopleView />;
    case 'person':
      return <PersonView name={route.person ?? ''} />;
  }
}
