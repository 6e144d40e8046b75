import { browser } from 'wxt/browser';

/**
 * The tab a reader page reads: `?tab=<id>` (the full-tab reader, tests), else the active tab of the
 * current window (the popup opened from the toolbar or by Alt+Shift+R).
 */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : undefined;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
