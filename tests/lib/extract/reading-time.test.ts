import { expect, test } from 'vitest';
import { charsPerMinute, countWords, readingMinutes } from '@/lib/extract/reading-time';

test('uses Firefox Reader View speeds per language, English for unknown ones', () => {
  expect(charsPerMinute('en')).toBe(987);
  expect(charsPerMinute('pt-BR')).toBe(913);
  expect(charsPerMinute('zh-Hans')).toBe(255);
  expect(charsPerMinute('xx')).toBe(987);
  expect(charsPerMinute(null)).toBe(987);
});

test('minutes are characters over speed, rounded up, at least one for any text', () => {
  expect(readingMinutes('a'.repeat(987), 'en')).toBe(1);
  expect(readingMinutes('a'.repeat(988), 'en')).toBe(2);
  expect(readingMinutes('字'.repeat(600), 'zh')).toBe(3);
  expect(readingMinutes('short', 'de')).toBe(1);
  expect(readingMinutes('  ', 'en')).toBe(0);
});

test('counts words, and Chinese/Japanese characters one by one', () => {
  expect(countWords("It's a well-known fact, isn't it?")).toBe(6);
  expect(countWords('市議会は火曜日')).toBe(7);
  expect(countWords('NATO 会議 2024')).toBe(4);
  expect(countWords('')).toBe(0);
});
