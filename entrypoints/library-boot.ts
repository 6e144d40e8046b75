/**
 * Blocking script, first in <head> of library.html: starts reading the first screen of the
 * library from IndexedDB while the page's code loads, and puts the cached settings (theme) on
 * <html> before anything paints.
 */
import { defineUnlistedScript } from '#imports';
import { startFirstScreenRead } from '@/lib/db/first-screen';
import { startHighlightsRead } from '@/lib/notes/read-highlights';
import { isPeopleRoute, startPeopleRead } from '@/lib/people/people-snapshot';
import { applyCachedSettings } from '@/lib/settings/settings-core';

export default defineUnlistedScript(() => {
  const route = new URLSearchParams(location.search);
  // The Highlights view (lib/notes) reads highlights, a People view (lib/people) the people
  // index, instead of the first rows of articles.
  if (route.get('view') === 'highlights') startHighlightsRead();
  else if (isPeopleRoute(location.search)) startPeopleRead();
  else startFirstScreenRead();
  applyCachedSettings();
});
