// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderApp } from '@/components/ReaderApp';
import type { ReadResult } from '@/lib/reader/read-tab';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings/settings';

let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));

test('a setting changed in this page before the stored ones arrive is not undone by them', async () => {
  await saveSettings({ ...DEFAULT_SETTINGS, theme: 'sepia' });
  const initial = Promise.resolve<ReadResult>({ kind: 'none', reason: null });
  await act(() =>
    render(
      <ReaderApp
        layout="popup"
        initial={initial}
        reload={() => initial}
        initialSettings={DEFAULT_SETTINGS}
      />,
      host,
    ),
  );
  // Changed at once, before the first result's frame (the settings panel is in the toolbar).
  await act(() => (host.querySelector('[data-testid="settings-toggle"]') as HTMLButtonElement).click());
  await act(() => (host.querySelector('input[name="theme"][value="dark"]') as HTMLInputElement).click());
  for (let i = 0; i < 5; i++) await settle();
  expect(document.documentElement.dataset.theme).toBe('dark');
});
