// @vitest-environment jsdom
import { expect, test } from 'vitest';
import {
  languageName,
  unsupportedLanguageMessage,
  unsupportedLanguageNote,
} from '@/components/highlight-groups';
import type { Span } from '@/lib/annotate/annotations';
import {
  drawnMentions,
  headingStarts,
  SPEAKER_NOT_NAMED,
  speakerName,
  speakerRunStarts,
} from '@/lib/highlight/drawn-marks';
import { buildTextMap } from '@/lib/highlight/text-map';

const at = (...starts: number[]): Span[] => starts.map((start) => ({ start, end: start + 3 }));

test('first mentions: one per section, before the first heading and after each heading', () => {
  // Headings start at 100 and 200: sections [0,100), [100,200), [200,…).
  const drawn = drawnMentions(at(10, 40, 90, 150, 160, 210, 400), [100, 200]);
  expect(drawn.map((m) => m.start)).toEqual([10, 150, 210]);
});

test('a section with no mention draws nothing, and a mention at a heading belongs to its section', () => {
  expect(drawnMentions(at(5, 300, 301), [100, 200]).map((m) => m.start)).toEqual([5, 300]);
  expect(drawnMentions(at(50, 100), [100]).map((m) => m.start)).toEqual([50, 100]);
});

test('without headings only the first mention is drawn, whatever order the mentions come in', () => {
  expect(drawnMentions(at(70, 20, 45), []).map((m) => m.start)).toEqual([20]);
});

test('all mentions: every mention is drawn', () => {
  expect(drawnMentions(at(10, 40, 150), [100], 'all').map((m) => m.start)).toEqual([10, 40, 150]);
});

test('headingStarts: h2–h6 of the rendered body start sections; h1 and empty headings do not', () => {
  const root = document.createElement('div');
  root.innerHTML =
    '<h1>Title</h1><p>Ann Lee spoke.</p><h2>Reaction <em>abroad</em></h2><p>More.</p>' +
    '<h3></h3><figure><figcaption><h4>Credit</h4></figcaption></figure><h5>  Last</h5><p>End.</p>';
  const map = buildTextMap(root);
  const starts = headingStarts(root, map);
  expect(starts.map((s) => map.text.slice(s, s + 4))).toEqual(['Reac', 'Last']);
});

test('speaker runs: a label where the speaker changes (unnamed is one speaker), or after a heading', () => {
  const q = (start: number, speaker: string | null) => ({ start, speaker });
  const quotes = [
    q(0, 'Ann'),
    q(10, 'Ann'),
    q(20, null),
    q(30, null),
    q(40, 'Bo'),
    q(150, 'Bo'),
    q(160, 'Ann'),
  ];
  expect(speakerRunStarts(quotes, [100])).toEqual([true, false, true, false, true, true, true]);
  expect(speakerRunStarts(quotes)).toEqual([true, false, true, false, true, false, true]);
  expect(speakerRunStarts([])).toEqual([]);
});

test('a quote without a named speaker reads "speaker not named"', () => {
  expect(speakerName(null)).toBe('speaker not named');
  expect(SPEAKER_NOT_NAMED).toBe('speaker not named');
  expect(speakerName('Ann Lee')).toBe('Ann Lee');
});

test('the unsupported-language message names the language and the supported ones', () => {
  expect(unsupportedLanguageMessage('ru')).toBe(
    'Names and speakers are not marked in Russian articles. Lede marks them in English, French, Spanish and Czech.',
  );
  expect(unsupportedLanguageMessage('und')).toBe(
    'Names and speakers are not marked in articles in this language. Lede marks them in English, French, Spanish and Czech.',
  );
  expect(unsupportedLanguageNote('de')).toBe('Names not marked in German');
});

test('a language without a known name falls back to its code', () => {
  expect(languageName('ja')).toBe('Japanese');
  expect(languageName('qaa')).toBe('qaa');
  expect(languageName('not a code')).toBe('not a code');
});
