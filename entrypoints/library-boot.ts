/**
 * Blocking script, first in <head> of library.html: starts reading the first screen of the
 * library from IndexedDB while the page's code loads, and puts the cached settings (theme) on
 * <html> before anything paints.
 */
import { defineUnlistedScript } from '#imports';
import { startFirstScreenRead } from '@/lib/db/first-screen';
import { startHighlightsRead } from '@/lib/notes/read-highlights';
import { applyCachedSettings } from '@/lib/settings/settings-core';

export default defineUnlistedScript(() => {
  // The Highlights view (lib/notes) reads highlights instead of the first articles.
  if (new URLSearchParams(location.search).get('view') === 'highlights') startHighlightsRead();
  else startFirstScreenRead();
  applyCachedSettings();
});
