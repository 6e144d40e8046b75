import { afterEach, expect, test, vi } from 'vitest';
import { earlyPeopleIn, type PeopleBoot, peekEarlyPeople } from '@/lib/people/people-snapshot';

/** Puts a boot read on the page as library-boot.js does (startPeopleRead), resolved by the test. */
function bootRead() {
  let resolve!: (done: PeopleBoot | null) => void;
  const early: { read: Promise<PeopleBoot | null>; done?: PeopleBoot | null } = {
    read: new Promise((r) => {
      resolve = r;
    }),
  };
  early.read.then((done) => {
    early.done = done;
  });
  (globalThis as { __ledePeople?: typeof early }).__ledePeople = early;
  return resolve;
}

const kept: PeopleBoot = {
  summary: { key: 'list', token: 't1', people: [], organizations: [] },
};

afterEach(() => {
  vi.useRealTimers();
  (globalThis as { __ledePeople?: unknown }).__ledePeople = undefined;
});

test('the first render waits for the boot read: once it is in, the kept first screen is there to render', async () => {
  vi.useFakeTimers();
  const resolve = bootRead();
  let waited = false;
  const wait = earlyPeopleIn(30).then(() => {
    waited = true;
  });
  await vi.advanceTimersByTimeAsync(5);
  expect(waited).toBe(false);
  resolve(kept);
  await wait;
  expect(peekEarlyPeople()).toEqual(kept);
});

test('a slow boot read (the whole index, after a change) does not hold the first render past the limit', async () => {
  vi.useFakeTimers();
  bootRead();
  let waited = false;
  earlyPeopleIn(30).then(() => {
    waited = true;
  });
  await vi.advanceTimersByTimeAsync(29);
  expect(waited).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(waited).toBe(true);
  expect(peekEarlyPeople()).toBeUndefined();
});

test('no wait without a boot read, nor once it is in', async () => {
  vi.useFakeTimers();
  let waited = 0;
  await earlyPeopleIn(30).then(() => waited++);
  const resolve = bootRead();
  resolve(null);
  await Promise.resolve();
  await earlyPeopleIn(30).then(() => waited++);
  expect(waited).toBe(2);
});
