import { describe, expect, test } from 'vitest';
import { firstSrcsetUrl, isWidthOrDensity, parseSrcset } from '@/lib/html/srcset';

describe('parseSrcset', () => {
  test('reads candidates as browsers do: a comma after a descriptor starts the next candidate', () => {
    expect(parseSrcset('/a.png 0.1x,https://tracker.example/t.gif')).toEqual([
      { url: '/a.png', descriptors: ['0.1x'] },
      { url: 'https://tracker.example/t.gif', descriptors: [] },
    ]);
    expect(parseSrcset(' a.png 1x ,b.png   2x, c.png')).toEqual([
      { url: 'a.png', descriptors: ['1x'] },
      { url: 'b.png', descriptors: ['2x'] },
      { url: 'c.png', descriptors: [] },
    ]);
  });

  test('a URL may hold commas; trailing commas end it', () => {
    expect(parseSrcset('/img/a,b.png 2x')).toEqual([{ url: '/img/a,b.png', descriptors: ['2x'] }]);
    expect(parseSrcset('a.png,, b.png 480w')).toEqual([
      { url: 'a.png', descriptors: [] },
      { url: 'b.png', descriptors: ['480w'] },
    ]);
  });

  test('commas inside parentheses do not end a candidate; several descriptors are kept as written', () => {
    expect(parseSrcset('a.png foo(1,2) 2x, b.png')).toEqual([
      { url: 'a.png', descriptors: ['foo(1,2)', '2x'] },
      { url: 'b.png', descriptors: [] },
    ]);
    expect(parseSrcset('a.png 1x https://tracker.example/t.gif')).toEqual([
      { url: 'a.png', descriptors: ['1x', 'https://tracker.example/t.gif'] },
    ]);
  });

  test('a long run of commas is read in one pass', () => {
    const value = `a${','.repeat(200_000)}b,`;
    expect(parseSrcset(value)).toEqual([{ url: `a${','.repeat(200_000)}b`, descriptors: [] }]);
  });
});

test('isWidthOrDensity accepts none, one width or one density, nothing else', () => {
  for (const ok of [[], ['480w'], ['1x'], ['1.5x'], ['.5x'], ['2e0x']])
    expect(isWidthOrDensity(ok)).toBe(true);
  for (const bad of [
    ['0w'],
    ['1.5w'],
    ['1x', '2x'],
    ['480w', '300h'],
    ['x'],
    ['https://t.example/t.gif'],
    ['-1x'],
  ])
    expect(isWidthOrDensity(bad)).toBe(false);
});

test('firstSrcsetUrl is the first candidate, without a trailing comma', () => {
  expect(firstSrcsetUrl('https://news.example/a.png, https://news.example/b.png 2x')).toBe(
    'https://news.example/a.png',
  );
  expect(firstSrcsetUrl('  ')).toBeUndefined();
  expect(firstSrcsetUrl(null)).toBeUndefined();
});
