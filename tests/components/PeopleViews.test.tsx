// @vitest-environment jsdom

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PeopleView } from '@/components/library/PeopleView';
import { PersonView } from '@/components/library/PersonView';
import { saveArticle } from '@/lib/db/articles';
import { LedeDB, type StoredEntity, type StoredQuote } from '@/lib/db/schema';
import { findPerson, listPeople, mergePeople } from '@/lib/people/people-queries';
import { peekEarlyPeople, startPeopleRead } from '@/lib/people/people-snapshot';
import { articleInput } from '../lib/db/fixtures';
import { person, quote } from '../lib/people/annotation-fixtures';

// The database the views load on demand: a fresh fake IndexedDB per test, shared with the test.
const state = vi.hoisted(() => ({ db: undefined as unknown, fail: false }));
vi.mock('@/components/library/load-people', async () => {
  const articles = await import('@/lib/db/articles');
  const people = await import('@/lib/people/people-queries');
  const load = async () => {
    const data = { ...people, ...articles, db: state.db };
    if (state.fail) data.listPeople = () => Promise.reject(new Error('disk on fire'));
    return data;
  };
  return { loadPeopleData: load };
});

let host: HTMLElement;
let db: LedeDB;
beforeEach(async () => {
  // One fake IndexedDB per test, seen by Dexie and by the views' bare IndexedDB reads alike.
  const factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  vi.stubGlobal('IDBKeyRange', IDBKeyRange);
  db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  state.db = db;
  state.fail = false;
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  db.close();
});

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
const all = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const one = (selector: string) => host.querySelector<HTMLElement>(selector);

async function save(n: number, day: number, entities: StoredEntity[], quotes: StoredQuote[]) {
  const site = n % 2 ? 'https://alpha.example' : 'https://beta.example';
  return saveArticle(
    db,
    articleInput(
      {
        url: `${site}/story-${n}`,
        title: `Story ${n}`,
        siteName: n % 2 ? 'Alpha' : 'Beta',
        publishedTime: `2024-05-${String(day).padStart(2, '0')}T10:00:00Z`,
      },
      { entities, quotes, now: 1000 * n },
    ),
  );
}

async function library() {
  const zelensky = person('Volodymyr Zelensky', ['Zelensky'], 4);
  const a = await save(
    1,
    1,
    [zelensky, person('Jens Stoltenberg')],
    [quote('We will win', 'Volodymyr Zelensky', 5)],
  );
  const b = await save(
    2,
    5,
    [zelensky],
    [quote('Thank you', 'Volodymyr Zelensky', 9), quote('Again', 'Zelensky', 30)],
  );
  await save(3, 3, [person('Zelenskyy'), person('Olaf Scholz', [], 12)], []);
  return { a, b };
}

test('People: nothing saved yet', async () => {
  render(<PeopleView />, host);
  await until(() => one('[data-testid="people"]')?.dataset.state === 'nothing-saved', 'nothing-saved');
  expect(one('[data-testid="people-nothing-saved"]')?.textContent).toContain('No saved articles yet');
});

