import { browser } from 'wxt/browser';

/**
 * The key the user has for `command` now (they may have changed or cleared it at
 * chrome://extensions/shortcuts), for tooltips; undefined when unassigned or unknown.
 */
export async function commandShortcut(command: string): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === command)?.shortcut || undefined;
  } catch {
    return undefined;
  }
}
