import { expect, test } from 'vitest';
import { entitiesByType, quotesBySpeaker } from '@/components/highlight-groups';
import type { Entity, EntityType, Quote } from '@/lib/annotate/annotations';

const quote = (speaker: string | null): Quote => ({ text: 'q', speaker, start: 0, end: 1 });
const entity = (name: string, type: EntityType, count: number): Entity => ({
  name,
  type,
  aliases: [name],
  count,
  mentions: [],
});

test('quotes are grouped by speaker in order of first quote, the unnamed speaker last', () => {
  const groups = quotesBySpeaker([quote(null), quote('Ann'), quote('Bo'), quote('Ann'), quote(null)]);
  expect(groups).toEqual([
    { speaker: 'Ann', indices: [1, 3] },
    { speaker: 'Bo', indices: [2] },
    { speaker: null, indices: [0, 4] },
  ]);
});

test('there is no unnamed group when every speaker is named, and no groups without quotes', () => {
  expect(quotesBySpeaker([quote('Ann')])).toEqual([{ speaker: 'Ann', indices: [0] }]);
  expect(quotesBySpeaker([])).toEqual([]);
});

test('entities are grouped by type, most mentioned first, ties in text order', () => {
  const groups = entitiesByType([
    entity('Kyiv', 'place', 2),
    entity('Ann', 'person', 1),
    entity('NATO', 'organization', 3),
    entity('Bo', 'person', 4),
    entity('Cy', 'person', 1),
    entity('Lviv', 'place', 5),
  ]);
  expect(groups).toEqual({ person: [3, 1, 4], organization: [2], place: [5, 0] });
});

test('every type is present, in panel order, even with no entities of that type', () => {
  const groups = entitiesByType([entity('Kyiv', 'place', 1)]);
  expect(Object.keys(groups)).toEqual(['person', 'organization', 'place']);
  expect(groups.person).toEqual([]);
});
