import '@/components/reader.css';
import { render } from 'preact';
import { MARKS, mark } from '@/lib/reader/reader-timing';
import { startReading } from '@/lib/reader/start-reading';
import { targetTabId } from '@/lib/reader/target-tab';
import { warmUpSoon } from '@/lib/reader/warm-up';
import { applySettings, cachedSettings } from '@/lib/settings/settings';
import { App } from './App';

mark(MARKS.boot);
const settings = cachedSettings();
applySettings(document.documentElement, settings);
const root = document.getElementById('app') as HTMLElement;
// `?id=<id>`: a saved article from the library (read from IndexedDB, no tab involved).
const savedId = new URLSearchParams(location.search).get('id');
if (savedId) {
  import('@/components/library/SavedReaderApp').then(({ SavedReaderApp }) =>
    render(<SavedReaderApp id={savedId} settings={settings} />, root),
  );
} else {
  const tabId = targetTabId().catch(() => undefined);
  const initial = startReading(tabId);
  render(<App tabId={tabId} initial={initial} settings={settings} />, root);
  warmUpSoon();
}
