// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { annotate } from '@/lib/annotate/annotate';
import type { Annotations } from '@/lib/annotate/annotations';
import { applyHighlights, removeHighlights } from '@/lib/highlight/apply-highlights';
import { buildTextMap, piecesOf } from '@/lib/highlight/text-map';

function body(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

/** The annotations of a hand-picked range of the built text (so tests do not depend on annotate's rules). */
function quoteOf(
  text: string,
  snippet: string,
  speaker: string | null = null,
): Annotations['quotes'][number] {
  const start = text.indexOf(snippet);
  expect(start).toBeGreaterThanOrEqual(0);
  return { text: snippet, speaker, start, end: start + snippet.length };
}

describe('buildTextMap', () => {
  test('blocks are separated by a blank line, whitespace collapsed, images and captions left out', () => {
    const root = body(
      '<h2>Title</h2>\n<p>One  <a href="/x">two</a>\nthree</p><figure><img src="a.png" alt="A"><figcaption>Photo: AP</figcaption></figure><p>Four<br>five</p>',
    );
    const map = buildTextMap(root);
    expect(map.text).toBe('Title\n\nOne two three\n\nFour\nfive');
    // Every mapped character is the character of its text node.
    for (let i = 0; i < map.text.length; i++) {
      if (map.nodeOf[i] < 0) continue;
      const ch = map.nodes[map.nodeOf[i]].data[map.offsetOf[i]];
      expect(/\s/.test(map.text[i]) ? /\s/.test(ch) : ch === map.text[i]).toBe(true);
    }
  });

  test('pieces never cross a block boundary', () => {
    const root = body('<p>alpha beta</p><p>gamma delta</p>');
    const map = buildTextMap(root);
    const pieces = piecesOf(map, map.text.indexOf('beta'), map.text.indexOf('gamma') + 5);
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['beta', 'gamma']);
  });

  test('right-to-left text maps like any other', () => {
    const root = body('<p dir="rtl">قال الرئيس <b>محمد</b> اليوم</p>');
    const map = buildTextMap(root);
    expect(map.text).toBe('قال الرئيس محمد اليوم');
    const start = map.text.indexOf('محمد');
    const [piece] = piecesOf(map, start, start + 4);
    expect(piece.node.parentElement?.tagName).toBe('B');
    expect(piece.node.data.slice(piece.start, piece.end)).toBe('محمد');
  });
});

