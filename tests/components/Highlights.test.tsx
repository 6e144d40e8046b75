// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Highlights } from '@/components/Highlights';
import { ReaderApp } from '@/components/ReaderApp';
import type { Article } from '@/lib/extract/article';
import { DEFAULT_SETTINGS, loadSettings } from '@/lib/settings/settings';

const BODY =
  '<p>NATO Secretary-General Jens Stoltenberg said on Monday in Kyiv: “We stand with Ukraine.”</p>' +
  '<p>“It is <a href="/vital">vital</a> work,” Stoltenberg told reporters at the National Defense University.</p>' +
  '<p>“Nobody knows,” a resident said. President Volodymyr Zelensky said Ukraine “will win.”</p>';

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
});

/** Lets the idle-time annotation run and Preact commit. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

/** In the reader app the highlights' code loads after the article's first frame: a few turns more. */
async function settleUntilMarked() {
  for (let i = 0; i < 20 && !host.querySelector('mark[data-quote]'); i++) await settle();
}

test('the panel lists speakers, entity groups with counts, and switches layers', async () => {
  let layers = { ...DEFAULT_SETTINGS.highlights };
  const draw = () =>
    render(
      <article>
        <div class="article__body" dangerouslySetInnerHTML={{ __html: BODY }} />
        <Highlights
          layers={layers}
          onLayersChange={(next) => {
            layers = next;
            draw();
          }}
        />
      </article>,
      host,
    );
  await act(() => draw());
  await settle();
  const panel = host.querySelector('[data-testid="highlights"]') as HTMLElement;
  expect(panel.dataset.state).toBe('ready');
  const body = host.querySelector('.article__body') as HTMLElement;
  expect(body.querySelectorAll('mark[data-quote]').length).toBeGreaterThanOrEqual(4);
  expect(body.querySelector('a')?.getAttribute('href')).toBe('/vital');

  await act(() => (host.querySelector('[data-testid="highlights-toggle"]') as HTMLButtonElement).click());
  const speakers = Array.from(
    host.querySelectorAll('[data-testid="speaker-group"] h3'),
    (h) => h.textContent,
  );
  expect(speakers[0]).toBe('Jens Stoltenberg');
  expect(speakers.at(-1)).toBe('speaker not named');
  const people = host.querySelector('[data-testid="entity-group-person"]') as HTMLElement;
  const stoltenberg = Array.from(people.querySelectorAll('button')).find((b) =>
    b.getAttribute('aria-label')?.startsWith('Jens Stoltenberg'),
  );
  // Two mentions, one drawn (its first: the body has no headings); the panel counts both.
  expect(body.querySelectorAll('[data-entity="Jens Stoltenberg"]').length).toBe(1);
  expect(body.querySelector('[data-entity="Jens Stoltenberg"]')?.textContent).toBe('Jens Stoltenberg');
  expect(stoltenberg?.getAttribute('aria-label')).toBe('Jens Stoltenberg, 2 mentions');
  // Jumping cycles through the drawn mark only.
  await act(() => stoltenberg?.click());
  await act(() => stoltenberg?.click());
  expect(host.querySelector('[data-testid="highlights-status"]')?.textContent).toBe(
    'Jens Stoltenberg: 1 of 1',
  );
  expect(people.querySelector('h2 .highlights__count')?.textContent).toBe(
    String(people.querySelectorAll('li').length),
  );

  const personBox = host.querySelector('[data-testid="layer-person"]') as HTMLInputElement;
  await act(() => personBox.click());
  expect(layers.person).toBe(false);
  expect(body.querySelectorAll('[data-entity-type="person"]').length).toBe(0);
  expect(body.querySelectorAll('[data-entity-type="place"]').length).toBeGreaterThan(0);
  expect(stoltenberg?.disabled).toBe(true);
});

test('all mentions draws every mention; speaker labels start each run and are not article text', async () => {
  await act(() =>
    render(
      <article>
        <div class="article__body" dangerouslySetInnerHTML={{ __html: BODY }} />
        <Highlights layers={DEFAULT_SETTINGS.highlights} onLayersChange={() => {}} mentions="all" />
      </article>,
      host,
    ),
  );
  await settle();
  const body = host.querySelector('.article__body') as HTMLElement;
  expect(body.querySelectorAll('[data-entity="Jens Stoltenberg"]').length).toBe(2);
  const labels = Array.from(body.querySelectorAll('[data-testid="speaker-label"]'));
  // Stoltenberg (two quotes in a row), the unnamed resident, then Zelensky.
  expect(labels.map((l) => l.getAttribute('data-speaker-label'))).toEqual([
    'Jens Stoltenberg',
    'speaker not named',
    'Volodymyr Zelensky',
  ]);
  for (const label of labels) {
    expect(label.getAttribute('aria-hidden')).toBe('true');
    expect(label.textContent).toBe('');
  }
  expect(body.textContent).not.toContain('speaker not named');
  const unnamed = body.querySelector('mark[data-speaker=""]') as HTMLElement;
  expect(unnamed.title).toBe('Quote, speaker not named');
});

