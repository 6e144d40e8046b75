import { browser } from 'wxt/browser';

/** The full-tab reader's command in wxt.config.ts (the popup's is the built-in `_execute_action`). */
export const OPEN_READER_COMMAND = 'open-reader';

/**
 * Opens `reader.html?tab=<id>` next to the article's tab. The reader page then injects into that tab
 * itself: the activeTab grant from the toolbar click or the shortcut belongs to the extension, not to
 * the popup, so it still holds (until the article's tab navigates elsewhere or closes).
 */
export async function openReaderTab(
  articleTabId: number,
  params: Record<string, string> = {},
): Promise<void> {
  const tab = await browser.tabs.get(articleTabId).catch(() => undefined);
  // `params`: e.g. where Listen goes on reading (lib/listen/handoff.ts).
  const query = new URLSearchParams({ tab: String(articleTabId), ...params });
  await browser.tabs.create({
    url: browser.runtime.getURL(`/reader.html?${query}`),
    ...(tab ? { index: tab.index + 1, windowId: tab.windowId } : {}),
  });
}
