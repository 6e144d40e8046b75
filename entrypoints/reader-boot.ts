/**
 * Blocking script in <head> of the reader pages (popup.html, reader.html), before anything
 * paints: the cached settings go onto <html> (no flash of the wrong theme), and the extraction
 * starts in the tab while the page's bundle is still loading.
 */
import { defineUnlistedScript } from '#imports';
import { startEarlyRead } from '@/lib/reader/early-read';
import { applyCachedSettings } from '@/lib/settings/settings-core';

export default defineUnlistedScript(() => {
  // The extraction first: it is the longest step, and it runs in the tab, beside this page.
  startEarlyRead();
  applyCachedSettings();
});
