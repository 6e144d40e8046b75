/**
 * Property-based tests. Random and mutated HTML never makes the extractor or the
 * sanitizer throw, and what the sanitizer returns is always safe. CI runs a few hundred cases
 * per property; `npm run test:fuzz` runs 10,000 (FUZZ_RUNS overrides either).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { extractPage } from '@/lib/extract/extract-article';
import { parseHtml } from '@/lib/extract/parse-html';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { unsafeMarkup } from '../support/unsafe-markup';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
// Up to ~100 ms a run for the heaviest property (extract, then sanitize) on this 2-core machine.
const FUZZ_TIMEOUT = Math.max(60_000, RUNS * 200);

const vectors = (
  JSON.parse(readFileSync(new URL('../../../shared/corpus/xss/vectors.json', import.meta.url), 'utf8')) as {
    payload: string;
  }[]
).map((v) => v.payload);
const seed = readFileSync(new URL('../../../shared/corpus/seed/zelensky-nato.html', import.meta.url), 'utf8');

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'img',
  'article',
  'section',
  'h1',
  'h2',
  'ul',
  'li',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'blockquote',
  'script',
  'style',
  'iframe',
  'form',
  'input',
  'svg',
  'math',
  'template',
  'noscript',
  'base',
  'meta',
  'link',
  'object',
  'video',
  'source',
  'time',
  'br',
  'select',
  'option',
  'frameset',
];
const ATTRS = [
  'class',
  'id',
  'href',
  'src',
  'srcset',
  'data-src',
  'style',
  'onerror',
  'onclick',
  'hidden',
  'aria-hidden',
  'rel',
  'target',
  'xlink:href',
  'formaction',
  'ping',
  'lang',
  'dir',
  'datetime',
  'shadowrootmode',
];
const VALUES = [
  'javascript:alert(1)',
  ' JaVa\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://canary.test/x.png',
  '/images/a.jpg',
  // srcset candidates are split at commas after descriptors, not only at ", ".
  '/images/a.jpg 0.1x,https://canary.test/t.gif',
  '/images/a.jpg 1x,https://canary.test/b.png 2x',
  '/images/a.jpg,https://canary.test/c.png 480w',
  'url(https://canary.test/bg)',
  'display:none',
  'x" onload="alert(1)',
  'rtl',
  'open',
  '2024-04-30',
  'related newsletter share',
  '1',
];
const TEXT = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '“Quoted,” he said.',
    'Subscribe to our newsletter',
    '&amp;&lt;&#0;',
    '\u0000\ufffd',
    'Read more',
  ),
  fc.lorem({ maxCount: 30 }),
);

/** Random element trees built from the tags and attributes hostile pages use. */
const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES)), { maxLength: 3 }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([tag, attrs, children, close]) => {
        const attrText = attrs.map(([k, v]) => ` ${k}="${v.replaceAll('"', '&quot;')}"`).join('');
        return `<${tag}${attrText}>${children.join('')}${close ? `</${tag}>` : ''}`;
      }),
    fc.constantFrom(...vectors),
  ),
})).node;

/** A real page cut and spliced at random places, with random trees and payloads inserted. */
const mutatedSeed = fc
  .array(fc.tuple(fc.nat(seed.length), fc.nat(200), fc.oneof(tree, fc.constant(''))), {
    minLength: 1,
    maxLength: 5,
  })
  .map((edits) =>
    edits.reduce((html, [at, cut, insert]) => html.slice(0, at) + insert + html.slice(at + cut), seed),
  );

