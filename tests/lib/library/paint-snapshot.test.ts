// @vitest-environment jsdom
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '@/lib/db/db-name';
import { LedeDB } from '@/lib/db/schema';
import { TRUSTED_PREFIX } from '@/lib/db/write-generations';
import {
  clearSnapshot,
  cutBelow,
  noteGenerations,
  paintSnapshot,
  showsSnapshot,
  snapshotTables,
  takeSnapshot,
} from '@/lib/library/paint-snapshot';

const PEOPLE = '?view=people';
const holder = globalThis as { __ledeSnapshot?: unknown };

/** A page's #app with a settled view in it. */
function viewPage(rows: string[]): HTMLElement {
  const app = document.createElement('div');
  app.id = 'app';
  app.innerHTML = `<div class="library people" data-state="ready" aria-busy="false"><h1>People</h1><ul>${rows
    .map((row) => `<li data-testid="people-row">${row}</li>`)
    .join('')}</ul></div>`;
  return app;
}

/** A fresh page load: it notes the generations in its boot script. */
function load(search = PEOPLE): HTMLElement {
  delete holder.__ledeSnapshot;
  noteGenerations(search);
  return document.createElement('div');
}

beforeEach(() => localStorage.clear());
afterEach(() => delete holder.__ledeSnapshot);

test('People, a person and Highlights keep snapshots; the article list does not', () => {
  expect(snapshotTables('?view=people')).toContain('people');
  expect(snapshotTables('?person=Ada%20Lovelace')).toContain('mentions');
  expect(snapshotTables('?view=highlights')).toEqual(['highlights', 'articles']);
  expect(snapshotTables('')).toBeNull();
  expect(snapshotTables('?view=list')).toBeNull();
});

test('a snapshot taken when the view settled paints on the next load, marked as a snapshot', () => {
  load();
  expect(takeSnapshot(viewPage(['Ada Lovelace', 'Grace Hopper']))).toBe(true);

  const next = load();
  expect(paintSnapshot(next)).toBe(true);
  expect(showsSnapshot(next)).toBe(true);
  expect([...next.querySelectorAll('[data-testid="people-row"]')].map((row) => row.textContent)).toEqual([
    'Ada Lovelace',
    'Grace Hopper',
  ]);
  const root = next.querySelector('[data-state]');
  expect(root?.getAttribute('data-state')).toBe('snapshot');
  expect(root?.getAttribute('aria-busy')).toBe('true');

  clearSnapshot(next);
  expect(next.childElementCount).toBe(0);
  expect(showsSnapshot(next)).toBe(false);
});

test('a snapshot is per URL', () => {
  load();
  takeSnapshot(viewPage(['Ada Lovelace']));
  expect(paintSnapshot(load('?person=Ada%20Lovelace'))).toBe(false);
  expect(paintSnapshot(load(PEOPLE))).toBe(true);
});

test('after a write to a table the view reads, the snapshot is never painted', async () => {
  load();
  takeSnapshot(viewPage(['Ada Lovelace']));
  const db = new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });
  // A write to a table the People views do not read changes nothing.
  await db.highlights.clear();
  expect(paintSnapshot(load())).toBe(true);
  await db.peopleSummary.put({ key: 'gen', token: 'changed' });
  expect(paintSnapshot(load())).toBe(false);
  db.close();
});

test('a write between the page noting the generations and the view settling keeps no snapshot', async () => {
  const app = viewPage(['Ada Lovelace']);
  load();
  // What the view read may be out of date by now.
  const db = new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.people.clear();
  expect(takeSnapshot(app)).toBe(false);
  expect(paintSnapshot(load())).toBe(false);
  db.close();
});

test('a snapshot kept under another schema version is not painted', () => {
  load();
  takeSnapshot(viewPage(['Ada Lovelace']));
  const key = `${TRUSTED_PREFIX}${PEOPLE}`;
  const kept = JSON.parse(localStorage.getItem(key) ?? '{}');
  localStorage.setItem(key, JSON.stringify({ ...kept, schema: SCHEMA_VERSION - 1 }));
  expect(paintSnapshot(load())).toBe(false);
  localStorage.setItem(key, '{not json');
  expect(paintSnapshot(load())).toBe(false);
});

test('a page that noted nothing neither paints nor keeps a snapshot', () => {
  expect(takeSnapshot(viewPage(['Ada Lovelace']))).toBe(false);
  expect(paintSnapshot(document.createElement('div'))).toBe(false);
  load('?view=list');
  expect(takeSnapshot(viewPage(['Ada Lovelace']))).toBe(false);
});

test('only the most recent views keep their snapshots', () => {
  for (let i = 0; i < 20; i++) {
    load(`?person=p${i}`);
    takeSnapshot(viewPage([`p${i}`]));
  }
  const kept = Object.keys(localStorage).filter((key) => key.startsWith(`${TRUSTED_PREFIX}?`));
  expect(kept).toHaveLength(8);
  expect(paintSnapshot(load('?person=p19'))).toBe(true);
  expect(paintSnapshot(load('?person=p0'))).toBe(false);
});

test('what lies below the limit is cut, with its subtree', () => {
  const app = viewPage(['a', 'b', 'c', 'd']);
  const tops = new Map<Element, number>([...app.querySelectorAll('li')].map((li, i) => [li, i * 400]));
  for (const el of app.querySelectorAll('*'))
    el.getBoundingClientRect = () => ({ top: tops.get(el) ?? 0 }) as DOMRect;
  const copy = cutBelow(app, 900);
  expect([...copy.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['a', 'b', 'c']);
  // Scrolled down by 500: the same rows, in document coordinates.
  for (const [li, top] of tops) li.getBoundingClientRect = () => ({ top: top - 500 }) as DOMRect;
  expect(cutBelow(app, 900, 500).querySelectorAll('li')).toHaveLength(3);
  // The live view is left whole.
  expect(app.querySelectorAll('li')).toHaveLength(4);
});
