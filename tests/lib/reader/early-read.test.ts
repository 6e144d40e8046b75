import { afterEach, expect, test, vi } from 'vitest';
import { EXTRACT_SCRIPT, startEarlyRead, takeEarlyRead } from '@/lib/reader/early-read';

/** The two extension APIs the boot script uses, with the active tab 42. */
function fakeApi() {
  return {
    tabs: { query: vi.fn(async () => [{ id: 42 }]) },
    scripting: { executeScript: vi.fn(async () => [{ result: 'page' }]) },
  };
}
type Api = Parameters<typeof startEarlyRead>[1];

afterEach(() => {
  takeEarlyRead();
});

test('the popup injects the extraction into the active tab, and the page takes it up once', async () => {
  const api = fakeApi();
  startEarlyRead('', api as unknown as Api);
  const early = takeEarlyRead();
  expect(await early?.tabId).toBe(42);
  expect(await early?.injection).toEqual([{ result: 'page' }]);
  expect(api.scripting.executeScript).toHaveBeenCalledWith({
    target: { tabId: 42 },
    files: [EXTRACT_SCRIPT],
  });
  expect(takeEarlyRead()).toBeUndefined();
});

test('the full-tab reader injects into the tab it names; a bad tab id injects nothing', async () => {
  const api = fakeApi();
  startEarlyRead('?tab=7', api as unknown as Api);
  // At once, not after a microtask: the boot script's own work would run first.
  expect(api.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [EXTRACT_SCRIPT] });
  expect(await takeEarlyRead()?.tabId).toBe(7);
  expect(api.tabs.query).not.toHaveBeenCalled();
  startEarlyRead('?tab=7x', api as unknown as Api);
  expect(await takeEarlyRead()?.injection).toBeUndefined();
  expect(api.scripting.executeScript).toHaveBeenCalledTimes(1);
});

test('a saved article (?id=) and a page without the scripting API start nothing', () => {
  const api = fakeApi();
  startEarlyRead('?id=abc', api as unknown as Api);
  startEarlyRead('', null);
  expect(takeEarlyRead()).toBeUndefined();
  expect(api.tabs.query).not.toHaveBeenCalled();
});

test('the times the injected script reports go on the page timeline; anything else is ignored', async () => {
  performance.clearMarks();
  const api = fakeApi();
  const origin = performance.timeOrigin;
  api.scripting.executeScript.mockResolvedValueOnce([
    { result: { article: null, reason: null, ran: [origin + 5, origin + 9] } },
  ] as never);
  startEarlyRead('?tab=3', api as unknown as Api);
  await takeEarlyRead()?.injection;
  const at = (name: string) => performance.getEntriesByName(name).map((e) => Math.round(e.startTime));
  expect(at('lede:tab-script-start')).toEqual([5]);
  expect(at('lede:tab-script-end')).toEqual([9]);
  expect(at('lede:extract-result')).toHaveLength(1);

  performance.clearMarks();
  api.scripting.executeScript.mockResolvedValueOnce([{ result: { ran: ['5', null] } }] as never);
  startEarlyRead('?tab=3', api as unknown as Api);
  await takeEarlyRead()?.injection;
  expect(at('lede:tab-script-start')).toEqual([]);
  expect(at('lede:tab-script-end')).toEqual([]);
  expect(at('lede:extract-result')).toHaveLength(1);
});