describe('applyHighlights', () => {
  test('a quote across an inline link becomes several marks and the link keeps its href and text', () => {
    const html =
      '<p>She said “we will <a href="https://example.com/plan">ship the plan</a> in May” today.</p>';
    const root = body(html);
    const map = buildTextMap(root);
    const q = quoteOf(map.text, 'we will ship the plan in May', 'Ann Lee');
    const applied = applyHighlights(root, map, { quotes: [q], entities: [] });
    const marks = root.querySelectorAll('mark[data-quote]');
    expect(marks.length).toBe(3);
    expect(applied.quotes[0].length).toBe(3);
    expect(Array.from(marks, (m) => m.textContent).join('')).toBe('we will ship the plan in May');
    for (const m of marks) expect(m.getAttribute('data-speaker')).toBe('Ann Lee');
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/plan');
    expect(link?.textContent).toBe('ship the plan');
    // The mark inside the link is inside it, not around it.
    expect(link?.querySelector('mark')).not.toBeNull();
    expect(root.querySelectorAll('p').length).toBe(1);
    removeHighlights(root);
    expect(root.innerHTML).toBe(html);
  });

  test('an entity inside a quote nests in its mark; images are untouched', () => {
    const html = '<p>“Ask Ann Lee,” he said.</p><p><img src="x.png" alt="Ann Lee portrait"></p>';
    const root = body(html);
    const map = buildTextMap(root);
    const q = quoteOf(map.text, 'Ask Ann Lee,');
    const start = map.text.indexOf('Ann Lee');
    const annotations: Annotations = {
      quotes: [q],
      entities: [
        {
          name: 'Ann Lee',
          type: 'person',
          aliases: ['Ann Lee'],
          count: 1,
          mentions: [{ start, end: start + 7 }],
        },
      ],
    };
    applyHighlights(root, map, annotations, undefined, { mentions: 'all' });
    const span = root.querySelector('mark[data-quote] > span[data-entity-type="person"]');
    expect(span?.textContent).toBe('Ann Lee');
    expect(span?.getAttribute('data-entity')).toBe('Ann Lee');
    expect(root.querySelector('mark')?.getAttribute('data-speaker')).toBe('');
    expect(root.querySelector('img')?.outerHTML).toBe('<img src="x.png" alt="Ann Lee portrait">');
    removeHighlights(root);
    expect(root.innerHTML).toBe(html);
  });

  test('switched-off layers are not wrapped', () => {
    const root = body('<p>“Yes,” said Ann Lee in Paris.</p>');
    const map = buildTextMap(root);
    const a = annotate({ textContent: map.text });
    expect(a.quotes.length).toBe(1);
    applyHighlights(root, map, a, { quotes: false, person: true, organization: true, place: false });
    expect(root.querySelector('mark')).toBeNull();
    expect(root.querySelector('[data-entity-type="place"]')).toBeNull();
    expect(root.querySelector('[data-entity-type="person"]')?.textContent).toBe('Ann Lee');
  });

  test('offsets from annotate on the built text land on the right words', () => {
    const root = body(
      '<p>NATO Secretary-General <a href="/js">Jens Stoltenberg</a> said: “We stand with Ukraine.”</p><p>“It is <em>vital</em>,” he added.</p>',
    );
    const map = buildTextMap(root);
    const a = annotate({ textContent: map.text });
    applyHighlights(root, map, a);
    for (const q of a.quotes) {
      const marks = root.querySelectorAll(`mark[data-quote-index="${a.quotes.indexOf(q)}"]`);
      expect(
        Array.from(marks, (m) => m.textContent)
          .join('')
          .replace(/\s+/g, ' '),
      ).toBe(q.text);
    }
    for (const e of a.entities) {
      for (const el of root.querySelectorAll(`[data-entity="${e.name}"]`)) {
        expect(
          e.aliases.some(
            (alias) => alias.includes(el.textContent ?? '') || (el.textContent ?? '').includes(alias),
          ),
        ).toBe(true);
      }
    }
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/js');
  });
});

test('an entity mention split by a link is wrapped in both parts but listed once', () => {
  const root = body('<p>Talks at the <a href="/ndu">National Defense</a> University ended.</p>');
  const map = buildTextMap(root);
  const start = map.text.indexOf('National');
  const end = map.text.indexOf('University') + 'University'.length;
  const applied = applyHighlights(root, map, {
    quotes: [],
    entities: [
      {
        name: 'National Defense University',
        type: 'organization',
        aliases: ['National Defense University'],
        count: 1,
        mentions: [{ start, end }],
      },
    ],
  });
  const spans = root.querySelectorAll('[data-entity="National Defense University"]');
  expect(Array.from(spans, (s) => s.textContent)).toEqual(['National Defense', ' University']);
  expect(applied.entities[0]).toEqual([spans[0]]);
  expect(root.querySelector('a')?.getAttribute('href')).toBe('/ndu');
});

