// Runs as a blocking script in <head> of the reader pages (popup.html, reader.html; not the library):
// starts the extraction now, while the reader's bundle is still loading, so the popup paints its
// article as soon as both are ready instead of one after the other. lib/start-reading.ts picks the promise up
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
