import { type ReadResult, readTab } from './read-tab';
import { MARKS, mark } from './reader-timing';

/** Reads the tab (marking the extraction for the benchmark); a missing tab is an error state, not a throw. */
export async function startReading(tabId: Promise<number | undefined>): Promise<ReadResult> {
  const id = await tabId;
  if (id === undefined) return { kind: 'error', message: 'No tab to read.', timedOut: false };
  mark(MARKS.extractStart);
  const result = await readTab(id);
  mark(MARKS.extractEnd);
  return result;
}