describe('what is drawn', () => {
  const entityAt = (text: string, name: string, ...forms: string[]): Annotations['entities'][number] => {
    const mentions: { start: number; end: number }[] = [];
    for (const form of forms) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
        mentions.push({ start: i, end: i + form.length });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { name, type: 'person', aliases: forms, count: mentions.length, mentions };
  };

  test('by default a name is drawn at its first mention and its first after each heading, nowhere else', () => {
    const html =
      '<p>Ann Lee talked. Lee left.</p><p>Lee came back.</p><h2>Later</h2><p>Then Lee spoke.</p><p>Lee again.</p>';
    const root = body(html);
    const map = buildTextMap(root);
    const lee = entityAt(map.text, 'Ann Lee', 'Ann Lee', 'Lee left', 'Lee came', 'Lee spoke.', 'Lee again');
    expect(lee.count).toBe(5);
    const applied = applyHighlights(root, map, { quotes: [], entities: [lee] });
    const drawn = Array.from(root.querySelectorAll('[data-entity-type]'), (e) => e.textContent);
    expect(drawn).toEqual(['Ann Lee', 'Lee spoke.']);
    expect(root.querySelectorAll('[data-lede-highlight]').length).toBe(2);
    expect(applied.entities[0].map((e) => e.textContent)).toEqual(['Ann Lee', 'Lee spoke.']);
    removeHighlights(root);
    expect(root.innerHTML).toBe(html);

    applyHighlights(root, buildTextMap(root), { quotes: [], entities: [lee] }, undefined, {
      mentions: 'all',
    });
    expect(root.querySelectorAll('[data-entity-type]').length).toBe(5);
  });

  test('a speaker label goes before the opening mark of the first quote of each run, as no text', () => {
    const html =
      '<p>Ann said: “One.” Then “two,” she added.</p><p>«&nbsp;Trois&nbsp;», dit un passant.</p><p>Bo said “four.”</p>';
    const root = body(html);
    const map = buildTextMap(root);
    const quotes = [
      quoteOf(map.text, 'One.', 'Ann'),
      quoteOf(map.text, 'two,', 'Ann'),
      quoteOf(map.text, 'Trois', null),
      quoteOf(map.text, 'four.', 'Bo'),
    ];
    const textBefore = root.textContent;
    applyHighlights(root, map, { quotes, entities: [] });
    const labels = Array.from(root.querySelectorAll('[data-testid="speaker-label"]'));
    expect(labels.map((l) => l.getAttribute('data-speaker-label'))).toEqual([
      'Ann',
      'speaker not named',
      'Bo',
    ]);
    // Right before the opening mark (and the space a French guillemet has after it).
    expect(labels.map((l) => l.nextSibling?.textContent)).toEqual(['“', '«\u00a0', '“']);
    expect(labels.map((l) => l.nextSibling?.nextSibling?.nodeName)).toEqual(['MARK', 'MARK', 'MARK']);
    expect(root.textContent).toBe(textBefore);
    expect(labels.every((l) => l.getAttribute('aria-hidden') === 'true')).toBe(true);
    removeHighlights(root);
    expect(root.innerHTML).toBe(html);
  });

  test('no labels when the quotes layer is off', () => {
    const root = body('<p>Ann said: “One.”</p>');
    const map = buildTextMap(root);
    applyHighlights(
      root,
      map,
      { quotes: [quoteOf(map.text, 'One.', 'Ann')], entities: [] },
      {
        quotes: false,
        person: true,
        organization: true,
        place: true,
      },
    );
    expect(root.querySelector('[data-speaker-label]')).toBeNull();
  });
});

test('by default a name met once that says nothing is anchored but not drawn; a speaker or a recurring name is drawn', () => {
  const html = '<p>Ann Lee met Bo Park in Oslo. Bo Park left.</p><p>“We are ready,” said Cy Dow.</p>';
  const root = body(html);
  const map = buildTextMap(root);
  const at = (s: string, from = 0) => ({
    start: map.text.indexOf(s, from),
    end: map.text.indexOf(s, from) + s.length,
  });
  const entity = (name: string, mentions: { start: number; end: number }[]) => ({
    name,
    type: 'person' as const,
    aliases: [name],
    count: mentions.length,
    mentions,
  });
  const annotations: Annotations = {
    quotes: [{ ...quoteOf(map.text, 'We are ready,'), speaker: 'Cy Dow' }],
    entities: [
      entity('Ann Lee', [at('Ann Lee')]),
      entity('Bo Park', [at('Bo Park'), at('Bo Park', map.text.indexOf('Bo Park') + 1)]),
      entity('Cy Dow', [at('Cy Dow')]),
    ],
  };
  const applied = applyHighlights(root, map, annotations);
  const drawn = [...root.querySelectorAll('[data-entity-type]')].map((el) => el.textContent);
  expect(drawn).toEqual(['Bo Park', 'Cy Dow']);
  // Ann Lee has an anchor for the panel, without a type or a tint.
  expect(applied.entities[0]?.map((el) => [el.textContent, el.hasAttribute('data-entity-type')])).toEqual([
    ['Ann Lee', false],
  ]);
  removeHighlights(root);
  expect(root.innerHTML).toBe(html);
});
