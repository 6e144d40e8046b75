import { expect, test } from 'vitest';
import { cleanSiteName, pickSiteName } from '@/lib/extract/site-name';

test.each([
  ['The Daily Example', 'The Daily Example'],
  ['https://www.example-news.com', 'example-news.com'],
  ['www.example-news.co.uk/', 'example-news.co.uk'],
  ['The Daily Example | DailyExample.com', 'The Daily Example'],
  ['DailyExample.com | The Daily Example', 'The Daily Example'],
  ['Example Racing | F1 | Indy | MotoGP', 'Example Racing'],
  ['ExampleNaija | Nigeria’s popular news platform', 'ExampleNaija'],
  ['Kxyz_', 'Kxyz'],
  ['@dailyexample', 'dailyexample'],
  ['Example.com', 'Example.com'],
])('%j → %j', (raw, want) => {
  expect(cleanSiteName(raw)?.name).toBe(want);
});

test('platform names and empty debris are no site name', () => {
  expect(cleanSiteName('Blogger')).toBeNull();
  expect(cleanSiteName('WordPress')).toBeNull();
  expect(cleanSiteName(' | ')).toBeNull();
});

test('a handle is the last resort: the site’s registrable domain comes first', () => {
  expect(pickSiteName(['Kxyz_'], ['https://www.kxyz-news.com/2024/story'])).toBe('kxyz-news.com');
  expect(pickSiteName([null, '@dailyexample'], ['https://news.dailyexample.co.uk/a'])).toBe(
    'dailyexample.co.uk',
  );
  expect(pickSiteName([undefined], ['file:///tmp/page.html'], '@dailyexample')).toBe('dailyexample');
  expect(pickSiteName(['Blogger', 'ExampleNaija | News'], ['https://examplenaija.blogspot.com/x'])).toBe(
    'ExampleNaija',
  );
});
