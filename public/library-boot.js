// Runs as a blocking classic script in <head> of library.html: starts reading the newest saved
// articles from IndexedDB while the page's modules load, so the first rows paint sooner.
// No imports (a packaged classic script). Read-only: it never creates or upgrades the database.
(() => {
  const rows = Math.ceil(window.innerHeight / 104) + 2;
  window.__ledeFirstScreen = new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open('lede-library');
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => {
      // No library yet: do not create one (lib/db/schema.ts owns the schema); the app takes over.
      request.transaction.abort();
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      const done = (value) => {
        db.close();
        resolve(value);
      };
      if (!db.objectStoreNames.contains('articles')) return done(null);
      const found = [];
      try {
        const cursor = db.transaction('articles').objectStore('articles').openCursor(null, 'prev');
        cursor.onerror = () => done(null);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || found.length === rows) return done(found);
          if (c.value.archived === 0) found.push(c.value);
          c.continue();
        };
      } catch {
        done(null);
      }
    };
  });
})();
