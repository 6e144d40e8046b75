import { expect, test } from 'vitest';
import { waitAtMost } from '@/lib/db/open-existing';

const after = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error('read failed')) : resolve(value)), ms),
  );

test('waits for a read that comes in time, and no longer', async () => {
  const started = performance.now();
  await waitAtMost(after(10, 'rows'), 1000);
  expect(performance.now() - started).toBeLessThan(500);
});

test('gives up on a read that is late, and never rejects for one that fails', async () => {
  let late = false;
  await waitAtMost(new Promise(() => {}), 20).then(() => {
    late = true;
  });
  expect(late).toBe(true);
  await expect(waitAtMost(after(5, null, true), 1000)).resolves.toBeUndefined();
});
