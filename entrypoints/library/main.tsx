import { render } from 'preact';
import { LibraryApp, loadFirstScreen } from '@/components/library/LibraryApp';
import '@/components/reader.css';
import '@/components/library/library.css';
import { isPeopleRoute } from '@/lib/people/people-snapshot';

// The first rows are being read already (public/library-boot.js started before this bundle
// loaded); the page renders at once and shows them when they come.
// A People view (`?view=people`, `?person=`) reads no article rows.
const firstScreen = isPeopleRoute(location.search) ? undefined : loadFirstScreen();
firstScreen?.catch(() => {}); // LibraryApp shows the error; this only silences the early rejection.
render(<LibraryApp firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
