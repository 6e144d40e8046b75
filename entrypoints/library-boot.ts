/**
 * Blocking script, first in <head> of library.html: starts reading the first screen of the
 * library from IndexedDB while the page's code loads, puts the cached settings (theme) on <html>
 * before anything paints, and paints the view's snapshot (lib/library/paint-snapshot.ts) as soon
 * as the page's body is parsed, if one is kept and still true.
 */
import { defineUnlistedScript } from '#imports';
import { startFirstScreenRead } from '@/lib/db/first-screen';
import { noteGenerations, paintSnapshot } from '@/lib/library/paint-snapshot';
import { isHighlightsRoute, startHighlightsRead } from '@/lib/notes/read-highlights';
import { isPeopleRoute, startPeopleRead } from '@/lib/people/people-snapshot';
import { applyCachedSettings } from '@/lib/settings/settings-core';

export default defineUnlistedScript(() => {
  // Before any read: a snapshot taken from what this page reads is kept only if no write came since.
  noteGenerations();
  // The Highlights view (lib/notes) reads highlights, a People view (lib/people) the people
  // index, instead of the first rows of articles.
  if (isHighlightsRoute(location.search)) startHighlightsRead();
  else if (isPeopleRoute(location.search)) startPeopleRead();
  else startFirstScreenRead();
  applyCachedSettings();
  // The body is parsed ("interactive") before the page's module runs: the snapshot paints then.
  document.addEventListener('readystatechange', function paint() {
    document.removeEventListener('readystatechange', paint);
    const app = document.getElementById('app');
    if (app) paintSnapshot(app);
  });
});
