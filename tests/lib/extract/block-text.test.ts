import { expect, test } from 'vitest';
import { blockText } from '@/lib/extract/block-text';
import { htmlDoc } from './fixture';

const text = (html: string, skip?: (el: Element) => boolean) => blockText(htmlDoc(html).body, skip);

test('separates blocks with a blank line and never glues neighbours ("TN" + "June")', () => {
  expect(text('<ul><li>TN</li><li>June</li></ul>')).toBe('TN\n\nJune');
  expect(text('<h2>Title</h2><p>One.</p><blockquote>Two.</blockquote><div>Three</div>')).toBe(
    'Title\n\nOne.\n\nTwo.\n\nThree',
  );
});

test('<br> is a line break inside its block', () => {
  expect(text('<p>first line<br>second line</p><p>next</p>')).toBe('first line\nsecond line\n\nnext');
});

test('collapses whitespace inside a block and keeps inline elements in their sentence', () => {
  expect(text('<p>  The   <b>bold</b>\n\n and <a href="#">linked</a> words. </p>')).toBe(
    'The bold and linked words.',
  );
});

test('nested blocks do not produce empty paragraphs', () => {
  expect(text('<div><div><p>a</p></div><div></div><p>b</p></div>')).toBe('a\n\nb');
});

test('pre keeps its line breaks', () => {
  expect(text('<pre>line 1\n  line 2</pre>')).toBe('line 1\n  line 2');
});

test('skipped elements and scripts contribute no text but still separate words', () => {
  const out = text('<p>word<span class="x">NOISE</span>next<script>var a</script></p>', (el) =>
    el.classList.contains('x'),
  );
  expect(out).toBe('word next');
});
