import { expect, test } from 'vitest';
import { foldText, queryTerms, searchTokens } from '@/lib/db/search-tokens';

test('folding removes case and diacritics, including letters Unicode does not decompose', () => {
  expect(foldText('Zelenskyy Łódź Straße Ærø Café')).toBe('zelenskyy lodz strasse aero cafe');
});

test('tokens are deduplicated words of every field, one-letter words dropped', () => {
  const tokens = searchTokens('NATO’s summit', null, 'A summit in Vilnius, NATO said.');
  expect(tokens.sort()).toEqual(['in', 'nato', 'said', 'summit', 'vilnius']);
});

test('query terms are folded, longest first, without terms implied by a longer one', () => {
  expect(queryTerms('Nat  STOLTENBERG stolt kyïv')).toEqual(['stoltenberg', 'kyiv', 'nat']);
  expect(queryTerms(' a ')).toEqual([]);
});
