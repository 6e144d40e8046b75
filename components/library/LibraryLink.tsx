import { browser } from 'wxt/browser';

/** Opens the library in a tab (from the popup, which then closes, or from the full-tab reader). */
export function LibraryLink({ closeAfter = false }: { closeAfter?: boolean }) {
  const open = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    if (closeAfter) window.close();
  };
  return (
    <button
      type="button"
      class="icon-button library-link"
      data-testid="open-library"
      title="Your library of saved articles"
      onClick={open}
    >
      <svg
        class="icon"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="1.75"
        stroke-linecap="round"
        stroke-linejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M4 4v16M9 4v16M14 5l4 15M4 20h16" />
      </svg>
      <span class="visually-hidden">Library</span>
    </button>
  );
}
