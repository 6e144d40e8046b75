import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { OPEN_READER_COMMAND, openReaderTab } from '@/lib/reader/open-reader-tab';

export default defineBackground(() => {
  // Pressing the shortcut grants activeTab for the active tab, exactly like a toolbar click; the
  // reader page opened here injects into that tab with the grant (see lib/reader/open-reader-tab.ts).
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== OPEN_READER_COMMAND) return;
    const target =
      tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id !== undefined) await openReaderTab(target.id);
  });
});
