import { expect, test } from 'vitest';
import { formatPublished } from '@/lib/format-date';
import { registrableDomain } from '@/lib/url/registrable-domain';

test('a date without a time never shifts a day', () => {
  expect(formatPublished('2024-04-30', 'en-US')).toBe('April 30, 2024');
  expect(formatPublished('2024-04-30', 'en-GB')).toBe('30 April 2024');
  expect(formatPublished('yesterday', 'en')).toBe('yesterday');
});

test('registrableDomain groups a site and its subdomains', () => {
  expect(registrableDomain('static.news.example.co.uk')).toBe('example.co.uk');
  expect(registrableDomain('www.nytimes.com')).toBe('nytimes.com');
  expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
  expect(registrableDomain('localhost')).toBe('localhost');
  expect(registrableDomain('news.alice.github.io')).toBe('alice.github.io');
  expect(registrableDomain('d111.cloudfront.net')).not.toBe(registrableDomain('d222.cloudfront.net'));
});
