import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/annotate';
import { pageText } from '../../../scripts/annotate-corpus';

const seedDir = new URL('../../../../shared/corpus/seed/', import.meta.url).pathname;
const gold = JSON.parse(readFileSync(`${seedDir}zelensky-nato.gold.json`, 'utf8')) as {
  url: string;
  entities: { name: string; type: string; aliases: string[] }[];
  quotes: { text: string; speaker: string }[];
};

describe('seed page (Kyiv Independent, Zelensky and Stoltenberg)', () => {
  const html = readFileSync(`${seedDir}zelensky-nato.html`, 'utf8');
  const text = pageText({ id: 'seed', html, url: gold.url });
  const a = annotate({ textContent: text });

  it('finds all 6 quotes, each attributed as the gold says', () => {
    for (const g of gold.quotes) {
      const found = a.quotes.find((q) => q.text === g.text);
      expect(found, g.text).toBeDefined();
      expect(found?.speaker, g.text).toBe(g.speaker);
    }
  });

  it('finds all 7 gold entities with the right type', () => {
    for (const g of gold.entities) {
      const e = a.entities.find((x) => x.aliases.some((y) => g.aliases.includes(y)));
      expect(e?.type, g.name).toBe(g.type);
    }
  });

  it('has no person named April or Russian', () => {
    const persons = a.entities.filter((e) => e.type === 'person').flatMap((e) => e.aliases);
    expect(persons).not.toContain('April');
    expect(persons).not.toContain('Russian');
  });
});
