import { expect, test } from 'vitest';
import { sniffCharset } from '@/lib/extract/decode-html';
import { extractArticle } from '@/lib/extract/extract-article';
import { readPageHtml } from '@/lib/extract/load-page';
import { parseHtml } from '@/lib/extract/parse-html';
import { FIXTURE_URL, fixturePath } from './fixture';

const ascii = (s: string) => new TextEncoder().encode(s);

test('the charset comes from a BOM, <meta charset> or http-equiv, else UTF-8', () => {
  expect(sniffCharset(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
  expect(sniffCharset(new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBe('utf-16le');
  expect(sniffCharset(ascii('<meta charset="Shift_JIS">'))).toBe('shift_jis');
  expect(
    sniffCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')),
  ).toBe('windows-1251');
  expect(sniffCharset(ascii('<meta charset="utf-16">'))).toBe('utf-8');
  expect(sniffCharset(ascii('<meta charset="no-such-charset">'))).toBe('utf-8');
  expect(sniffCharset(ascii('<p>plain</p>'))).toBe('utf-8');
});

// Stored gzipped: the repository's tools expect UTF-8 text files.
test('a windows-1251 page decodes to Cyrillic and extracts', () => {
  const html = readPageHtml(fixturePath('windows-1251.html.gz'));
  const article = extractArticle(parseHtml(html, FIXTURE_URL), FIXTURE_URL);
  expect(article?.title).toBe('Городской совет одобрил трамвай');
  expect(article?.textContent).toContain('проголосовал за продление трамвайной линии');
  expect(article?.lang).toBe('ru');
});

test('a Shift_JIS page decodes to Japanese; words and minutes count characters', () => {
  const html = readPageHtml(fixturePath('shift-jis.html.gz'));
  const article = extractArticle(parseHtml(html, FIXTURE_URL), FIXTURE_URL);
  expect(article?.textContent).toContain('市議会は火曜日');
  expect(article?.wordCount).toBeGreaterThan(100);
  expect(article?.readingMinutes).toBe(1);
});
