import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { BLOCKED_SRC_ATTR, safeImageUrl, sanitizeArticleHtml } from '@/lib/sanitize';
import { unsafeMarkup } from '../support/unsafe-markup';

const { window } = new JSDOM('<!doctype html><body></body>');
const win = window as unknown as Parameters<typeof sanitizeArticleHtml>[1];
const baseUrl = 'https://news.example.com/2024/story/';
const clean = (html: string, allowThirdPartyMedia = false) =>
  sanitizeArticleHtml(html, win, { baseUrl, allowThirdPartyMedia });

function parse(html: string): Document {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

describe('sanitizeArticleHtml', () => {
  test('removes scripts, handlers, frames, forms, styles and javascript: links', () => {
    const { html } = clean(
      '<p onclick="alert(1)" style="background:url(http://evil.test/x)">Hi <a href="JaVaScRiPt:alert(1)">x</a></p>' +
        '<script>alert(1)</script><iframe src="https://www.youtube.com/embed/x"></iframe>' +
        '<form action="http://evil.test"><input name="pw"><button>Go</button></form>' +
        '<style>@import url(http://evil.test/a.css)</style><base href="http://evil.test/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    );
    const doc = parse(html);
    expect(unsafeMarkup(doc, { site: 'example.com' })).toEqual([]);
    expect(doc.body.textContent).toContain('Hi x');
  });

  test('a <frameset> before any text (no body when parsed) keeps the text and drops the frames', () => {
    const { html } = clean('<div><frameset onload="alert(1)"><frame src="https://evil.test/"><p>Kept.</p>');
    expect(unsafeMarkup(parse(html), { site: 'example.com' })).toEqual([]);
    expect(parse(html).body.textContent).toBe('Kept.');
  });

  test('links open in a new tab without opener or referrer, relative URLs resolve against the article', () => {
    const doc = parse(
      clean('<p><a href="../other/">Other</a> <a href="#fn1">1</a></p><p id="fn1">Note</p>').html,
    );
    const [link, footnote] = doc.querySelectorAll('a');
    expect(link.getAttribute('href')).toBe('https://news.example.com/2024/other/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(footnote.getAttribute('href')).toBe('#user-content-fn1');
    expect(doc.getElementById('user-content-fn1')?.textContent).toBe('Note');
  });

  test('drops 1×1 tracking pixels and keeps real images from the article site', () => {
    const doc = parse(
      clean(
        '<p><img src="https://px.example.com/p.gif" width="1" height="1"><img src="/img/a.jpg" alt="A"></p>',
      ).html,
    );
    const imgs = doc.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0].getAttribute('src')).toBe('https://news.example.com/img/a.jpg');
    expect(imgs[0].getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  test('images from other sites are held back unless allowed; srcset keeps only allowed candidates', () => {
    const input =
      '<img src="https://cdn.other.test/a.jpg" alt="a"><picture><source srcset="https://cdn.other.test/b.webp 1x, https://img.example.com/b.webp 2x"><img src="/b.jpg" alt="b"></picture>';
    const held = clean(input);
    expect(held.blockedImages).toBe(1);
    const doc = parse(held.html);
    const first = doc.querySelector('img');
    expect(first?.hasAttribute('src')).toBe(false);
    expect(first?.getAttribute(BLOCKED_SRC_ATTR)).toBe('https://cdn.other.test/a.jpg');
    expect(doc.querySelector('source')?.getAttribute('srcset')).toBe('https://img.example.com/b.webp 2x');
    const allowed = parse(clean(input, true).html);
    expect(allowed.querySelector('img')?.getAttribute('src')).toBe('https://cdn.other.test/a.jpg');
  });

  test('srcset is read as browsers read it: no URL hides after a descriptor', () => {
    const srcsetOf = (srcset: string, allow = false) =>
      parse(clean(`<img src="/a.jpg" srcset="${srcset}" alt="">`, allow).html)
        .querySelector('img')
        ?.getAttribute('srcset') ?? null;
    // A comma straight after a descriptor starts the next candidate: the tracker is a URL, not text.
    expect(srcsetOf('/a.png 0.1x,https://tracker.example/t.gif')).toBe('https://news.example.com/a.png 0.1x');
    expect(srcsetOf('/a.png 1x,https://tracker.example/t.gif 2x', true)).toBe(
      'https://news.example.com/a.png 1x, https://tracker.example/t.gif 2x',
    );
    // A candidate whose descriptor is not one width or density is dropped.
    expect(srcsetOf('/a.png 1x https://tracker.example/t.gif')).toBeNull();
    expect(srcsetOf('/a.png 480w 300h, /b.png 2x')).toBe('https://news.example.com/b.png 2x');
    // A comma inside a URL is the URL's own.
    expect(srcsetOf('/img/a,b.png 2x')).toBe('https://news.example.com/img/a,b.png 2x');
    expect(
      unsafeMarkup(parse(clean('<img srcset="/a.png 0.1x,https://tracker.example/t.gif">').html), {
        site: 'example.com',
      }),
    ).toEqual([]);
  });

  test('media never preloads or autoplays', () => {
    const doc = parse(clean('<video src="/v.mp4" autoplay preload="auto"></video>').html);
    const video = doc.querySelector('video');
    expect(video?.getAttribute('preload')).toBe('none');
    expect(video?.hasAttribute('autoplay')).toBe(false);
  });

  test('page ids cannot clobber globals', () => {
    const doc = parse(clean('<a id="browser" href="/x">x</a><p id="document">y</p>').html);
    expect(doc.querySelector('#browser')).toBeNull();
    expect(doc.querySelector('[id="user-content-browser"]')).not.toBeNull();
  });

  test('safeImageUrl applies the same policy to a single URL', () => {
    expect(safeImageUrl('/lead.jpg', { baseUrl })).toEqual({
      url: 'https://news.example.com/lead.jpg',
      blocked: false,
    });
    expect(safeImageUrl('https://cdn.other.test/lead.jpg', { baseUrl })?.blocked).toBe(true);
    expect(safeImageUrl('javascript:alert(1)', { baseUrl })).toBeNull();
  });

  // Our own hostile markup, beyond the shared corpus: every way HTML can fetch or run something.
  test.each([
    ['srcset', '<img srcset="http://canary.test/a.png 1x, http://canary.test/b.png 2x" alt="">'],
    ['poster', '<video poster="http://canary.test/p.jpg" src="http://canary.test/v.mp4"></video>'],
    [
      'audio and track',
      '<audio src="http://canary.test/a.mp3"><track src="http://canary.test/t.vtt"></audio>',
    ],
    ['legacy background', '<table background="http://canary.test/bg.png"><tr><td>x</td></tr></table>'],
    ['input image', '<input type="image" src="http://canary.test/i.png">'],
    [
      'object/embed',
      '<object data="http://canary.test/o.swf"></object><embed src="http://canary.test/e.swf">',
    ],
    ['iframe srcdoc', '<iframe srcdoc="<img src=http://canary.test/s.png>"></iframe>'],
    ['svg link', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    [
      'math link',
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    ],
    [
      'entity-encoded scheme',
      '<a href="&#106;avascript&#58;alert(1)">x</a><a href="java&#x0A;script:alert(1)">y</a>',
    ],
    ['vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
    ['protocol-relative image', '<img src="//canary.test/pr.png" alt="">'],
    ['area', '<map name="m"><area href="javascript:alert(1)" shape="rect" coords="0,0,1,1"></map>'],
    [
      'link and style',
      '<link rel="stylesheet" href="http://canary.test/s.css"><style>@font-face{src:url(http://canary.test/f.woff)}</style>',
    ],
    ['inline style', '<p style="background:url(http://canary.test/x.png)">x</p>'],
  ])('own vector: %s', (_name, payload) => {
    const { html } = clean(`<p>Lead.</p>${payload}`);
    expect(unsafeMarkup(parse(html), { site: 'example.com' })).toEqual([]);
    expect(html).not.toMatch(/\ssrc(set)?="[^"]*canary/);
  });

  const vectors = JSON.parse(
    readFileSync(new URL('../../../shared/corpus/xss/vectors.json', import.meta.url), 'utf8'),
  ) as { id: number; payload: string }[];
  test.each(vectors.map((v) => [v.id, v.payload] as const))(
    'XSS vector %i leaves no forbidden markup',
    (_id, payload) => {
      expect(
        unsafeMarkup(parse(clean(`<p>Lead paragraph.</p>${payload}`).html), { site: 'example.com' }),
      ).toEqual([]);
    },
  );
});
