/**
 * The page side of scripts/bench/highlights.ts, bundled with the library bench's page code (which
 * fills the 10,000-article library). Adds the reader's highlights and times saving one.
 * Exposes `globalThis.__ledeHighlightsBench`.
 */
import Dexie from 'dexie';
import { LedeDB } from '../../lib/db/schema';
import { buildTextMap } from '../../lib/highlight/text-map';
import { addHighlight } from '../../lib/notes/highlights-db';
import { rangeOffsets } from '../../lib/notes/range-offsets';
import type { StoredHighlight } from '../../lib/notes/stored-highlight';
import { describeQuote } from '../../lib/notes/text-quote';
import { applyUserMarks } from '../../lib/notes/user-marks';
import './_library-page';

const NOTES = ['Check this figure', 'Quote for the piece', 'Compare with last year', 'Follow up'];

/** `count` highlights spread over the library (every tenth article), about half with a note. */
async function addHighlights(count: number): Promise<{ ms: number; highlights: number; articles: number }> {
  const db = new LedeDB();
  const t0 = performance.now();
  const ids = (await db.articles.toCollection().primaryKeys()).filter((_, i) => i % 10 === 0);
  const rows: StoredHighlight[] = [];
  for (let i = 0; i < count; i++) {
    const articleId = ids[i % ids.length];
    const body = await db.bodies.get(articleId);
    const text = body?.text ?? '';
    const start = (i * 97) % Math.max(1, text.length - 200);
    const selector = describeQuote(text, start, start + 40 + (i % 120));
    const createdAt = Date.UTC(2026, 10, 1) + i * 60_000;
    rows.push({
      ...selector,
      id: `${createdAt.toString(36).padStart(9, '0')}-${String(i).padStart(6, '0')}`,
      articleId,
      note: i % 2 === 0 ? `${NOTES[i % NOTES.length]} (${i})` : '',
      orphaned: 0,
      createdAt,
      updatedAt: createdAt,
    });
  }
  await db.highlights.bulkAdd(rows);
  const ms = performance.now() - t0;
  db.close();
  return { ms, highlights: count, articles: new Set(rows.map((r) => r.articleId)).size };
}

/**
 * Saving one highlight as the reader does: the selection (a DOM Range over a rendered ~800-word
 * article) to offsets, its selector, its marks, and the library write. Baseline: a bare put of
 * the same record into a table without indexes.
 */
async function saveHighlight(
  rounds: number,
): Promise<{ times: number[]; dbTimes: number[]; bare: number[] }> {
  const db = new LedeDB();
  await db.open();
  const bare = new Dexie('lede-bench-bare-highlights');
  bare.version(1).stores({ t: 'id' });
  await bare.open();
  const articleId = (await db.articles.toCollection().first())?.id as string;
  const body = await db.bodies.get(articleId);
  const host = document.createElement('div');
  document.body.append(host);
  const times: number[] = [];
  const dbTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    host.innerHTML = body?.html ?? '';
    const paragraphs = host.querySelectorAll('p');
    const p = paragraphs[r % paragraphs.length];
    const range = document.createRange();
    range.selectNodeContents(p);
    const t0 = performance.now();
    const map = buildTextMap(host);
    const at = rangeOffsets(map, range);
    if (!at) throw new Error('no text selected');
    const selector = describeQuote(map.text, at.start, at.end);
    applyUserMarks(host, map, [{ id: `bench-${r}`, start: at.start, end: at.end, hasNote: false }]);
    const d0 = performance.now();
    const saved = await addHighlight(db, { articleId, selector });
    const t1 = performance.now();
    times.push(t1 - t0);
    dbTimes.push(t1 - d0);
    const b0 = performance.now();
    await bare.table('t').put({ ...saved, id: `bare-${r}` });
    bareTimes.push(performance.now() - b0);
    await db.highlights.delete(saved.id);
  }
  host.remove();
  db.close();
  await bare.delete();
  return { times, dbTimes, bare: bareTimes };
}

(globalThis as unknown as { __ledeHighlightsBench: unknown }).__ledeHighlightsBench = {
  addHighlights,
  saveHighlight,
};
