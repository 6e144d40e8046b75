import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The e2e build (`NODE_ENV=production wxt build --mode e2e`: without NODE_ENV a mode other than
 * "production" would compile Preact for development) differs from production in one way only: host
 * permissions for the loopback fixture server. A popup opened as a tab by a test never gets
 * the activeTab grant a real toolbar click gives, so without them `executeScript` is refused.
 */
const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
/**
 * The extension pages' CSP, stricter than the MV3 default: only Lede's own scripts, no plugins,
 * no `<base>` (it would re-point every relative URL), no form submission anywhere. Images and
 * media are not restricted here: the reader shows the article's own (lib/sanitize decides which).
 */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
/** The Firefox e2e build's test route into the extension (see below); production has none. */
const E2E_PAGES = ['popup.html', 'reader.html', 'library.html'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, mode }) => ({
    name: 'Lede',
    description: 'Read the news without the clutter: clean articles, who said what, and an offline library.',
    // unlimitedStorage: saved articles and their images must not be evicted or capped.
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Asked for only when saving an article whose images are on other hosts, and given back after
    // the download (lib/library/request-image-access.ts). http(s) only: never file: or other schemes.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(mode === 'e2e'
      ? {
          host_permissions: E2E_HOSTS,
          // Firefox e2e only (tests/e2e/firefox-smoke.test.ts): WebDriver BiDi may not open moz-extension://
          // pages, but a loopback fixture page may navigate itself to a web-accessible one.
          ...(browser === 'firefox'
            ? { web_accessible_resources: [{ resources: E2E_PAGES, matches: E2E_HOSTS }] }
            : {}),
        }
      : {}),
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open Lede on this page',
      },
      // A second command may not reuse a key the browser or the first command has; Alt+Shift+F is
      // free in Chrome and Firefox. Both are changeable at chrome://extensions/shortcuts.
      'open-reader': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open the article in a full-tab reader',
      },
    },
    // Firefox 128 is the first to support optional_host_permissions in MV3 (asked for when saving images).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'lede@lede.example', strict_min_version: '128.0' } } }
      : {}),
  }),
});
