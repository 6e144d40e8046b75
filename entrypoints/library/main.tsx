import { render } from 'preact';
import { LibraryApp, loadFirstScreen } from '@/components/library/LibraryApp';
import '@/components/reader.css';
import '@/components/library/library.css';

// The first rows are read while Preact boots (the database opens in parallel with rendering).
const firstScreen = loadFirstScreen();
firstScreen.catch(() => {}); // LibraryApp shows the error; this only silences the early rejection.
render(<LibraryApp firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
