import { describe, expect, test } from 'vitest';
import {
  cleanByline,
  cleanTitle,
  isPlausibleDate,
  readMetadata,
  toIsoDate,
  visibleDate,
} from '@/lib/extract/read-metadata';
import { FIXTURE_URL, fixtureDoc, htmlDoc } from './fixture';

describe('readMetadata', () => {
  test('reads JSON-LD inside @graph: headline, authors, publisher, date, language', () => {
    const m = readMetadata(fixtureDoc('metadata.html'), FIXTURE_URL);
    expect(m.title).toBe('Council backs tram extension');
    expect(m.byline).toBe('Jane Doe, John Roe');
    expect(m.siteName).toBe('The Daily Example');
    expect(m.publishedTime).toBe('2024-03-05T09:30:00+01:00');
    expect(m.lang).toBe('en');
    expect(m.dir).toBe('ltr');
    expect(m.excerpt).toBe('The council voted to expand the tram network.');
    expect(m.canonicalUrl).toBe('https://news.example.com/2024/03/tram-extension');
  });

  test('the lead image is og:image, with alt and caption from the page figure showing it', () => {
    const m = readMetadata(fixtureDoc('metadata.html'), FIXTURE_URL);
    expect(m.leadImage).toEqual({
      src: 'https://cdn.example.com/images/tram-hero.jpg',
      alt: 'A tram at dusk',
      caption: 'A tram at dusk in the northern district.',
    });
  });

  test('falls back to OpenGraph, meta and <time> without JSON-LD; strips the site name from <title>', () => {
    const doc =
      htmlDoc(`<html lang="pt-br" dir="ltr"><head><title>Chuva forte em Lisboa | Jornal Exemplo</title>
      <meta property="og:site_name" content="Jornal Exemplo"><meta name="author" content="Por Ana Silva">
      <meta property="og:image" content="/img/chuva.jpg"></head>
      <body><h1>Chuva forte em Lisboa</h1><time datetime="2019-11-18">18 nov</time></body></html>`);
    const m = readMetadata(doc, FIXTURE_URL);
    expect(m.title).toBe('Chuva forte em Lisboa');
    expect(m.siteName).toBe('Jornal Exemplo');
    expect(m.byline).toBe('Ana Silva');
    expect(m.publishedTime).toBe('2019-11-18');
    expect(m.lang).toBe('pt-BR');
    expect(m.leadImage?.src).toBe('https://news.example.com/img/chuva.jpg');
  });

  test('right-to-left languages get dir rtl', () => {
    const m = readMetadata(htmlDoc('<html lang="ar"><body><p>نص</p></body></html>'), FIXTURE_URL);
    expect(m.dir).toBe('rtl');
  });

  test('JSON-LD as a top-level array, author as a string, broken JSON-LD ignored', () => {
    const doc = htmlDoc(`<head><script type="application/ld+json">{broken</script>
      <script type="application/ld+json">[{"@type":"Organization","name":"X"},
      {"@type":"BlogPosting","headline":"A post","author":"By Sam Lee","datePublished":"2020-01-02T03:04:05Z"}]</script></head>`);
    const m = readMetadata(doc, FIXTURE_URL);
    expect(m.title).toBe('A post');
    expect(m.byline).toBe('Sam Lee');
    expect(m.publishedTime).toBe('2020-01-02T03:04:05Z');
  });
});

test('cleanTitle strips " - Site Name", "Site Name | " and short section labels', () => {
  expect(cleanTitle('Tram plan approved - The Daily Example', 'The Daily Example', null)).toBe(
    'Tram plan approved',
  );
  expect(cleanTitle('The Daily Example | Tram plan approved', 'The Daily Example', null)).toBe(
    'Tram plan approved',
  );
  expect(cleanTitle('Council backs the tram extension plan | News | DE', null, null)).toBe(
    'Council backs the tram extension plan',
  );
  expect(cleanTitle('Zelensky: Ukraine will join NATO', null, null)).toBe('Zelensky: Ukraine will join NATO');
});

test('cleanByline keeps names only', () => {
  expect(cleanByline('By Kateryna Hodunova')).toBe('Kateryna Hodunova');
  expect(cleanByline('  by   Jane Doe ')).toBe('Jane Doe');
  expect(cleanByline('')).toBeNull();
  // A date glued onto the name by the page's markup is not part of it.
  expect(cleanByline('Lucas Nolan22 Dec 2016651')).toBe('Lucas Nolan');
  expect(cleanByline('GILLIAN MOHNEY\n March 11, 2015 3:46 PM')).toBe('GILLIAN MOHNEY');
});

