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
    // Case and marks the cheap prefilters before each pattern must let through (see prefilter.ts).
    ['<p>SEE ALSO:</p>'],
    ['<p>ſee alſo</p>'],
    ['<p>►► <a href="/x">Read more: Why the budget doubled</a></p>'],
    ['<p>DON’T MISS</p>'],
    ['<p>(PHOTO: Jane Doe)</p>'],
    ['<p>SÁBADO</p>'],
    ['<p>jane.doe@example.com</p>'],
    ['<p>@janedoe</p>'],
    ['<p>UPDATED: Nov. 19, 2019, 3:45 p.m. ET.</p>'],
    ['<p>[Story continues below]</p>'],
    ['<p>Sign up for our newsletter</p>'],
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

describe('furniture: out of the text and out of the HTML', () => {
  const read = (name: string, url: string) => {
    const a = extractArticle(fixtureDoc(name, url), url);
    if (!a) throw new Error('no article');
    return a;
  };

  test('promo lines, dividers, bookmark cards and author-archive links (furniture.html)', () => {
    const a = read('furniture.html', 'https://news.example.com/2024/03/night-trams');
    for (const furniture of [
      'Updated 3:45 PM ET',
      'Why the tram budget doubled',
      'Mayor defends the cost',
      'Continue reading below',
      'Bus fares to rise in April',
      'A short history of the harbour line',
      'Transit agencies struggle to find drivers',
      'Story continues below advertisement',
      'More by Jane Doe',
      'View author archive',
      'email the author',
      'Follow @janedoe',
      'You may also like',
      'Ferry timetable changes',
    ]) {
      expect(a.textContent).not.toContain(furniture);
      expect(a.contentHtml).not.toContain(furniture);
    }
    expect(a.textContent.split('\n\n')).toHaveLength(7);
    expect(a.textContent).toContain('The first night trams will run on May 3.');
  });

  test('update stamps, "More from …" cards and platform embeds (recommendations.html)', () => {
    const a = read('recommendations.html', 'https://news.example.com/2024/04/ferry-fares');
    for (const furniture of [
      'Published 7:07 PM',
      'UPDATED: Mar. 20',
      'Ferry operator plans 6 percent fare rise',
      'Continue reading the main story',
      'Fuel prices hit ferry budgets',
      'CONTINUE READING BELOW',
      'How the ferries got their names',
      'Story continues below',
      'A short history of the harbour line',
      'Ten ferry rides worth taking',
      'Island residents demand a night ferry',
      'Last updated 2 hours ago',
      'Mar. 20, 2024Updated',
      'More from The Daily Example',
      'Tram drivers vote to strike',
      'Drivers on the harbour line will walk out',
      'The depot will house 120 electric buses',
      'reopened two days ahead of schedule',
      'Five walks along the harbour',
    ]) {
      expect(a.textContent).not.toContain(furniture);
    }
    expect(a.textContent.split('\n\n')).toHaveLength(6);
    expect(a.contentHtml).not.toContain('Continue reading the main story');
    expect(a.contentHtml).not.toContain('Tram drivers vote to strike');
  });

  test('the byline repeated as a line of the body is metadata', () => {
    const doc =
      htmlDoc(`<html><head><meta name="author" content="JANE DOE"><title>Night trams return</title></head><body><article>
      <h1>Night trams return</h1><p>JANE DOE</p><p>JANE DOEWire Service</p>
      <p>Night trams will run on the harbour line again from May, the transport authority said on Tuesday.</p>
      <p>Jane Doe’s reporting on the line began in 2019, when the service was cut and the depot closed.</p>
    </article></body></html>`);
    const a = extractArticle(doc, FIXTURE_URL);
    expect(a?.textContent.startsWith('Night trams will run')).toBe(true);
    expect(a?.textContent).toContain('Jane Doe’s reporting');
  });
});

describe('isNonBodyText: furniture lines', () => {
  const block = (html: string) => {
    const doc = htmlDoc(`<body>${html}</body>`, 'https://news.example.com/story');
    return isNonBodyText(doc.body.lastElementChild as Element);
  };

  test.each([
    ['<p>[Related: <a href="/x/y">Council keynote: budget, trams and protesters</a>]</p>'],
    ['<p>► See also: <a href="/c">Bus fares to rise in April</a></p>'],
    ['<p>MORE: <a href="/2024/01/ferry-plan">Ferry operator plans 6 percent fare rise</a></p>'],
    ['<p>Read: <a href="/2024/03/islands">Island residents demand a night ferry</a></p>'],
    ['<p>Related Article: <a href="/2024/03/a">Ferry fares frozen</a></p>'],
    ['<p>More:</p>'],
    ['<p>More Business News</p>'],
    ['<p>RECENT ARTICLES</p>'],
    ['<p>Continue reading the main story</p>'],
    ['<p>ADVERTISEMENT - CONTINUE READING BELOW</p>'],
    ['<p>(Story continues below)</p>'],
    ['<p>Updated 3:45 PM ET</p>'],
    ['<p>UPDATED: Nov. 19, 2019, 3:45 p.m. ET.</p>'],
    ['<p>Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.</p>'],
    ['<p>Last updated 2 hours ago</p>'],
    ['<p>More by Jane Doe</p>'],
    [
      '<p><a href="/author/jane">View author archive</a> / <a href="mailto:j@example.com">email the author</a></p>',
    ],
    ['<p>Follow @janedoe</p>'],
    ['<p>Write to Jane Doe at jane.doe@example.com</p>'],
  ])('%s is furniture', (html) => {
    expect(block(html)).toBe(true);
  });

  test.each([
    ['<p>Continue reading for the full list of changes, which take effect in May.</p>'],
    ['<p>Read: the full text of the ruling is below.</p>'],
    ['<p>More: the council also approved a new depot, at a cost of $30 million.</p>'],
    ['<p>Also: the mayor said the project was on budget.</p>'],
    ['<p>Read more: <a href="#footnote-1">footnote 1</a></p>'],
    ['<p>Update: The company has since confirmed the outage lasted 3 hours.</p>'],
    ['<p>Updated at 3 p.m. with comment from the mayor.</p>'],
    ['<p>Follow the money, she said.</p>'],
  ])('%s stays body text', (html) => {
    expect(block(html)).toBe(false);
  });
});
