import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { defuseMarkup, type ScanStats } from '@/lib/html/defuse-markup';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { unsafeMarkup } from '../../support/unsafe-markup';

/** The handler attributes a browser would create parsing `html` (jsdom parses as browsers do). */
function handlersParsed(html: string): string[] {
  const doc = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  return [...doc.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`),
  );
}

describe('defuseMarkup', () => {
  test.each([
    ['plain', '<img src=x onerror=alert(1)><p ONCLICK="a">t</p>'],
    ['slash-separated', '<img/onerror=x><svg/onload=y>'],
    ['after a raw-text element', '<xmp><a title="</xmp><img src=x onerror=alert(1)>'],
    ['after a comment holding a quote', '<!-- <a title=" --><img src=x onerror=alert(1)>'],
    ['raw-text names inside SVG are markup', '<svg><style></style><img src=x onerror=alert(1)></svg>'],
    ['style in SVG holding a tag', '<svg><style><img src=x onerror=alert(1)></style></svg>'],
    ['without a value', '<img src=x onerror>'],
    ['unquoted value with a slash', '<img src=x/ onerror=y>'],
    ['noscript is markup in an inert document', '<noscript><img src=x onerror=alert(1)></noscript>'],
  ])('%s: the parsed result holds no handler', (_name, html) => {
    expect(handlersParsed(html).length).toBeGreaterThan(0);
    expect(handlersParsed(defuseMarkup(html))).toEqual([]);
  });

  test('a <base> start tag is renamed, so parsing it re-points nothing (and breaks no CSP rule)', () => {
    const html =
      '<p>Lead.</p><base href="https://canary.test/base/"><a href="next.html">next</a><svg><base></svg>';
    const defused = defuseMarkup(html);
    expect(defused).toBe(
      '<p>Lead.</p><lede-defused-base href="https://canary.test/base/"><a href="next.html">next</a><svg><lede-defused-base></svg>',
    );
    const doc = new JSDOM(`<!doctype html><body>${defused}</body>`, { url: 'https://news.example/a/' }).window
      .document;
    expect(doc.querySelector('base')).toBeNull();
    expect(doc.querySelector('a')?.href).toBe('https://news.example/a/next.html');
    expect(defuseMarkup('</base><basement>')).toBe('</base><basement>');
  });

  test('text and attribute values that only look like handlers stay as they are', () => {
    const html =
      '<p title="x onclick=y" data-x=\'one=1\'>let one = 1; a <b> on=2</p><pre>&lt;img onerror=x&gt;</pre>';
    expect(defuseMarkup(html)).toBe(html);
    expect(defuseMarkup('</p onclick=x>')).toBe('</p onclick=x>');
  });

  test('an attribute left open to the end of the input is a dropped tag, not a hang', () => {
    const html = `<p>Lead.</p><a title="${'<a onclick=x '.repeat(1000)}`;
    expect(handlersParsed(defuseMarkup(html))).toEqual([]);
  });

  test('work grows linearly: ten times the hostile input is at most ten times the steps', () => {
    // <xmp>/<noembed> content full of `<a` with a stray quote made the old regex backtrack
    // quadratically (100 KB took seconds, 1 MB minutes).
    const hostile = (kb: number) => {
      const run = '<a onclick=x '.repeat((kb * 1024) / 26);
      return `<p>Lead.</p><xmp>${run}"</xmp><noembed>${run}'</noembed><a title="${run}`;
    };
    const work = (html: string) => {
      const stats: ScanStats = { steps: 0 };
      defuseMarkup(html, stats);
      return stats.steps;
    };
    const small = work(hostile(10));
    const large = work(hostile(100));
    expect(small).toBeGreaterThan(10 * 1024);
    expect(small).toBeLessThan(4 * hostile(10).length);
    expect(large).toBeLessThanOrEqual(10.5 * small);
    expect(large).toBeLessThan(4 * hostile(100).length);
  });

  // The timeout is a hang guard only (the old regex took over 20 s on this input, 200 KB in all).
  test('two 100 KB hostile blocks sanitize to safe HTML that keeps the story', { timeout: 10_000 }, () => {
    const { window } = new JSDOM('<!doctype html><body></body>');
    const run = '<a '.repeat(100_000 / 3);
    const html = `<p>The story.</p><xmp>${run}"</xmp><p onclick="alert(2)">More story.</p><noembed>${run}'</noembed><img src=x onerror=alert(1)>`;
    const { html: safe } = sanitizeArticleHtml(
      html,
      window as unknown as Parameters<typeof sanitizeArticleHtml>[1],
      { baseUrl: 'https://news.example/a' },
    );
    const doc = new JSDOM(`<!doctype html><body>${safe}</body>`).window.document;
    expect(unsafeMarkup(doc, { site: 'news.example' })).toEqual([]);
    expect(doc.body.textContent).toContain('The story.');
    expect(doc.body.textContent).toContain('More story.');
  });
});
