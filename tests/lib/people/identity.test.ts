import { describe, expect, test } from 'vitest';
import { articlePostings, peopleRows } from '@/lib/people/article-postings';
import { identityKey, isSurnameOnly, surnameKey } from '@/lib/people/identity';
import { findPerson } from '@/lib/people/people-queries';
import { resolvePeople } from '@/lib/people/resolve';

describe('identityKey', () => {
  test('transliteration variants of one name are one key', () => {
    const keys = ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenski', 'Zelenskyj', 'ZELENSKY'].map((n) =>
      identityKey(n, 'person'),
    );
    expect(new Set(keys).size).toBe(1);
    expect(identityKey('Volodymyr Zelenskyy', 'person')).toBe(identityKey('Volodymyr Zelensky', 'person'));
  });

  test('diacritics, middle names and suffixes do not make another person', () => {
    expect(identityKey('Recep Tayyip Erdoğan', 'person')).toBe(identityKey('Recep Erdogan', 'person'));
    expect(identityKey('Zoë Brontë', 'person')).toBe(identityKey('Zoe Bronte', 'person'));
    expect(identityKey('Martin Luther King Jr.', 'person')).toBe(identityKey('Martin King', 'person'));
  });

  test('different first names with one surname are different keys', () => {
    expect(identityKey('Joe Biden', 'person')).not.toBe(identityKey('Hunter Biden', 'person'));
  });

  test('a surname alone, particles included, is recognised and keyed by its surname', () => {
    expect(isSurnameOnly('Stoltenberg')).toBe(true);
    expect(isSurnameOnly('von der Leyen')).toBe(true);
    expect(isSurnameOnly('Ursula von der Leyen')).toBe(false);
    expect(surnameKey('Ursula von der Leyen')).toBe(surnameKey('von der Leyen'));
  });

  test('organizations keep their name, without a leading "the"', () => {
    expect(identityKey('The European Union', 'organization')).toBe(
      identityKey('European Union', 'organization'),
    );
    expect(identityKey('EU', 'organization')).not.toBe(identityKey('European Union', 'organization'));
  });
});

describe('articlePostings', () => {
  const article = {
    id: 'a1',
    publishedTime: '2024-04-29T10:00:00Z',
    savedAt: 5,
    quotes: [
      { text: 'We stand with Ukraine', speaker: 'Jens Stoltenberg', start: 10, end: 31 },
      { text: 'Thank you', speaker: 'Zelenskyy', start: 50, end: 59 },
      { text: 'No comment', speaker: 'A Spokesman Nobody', start: 70, end: 80 },
      { text: 'Unattributed', speaker: null, start: 90, end: 102 },
    ],
    entities: [
      { name: 'Jens Stoltenberg', type: 'person' as const, aliases: ['Stoltenberg'], count: 3 },
      { name: 'Volodymyr Zelensky', type: 'person' as const, aliases: ['Zelenskyy'], count: 2 },
      {
        name: 'North Atlantic Treaty Organization',
        type: 'organization' as const,
        aliases: ['NATO'],
        count: 4,
      },
      { name: 'Kyiv', type: 'place' as const, aliases: [], count: 1 },
    ],
  };

  test('one posting per person or organization, quotes with their speaker (by name or alias)', () => {
    const postings = articlePostings(article);
    expect(postings.map((p) => p.name)).toEqual([
      'Jens Stoltenberg',
      'Volodymyr Zelensky',
      'North Atlantic Treaty Organization',
      'A Spokesman Nobody',
    ]);
    expect(postings[0]).toMatchObject({ mentions: 3, quotes: [{ text: 'We stand with Ukraine' }] });
    expect(postings[1].quotes.map((q) => q.text)).toEqual(['Thank you']);
    expect(postings[2].names).toEqual(['north atlantic treaty organization', 'nato']);
    expect(postings[3]).toMatchObject({ type: 'person', mentions: 0, quotes: [{ text: 'No comment' }] });
    expect(postings.every((p) => p.seen === Date.parse('2024-04-29T10:00:00Z'))).toBe(true);
  });

  test('an article without a published date is seen when it was saved', () => {
    expect(articlePostings({ ...article, publishedTime: null })[0].seen).toBe(5);
  });
});

