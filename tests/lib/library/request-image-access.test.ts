import { describe, expect, test } from 'vitest';
import {
  type PermissionsApi,
  requestImageAccess,
  type StorageArea,
  sweepImageAccess,
} from '@/lib/library/request-image-access';

/**
 * A browser's host permissions: `granted` origins, a prompt answered by `answer` (or never, until
 * the test calls `answerNow`), and the calls in the order they were made.
 */
function fakeBrowser(granted: string[], answer: boolean | 'never' = true) {
  const state = new Set(granted);
  const calls: string[] = [];
  let answerNow: (ok: boolean) => void = () => {};
  const permissions: PermissionsApi = {
    contains: async ({ origins }) => {
      calls.push(`contains ${origins}`);
      return origins.every((o) => state.has(o));
    },
    request: ({ origins }) => {
      calls.push(`request ${origins}`);
      const grant = (ok: boolean) => {
        if (ok) for (const o of origins) state.add(o);
        return ok;
      };
      if (answer === 'never') return new Promise((resolve) => (answerNow = (ok) => resolve(grant(ok))));
      return Promise.resolve(grant(answer));
    },
    remove: async ({ origins }) => {
      calls.push(`remove ${origins}`);
      for (const o of origins) state.delete(o);
      return true;
    },
  };
  const data: Record<string, unknown> = {};
  const storage: StorageArea = {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
  return { permissions, storage, state, calls, data, answerNow: (ok: boolean) => answerNow(ok) };
}

const CDN = 'https://cdn.example/*';
const OWN = 'https://news.example/*';

describe('the host permission a save asked for is given back', () => {
  test('origins granted for this save are removed after the download; one granted before stays', async () => {
    const b = fakeBrowser([OWN]);
    const access = requestImageAccess([OWN, CDN], b);
    // What was granted is read before the request, in the same tick as the click.
    expect(b.calls).toEqual([`contains ${OWN}`, `contains ${CDN}`, `request ${OWN},${CDN}`]);
    expect(await access.granted).toBe(true);
    expect([...b.state].sort()).toEqual([CDN, OWN]);
    await access.release();
    expect([...b.state]).toEqual([OWN]);
    expect(b.calls.filter((c) => c.startsWith('remove'))).toEqual([`remove ${CDN}`]);
    await access.release();
    expect(b.calls.filter((c) => c.startsWith('remove'))).toHaveLength(1);
  });

  test('nothing is removed when everything was granted before', async () => {
    const b = fakeBrowser([OWN, CDN]);
    const access = requestImageAccess([OWN, CDN], b);
    expect(await access.granted).toBe(true);
    await access.release();
    expect(b.calls.some((c) => c.startsWith('remove'))).toBe(false);
    expect([...b.state].sort()).toEqual([CDN, OWN]);
  });

  test('a prompt answered after the save gave up (cancel, closed popup) is given back too', async () => {
    const b = fakeBrowser([], 'never');
    const access = requestImageAccess([CDN], b);
    await access.release();
    b.answerNow(true);
    await expect.poll(() => b.state.has(CDN)).toBe(false);
  });

  test('a page closed before giving its grant back: the next save or reader sweeps it once it is old', async () => {
    let now = 1_000_000;
    const b = fakeBrowser([]);
    const access = requestImageAccess([CDN], { ...b, now: () => now });
    expect(await access.granted).toBe(true);
    // The popup closes here: release() never runs.
    await expect.poll(() => Object.keys((b.data['image-access-leftovers'] as object) ?? {})).toEqual([CDN]);
    await sweepImageAccess({ ...b, now: () => now + 60_000 });
    expect(b.state.has(CDN)).toBe(true); // may still be downloading
    now += 11 * 60_000;
    await sweepImageAccess({ ...b, now: () => now });
    expect(b.state.has(CDN)).toBe(false);
    expect(b.data['image-access-leftovers']).toEqual({});
  });

  test('a later save of the same site takes over a leftover grant and gives it back', async () => {
    const b = fakeBrowser([]);
    expect(await requestImageAccess([CDN], b).granted).toBe(true);
    await expect.poll(() => Object.keys((b.data['image-access-leftovers'] as object) ?? {})).toEqual([CDN]);
    // That popup closed without releasing; the next save finds CDN granted but knows it is Lede's.
    const next = requestImageAccess([CDN], b);
    expect(await next.granted).toBe(true);
    await next.release();
    expect(b.state.has(CDN)).toBe(false);
    expect(b.data['image-access-leftovers']).toEqual({});
  });

  test('no images: nothing is asked', async () => {
    const b = fakeBrowser([]);
    const access = requestImageAccess([], b);
    expect(await access.granted).toBe(true);
    await access.release();
    expect(b.calls).toEqual([]);
  });
});
