import { render } from 'preact';
import { LibraryApp, loadFirstScreen } from '@/components/library/LibraryApp';
import { parseLibraryRoute } from '@/components/library/library-route';
import { earlyPeopleIn, PEOPLE_RENDER_MARK } from '@/lib/people/people-snapshot';
import '@/components/reader.css';
import '@/components/library/library.css';

/**
 * How long a People view's first render waits for the boot script's read: its kept first screen
 * is in a few ms after this bundle runs; the first visit since a change reads the whole index.
 */
const PEOPLE_BOOT_WAIT_MS = 30;

// The first rows are being read already (public/library-boot.js started before this bundle
// loaded); the page renders at once and shows them when they come.
// Only the list shows articles first: another view (Highlights, People, a person) does not read
// (nor load Dexie for) them.
const firstScreen = parseLibraryRoute(location.search).view === 'list' ? loadFirstScreen() : undefined;
firstScreen?.catch(() => {}); // LibraryApp shows the error; this only silences the early rejection.
const mount = () =>
  render(<LibraryApp firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
// A People view renders once the boot script's read is in (PEOPLE_BOOT_WAIT_MS at most), so its
// first frame shows the kept first screen, not "loading" and the first screen a frame or two later.
const view = parseLibraryRoute(location.search).view;
if (view === 'people' || view === 'person')
  earlyPeopleIn(PEOPLE_BOOT_WAIT_MS).then(() => {
    mount();
    performance.mark(PEOPLE_RENDER_MARK);
  });
else mount();
