import '@/components/reader.css';
import { render } from 'preact';
import { MARKS, mark } from '@/lib/reader/reader-timing';
import { startReading } from '@/lib/reader/start-reading';
import { targetTabId } from '@/lib/reader/target-tab';
import { warmUpSoon } from '@/lib/reader/warm-up';
import { applySettings, cachedSettings } from '@/lib/settings/settings';
import { App } from './App';

// Extraction starts before Preact renders anything, so the two overlap.
mark(MARKS.boot);
const tabId = targetTabId().catch(() => undefined);
const initial = startReading(tabId);
const settings = cachedSettings();
applySettings(document.documentElement, settings);
render(
  <App tabId={tabId} initial={initial} settings={settings} />,
  document.getElementById('app') as HTMLElement,
);
// While the tab extracts, the article's first-frame code runs once on a sample (lib/reader/warm-up).
warmUpSoon();
