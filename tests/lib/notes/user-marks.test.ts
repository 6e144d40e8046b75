// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { applyHighlights, removeHighlights } from '@/lib/highlight/apply-highlights';
import { buildTextMap } from '@/lib/highlight/text-map';
import { rangeOffsets } from '@/lib/notes/range-offsets';
import { applyUserMarks, removeUserMarks, setHasNote, userMarksOf } from '@/lib/notes/user-marks';

function body(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

const HTML =
  '<p>The minister said <mark data-lede-highlight="" data-quote="">“we will <a href="https://x.example/">stay</a> here”</mark> on Monday.</p><p>Critics <b>disagreed</b> strongly.</p>';

describe('rangeOffsets', () => {
  test('a selection across a link and into the next paragraph maps to text offsets', () => {
    const root = body(HTML);
    const map = buildTextMap(root);
    const range = document.createRange();
    const first = root.querySelector('a')?.firstChild as Text;
    range.setStart(first, 1);
    const last = root.querySelector('b')?.firstChild as Text;
    range.setEnd(last, 4);
    const found = rangeOffsets(map, range);
    expect(map.text.slice(found?.start, found?.end)).toBe('tay here” on Monday.\n\nCritics disa');
  });

  test('a selection of whole elements (element boundaries) works, trimmed of spaces', () => {
    const root = body(HTML);
    const map = buildTextMap(root);
    const range = document.createRange();
    range.selectNodeContents(root.querySelectorAll('p')[1]);
    const found = rangeOffsets(map, range);
    expect(map.text.slice(found?.start, found?.end)).toBe('Critics disagreed strongly.');
  });

  test('a selection outside the text gives null', () => {
    const root = body(HTML);
    const map = buildTextMap(root);
    const range = document.createRange();
    range.selectNodeContents(document.head);
    expect(rangeOffsets(map, range)).toBeNull();
  });
});

describe('applyUserMarks', () => {
  test('a highlight across paragraphs, a quote mark and a link: marks inside them, all intact', () => {
    const root = body(HTML);
    const before = root.textContent;
    const map = buildTextMap(root);
    const start = map.text.indexOf('will');
    const end = map.text.indexOf('disagreed') + 'disagreed'.length;
    const made = applyUserMarks(root, map, [{ id: 'h1', start, end, hasNote: false }]);
    const marks = made.get('h1') ?? [];
    expect(marks.length).toBeGreaterThan(3);
    expect(marks.map((m) => m.textContent).join('')).toBe('will stay here” on Monday.Critics disagreed');
    // The quote mark and the link are still one element each, with all their text.
    expect(root.querySelectorAll('mark[data-quote]').length).toBe(1);
    expect(root.querySelector('mark[data-quote]')?.textContent).toBe('“we will stay here”');
    expect(root.querySelector('a')?.textContent).toBe('stay');
    expect(root.querySelectorAll('p').length).toBe(2);
    expect(root.textContent).toBe(before);
    // One keyboard stop per highlight.
    expect(marks.filter((m) => m.tabIndex === 0).length).toBe(1);
    expect(userMarksOf(root, 'h1')).toEqual(marks);
  });

  test('notes are flagged, and removal leaves the text and the other marks as they were', () => {
    const root = body(HTML);
    const html = root.innerHTML;
    const map = buildTextMap(root);
    applyUserMarks(root, map, [
      { id: 'a', start: 4, end: 12, hasNote: true },
      { id: 'b', start: 8, end: 20, hasNote: false },
    ]);
    expect(userMarksOf(root, 'a').every((m) => m.hasAttribute('data-has-note'))).toBe(true);
    setHasNote(root, 'b', true);
    expect(userMarksOf(root, 'b').every((m) => m.hasAttribute('data-has-note'))).toBe(true);
    removeUserMarks(root, 'a');
    expect(userMarksOf(root, 'a')).toEqual([]);
    expect(
      userMarksOf(root, 'b')
        .map((m) => m.textContent)
        .join(''),
    ).toBe(map.text.slice(8, 20));
    removeUserMarks(root);
    expect(root.innerHTML).toBe(html);
  });

  test('the reader re-applying its quote and name marks keeps the user marks and their text', () => {
    const root = body('<p>He said “we will win” in Kyiv.</p>');
    const map = buildTextMap(root);
    applyUserMarks(root, map, [{ id: 'u', start: 3, end: 20, hasNote: false }]);
    const text = buildTextMap(root).text;
    expect(text).toBe(map.text);
    const q = text.indexOf('“');
    applyHighlights(root, buildTextMap(root), {
      quotes: [{ text: 'we will win', speaker: null, start: q, end: text.indexOf('”') + 1 }],
      entities: [],
      unsupportedLanguage: null,
    } as never);
    removeHighlights(root);
    expect(
      userMarksOf(root, 'u')
        .map((m) => m.textContent)
        .join(''),
    ).toBe(text.slice(3, 20));
  });
});
