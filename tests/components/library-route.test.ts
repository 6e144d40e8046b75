import { expect, test } from 'vitest';
import { parseLibraryRoute } from '@/components/library/library-route';

test('the library opens on the list', () => {
  expect(parseLibraryRoute('')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?view=list')).toEqual({ view: 'list' });
});

test('an unknown view or other parameters still open the list', () => {
  expect(parseLibraryRoute('?view=nonsense')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?view=person')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?view=')).toEqual({ view: 'list' });
  expect(parseLibraryRoute('?utm_source=x&view=LIST')).toEqual({ view: 'list' });
});

test('the people views', () => {
  expect(parseLibraryRoute('?view=people')).toEqual({ view: 'people' });
  expect(parseLibraryRoute('?person=Jens%20Stoltenberg')).toEqual({
    view: 'person',
    person: 'Jens Stoltenberg',
  });
  expect(parseLibraryRoute('?person=%20')).toEqual({ view: 'list' });
});
