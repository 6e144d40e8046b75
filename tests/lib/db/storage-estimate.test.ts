import { afterEach, expect, test, vi } from 'vitest';
import { formatBytes, storageEstimate } from '@/lib/db/storage-estimate';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('storage use comes from the Storage API, or null without it', async () => {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 12_400_000, quota: 9e12 }) } });
  expect(await storageEstimate()).toEqual({ usage: 12_400_000, quota: 9e12 });
  vi.stubGlobal('navigator', {});
  expect(await storageEstimate()).toBeNull();
});

test('bytes are shown for people', () => {
  expect(formatBytes(0)).toBe('0 bytes');
  expect(formatBytes(999)).toBe('999 bytes');
  expect(formatBytes(12_400_000)).toBe('12 MB');
  expect(formatBytes(4_560_000)).toBe('4.6 MB');
  expect(formatBytes(2.5e9)).toBe('2.5 GB');
});
