// Runs as a blocking script in <head> of every Lede page (popup, reader, library), before anything
// paints: applies the cached reader settings (written by lib/settings.ts) so the first frame already
// has the reader's theme and text size. Classic script, no imports: MV3's CSP allows it because it
// is a packaged file.
(() => {
  const root = document.documentElement;
  let settings = {};
  try {
    settings = JSON.parse(localStorage.getItem('lede:reader-settings') || '{}') || {};
  } catch {
    // No cache yet: the CSS defaults (theme "auto") apply.
  }
  root.dataset.theme = typeof settings.theme === 'string' ? settings.theme : 'auto';
  if (typeof settings.font === 'string') root.dataset.font = settings.font;
  if (typeof settings.lineWidth === 'string') root.dataset.lineWidth = settings.lineWidth;
  if (typeof settings.lineHeight === 'string') root.dataset.lineHeight = settings.lineHeight;
  if (typeof settings.fontSize === 'number')
    root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
})();
