import { render } from 'preact';
import { LibraryApp, loadFirstScreen } from '@/components/library/LibraryApp';
import { parseLibraryRoute } from '@/components/library/library-route';
import {
  clearSnapshot,
  showsSnapshot,
  snapshotPresented,
  takeSnapshotWhenSettled,
} from '@/lib/library/paint-snapshot';
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
/**
 * With a snapshot on screen (painted by the boot script) the first render waits longer for its
 * read rather than replace the snapshot with "Loading".
 */
const SNAPSHOT_WAIT_MS = 1000;

// The first rows are being read already (public/library-boot.js started before this bundle
// loaded); the page renders at once and shows them when they come.
// Only the list shows articles first: another view (Highlights, People, a person) does not read
// (nor load Dexie for) them.
const view = parseLibraryRoute(location.search).view;
const firstScreen = view === 'list' ? loadFirstScreen() : undefined;
firstScreen?.catch(() => {}); // LibraryApp shows the error; this only silences the early rejection.
const app = document.getElementById('app') as HTMLElement;
const snapshot = showsSnapshot(app);
// A snapshot is on the screen before the view's first render replaces it: that frame is its point.
const painted = snapshot ? snapshotPresented() : Promise.resolve();
const mount = () => {
  clearSnapshot(app);
  render(<LibraryApp firstScreen={firstScreen} />, app);
  // A view with snapshots keeps its first screen once it has settled, for the next visit's first frame.
  takeSnapshotWhenSettled(app);
};
// The Highlights view's first screen (read since the boot script) usually comes a few ms after
// this bundle: its first frame shows it rather than "Loading"; a slower read shows "Loading" after
// FIRST_READ_WAIT_MS. A People view likewise waits for its kept first screen (PEOPLE_BOOT_WAIT_MS).
if (view === 'highlights')
  Promise.all([earlyHighlightsWithin(snapshot ? SNAPSHOT_WAIT_MS : FIRST_READ_WAIT_MS), painted]).then(mount);
else if (view === 'people' || view === 'person')
  Promise.all([earlyPeopleIn(snapshot ? SNAPSHOT_WAIT_MS : PEOPLE_BOOT_WAIT_MS), painted]).then(() => {
    mount();
    performance.mark(PEOPLE_RENDER_MARK);
  });
else mount();