test('toIsoDate keeps ISO dates as written and converts other formats', () => {
  expect(toIsoDate('2024-04-30')).toBe('2024-04-30');
  expect(toIsoDate('2024-04-30T11:53:00.000Z')).toBe('2024-04-30T11:53:00.000Z');
  expect(toIsoDate('2024-04-30 11:53:00+0300')).toBe('2024-04-30T11:53:00+03:00');
  expect(toIsoDate('Tue, 19 Nov 2019 10:48:00 GMT')).toBe('2019-11-19T10:48:00.000Z');
  expect(toIsoDate('yesterday')).toBeNull();
});

describe('metadata a reader can trust', () => {
  const meta = (head: string, body = '', url = FIXTURE_URL) =>
    readMetadata(htmlDoc(`<html><head>${head}</head><body>${body}</body></html>`, url), url);

  test('an impossible date is ignored and the next source is used', () => {
    const m = meta(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
      "datePublished":"0001-01-01T00:00:00Z"}</script>
      <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">`);
    expect(m.publishedTime).toBe('2024-03-05T09:30:00+01:00');
    expect(
      meta('<meta property="article:published_time" content="1970-01-01T00:00:00Z">').publishedTime,
    ).toBeNull();
    expect(meta('<meta property="article:published_time" content="2999-01-01">').publishedTime).toBeNull();
  });

  test('isPlausibleDate: from 1990 to one day ahead of now', () => {
    const now = Date.UTC(2024, 2, 5, 12);
    expect(isPlausibleDate('1989-12-31', now)).toBe(false);
    expect(isPlausibleDate('1990-01-01', now)).toBe(true);
    expect(isPlausibleDate('2024-03-06T10:00:00Z', now)).toBe(true);
    expect(isPlausibleDate('2024-03-07T13:00:00Z', now)).toBe(false);
  });

  test('without a machine-readable date, the printed publication line is read', () => {
    const m = meta('', '<div class="publish-date"> Published 7:07 PM EST Mar 5, 2024 </div>');
    expect(m.publishedTime).toBe('2024-03-05T19:07-05:00');
    expect(visibleDate('Updated 8 March 2024')).toBeNull();
    expect(visibleDate('5 March 2024 | Updated 8 March 2024')).toBe('2024-03-05');
    expect(visibleDate('Posted Mar. 5, 2024 at 9:15 am')).toBe('2024-03-05');
  });

  test('JSON-LD authors given by reference (@id) win over a placeholder byline', () => {
    const m = meta(`<meta name="author" content="Guest Author">
      <script type="application/ld+json">{"@graph":[
        {"@type":"NewsArticle","headline":"H","author":{"@id":"https://news.example.com/#/person/1"},
         "publisher":{"@id":"https://news.example.com/#org"}},
        {"@type":"Person","@id":"https://news.example.com/#/person/1","name":"Jane Doe"},
        {"@type":"Organization","@id":"https://news.example.com/#org","name":"The Daily Example"}]}</script>`);
    expect(m.byline).toBe('Jane Doe');
    expect(m.siteName).toBe('The Daily Example');
  });

  test('a placeholder byline gives way to a real name, and alone it is no byline', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"name":"Staff"}}</script>`;
    expect(meta(`${ld}<meta name="author" content="By John Roe">`).byline).toBe('John Roe');
    expect(meta(`${ld}<meta name="author" content="admin">`).byline).toBeNull();
  });

  test('bylines lose the organization that follows the names', () => {
    const m = meta(
      '<meta property="og:site_name" content="Wire Service">',
      '<span rel="author">JANE DOE and JOHN ROEWire Service</span>',
    );
    expect(m.byline).toBe('JANE DOE and JOHN ROE');
  });

  test('site names: no URL, no handle debris, no "Name | Domain"', () => {
    expect(meta('<meta property="og:site_name" content="https://www.example-news.com">').siteName).toBe(
      'example-news.com',
    );
    expect(meta('<meta name="twitter:site" content="@Kxyz_">', '', 'https://www.kxyz.com/a').siteName).toBe(
      'kxyz.com',
    );
    expect(
      meta('<meta property="og:site_name" content="The Daily Example | DailyExample.com">').siteName,
    ).toBe('The Daily Example');
    expect(meta('', '', 'https://www.example-news.com/2024/a').siteName).toBe('example-news.com');
  });

  test('declaresArticle: JSON-LD article types and og:type article, not a WebPage', () => {
    expect(meta('<meta property="og:type" content="article">').declaresArticle).toBe(true);
    expect(
      meta('<script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"H"}</script>')
        .declaresArticle,
    ).toBe(true);
    expect(
      meta('<script type="application/ld+json">{"@type":"WebPage","name":"Home"}</script>').declaresArticle,
    ).toBe(false);
    expect(meta('<meta property="og:type" content="website">').declaresArticle).toBe(false);
  });
});
