// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test } from 'vitest';
import { ArticleView } from '@/components/ArticleView';
import type { Article } from '@/lib/extract/article';

const base: Article = {
  url: 'https://news.example.com/2026/03/ferry/',
  canonicalUrl: null,
  title: '<img src=x onerror=alert(1)> Ferry library opens',
  byline: '<b>Ingrid</b> Solvang',
  siteName: 'The Harbour Ledger',
  publishedTime: '2026-03-14',
  lang: 'en',
  dir: null,
  excerpt: null,
  leadImage: { src: '/images/lead.jpg', alt: 'The ferry', caption: 'The ferry at dawn' },
  contentHtml: '<p onclick="alert(1)">Commuters found <a href="/more">books</a> on board.</p>',
  textContent: 'Commuters found books on board.',
  wordCount: 5,
  readingMinutes: 1,
  readerable: true,
};

let host: HTMLElement;
function mount(article: Article, thirdPartyImages = false) {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<ArticleView article={article} thirdPartyImages={thirdPartyImages} />, host));
  return host;
}

afterEach(() => {
  render(null, host);
  host.remove();
});

test('title, byline and site are text, never markup; the body is sanitized', () => {
  const el = mount(base);
  const title = el.querySelector('[data-testid="article-title"]') as HTMLElement;
  expect(title.textContent).toBe(base.title);
  expect(title.children).toHaveLength(0);
  expect(el.querySelector('[data-testid="article-byline"]')?.children).toHaveLength(0);
  const body = el.querySelector('[data-testid="article-body"]') as HTMLElement;
  expect(body.querySelector('[onclick]')).toBeNull();
  expect(body.querySelector('a')?.getAttribute('href')).toBe('https://news.example.com/more');
  expect(el.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-14');
});

test('the lead image shows with its caption, but not when the body already has it', () => {
  const withLead = mount(base);
  expect(withLead.querySelector('.article__lead img')?.getAttribute('src')).toBe(
    'https://news.example.com/images/lead.jpg',
  );
  expect(withLead.querySelector('.article__lead figcaption')?.textContent).toBe('The ferry at dawn');
  render(null, host);
  host.remove();
  const inBody = mount({
    ...base,
    contentHtml: '<figure><img src="/images/lead-800x450.jpg" alt=""></figure><p>Text</p>',
  });
  expect(inBody.querySelector('.article__lead')).toBeNull();
  expect(inBody.querySelectorAll('img')).toHaveLength(1);
  render(null, host);
  host.remove();
  // Mentioning the file name in text is not showing the image.
  const mention = mount({
    ...base,
    contentHtml: '<p>The lead photo of the ferry.</p><img src="/images/other.jpg" alt="lead">',
  });
  expect(mention.querySelector('.article__lead img')).not.toBeNull();
});

test('images from other sites wait for a click', () => {
  const el = mount({
    ...base,
    leadImage: null,
    contentHtml: '<p>A<img src="https://cdn.other.test/a.jpg" alt="a"></p>',
  });
  expect(el.querySelector('[data-testid="article-body"] img')?.hasAttribute('src')).toBe(false);
  const show = el.querySelector('[data-testid="show-images"]') as HTMLButtonElement;
  expect(show.textContent).toBe('Show it');
  act(() => show.click());
  expect(el.querySelector('[data-testid="article-body"] img')?.getAttribute('src')).toBe(
    'https://cdn.other.test/a.jpg',
  );
  expect(el.querySelector('[data-testid="show-images"]')).toBeNull();
});

test('right-to-left articles carry their direction and language', () => {
  const el = mount({ ...base, dir: 'rtl', lang: 'he' });
  const article = el.querySelector('article') as HTMLElement;
  expect(article.getAttribute('dir')).toBe('rtl');
  expect(article.getAttribute('lang')).toBe('he');
});