describe('resolvePeople', () => {
  const posting = (
    id: string,
    name: string,
    type: 'person' | 'organization',
    names: string[] = [],
    quotes = 0,
  ) =>
    articlePostings({
      id,
      publishedTime: null,
      savedAt: Number(id.slice(1)),
      quotes: Array.from({ length: quotes }, (_, i) => ({
        text: `q${i}`,
        speaker: name,
        start: i,
        end: i + 1,
      })),
      entities: [{ name, type, aliases: names, count: 1 }],
    });

  test('a bare surname joins the one full name with it; ambiguous surnames stay apart', () => {
    const rows = peopleRows([
      ...posting('a1', 'Jens Stoltenberg', 'person', ['Stoltenberg'], 2),
      ...posting('a2', 'Stoltenberg', 'person', [], 1),
      ...posting('a3', 'Joe Biden', 'person'),
      ...posting('a4', 'Hunter Biden', 'person'),
      ...posting('a5', 'Biden', 'person', [], 1),
    ]);
    const entries = resolvePeople(rows);
    const stoltenberg = entries.find((e) => e.name === 'Jens Stoltenberg');
    expect(stoltenberg).toMatchObject({
      quotes: 3,
      articles: 2,
      keys: ['p:jens stoltenberg', 'p:stoltenberg'],
    });
    expect(entries.map((e) => e.name).sort()).toEqual([
      'Biden',
      'Hunter Biden',
      'Jens Stoltenberg',
      'Joe Biden',
    ]);
  });

  test('an acronym an article introduced joins the organization it stands for', () => {
    const rows = peopleRows([
      ...posting('a1', 'European Union', 'organization', ['EU']),
      ...posting('a2', 'EU', 'organization'),
      ...posting('a3', 'Eurostat', 'organization'),
    ]);
    expect(resolvePeople(rows).map((e) => [e.name, e.articles])).toEqual([
      ['European Union', 2],
      ['Eurostat', 1],
    ]);
  });

  test('merges join entries by hand; a split key stands alone against the automatic rules', () => {
    const rows = peopleRows([
      ...posting('a1', 'Jens Stoltenberg', 'person'),
      ...posting('a2', 'Stoltenberg', 'person'),
      ...posting('a3', 'Secretary Jens', 'person'),
    ]);
    const merged = resolvePeople(rows, [{ key: 'p:secretary jens', into: 'p:jens stoltenberg' }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ name: 'Jens Stoltenberg', articles: 3 });
    const split = resolvePeople(rows, [{ key: 'p:stoltenberg', into: 'p:stoltenberg' }]);
    expect(split.map((e) => e.name).sort()).toEqual(['Jens Stoltenberg', 'Secretary Jens', 'Stoltenberg']);
  });
});

test('findPerson: name, alias, spelling, and a bare surname only when one person has it', () => {
  const entry = (id: string, name: string, aliases: string[] = []) =>
    articlePostings({
      id,
      publishedTime: null,
      savedAt: 1,
      quotes: [],
      entities: [{ name, type: 'person', aliases, count: 1 }],
    });
  const people = resolvePeople(
    peopleRows([
      ...entry('a1', 'Volodymyr Zelensky'),
      ...entry('a2', 'Joe Biden', ['President Biden']),
      ...entry('a3', 'Hunter Biden'),
    ]),
  );
  expect(findPerson(people, 'ZELENSKIY')?.name).toBe('Volodymyr Zelensky');
  expect(findPerson(people, 'volodymyr zelenskyy')?.name).toBe('Volodymyr Zelensky');
  expect(findPerson(people, 'president biden')?.name).toBe('Joe Biden');
  expect(findPerson(people, 'Biden')).toBeUndefined();
  expect(findPerson(people, '  ')).toBeUndefined();
});
