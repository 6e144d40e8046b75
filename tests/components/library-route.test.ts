import { expect, test } from 'vitest';
import { parseLibraryRoute } from '@/components/library/library-route';

test('the library opens on the list', () => {
  expect(parseLibraryRoute('')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?view=list')).toEqual({ view: 'list' });
});

test('an unknown view or other parameters still open the list', () => {
  expect(parseLibraryRoute('?view=people')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?view=')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?utm_source=x&view=LIST')).toEqual({ view: 'list' });
});
