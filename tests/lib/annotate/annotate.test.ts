import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/annotate';
import { toCliAnnotations } from '../../../lib/annotate/to-cli-annotations';

// Pieces of news prose; fast-check strings them together in any order with any separators.
const PIECES = [
  '“We will win,” ',
  'President Volodymyr Zelensky said',
  ', “and rebuild.”',
  '« Nous sommes prêts »',
  '„Wir sind bereit“',
  '"Open quote without end',
  'NATO',
  ' the secretary-general ',
  'Russian',
  'April',
  'Food Standards Agency (FSA)',
  'in Kyiv',
  'he said.',
  'Mr. Smith’s',
  '\u00ad',
  'U.S.',
  'CAIRO — ',
];

describe('annotate', () => {
  it('always returns offsets that slice to the quote text and to an entity alias', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '\n\n', '. ', ', ', '')), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.map(([p, sep]) => p + sep).join('');
          const a = annotate({ textContent: text });
          for (const q of a.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
          for (const e of a.entities) {
            expect(e.count).toBe(e.mentions.length);
            for (const m of e.mentions)
              expect(text.slice(m.start, m.end).replace(/\u00ad/g, '')).toBe(
                e.aliases.find((x) => x === text.slice(m.start, m.end).replace(/\u00ad/g, '')),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maps to the CLI shape without mention offsets', () => {
    const text = '“We will help,” said Jens Stoltenberg in Kyiv.';
    const cli = toCliAnnotations(annotate({ textContent: text }));
    expect(cli.quotes).toEqual([{ text: 'We will help,', speaker: 'Jens Stoltenberg', start: 1, end: 14 }]);
    expect(cli.entities).toContainEqual({ name: 'Kyiv', type: 'place', aliases: ['Kyiv'], count: 1 });
    expect(cli.entities.every((e) => !('mentions' in e))).toBe(true);
  });

  it('returns nothing for an empty text', () => {
    expect(annotate({ textContent: '' })).toEqual({ quotes: [], entities: [] });
  });
});
