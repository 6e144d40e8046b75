import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { FIRST_NAMES, givenNameSex } from '../../lib/annotate/gazetteer/first-names';
import { PLACES } from '../../lib/annotate/gazetteer/places';
import { buildLexiconModule } from '../../scripts/build-gazetteers';

test('the committed gazetteer data is what the generator writes from the installed lexicon', () => {
  const committed = readFileSync(
    new URL('../../lib/annotate/gazetteer/lexicon.generated.ts', import.meta.url),
    'utf8',
  );
  expect(committed).toBe(buildLexiconModule());
});

test('the generated data gives given names with their sex, and places without airport codes', () => {
  expect(FIRST_NAMES.has('john')).toBe(true);
  expect(givenNameSex('Mary')).toBe('female');
  expect(givenNameSex('John')).toBe('male');
  expect(PLACES.has('philadelphia')).toBe(true);
  // Airport codes are places in the lexicon and words in articles ("las", "den").
  expect(PLACES.has('den')).toBe(false);
});