test('People: sorted by quotes or mentions, searchable, with a no-match state', async () => {
  await library();
  render(<PeopleView />, host);
  await until(() => all('[data-testid="people-row"]').length > 0, 'rows');
  const names = () => all('[data-testid="people-row"]').map((row) => row.dataset.name);
  expect(names()).toEqual(['Volodymyr Zelensky', 'Olaf Scholz', 'Jens Stoltenberg']);
  expect(one('[data-testid="people-row"]')?.textContent).toContain('3 quotes · 9 mentions · 3 articles');
  expect(one('[data-testid="people-row"] a')?.getAttribute('href')).toBe(
    'library.html?person=Volodymyr%20Zelensky',
  );
  const sort = one('[data-testid="people-sort"]') as HTMLSelectElement;
  await act(() => {
    sort.value = 'mentions';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
  });
  expect(names()).toEqual(['Olaf Scholz', 'Volodymyr Zelensky', 'Jens Stoltenberg']);
  const search = one('[data-testid="people-search"]') as HTMLInputElement;
  await act(() => {
    search.value = 'stolt';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(names()).toEqual(['Jens Stoltenberg']);
  await act(() => {
    search.value = 'nobody';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(one('[data-testid="people-no-match"]')).not.toBeNull();
  await act(() => one('[data-testid="people-no-match"] button')?.click());
  expect(names()).toHaveLength(3);
});

test('People: an error says what failed and tries again', async () => {
  state.fail = true;
  render(<PeopleView />, host);
  await until(() => !!one('[data-testid="people-error"]'), 'error');
  expect(one('[data-testid="people-error"]')?.textContent).toContain('disk on fire');
  state.fail = false;
  await act(() => one('[data-testid="people-error"] button')?.click());
  await until(() => one('[data-testid="people"]')?.dataset.state === 'nothing-saved', 'retry');
});

test('a person by any spelling: quotes grouped by article, newest first, with company and outlets', async () => {
  const { a, b } = await library();
  render(<PersonView name="zelenskyy" />, host);
  await until(() => one('[data-testid="person"]')?.dataset.state === 'ready', 'person');
  expect(one('[data-testid="person"]')?.dataset.name).toBe('Volodymyr Zelensky');
  const quotes = all('[data-testid="person-quote"]');
  expect(quotes.map((q) => [q.dataset.articleId, q.textContent])).toEqual([
    [b.id, '“Thank you”'],
    [b.id, '“Again”'],
    [a.id, '“We will win”'],
  ]);
  expect(quotes[0].getAttribute('href')).toBe(`reader.html?id=${encodeURIComponent(b.id)}&quote=9`);
  await until(() => !!one('[data-testid="person-company"]'), 'company');
  expect(all('[data-testid="co-mention"]').map((li) => li.textContent)).toEqual([
    'Jens Stoltenberg 1 article',
    'Olaf Scholz 1 article',
  ]);
  expect(all('[data-testid="person-outlet"]').map((li) => li.textContent)).toEqual([
    'Alpha 2 articles',
    'Beta 1 article',
  ]);
  expect(all('[data-testid="person-mention"]')).toHaveLength(1);
});

test('a person mentioned but never quoted, a name not in the library, and nothing saved', async () => {
  render(<PersonView name="Olaf Scholz" />, host);
  await until(() => !!one('[data-testid="person-nothing-saved"]'), 'nothing saved');
  render(null, host);
  await library();
  render(<PersonView name="OLAF SCHOLZ" />, host);
  await until(() => one('[data-testid="person"]')?.dataset.state === 'no-quotes', 'no quotes');
  expect(one('[data-testid="person-no-quotes"]')?.textContent).toContain('12 mentions in 1 saved article');
  expect(all('[data-testid="person-mention"]')).toHaveLength(1);
  render(null, host);
  render(<PersonView name="Nobody Here" />, host);
  await until(() => !!one('[data-testid="person-not-found"]'), 'not found');
});

test('deleting a quoted article takes its quotes out; Undo brings them back', async () => {
  const { b } = await library();
  render(<PersonView name="Volodymyr Zelensky" />, host);
  await until(() => all('[data-testid="person-quote"]').length === 3, 'quotes');
  const group = one(`[data-testid="person-article"][data-article-id="${b.id}"]`);
  await act(() => group?.querySelector<HTMLElement>('[data-testid="person-delete-article"]')?.click());
  await until(() => !!one('[data-testid="toast"]'), 'deleted');
  expect(all('[data-testid="person-quote"]')).toHaveLength(1);
  expect(one('[data-testid="toast"]')?.textContent).toContain('its quotes left the index');
  await act(() => one('[data-testid="undo"]')?.click());
  await until(() => all('[data-testid="person-quote"]').length === 3, 'restored');
});

test('merge by hand, then split it off again', async () => {
  await library();
  render(<PersonView name="Olaf Scholz" />, host);
  await until(() => one('[data-testid="person"]')?.dataset.state === 'no-quotes', 'scholz');
  const input = one('[data-testid="person-merge-name"]') as HTMLInputElement;
  await act(() => {
    input.value = 'Jens Stoltenberg';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => one('[data-testid="person-merge"]')?.click());
  await until(() => !!one('[data-testid="person-members"]'), 'merged');
  expect(one('[data-testid="person-members"]')?.textContent).toContain('Jens Stoltenberg (1 article)');
  await act(() => one('[data-testid="person-split"]')?.click());
  await until(() => !one('[data-testid="person-members"]'), 'split');
});

/** The boot script's read for `search` (as library-boot.js starts it), once it is in. */
async function bootRead(search: string) {
  startPeopleRead(search);
  await until(() => peekEarlyPeople() !== undefined, 'boot read');
}

test('People: a kept first screen paints in the first render, and the full read shows the same rows first', async () => {
  await library();
  render(<PeopleView />, host);
  await until(() => one('[data-testid="people"]')?.dataset.state === 'ready', 'first visit');
  // The first visit read everything and kept the first screen (written after the rows show).
  render(null, host);
  for (let i = 0; i < 20 && (await db.peopleSummary.count()) < 2; i++)
    await new Promise((r) => setTimeout(r, 5));
  await bootRead('?view=people');
  render(<PeopleView />, host);
  const names = () => all('[data-testid="people-row"]').map((row) => row.dataset.name);
  // No frame of "loading": the kept rows are in the first render.
  expect(one('[data-testid="people"]')?.dataset.state).toBe('partial');
  const first = names();
  expect(first).toEqual(['Volodymyr Zelensky', 'Olaf Scholz', 'Jens Stoltenberg']);
  await until(() => one('[data-testid="people"]')?.dataset.state === 'ready', 'full read');
  expect(names().slice(0, first.length)).toEqual(first);
  expect(one('[data-testid="people-row"]')?.textContent).toContain('3 quotes · 9 mentions · 3 articles');
});

test('a person: a kept first screen paints first; after a merge the next visit shows the merge, not the kept screen', async () => {
  await library();
  render(<PersonView name="zelensky" />, host);
  await until(() => one('[data-testid="person"]')?.dataset.state === 'ready', 'first visit');
  const quotes = () => all('[data-testid="person-quote"]').map((q) => [q.dataset.articleId, q.textContent]);
  const full = quotes();
  render(null, host);
  for (let i = 0; i < 20 && (await db.peopleSummary.count()) < 2; i++)
    await new Promise((r) => setTimeout(r, 5));
  await bootRead('?person=zelensky');
  render(<PersonView name="zelensky" />, host);
  expect(one('[data-testid="person"]')?.dataset.state).toBe('partial');
  expect(one('[data-testid="person-summary"]')?.textContent).toContain('3 quotes');
  expect(quotes()).toEqual(full);
  expect(one('[data-testid="person-merge"]')).toBeNull();
  await until(() => one('[data-testid="person"]')?.dataset.state === 'ready', 'full read');
  expect(quotes()).toEqual(full);
  render(null, host);
  // A merge drops the kept screens: the next visit reads the index and shows the merged entry.
  const entries = await listPeople(db);
  const [into, from] = [findPerson(entries, 'Olaf Scholz'), findPerson(entries, 'Zelensky')];
  if (!into || !from) throw new Error('indexed');
  await mergePeople(db, into, from);
  await bootRead('?person=zelensky');
  render(<PersonView name="zelensky" />, host);
  expect(one('[data-testid="person"]')?.dataset.state).toBe('loading');
  await until(() => one('[data-testid="person"]')?.dataset.state === 'ready', 'merged');
  expect(one('[data-testid="person-summary"]')?.textContent).toContain('21 mentions');
  expect(one('[data-testid="person-members"]')?.textContent).toContain('Olaf Scholz');
  expect(quotes()).toEqual(full);
});
