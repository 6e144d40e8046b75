import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { normalizeHeadings } from '@/lib/normalize-headings';

function levels(html: string): string[] {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  normalizeHeadings(document.body);
  return [...document.body.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.tagName}:${h.textContent}`);
}

test('headings start under the title and never skip a level', () => {
  expect(levels('<h3>a</h3><p>x</p><h5>b</h5><h3>c</h3>')).toEqual(['H2:a', 'H3:b', 'H2:c']);
  expect(levels('<h1>a</h1><h2>b</h2>')).toEqual(['H2:a', 'H3:b']);
  expect(levels('<h4>deep first</h4><h2>then top</h2>')).toEqual(['H2:deep first', 'H2:then top']);
});

test('attributes and content move with the heading', () => {
  const { document } = new JSDOM('<body><h4 id="x" dir="rtl">A <em>b</em></h4></body>').window;
  normalizeHeadings(document.body);
  expect(document.body.innerHTML).toBe('<h2 id="x" dir="rtl">A <em>b</em></h2>');
});