const anyHtml = fc.oneof(
  tree.map((body) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`),
  mutatedSeed,
  fc.string({ maxLength: 300 }),
);

type HostWindow = Parameters<typeof sanitizeArticleHtml>[1] & JSDOM['window'];

/**
 * The window the sanitizer and the safety check parse in. jsdom keeps every document a window's
 * DOMParser has made until the window closes (jsdom#2722), so one window for 10,000 runs made each
 * run slower than the last; a fresh one every 100 runs keeps a run's cost flat.
 */
const hostWindow = (() => {
  let dom = new JSDOM('<!doctype html><body></body>');
  let uses = 0;
  return (): HostWindow => {
    if (++uses > 100) {
      dom.window.close();
      dom = new JSDOM('<!doctype html><body></body>');
      uses = 1;
    }
    return dom.window as HostWindow;
  };
})();

/**
 * One turn of the event loop per run: jsdom frees a document's resources only from the event loop,
 * so thousands of synchronous runs (npm run test:fuzz) would otherwise hold them all at once.
 */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** What the reader must never contain in `html`; empty when it is safe (images only from `site`). */
function unsafeParts(html: string, site?: string, window: HostWindow = hostWindow()): string[] {
  const doc = new window.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return unsafeMarkup(doc, { site });
}

describe('properties', () => {
  test('the safety check itself catches raw payloads (so a pass means something)', () => {
    expect(unsafeParts('<img src=x onerror=alert(1)>')).toEqual(['onerror on <img>']);
    expect(unsafeParts('<a href=" java\tscript:alert(1)">x</a>')).toEqual(['href= java\tscript:alert(1)']);
    expect(unsafeParts('<p style="background:url(https://canary.test/x)">x</p>')).toEqual(['style=']);
    expect(unsafeParts('<img src="https://canary.test/x.png">', 'news.example')).toEqual([
      'src loads canary.test',
    ]);
    expect(unsafeParts('<img srcset="https://news.example/a.png 1x, x.png 2x">', 'news.example')).toEqual([
      'srcset is not an absolute URL: x.png',
    ]);
    expect(
      unsafeParts('<img srcset="https://news.example/a.png 0.1x,https://canary.test/t.gif">', 'news.example'),
    ).toEqual(['srcset loads canary.test']);
    expect(unsafeParts('<img srcset="https://news.example/a,b.png 2x">', 'news.example')).toEqual([]);
    expect(unsafeParts('<form><iframe src=x></iframe></form>')).toEqual(['<form>', '<iframe>']);
    expect(unsafeParts('<b title="javascript:alert(2)">x</b>')).toEqual([]);
    expect(unsafeParts('<a href="data:text/html,x">x</a><img href="data:image/png,x">')).toEqual([
      'href=data:text/html,x',
    ]);
    expect(unsafeParts('<a href="data:image/png,x">x</a>')).toEqual(['href=data:']);
  });

  test(
    'extractPage never throws, and an article it returns has consistent text and counts',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyHtml, async (html) => {
          await turn();
          const { article, reason } = extractPage(
            parseHtml(html, 'https://news.example/a'),
            'https://news.example/a',
          );
          if (!article) expect(reason).toBeTruthy();
          else {
            expect(typeof article.textContent).toBe('string');
            expect(article.wordCount).toBeGreaterThanOrEqual(0);
            expect(article.readingMinutes).toBeGreaterThanOrEqual(0);
            if (reason) expect(article.readerable).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );

  test(
    'sanitized HTML never holds scripts, handlers, javascript: URLs or loading markup',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyHtml, async (html) => {
          await turn();
          const window = hostWindow();
          const { html: safe } = sanitizeArticleHtml(html, window, { baseUrl: 'https://news.example/a' });
          expect(unsafeParts(safe, 'news.example', window)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );

  test(
    'extracted then sanitized, as the reader does: still safe',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyHtml, async (html) => {
          await turn();
          const { article } = extractPage(
            parseHtml(html, 'https://news.example/a'),
            'https://news.example/a',
          );
          if (!article) return;
          const window = hostWindow();
          const { html: safe } = sanitizeArticleHtml(article.contentHtml, window, { baseUrl: article.url });
          expect(unsafeParts(safe, 'news.example', window)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT,
  );
});
