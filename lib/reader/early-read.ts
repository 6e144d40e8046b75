/**
 * The reader pages' head start: their boot script (entrypoints/reader-boot.ts) injects the
 * extraction into the tab while the page's bundle is still loading, and lib/reader/start-reading.ts takes
 * that injection up. No runtime imports beyond these constants: it runs before anything paints.
 */
import type { browser } from 'wxt/browser';
import type { ExtractedPage } from '../extract/extract-article';
import type { InjectionResults } from './read-tab';
import { MARKS, mark, markAt } from './reader-timing';

/** The extraction script injected into the tab (built from entrypoints/extract.ts, an unlisted script). */
export const EXTRACT_SCRIPT = '/extract.js';

/** What the injected script hands back: the page, and when its work started and ended in the tab (epoch ms). */
export type InjectedPage = ExtractedPage & { ran?: [number, number] };

/** Marks when the result arrived, and when the script ran in the tab (see `InjectedPage.ran`). */
export function markInjection(results: InjectionResults | undefined): void {
  mark(MARKS.extractResult);
  const ran = (results?.[0]?.result as InjectedPage | null | undefined)?.ran;
  if (!Array.isArray(ran)) return;
  markAt(MARKS.tabScriptStart, ran[0]);
  markAt(MARKS.tabScriptEnd, ran[1]);
}

interface EarlyRead {
  tabId: Promise<number | undefined>;
  injection: Promise<InjectionResults | undefined>;
}

type ExtensionApi = Pick<typeof browser, 'scripting' | 'tabs'>;

const holder = globalThis as { __ledeEarlyRead?: EarlyRead };

/** The extension API as the page has it (no polyfill this early), if any. */
function extensionApi(): ExtensionApi | null {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (scope.browser?.scripting ? scope.browser : scope.chrome) ?? null;
}

/**
 * Starts the extraction for this reader page: the tab in `?tab=`, else the active tab (the
 * popup). Saved articles (`?id=`) and pages without the scripting API skip it.
 */
export function startEarlyRead(search = location.search, api: ExtensionApi | null = extensionApi()): void {
  const params = new URLSearchParams(search);
  if (!api?.scripting || params.has('id')) return;
  const param = params.get('tab');
  const inject = (id: number | undefined) => {
    if (id === undefined) return undefined;
    mark(MARKS.extractStart);
    return api.scripting.executeScript({ target: { tabId: id }, files: [EXTRACT_SCRIPT] }).then((results) => {
      markInjection(results as InjectionResults);
      return results;
    }) as Promise<InjectionResults>;
  };
  let tabId: Promise<number | undefined>;
  let injection: Promise<InjectionResults | undefined>;
  if (param === null) {
    tabId = api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id);
    injection = tabId.then(inject);
  } else {
    // A named tab is injected into at once, before the boot script goes on (its settings read
    // from localStorage can take milliseconds on a fresh page), not a microtask later.
    const id = /^\d+$/.test(param) ? Number(param) : undefined;
    tabId = Promise.resolve(id);
    injection = Promise.resolve(inject(id));
  }
  // Handled by whoever takes it; this only keeps an unconsumed refusal out of the console.
  injection.catch(() => {});
  holder.__ledeEarlyRead = { tabId, injection };
}

/** The injection the boot script started for this page, once (a retry injects again). */
export function takeEarlyRead(): EarlyRead | undefined {
  const early = holder.__ledeEarlyRead;
  holder.__ledeEarlyRead = undefined;
  return early;
}
