import { expect, test } from 'vitest';
import { foldCase, hasDigit, includesAny, startsWithAny } from '@/lib/extract/prefilter';

test('foldCase lower-cases as case-insensitive Unicode patterns compare, long s included', () => {
  expect(foldCase('SEE ALSO')).toBe('see also');
  expect(foldCase('ſee alſo')).toBe('see also');
  expect(foldCase('SÁBADO')).toBe('sábado');
  // Kelvin sign: a case-insensitive /u pattern reads it as "k"; so does toLowerCase.
  expect(foldCase('\u212Aeep reading')).toBe('keep reading');
});

test('startsWithAny, includesAny and hasDigit', () => {
  expect(startsWithAny('read more: x', ['more', 'read more'])).toBe(true);
  expect(startsWithAny('the story', ['story'])).toBe(false);
  expect(includesAny('the story continues below', ['keep', 'continu'])).toBe(true);
  expect(includesAny('the story', ['keep', 'continu'])).toBe(false);
  expect(hasDigit('Nov. 19')).toBe(true);
  expect(hasDigit('November')).toBe(false);
  expect(hasDigit('١٩')).toBe(false); // \d is ASCII digits only
});