test('in an unsupported language, quotes are marked, names are not, and the panel says why', async () => {
  await act(() =>
    render(
      <article>
        <div class="article__body" dangerouslySetInnerHTML={{ __html: BODY }} />
        <Highlights layers={DEFAULT_SETTINGS.highlights} onLayersChange={() => {}} lang="ru" />
      </article>,
      host,
    ),
  );
  await settle();
  const body = host.querySelector('.article__body') as HTMLElement;
  expect(body.querySelectorAll('mark[data-quote]').length).toBeGreaterThanOrEqual(4);
  expect(body.querySelectorAll('[data-entity-type]').length).toBe(0);
  expect(host.querySelector('[data-testid="layer-person"]')).toBeNull();
  expect(host.querySelector('[data-testid="highlights-language-note"]')?.textContent).toBe(
    'Names not marked in Russian',
  );
  expect(host.querySelector('[data-testid="highlights-toggle"]')?.textContent).toMatch(/^\d+ quotes$/);
  await act(() => (host.querySelector('[data-testid="highlights-toggle"]') as HTMLButtonElement).click());
  expect(host.querySelector('[data-testid="highlights-language"]')?.textContent).toBe(
    'Names and speakers are not marked in Russian articles. Lede marks them in English, French, Spanish and Czech.',
  );
  expect(host.querySelector('[data-testid="entity-group-person"]')).toBeNull();
  expect(
    Array.from(body.querySelectorAll('[data-testid="speaker-label"]'), (l) =>
      l.getAttribute('data-speaker-label'),
    ),
  ).toEqual(['speaker not named']);
});

const articleIn = (lang: string): Article => ({
  url: 'https://example.com/a',
  canonicalUrl: null,
  title: 'A',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang,
  dir: null,
  excerpt: null,
  leadImage: null,
  contentHtml: BODY,
  // Not the rendered text: the highlights read the body as rendered.
  textContent: 'NATO Secretary-General Jens Stoltenberg said on Monday in Kyiv.',
  wordCount: 60,
  readingMinutes: 1,
  readerable: true,
});

test('in the reader app, a switched-off layer and all mentions are saved with the settings', async () => {
  const result = Promise.resolve({ kind: 'article' as const, article: articleIn('en') });
  await act(() =>
    render(
      <ReaderApp layout="popup" initial={result} reload={() => result} initialSettings={DEFAULT_SETTINGS} />,
      host,
    ),
  );
  // The read resolves, the highlights' code loads, the annotation runs when idle.
  await settleUntilMarked();
  expect(host.querySelectorAll('mark[data-quote]').length).toBeGreaterThan(0);
  await act(() => (host.querySelector('[data-testid="layer-quotes"]') as HTMLInputElement).click());
  await settle();
  expect(host.querySelectorAll('mark[data-quote]').length).toBe(0);
  expect((await loadSettings()).highlights).toEqual({ ...DEFAULT_SETTINGS.highlights, quotes: false });
  expect(JSON.parse(localStorage.getItem('lede:reader-settings') ?? '{}').highlights.quotes).toBe(false);

  expect(host.querySelectorAll('[data-entity="Jens Stoltenberg"]').length).toBe(1);
  await act(() => (host.querySelector('[data-testid="settings-toggle"]') as HTMLButtonElement).click());
  await act(() =>
    (host.querySelector('input[name="entityMentions"][value="all"]') as HTMLInputElement).click(),
  );
  await settle();
  expect(host.querySelectorAll('[data-entity="Jens Stoltenberg"]').length).toBe(2);
  expect((await loadSettings()).entityMentions).toBe('all');
});

test("in the reader app, the article's language reaches the annotator", async () => {
  const result = Promise.resolve({ kind: 'article' as const, article: articleIn('ru') });
  await act(() =>
    render(
      <ReaderApp layout="popup" initial={result} reload={() => result} initialSettings={DEFAULT_SETTINGS} />,
      host,
    ),
  );
  await settleUntilMarked();
  expect(host.querySelectorAll('mark[data-quote]').length).toBeGreaterThan(0);
  expect(host.querySelectorAll('[data-entity-type]').length).toBe(0);
  expect(host.querySelector('[data-testid="highlights-language-note"]')?.textContent).toBe(
    'Names not marked in Russian',
  );
});
