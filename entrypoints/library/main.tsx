import { render } from 'preact';
import { LibraryApp, loadFirstScreen } from '@/components/library/LibraryApp';
import { parseLibraryRoute } from '@/components/library/library-route';
import { earlyHighlightsWithin } from '@/lib/notes/read-highlights';
import { earlyPeopleIn, PEOPLE_RENDER_MARK } from '@/lib/people/people-snapshot';
import '@/components/reader.css';
import '@/components/library/library.css';

/** How long the Highlights view waits for its first screen before rendering its loading state. */
const FIRST_READ_WAIT_MS = 100;
/**
 * How long a People view's first render waits for the boot script's read: its kept first screen
 * is in a few ms after this bundle runs; the first visit since a change reads the whole index.
 */
const PEOPLE_BOOT_WAIT_MS = 30;

// The first rows are being read already (public/library-boot.js started before this bundle
// loaded); the page renders at once and shows them when they come.
// Only the list shows articles first: another view (Highlights, People, a person) does not read
// (nor load Dexie for) them.
const view = parseLibraryRoute(location.search).view;
const firstScreen = view === 'list' ? loadFirstScreen() : undefined;
firstScreen?.catch(() => {}); // LibraryApp shows the error; this only silences the early rejection.
const mount = () =>
  render(<LibraryApp firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
// The Highlights view's first screen (read since the boot script) usually comes a few ms after
// this bundle: its first frame shows it rather than "Loading"; a slower read shows "Loading" after
// FIRST_READ_WAIT_MS. A People view likewise waits for its kept first screen (PEOPLE_BOOT_WAIT_MS).
if (view === 'highlights') earlyHighlightsWithin(FIRST_READ_WAIT_MS).then(mount);
else if (view === 'people' || view === 'person')
  earlyPeopleIn(PEOPLE_BOOT_WAIT_MS).then(() => {
    mount();
    performance.mark(PEOPLE_RENDER_MARK);
  });
else mount();
