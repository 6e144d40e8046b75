// Runs as a blocking classic script, first in <head> of library.html: starts reading the newest
// saved articles from IndexedDB while the page's modules load, so the first rows paint sooner.
// No imports (a packaged classic script). Read-only: it never creates or upgrades the database.
// Article rows hold no bodies (schema v3, lib/db/schema.ts), so this reads ~1 KB per row.
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
      try {
        // The unarchived articles, newest first: the `archived` index holds 0 for them, and ids
        // sort by save time, so walking its 0 entries backwards is the library's first screen.
        const index = db.transaction('articles').objectStore('articles').index('archived');
        const newest = IDBKeyRange.only(0);
        if (typeof index.getAllRecords === 'function') {
          // One round trip where the browser has it (Chrome 141+).
          const all = index.getAllRecords({ query: newest, count: rows, direction: 'prev' });
          all.onerror = () => done(null);
          all.onsuccess = () => done(all.result.map((record) => record.value));
          return;
        }
        const found = [];
        const cursor = index.openCursor(newest, 'prev');
        cursor.onerror = () => done(null);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || found.length === rows) return done(found);
          found.push(c.value);
          c.continue();
        };
      } catch {
        done(null);
      }
    };
  });
})();
