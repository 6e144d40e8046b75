import { describe, expect, test } from 'vitest';
import { anchorQuote, CONTEXT_CHARS, describeQuote, editDistance } from '@/lib/notes/text-quote';

const TEXT =
  'The minister said the talks would resume. Critics said the talks would fail.\n\nThe vote is on Tuesday, and the talks would matter then.';

function selectorOf(text: string, snippet: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(snippet, at + 1);
  return describeQuote(text, at, at + snippet.length);
}

describe('describeQuote', () => {
  test('keeps the quote, up to 32 characters of context each side, and the offsets', () => {
    const s = selectorOf(TEXT, 'Critics said');
    expect(s.exact).toBe('Critics said');
    expect(s.prefix).toBe(TEXT.slice(s.start - CONTEXT_CHARS, s.start));
    expect(s.suffix).toBe(TEXT.slice(s.end, s.end + CONTEXT_CHARS));
    expect(TEXT.slice(s.start, s.end)).toBe('Critics said');
  });

  test('clamps context at the ends of the text', () => {
    const s = describeQuote(TEXT, 0, 3);
    expect(s.prefix).toBe('');
    expect(s.exact).toBe('The');
  });
});

describe('anchorQuote', () => {
  test('an unchanged text anchors at the offsets', () => {
    const s = selectorOf(TEXT, 'the talks would', 1);
    expect(anchorQuote(TEXT, s)).toEqual({ start: s.start, end: s.end, method: 'position' });
  });

  test('text inserted before: the same occurrence is found by its context, not the first one', () => {
    const s = selectorOf(TEXT, 'the talks would', 1);
    const edited = `BREAKING. ${TEXT}`;
    const found = anchorQuote(edited, s);
    expect(found?.method).toBe('exact');
    expect(found?.start).toBe(s.start + 'BREAKING. '.length);
    // Not the first "the talks would" of the edited text.
    expect(found?.start).not.toBe(edited.indexOf('the talks would'));
  });

  test('offsets that now point at another occurrence lose to the one whose context matches', () => {
    // The second occurrence moves to where the first was; the first is reworded.
    const s = selectorOf(TEXT, 'the talks would', 1);
    const edited = TEXT.replace('The minister said the talks would resume. ', '');
    const found = anchorQuote(edited, s);
    expect(edited.slice(found?.start, (found?.start ?? 0) + 40)).toMatch(/^the talks would fail/);
  });

  test('whitespace, case and typographic quotes changed: found approximately', () => {
    const text = 'He said “we will win” in   Kyiv.';
    const s = describeQuote(text, text.indexOf('“we'), text.indexOf('Kyiv') + 4);
    const edited = 'Earlier: he said "We will win" in Kyiv.';
    const found = anchorQuote(edited, s);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found?.start, found?.end)).toBe('"We will win" in Kyiv');
  });

  test('a word changed inside a long quote: found approximately within a fifth of edits', () => {
    const text = `${'Intro words here. '.repeat(3)}The alliance will stand with Ukraine for as long as it takes, he said. ${'Outro. '.repeat(3)}`;
    const s = selectorOf(text, 'The alliance will stand with Ukraine for as long as it takes');
    const edited = text.replace('Intro words here. ', 'Other start. ').replace('stand with', 'stand by');
    const found = anchorQuote(edited, s);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found?.start, found?.end)).toContain('stand by Ukraine');
  });

  test('quote reworded entirely but its context kept: anchored between prefix and suffix', () => {
    const text =
      'Paragraph one is here and fine. Officials declined to comment on the plan. Paragraph three is also fine.';
    const s = selectorOf(text, 'Officials declined to comment on the plan.');
    const edited = text.replace(
      'Officials declined to comment on the plan.',
      'A spokesperson would not discuss it.',
    );
    const found = anchorQuote(edited, s);
    expect(edited.slice(found?.start, found?.end)).toBe('A spokesperson would not discuss it.');
  });

  test('text gone: null (an orphan), never a wrong place', () => {
    const s = selectorOf(TEXT, 'Critics said the talks would fail.');
    expect(anchorQuote('An entirely different article about football and weather.', s)).toBeNull();
  });

  test('editDistance counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
