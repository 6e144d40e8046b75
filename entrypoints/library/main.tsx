import { render } from 'preact';
import { LibraryApp, loadFirstScreen } from '@/components/library/LibraryApp';
import { parseLibraryRoute } from '@/components/library/library-route';
import '@/components/reader.css';
import '@/components/library/library.css';

// The first rows are being read already (public/library-boot.js started before this bundle
// loaded); the page renders at once and shows them when they come.
// Only the list shows articles first: another view (Highlights, People, a person) does not read
// (nor load Dexie for) them.
const firstScreen = parseLibraryRoute(location.search).view === 'list' ? loadFirstScreen() : undefined;
firstScreen?.catch(() => {}); // LibraryApp shows the error; this only silences the early rejection.
render(<LibraryApp firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
