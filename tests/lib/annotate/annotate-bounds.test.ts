import { expect, test } from 'vitest';
import { annotate, MAX_ANNOTATED_CHARS } from '@/lib/annotate/annotate';

const paragraph =
  '“We will open in the spring,” said Marta Lindqvist, the director of the Port Alden authority.';

test('a huge text is annotated by its leading paragraphs, and the result says so', () => {
  const text = Array.from({ length: 60_000 }, () => paragraph).join('\n\n'); // ≈ 5.6 MB
  const result = annotate({ textContent: text });
  expect(result.annotatedChars).toBeGreaterThan(MAX_ANNOTATED_CHARS - paragraph.length - 3);
  expect(result.annotatedChars).toBeLessThanOrEqual(MAX_ANNOTATED_CHARS);
  // The cut falls between paragraphs, and every offset lies inside the annotated part.
  expect(text.slice(result.annotatedChars, (result.annotatedChars ?? 0) + 2)).toBe('\n\n');
  for (const q of result.quotes) {
    expect(q.end).toBeLessThanOrEqual(result.annotatedChars as number);
    expect(text.slice(q.start, q.end)).toBe(q.text);
  }
  expect(result.quotes[0]).toMatchObject({ text: 'We will open in the spring,', speaker: 'Marta Lindqvist' });
});

test('an ordinary article is annotated whole', () => {
  expect(annotate({ textContent: paragraph }).annotatedChars).toBeUndefined();
});
