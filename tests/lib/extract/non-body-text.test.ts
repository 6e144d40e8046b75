import { describe, expect, test } from 'vitest';
import { extractArticle } from '@/lib/extract/extract-article';
import { isNonBodyText } from '@/lib/extract/non-body-text';
import { FIXTURE_URL, fixtureDoc, htmlDoc } from './fixture';

const article = () => {
  const a = extractArticle(fixtureDoc('captions-and-links.html'), FIXTURE_URL);
  if (!a) throw new Error('no article');
  return a;
};

test('captions and photo credits stay in the HTML but out of the text', () => {
  const a = article();
  expect(a.textContent).not.toContain('Trams at the central depot');
  expect(a.textContent).not.toContain('Jane Doe/The Daily Example');
  expect(a.textContent).not.toContain('Councillors during the vote');
  expect(a.textContent).not.toContain('Getty Images');
  expect(a.contentHtml).toContain('<figcaption>');
  expect(a.contentHtml).toContain('Trams at the central depot');
});

test('"Read more:" lines and "Don\'t miss" link boxes are not body text', () => {
  const a = article();
  expect(a.textContent).not.toContain('Why the tram budget doubled');
  expect(a.textContent).not.toContain("DON'T MISS");
  expect(a.textContent).not.toContain('Bus fares to rise');
  expect(a.textContent).not.toContain('Cycling lanes row');
});

test('the byline is metadata, not body text', () => {
  const a = article();
  expect(a.textContent).not.toMatch(/^By Jane Doe/m);
  expect(a.byline).toBe('Jane Doe');
});

test('the body text keeps every paragraph, list item and heading as its own block', () => {
  const a = article();
  expect(a.textContent.startsWith('The city council voted on Tuesday')).toBe(true);
  expect(a.textContent).toContain('\n\nTN\n\nJune\n\n');
  expect(a.textContent).toContain('\n\nWhat comes next\n\nThe first line to\nthe airport\nopens in 2027.');
  expect(a.textContent).toContain('Construction is expected to begin next spring');
});

describe('isNonBodyText on single blocks', () => {
  const block = (html: string) => {
    const doc = htmlDoc(`<body>${html}</body>`, 'https://news.example.com/story');
    return isNonBodyText(doc.body.lastElementChild as Element);
  };

  test.each([
    ['<p>Read more: <a href="/x">Why the budget doubled</a></p>'],
    ['<p>Related stories</p>'],
    ['<p>Posted: Fri 6:45 PM, Feb 16, 2018</p>'],
    ['<p>Reporting by Jane Doe; Editing by John Roe</p>'],
    ['<p>Fox News’ Jane Doe contributed to this report.</p>'],
    ['<p>Natalie Naccache | Bloomberg | Getty Images</p>'],
    ['<p>The mayor at the depot. (Photo by Jane Doe/Getty Images)</p>'],
    ['<p>Copyright 2019 The Associated Press. All rights reserved.</p>'],
    ['<p><a href="https://news.example.com/other-story">TRAMS TO RUN ALL NIGHT FROM MAY</a></p>'],
    ['<p>Microsoft may earn an affiliate commission if you buy through links in this article.</p>'],
  ])('%s is not body text', (html) => {
    expect(block(html)).toBe(true);
  });

  test.each([
    ['<p>More than 100 people attended the meeting.</p>'],
    ['<p>Latest figures show ridership grew by a third.</p>'],
    ['<p>Published in 1990, the report predicted the crisis.</p>'],
    ['<p>Share prices fell sharply on Monday.</p>'],
    ['<p><a href="https://shop.example.org/deal">Get it on Amazon for $39.99</a></p>'],
    ['<p>Related costs rose by 5% as the project went on, according to the audit.</p>'],
  ])('%s stays body text', (html) => {
    expect(block(html)).toBe(false);
  });

  test('a link list right after a "More Great Stories" label goes with it', () => {
    const doc = htmlDoc(
      '<body><div>More Great Example Stories</div><ul><li>Drivers strike <a href="/a">for a second day</a></li><li>Cyclists win <a href="/b">their own lane</a></li></ul></body>',
    );
    expect(isNonBodyText(doc.querySelector('ul') as Element)).toBe(true);
  });
});
