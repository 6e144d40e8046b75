// Runs as a blocking script in <head> of the reader pages, before anything paints: applies the
// cached reader settings (written by lib/settings.ts) so the first frame already has the reader's
// theme and text size. Classic script, no imports: MV3's CSP allows it because it is a packaged file.
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

// Starts the extraction now, while the reader's bundle is still loading: the popup paints its article
// as soon as both are ready instead of one after the other. lib/start-reading.ts picks the promise up
// (and still checks the tab's URL, maps refusals and bounds the wait); ?id= pages (saved articles)
// and anything without the scripting API skip this.
(() => {
  const api = globalThis.browser?.scripting ? globalThis.browser : globalThis.chrome;
  const params = new URLSearchParams(location.search);
  if (!api?.scripting || params.has('id')) return;
  const param = params.get('tab');
  const tabId =
    param === null
      ? api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id)
      : Promise.resolve(/^\d+$/.test(param) ? Number(param) : undefined);
  const injection = tabId.then((id) => {
    if (id === undefined) return undefined;
    performance.mark('lede:extract-start');
    return api.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/extract.js'] });
  });
  // Handled by whoever consumes it; this only keeps an unconsumed refusal out of the console.
  injection.catch(() => {});
  globalThis.__ledeEarlyRead = { tabId, injection };
})();
