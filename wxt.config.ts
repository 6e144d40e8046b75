import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The e2e build (`wxt build --mode e2e`) differs from production in one way only: host
 * permissions for the loopback fixture server. A popup opened as a tab by a test never gets
 * the activeTab grant a real toolbar click gives, so without them `executeScript` is refused.
 */
const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

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
    // Asked for only when saving an article whose images are on other hosts (see lib/library/save-article.ts).
    optional_host_permissions: ['<all_urls>'],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOSTS } : {}),
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
