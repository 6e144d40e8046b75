import { takeEarlyRead } from './early-read';
import { type ReadResult, readTab } from './read-tab';
import { MARKS, mark } from './reader-timing';

/**
 * Reads the tab (marking the extraction for the benchmark); a missing tab is an error state, not a
 * throw. The first call reuses the injection the boot script started if it targets the same tab.
 */
export async function startReading(tabId: Promise<number | undefined>): Promise<ReadResult> {
  const early = takeEarlyRead();
  const id = await tabId;
  if (id === undefined) return { kind: 'error', message: 'No tab to read.', timedOut: false };
  const started = early && (await early.tabId) === id ? early.injection : undefined;
  if (!started) mark(MARKS.extractStart);
  const result = await readTab(id, undefined, started);
  mark(MARKS.extractEnd);
  return result;
}
