import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../lib/annotate/find-quotes';
import { splitBlocks } from '../../../lib/annotate/split-blocks';

const quotes = (text: string) => findQuotes(text, splitBlocks(text)).map((q) => q.text);

describe('findQuotes', () => {
  it('splits a quote interrupted by its attribution into two quotes', () => {
    expect(quotes('“We will win,” the minister said, “and we will rebuild.”')).toEqual([
      'We will win,',
      'and we will rebuild.',
    ]);
  });

  it('gives one quote per paragraph of a multi-paragraph quotation, open ones running to the paragraph end', () => {
    const text = '“The first paragraph has no closing mark.\n\n“The second one does,” she said.';
    expect(quotes(text)).toEqual(['The first paragraph has no closing mark.', 'The second one does,']);
  });

  it('keeps nested single quotes inside the quotation', () => {
    expect(quotes('“It’s ‘Showtime at the Apollo.’” he said.')).toEqual(['It’s ‘Showtime at the Apollo.’']);
  });

  it('reads guillemets (with their inner spaces) and German/Czech „ “ marks', () => {
    expect(quotes('« Nous sommes prêts », a déclaré le ministre.')).toEqual(['Nous sommes prêts']);
    expect(quotes('„Wir sind bereit“, sagte der Minister.')).toEqual(['Wir sind bereit']);
    expect(quotes('"Jsme připraveni," řekl ministr.')).toEqual(['Jsme připraveni,']);
  });

  it('excludes scare quotes, named terms and titles, but keeps a one-word quote with a speech verb', () => {
    expect(quotes('The company sells “smart” fridges.')).toEqual([]);
    expect(quotes('He lived in a “post-truth” society, the article claimed.')).toEqual([]);
    expect(quotes('Critics dubbed the plan “Operation Sunshine”.')).toEqual([]);
    expect(quotes('Die sogenannte „Zeitenwende“ sei nicht abgeschlossen, erklärte er.')).toEqual([]);
    expect(quotes('She reviewed the film “Gone With The Wind” last week.')).toEqual([]);
    expect(quotes('He vowed that the country would be “merciless” in defending itself.')).toEqual([
      'merciless',
    ]);
  });

  it('keeps a short partial quote attributed by a speech verb', () => {
    expect(quotes('Zelensky said the threats were “completely different” now.')).toEqual([
      'completely different',
    ]);
  });

  it('returns offsets such that text.slice(start, end) === quote text', () => {
    const text = 'Intro.\n\n“One,” he said, “two.”\n\n« trois » , a-t-il dit.\n\n“Open to the end';
    for (const q of findQuotes(text, splitBlocks(text))) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});
