import { expect, test } from 'vitest';
import type { QuoteGroup } from '@/lib/people/people-queries';
import { personMarkdown, personMarkdownFileName } from '@/lib/people/person-markdown';
import type { PersonEntry } from '@/lib/people/resolve';

const entry = { name: 'Jens Stoltenberg', quotes: 3 } as PersonEntry;
const group = (id: string, url: string, title: string, day: number, texts: string[]): QuoteGroup => ({
  article: { id, url, title, siteName: 'News <Example>', site: 'news.example', publishedTime: null },
  seen: Date.UTC(2024, 4, day),
  mentions: 1,
  quotes: texts.map((text, i) => ({ text, start: i * 10, end: i * 10 + text.length })),
});

test("a person's quotes as Markdown: newest article first, linked sources, outlets and dates, text escaped", () => {
  const md = personMarkdown(
    entry,
    [
      group('b', 'https://news.example/b (1)', 'Second *story*', 9, [
        'We <script>stand</script> firm',
        'More',
      ]),
      group('c', 'https://news.example/c', 'Only a mention', 8, []),
      group('a', 'javascript:alert(1)', 'First story', 1, ['One']),
    ],
    new Date('2024-06-01T00:00:00Z'),
  );
  expect(md).toBe(
    [
      '# Jens Stoltenberg',
      '',
      '3 quotes in 2 saved articles, exported from Lede on 2024-06-01.',
      '',
      '## [Second \\*story\\*](https://news.example/b%20\\(1\\))',
      '',
      'News \\<Example> · 2024-05-09',
      '',
      '> “We \\<script>stand\\</script> firm”',
      '',
      '> “More”',
      '',
      '## First story',
      '',
      'News \\<Example> · 2024-05-01',
      '',
      '> “One”',
      '',
    ].join('\n'),
  );
  expect(personMarkdownFileName('Zoë Brontë / ../x')).toBe('quotes-zoe-bronte-x.md');
});
