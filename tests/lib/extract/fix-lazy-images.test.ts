import { expect, test } from 'vitest';
import { extractArticle } from '@/lib/extract/extract-article';
import { fixLazyImages } from '@/lib/extract/fix-lazy-images';
import { FIXTURE_URL, fixtureDoc, htmlDoc } from './fixture';

test('data-src replaces a data: placeholder', () => {
  const doc = fixtureDoc('lazy-images.html');
  fixLazyImages(doc);
  expect(doc.querySelector('img[alt="A tram"]')?.getAttribute('src')).toBe('/images/tram-1.jpg');
});

test('data-srcset becomes srcset and data-src replaces a placeholder file', () => {
  const doc = fixtureDoc('lazy-images.html');
  fixLazyImages(doc);
  const img = doc.querySelector('img[alt="Depot"]');
  expect(img?.getAttribute('src')).toBe('/images/tram-2-960.jpg');
  expect(img?.getAttribute('srcset')).toBe('/images/tram-2-480.jpg 480w, /images/tram-2-960.jpg 960w');
});

test('a <noscript> fallback replaces the placeholder image', () => {
  const doc = fixtureDoc('lazy-images.html');
  fixLazyImages(doc);
  const map = doc.querySelectorAll('img[alt^="Map"]');
  expect(map).toHaveLength(1);
  expect(map[0].getAttribute('src')).toBe('/images/tram-map.png');
  expect(doc.querySelector('noscript')).toBeNull();
});

test('a noscript holding markup as text (a live page, scripting on) is unwrapped too', () => {
  const doc = htmlDoc('<body><img src="data:image/gif;base64,AAAA" alt="x"><noscript></noscript></body>');
  doc.querySelector('noscript')?.append('<img src="/real.jpg" alt="real">');
  fixLazyImages(doc);
  expect(doc.querySelector('img')?.getAttribute('src')).toBe('/real.jpg');
});

test('<picture><source data-srcset> gets a srcset', () => {
  const doc = fixtureDoc('lazy-images.html');
  fixLazyImages(doc);
  expect(doc.querySelector('source')?.getAttribute('srcset')).toBe('/images/council.webp');
});

test('a real src is left alone', () => {
  const doc = htmlDoc('<body><img src="/a.jpg" data-src="/b.jpg"></body>');
  fixLazyImages(doc);
  expect(doc.querySelector('img')?.getAttribute('src')).toBe('/a.jpg');
});

test('the extracted HTML shows the real images, with absolute URLs', () => {
  const article = extractArticle(fixtureDoc('lazy-images.html'), FIXTURE_URL);
  expect(article?.contentHtml).toContain('https://news.example.com/images/tram-1.jpg');
  expect(article?.contentHtml).toContain('https://news.example.com/images/tram-map.png');
  expect(article?.contentHtml).not.toContain('data:image/gif');
});

test('a placeholder with an attribute no script could set (`"`) is replaced without throwing', () => {
  // Found by the property tests: copying its attributes with setAttribute threw InvalidCharacterError.
  const doc = htmlDoc(
    `<body><div><img src onerror /" '"= alt=x></div><noscript><img src="/real.jpg" alt="real"></noscript><p>Text.</p></body>`,
  );
  expect(() => fixLazyImages(doc)).not.toThrow();
  expect(doc.querySelector('img')?.getAttribute('src')).toBe('/real.jpg');
});
