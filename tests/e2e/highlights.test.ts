import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import {
  type FixtureServer,
  NEWS_PAGES,
  seedHtml,
  serveCorpusPage,
  startFixtureServer,
} from './support/fixture-server';
import { openPopupFor, openPopupForTab, settledState } from './support/reader';

const gold = JSON.parse(
  readFileSync(new URL('../../../shared/corpus/seed/zelensky-nato.gold.json', import.meta.url), 'utf8'),
) as {
  entities: { name: string; type: string }[];
  quotes: { text: string; speaker: string }[];
};

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function highlighted(popup: Page) {
  expect(await settledState(popup)).toBe('ready');
  await popup.locator('[data-testid="highlights"][data-state="ready"]').waitFor();
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function setTheme(popup: Page, theme: string) {
  await popup.getByTestId('settings-toggle').click();
  await popup.locator(`input[name="theme"][value="${theme}"]`).check();
  await popup.getByTestId('settings-toggle').click();
}

async function setMentions(popup: Page, value: 'first' | 'all') {
  await popup.getByTestId('settings-toggle').click();
  await popup.locator(`input[name="entityMentions"][value="${value}"]`).check();
  await popup.getByTestId('settings-toggle').click();
}

/**
 * The drawn name marks of the body, as mentions (a mention split by a link is one) per entity and
 * section: section 0 is before the first h2–h6 with text, section k after the k-th.
 */
function drawnBySection(popup: Page) {
  return popup.getByTestId('article-body').evaluate((body) => {
    const drawn: Record<string, number[]> = {};
    let section = 0;
    let last: Element | null = null;
    for (const el of body.querySelectorAll('h2, h3, h4, h5, h6, [data-entity-type]')) {
      if (!el.hasAttribute('data-entity-type')) {
        if (el.textContent?.trim()) section++;
        continue;
      }
      const name = el.getAttribute('data-entity') ?? '';
      // The second half of a mention split by a link: nothing between it and the first half.
      let continuation = false;
      if (last?.getAttribute('data-entity') === name) {
        const between = document.createRange();
        between.setStartAfter(last);
        between.setEndBefore(el);
        continuation = between.toString() === '';
      }
      last = el;
      if (continuation) continue;
      drawn[name] ??= [];
      drawn[name].push(section);
    }
    return drawn;
  });
}

/** Mentions of each entity as the panel counts them ("Kyiv, 3 mentions"). */
async function panelCounts(popup: Page): Promise<Record<string, number>> {
  const list = popup.getByTestId('highlights-list');
  if (!(await list.isVisible())) await popup.getByTestId('highlights-toggle').click();
  const labels = await popup
    .locator('[data-testid^="entity-group-"] button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  await popup.getByTestId('highlights-toggle').click();
  return Object.fromEntries(
    labels.map((label) => {
      const m = /^(.*), (\d+) mentions?$/.exec(label);
      return [m?.[1] ?? label, Number(m?.[2])];
    }),
  );
}

/** Each speaker label with its quote: the first quote mark after it, and what the run starts with. */
function speakerRuns(popup: Page) {
  return popup.getByTestId('article-body').evaluate((body) => {
    const labels: { label: string; quoteIndex: string | null }[] = [];
    const expected: string[] = [];
    let section = 0;
    let prev: { speaker: string; section: number } | null = null;
    let pendingLabel: string | null = null;
    const seen = new Set<string>();
    for (const el of body.querySelectorAll(
      'h2, h3, h4, h5, h6, mark[data-quote], [data-testid="speaker-label"]',
    )) {
      if (/^H[2-6]$/.test(el.tagName)) {
        if (el.textContent?.trim()) section++;
      } else if (el.matches('[data-testid="speaker-label"]')) {
        pendingLabel = el.getAttribute('data-speaker-label') ?? '';
      } else {
        const index = el.getAttribute('data-quote-index') ?? '';
        if (seen.has(index)) continue;
        seen.add(index);
        const speaker = el.getAttribute('data-speaker') ?? '';
        if (!prev || prev.speaker !== speaker || prev.section !== section) {
          expected.push(speaker || 'speaker not named');
        }
        prev = { speaker, section };
        if (pendingLabel !== null) labels.push({ label: pendingLabel, quoteIndex: index });
        pendingLabel = null;
      }
    }
    return { labels, expected };
  });
}

/** Contrast ratio of two CSS colours (rgb/rgba, alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('highlights on the seed page', () => {
  test('quotes carry their gold speakers, entities their types, and links are unchanged', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.page('/hl/zelensky-nato/', seedHtml()));
    // The body's links as the reader renders them without highlights, from a plain popup run.
    const popup = await openPopupForTab(ext, await ext.tabIdOf(article));
    await highlighted(popup);

    const quotes = await popup.locator('mark[data-quote]').evaluateAll((marks) => {
      const byIndex = new Map<string, { speaker: string; text: string }>();
      for (const m of marks) {
        const key = m.getAttribute('data-quote-index') ?? '';
        const prev = byIndex.get(key);
        byIndex.set(key, {
          speaker: m.getAttribute('data-speaker') ?? '',
          text: (prev?.text ?? '') + (m.textContent ?? ''),
        });
      }
      return [...byIndex.values()];
    });
    expect(quotes.length).toBe(gold.quotes.length);
    for (const q of gold.quotes) {
      const found = quotes.find((x) => norm(x.text) === norm(q.text));
      expect(found, q.text).toBeDefined();
      expect(found?.speaker).toBe(q.speaker);
    }

    // Every name has its mark once all mentions are drawn (by default a name met once and not
    // quoted is only anchored, untinted).
    await setMentions(popup, 'all');
    const entities = await popup
      .locator('[data-entity-type]')
      .evaluateAll((els) =>
        els.map((e) => ({ name: e.getAttribute('data-entity'), type: e.getAttribute('data-entity-type') })),
      );
    await setMentions(popup, 'first');
    for (const e of gold.entities) {
      expect(
        entities.some((x) => x.name === e.name && x.type === e.type),
        e.name,
      ).toBe(true);
    }
    const people = new Set(entities.filter((e) => e.type === 'person').map((e) => e.name));
    expect(people.has('April')).toBe(false);
    expect(people.has('Russian')).toBe(false);

    // Links: same hrefs and texts with the highlights on and off (off = the sanitized body as rendered).
    const links = () =>
      popup
        .locator('[data-testid="article-body"] a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    const withHighlights = await links();
    for (const key of ['quotes', 'person', 'organization', 'place']) {
      await popup.getByTestId(`layer-${key}`).uncheck();
    }
    expect(await popup.locator('[data-lede-highlight]').count()).toBe(0);
    expect(await links()).toEqual(withHighlights);
    expect(withHighlights.length).toBeGreaterThan(0);
    for (const key of ['quotes', 'person', 'organization', 'place']) {
      await popup.getByTestId(`layer-${key}`).check();
    }
    expect(await popup.locator('mark[data-quote]').count()).toBeGreaterThanOrEqual(gold.quotes.length);
    await Promise.all([article.close(), popup.close()]);
  });

  test('the panel groups quotes by speaker and jumps to a mention; a layer switched off stays off', async () => {
    const url = server.page('/hl/panel/', seedHtml());
    const first = await openPopupFor(ext, url);
    await highlighted(first.popup);
    await first.popup.getByTestId('highlights-toggle').click();
    const groups = await first.popup.getByTestId('speaker-group').locator('h3').allTextContents();
    expect(new Set(groups)).toEqual(new Set(['Jens Stoltenberg', 'Volodymyr Zelensky']));
    await first.popup.getByRole('button', { name: /^Kyiv, \d+ mentions?$/ }).click();
    await expect.poll(() => first.popup.locator('[data-entity="Kyiv"].hl-flash').count()).toBe(1);

    await first.popup.getByTestId('layer-person').uncheck();
    expect(await first.popup.locator('[data-entity-type="person"]').count()).toBe(0);
    expect(await first.popup.locator('mark[data-quote]').count()).toBeGreaterThan(0);
    await first.popup.close();

    const again = await openPopupForTab(ext, await ext.tabIdOf(first.article));
    await highlighted(again);
    expect(await again.getByTestId('layer-person').isChecked()).toBe(false);
    expect(await again.locator('[data-entity-type="person"]').count()).toBe(0);
    expect(await again.locator('[data-entity-type="place"]').count()).toBeGreaterThan(0);
    await again.getByTestId('layer-person').check();
    expect(await again.locator('[data-entity-type="person"]').count()).toBeGreaterThan(0);
    await Promise.all([first.article.close(), again.close()]);
  });

  test('each name is drawn once per section by default; all mentions draws every one and is saved', async () => {
    const { article, popup } = await openPopupFor(ext, server.page('/hl/mentions/', seedHtml()));
    await highlighted(popup);
    const counts = await panelCounts(popup);
    expect(Object.keys(counts).length).toBe(gold.entities.length);
    const first = await drawnBySection(popup);
    const speakers = new Set(gold.quotes.map((q) => q.speaker));
    // Every name mentioned twice or more, or quoted, is drawn once in its section (the seed body has
    // no heading); a name met once that says nothing is not drawn.
    const prominent = Object.keys(counts).filter((name) => counts[name] > 1 || speakers.has(name));
    expect(Object.keys(first).sort()).toEqual(prominent.sort());
    expect(prominent.length).toBeLessThan(Object.keys(counts).length);
    for (const sections of Object.values(first)) expect(sections).toEqual([...new Set(sections)]);
    expect(Object.values(first).every((sections) => sections.length === 1 && sections[0] === 0)).toBe(true);
    // Undrawn mentions are not wrapped, except one untinted anchor per quiet name for the panel.
    const drawnTotal = Object.values(first).flat().length;
    expect(await popup.locator('[data-entity]').count()).toBe(
      (await popup.locator('[data-entity-type]').count()) + Object.keys(counts).length - prominent.length,
    );

    await setMentions(popup, 'all');
    const all = await drawnBySection(popup);
    for (const [name, n] of Object.entries(counts)) expect(all[name]?.length, name).toBe(n);
    expect(Object.values(all).flat().length).toBeGreaterThan(drawnTotal);
    await popup.close();

    const again = await openPopupForTab(ext, await ext.tabIdOf(article));
    await highlighted(again);
    await again.getByTestId('settings-toggle').click();
    expect(await again.locator('input[name="entityMentions"][value="all"]').isChecked()).toBe(true);
    await again.getByTestId('settings-toggle').click();
    expect(Object.values(await drawnBySection(again)).flat().length).toBe(Object.values(all).flat().length);
    await setMentions(again, 'first');
    expect(Object.values(await drawnBySection(again)).flat().length).toBe(drawnTotal);
    await Promise.all([article.close(), again.close()]);
  });

  test('a speaker label starts each run of quotes by one speaker; it is not text and fits the popup', async () => {
    const { article, popup } = await openPopupFor(ext, server.page('/hl/labels/', seedHtml()));
    await highlighted(popup);
    const { labels, expected } = await speakerRuns(popup);
    expect(labels.map((l) => l.label)).toEqual(expected);
    expect(labels[0]).toEqual({ label: 'Jens Stoltenberg', quoteIndex: '0' });
    expect(new Set(expected)).toEqual(new Set(['Jens Stoltenberg', 'Volodymyr Zelensky']));

    const label = popup.getByTestId('speaker-label').first();
    expect(await label.getAttribute('aria-hidden')).toBe('true');
    expect(await label.textContent()).toBe('');
    expect(await label.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Jens Stoltenberg"');
    const box = await label.boundingBox();
    const lineHeight = await popup
      .getByTestId('article-body')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect(box && box.height <= lineHeight && box.width < 260).toBe(true);
    // The mark says who spoke to assistive technology and on hover.
    expect(await popup.locator('mark[data-quote-index="0"]').first().getAttribute('title')).toBe(
      'Quote from Jens Stoltenberg',
    );

    // Copying the paragraph gives the same text with and without the labels.
    const paragraph = await popup
      .getByTestId('speaker-label')
      .first()
      .evaluate((el) =>
        Array.from(el.closest('.article__body')?.querySelectorAll('p') ?? []).indexOf(
          el.closest('p') as HTMLParagraphElement,
        ),
      );
    const copied = () =>
      popup
        .locator('[data-testid="article-body"] p')
        .nth(paragraph)
        .evaluate((p) => {
          const selection = getSelection() as Selection;
          selection.selectAllChildren(p);
          const text = selection.toString();
          selection.removeAllRanges();
          return text;
        });
    const withLabels = await copied();
    await popup.getByTestId('layer-quotes').uncheck();
    expect(await popup.getByTestId('speaker-label').count()).toBe(0);
    expect(await copied()).toBe(withLabels);
    await popup.getByTestId('layer-quotes').check();
    expect(withLabels).not.toContain('Jens Stoltenberg“');
    await Promise.all([article.close(), popup.close()]);
  });

  test('the legend switches and the panel button share one line in the popup', async () => {
    const { article, popup } = await openPopupFor(ext, server.page('/hl/legend/', seedHtml()));
    await highlighted(popup);
    const toggle = await popup.getByTestId('highlights-toggle').boundingBox();
    const switches = await popup
      .locator('.legend-item')
      .evaluateAll((items) =>
        items.map((i) => i.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })),
      );
    expect(switches.length).toBe(4);
    for (const s of switches) {
      expect(toggle && s.top < toggle.y + toggle.height && s.bottom > toggle.y).toBe(true);
    }
    expect(await popup.getByTestId('highlights-toggle').textContent()).toMatch(/^6 quotes · \d+ names$/);
    await Promise.all([article.close(), popup.close()]);
  });

  test.each([
    ['light', 'light'],
    ['dark', 'light'],
    ['sepia', 'light'],
    ['auto', 'dark'],
  ] as const)('axe: 0 violations with highlights shown (%s theme, %s preference)', async (theme, scheme) => {
    const { article, popup } = await openPopupFor(ext, server.page(`/hl/axe-${theme}/`, seedHtml()));
    await popup.emulateMedia({ colorScheme: scheme });
    await highlighted(popup);
    await setTheme(popup, theme);
    await popup.getByTestId('highlights-toggle').click();
    expect(await popup.locator('mark[data-quote]').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('speaker-label').count()).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page: popup }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    // The quote background stands out from the page (dark themes included), and from its text.
    const colours = await popup
      .locator('mark[data-quote]')
      .first()
      .evaluate((mark) => ({
        quote: getComputedStyle(mark).backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(mark).color,
      }));
    expect(contrast(colours.quote, colours.page)).toBeGreaterThanOrEqual(
      scheme === 'dark' || theme === 'dark' ? 2 : 1.1,
    );
    expect(contrast(colours.quote, colours.text)).toBeGreaterThanOrEqual(4.5);
    await setTheme(popup, 'light');
    await Promise.all([article.close(), popup.close()]);
  });

  test('in an unsupported language quotes are marked, names are not, and the legend says why', async () => {
    const { article, popup } = await openPopupFor(ext, server.page('/hl/ru/', russianHtml()));
    await highlighted(popup);
    expect(await popup.locator('mark[data-quote]').count()).toBeGreaterThanOrEqual(2);
    expect(await popup.locator('[data-entity-type]').count()).toBe(0);
    expect(await popup.getByTestId('highlights-language-note').textContent()).toBe(
      'Names not marked in Russian',
    );
    expect(await popup.getByTestId('layer-person').count()).toBe(0);
    expect(
      await popup
        .getByTestId('speaker-label')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('data-speaker-label'))),
    ).toEqual(['speaker not named']);
    await popup.getByTestId('highlights-toggle').click();
    expect(await popup.getByTestId('highlights-language').textContent()).toBe(
      'Names and speakers are not marked in Russian articles. Lede marks them in English, French, Spanish and Czech.',
    );
    expect(await popup.getByTestId('speaker-group').locator('h3').allTextContents()).toEqual([
      'speaker not named',
    ]);
    const results = await new AxeBuilder({ page: popup }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await Promise.all([article.close(), popup.close()]);
  });
});

/** Three news pages with several quotes (ids of ../shared/corpus/annotations-news), as the README shows them. */
const REAL_PAGES = [
  {
    id: '8634d1211c3f2b73041e6cadd5d59676619838949999a83a23c51a3195b44892',
    theme: 'light',
    speaker: 'Ken Doctor',
  },
  {
    id: 'a1fca19b884e0e946ad3fbe2a7f5031e5e3b23372702a76db302b6143c77cb31',
    theme: 'dark',
    speaker: 'Ashraf Ghani',
  },
  {
    id: '3d8f3404cf975af824d7866b7679bc45189c3eea6adb32f0a125a0904b1abbb2',
    theme: 'sepia',
    speaker: 'Mary Steenburgen',
  },
] as const;

/** A news page with subheadings (CBS News), to check the marks after each heading. */
const PAGE_WITH_HEADINGS = '7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03';

describe('highlights on real news pages', () => {
  test('after each heading a name is drawn again, once', async () => {
    const { article, popup } = await openPopupFor(
      ext,
      serveCorpusPage(server, NEWS_PAGES, PAGE_WITH_HEADINGS),
    );
    await highlighted(popup);
    const drawn = await drawnBySection(popup);
    const counts = await panelCounts(popup);
    for (const name of Object.keys(drawn)) expect(counts[name], name).toBeGreaterThan(0);
    for (const [name, sections] of Object.entries(drawn)) {
      expect(sections, name).toEqual([...new Set(sections)]);
      expect(sections.length, name).toBeLessThanOrEqual(counts[name]);
    }
    // Some name is drawn again in a later section.
    expect(Object.values(drawn).some((sections) => sections.length > 1)).toBe(true);
    await Promise.all([article.close(), popup.close()]);
  });

  test('README screenshots: the popup on three real pages, speaker labels in view', async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    for (const [i, { id, theme, speaker }] of REAL_PAGES.entries()) {
      const { article, popup } = await openPopupFor(ext, serveCorpusPage(server, NEWS_PAGES, id));
      await highlighted(popup);
      await setTheme(popup, theme);
      const labels = popup.getByTestId('speaker-label');
      expect(await labels.count()).toBeGreaterThan(1);
      // The label of the chosen speaker when the annotator still names them, else the second one.
      const named = popup.locator(`[data-testid="speaker-label"][data-speaker-label="${speaker}"]`).first();
      const target = (await named.count()) ? named : labels.nth(1);
      await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await popup.mouse.move(260, 5);
      await popup.waitForTimeout(100);
      await popup.screenshot({ path: `docs/screenshots/real-${i + 1}.png` });
      await setTheme(popup, 'light');
      await Promise.all([article.close(), popup.close()]);
    }
  });
});

/** A Russian news story: quotes in guillemets, names Lede does not look for in Russian. */
function russianHtml(): string {
  const paragraphs = [
    'Министр финансов Анна Петрова заявила в понедельник, что бюджет на следующий год будет принят вовремя. «Мы уверены, что все статьи расходов будут согласованы до конца месяца», — сказала Петрова журналистам в Москве.',
    'По её словам, правительство рассчитывает на рост доходов от экспорта. «Рост будет умеренным, но устойчивым», — добавила министр.',
    'Депутаты от оппозиции раскритиковали проект бюджета. Председатель комитета по бюджету Сергей Иванов назвал его «слишком оптимистичным» и призвал пересмотреть прогноз.',
    'Экономисты в целом согласны с тем, что прогноз правительства выглядит реалистично, хотя риски сохраняются. Цены на нефть остаются главным источником неопределённости для доходной части бюджета.',
    'Обсуждение проекта в парламенте начнётся на следующей неделе. Ожидается, что окончательное голосование пройдёт в середине декабря, после второго чтения и поправок комитетов.',
    'Аналитики банка отмечают, что расходы на социальные программы вырастут на несколько процентов. Это позволит сохранить выплаты пенсионерам и семьям с детьми на прежнем уровне.',
  ];
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Бюджет будет принят вовремя</title></head><body><article><h1>Бюджет будет принят вовремя, заявила министр</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}
