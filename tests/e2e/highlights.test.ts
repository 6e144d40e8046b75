import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type FixtureServer, seedHtml, startFixtureServer } from './support/fixture-server';
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

    const entities = await popup
      .locator('[data-entity-type]')
      .evaluateAll((els) =>
        els.map((e) => ({ name: e.getAttribute('data-entity'), type: e.getAttribute('data-entity-type') })),
      );
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

  test.each(['light', 'dark', 'sepia'] as const)(
    'axe: 0 violations with highlights shown (%s)',
    async (theme) => {
      const { article, popup } = await openPopupFor(ext, server.page(`/hl/axe-${theme}/`, seedHtml()));
      await highlighted(popup);
      await popup.getByTestId('settings-toggle').click();
      await popup.locator(`input[name="theme"][value="${theme}"]`).check();
      await popup.getByTestId('settings-toggle').click();
      await popup.getByTestId('highlights-toggle').click();
      expect(await popup.locator('mark[data-quote]').count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page: popup }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      await popup.getByTestId('settings-toggle').click();
      await popup.locator('input[name="theme"][value="light"]').check();
      await Promise.all([article.close(), popup.close()]);
    },
  );
});
