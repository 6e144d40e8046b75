import { expect, test } from 'vitest';
import { isReaderable } from '@/lib/extract/is-readerable';
import { parseHtml } from '@/lib/extract/parse-html';

const page = (paragraphs: string[]) =>
  parseHtml(
    `<html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    'https://x.test/',
  );

// Four paragraphs of about 60 Japanese characters: a short news story, as long to read as four
// English paragraphs of about 170 characters.
const japanese = Array.from(
  { length: 4 },
  (_, i) =>
    `東京都は火曜日、湾岸部の旧倉庫を図書館として再利用する計画を発表した。開館は再来年の春を予定している。第${i}段落。`,
);

test('a short Japanese story is an article in Japanese terms', () => {
  expect(isReaderable(page(japanese), 'ja')).toBe(true);
});

test('the same characters judged by English thresholds are not (the bug this fixes)', () => {
  expect(isReaderable(page(japanese), 'en')).toBe(false);
});

test('English keeps Readability’s own thresholds', () => {
  const short = Array.from({ length: 4 }, () => 'A sentence of about sixty characters, give or take a few.');
  expect(isReaderable(page(short), 'en')).toBe(false);
  const long = Array.from({ length: 4 }, () => 'A longer paragraph. '.repeat(10));
  expect(isReaderable(page(long), 'en')).toBe(true);
});
