import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { LedeDB } from '@/lib/db/schema';
import { saveArticleText } from '@/lib/library/save-article';
import { addHighlight } from '@/lib/notes/highlights-db';
import { describeQuote } from '@/lib/notes/text-quote';
import { articleInput, freshDb } from '../db/fixtures';

/** Saving an article again re-anchors the reader's highlights in its new text. */

let db: LedeDB;
vi.mock('@/lib/db/library-db', () => ({ libraryDb: () => db }));
beforeEach(() => {
  db = freshDb();
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

test('a second save with changed text moves a highlight to its quote, and orphans one that is gone', async () => {
  const first = articleInput();
  first.html = '<p>Intro paragraph.</p><p>The alliance pledged support. Officials left early.</p>';
  const saved = await saveArticleText(first);
  // The block text the reader renders: paragraphs separated by a blank line.
  const text = 'Intro paragraph.\n\nThe alliance pledged support. Officials left early.';
  const at = (s: string) => describeQuote(text, text.indexOf(s), text.indexOf(s) + s.length);
  const kept = await addHighlight(db, { articleId: saved.id, selector: at('pledged support') });
  const gone = await addHighlight(db, { articleId: saved.id, selector: at('Officials left early.') });

  const again = articleInput();
  again.html = '<h2>Update</h2><p>A new lead paragraph was added.</p><p>The alliance pledged support.</p>';
  const second = await saveArticleText(again);
  expect(second.id).toBe(saved.id);
  await vi.waitFor(async () => expect((await db.highlights.get(gone.id))?.orphaned).toBe(1));
  const moved = await db.highlights.get(kept.id);
  const newText = 'Update\n\nA new lead paragraph was added.\n\nThe alliance pledged support.';
  expect(moved?.start).toBe(newText.indexOf('pledged support'));
  expect(newText.slice(moved?.start, moved?.end)).toBe('pledged support');
  // Kept, with its words, though not found.
  expect((await db.highlights.get(gone.id))?.exact).toBe('Officials left early.');
});
