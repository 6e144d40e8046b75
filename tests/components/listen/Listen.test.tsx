// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Listen } from '@/components/listen/Listen';
import type { Article } from '@/lib/extract/article';
import { loadListenSettings } from '@/lib/settings/listen-store';
import { FakeSynth, FakeUtterance } from '../../lib/listen/fake-synth';

/** The Listen button and bar in jsdom, with the stand-in engine of the unit tests (or none). */

const article: Article = {
  url: 'https://news.example/story',
  canonicalUrl: null,
  title: 'A story',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  leadImage: null,
  contentHtml: '',
  textContent: 'The council met on Monday. It voted twice.\n\nThe mayor left early.',
  wordCount: 12,
  readingMinutes: 1,
  readerable: true,
};

const VOICES = [{ voiceURI: 'en', name: 'English', lang: 'en-US', default: true, localService: true }];
let host: HTMLElement;
let synth:
  | (FakeSynth & { getVoices(): typeof VOICES; addEventListener(): void; removeEventListener(): void })
  | null;
const g = globalThis as Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement('div');
  host.innerHTML =
    '<div data-testid="reader"><article><div data-testid="article-body"><p>The council met on <b>Monday</b>. It voted twice.</p><p>The mayor left early.</p></div></article><nav id="tools"></nav></div>';
  document.body.append(host);
  synth = Object.assign(new FakeSynth(), {
    getVoices: () => VOICES,
    addEventListener() {},
    removeEventListener() {},
  });
  g.speechSynthesis = synth;
  g.SpeechSynthesisUtterance = FakeUtterance;
  // jsdom does not lay out: scrolling into view is a no-op here.
  Element.prototype.scrollIntoView = () => {};
});
afterEach(() => {
  render(null, host.querySelector('#tools') as HTMLElement);
  host.remove();
  delete g.speechSynthesis;
  delete g.SpeechSynthesisUtterance;
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));
const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function mount(layout: 'popup' | 'tab' = 'tab') {
  await act(() =>
    render(<Listen article={article} layout={layout} />, host.querySelector('#tools') as HTMLElement),
  );
  await settle();
}

test('press Listen: the first sentence is spoken and marked across the bold name, L pauses', async () => {
  await mount();
  const button = q('listen') as HTMLButtonElement;
  expect(button.getAttribute('aria-pressed')).toBe('false');
  await act(() => button.click());
  expect(button.getAttribute('aria-pressed')).toBe('true');
  expect(synth?.current?.text).toBe('The council met on Monday.');
  await settle();
  const marks = Array.from(document.querySelectorAll('[data-tts-current]'));
  expect(marks.map((m) => m.textContent).join('')).toBe('The council met on Monday.');
  expect(marks.length).toBe(3); // before <b>, inside it, after it: the markup stays
  expect(document.querySelector('b')?.textContent).toBe('Monday');
  await act(() => {
    synth?.start();
    synth?.end();
  });
  await settle();
  expect(document.querySelector('[data-tts-current]')?.textContent).toBe('It voted twice.');
  await act(() => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'l' }));
  });
  expect(button.getAttribute('aria-pressed')).toBe('false');
  // The bar says what happens next; stop removes the mark and leaves the text as it was.
  await act(() => q('listen-stop')?.click());
  await settle();
  expect(document.querySelector('[data-tts-current]')).toBeNull();
  expect(q('article-body')?.innerHTML).toBe(
    '<p>The council met on <b>Monday</b>. It voted twice.</p><p>The mayor left early.</p>',
  );
});

test('the speed chosen is kept in storage', async () => {
  await mount();
  await act(() => q('listen')?.click());
  const rate = q('listen-rate') as HTMLSelectElement;
  rate.value = '1.25';
  await act(() => {
    rate.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  expect((await loadListenSettings()).rate).toBe(1.25);
  expect(synth?.current?.rate).toBe(1.25);
});

test('the popup says listening stops when it closes', async () => {
  await mount('popup');
  await act(() => q('listen')?.click());
  expect(q('listen-popup-note')?.textContent).toMatch(/Listening stops when this popup closes/);
});

test('a browser without speechSynthesis: a clear message, nothing playable', async () => {
  delete g.speechSynthesis;
  await mount();
  await act(() => q('listen')?.click());
  expect(q('listen-status')?.textContent).toBe(
    'This browser has no speech engine, so Lede cannot read aloud.',
  );
  expect((q('listen-play') as HTMLButtonElement).disabled).toBe(true);
  expect(q('listen')?.getAttribute('aria-pressed')).toBe('false');
});
