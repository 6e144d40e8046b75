import { describe, expect, test } from 'vitest';
import { saveArticle } from '@/lib/db/articles';
import { ImportError } from '@/lib/db/errors';
import { exportLibrary } from '@/lib/db/export-library';
import { importLibrary } from '@/lib/db/import-library';
import type { LedeDB } from '@/lib/db/schema';
import { addHighlight } from '@/lib/notes/highlights-db';
import { highlightsToMarkdown, withHighlightsMarkdown } from '@/lib/notes/highlights-markdown';
import { describeQuote } from '@/lib/notes/text-quote';
import { articleInput, freshDb } from '../db/fixtures';

const TEXT = 'NATO Secretary-General Jens Stoltenberg met Volodymyr Zelensky in Kyiv.';
const quote = (s: string) => describeQuote(TEXT, TEXT.indexOf(s), TEXT.indexOf(s) + s.length);

async function library(): Promise<{ db: LedeDB; id: string }> {
  const db = freshDb();
  const { id } = await saveArticle(db, articleInput());
  await addHighlight(db, {
    articleId: id,
    selector: quote('Jens Stoltenberg'),
    note: 'Outgoing\nchief',
    now: 5,
  });
  const orphan = await addHighlight(db, { articleId: id, selector: quote('in Kyiv'), now: 6 });
  await db.highlights.update(orphan.id, { orphaned: 1 });
  return { db, id };
}

const all = (db: LedeDB) => db.highlights.orderBy('id').toArray();

describe('backup and restore of highlights', () => {
  test('a backup carries every highlight, and importing it restores them exactly', async () => {
    const { db } = await library();
    const backup = await exportLibrary(db);
    expect(JSON.parse(await backup.text()).highlights).toHaveLength(2);
    const target = freshDb();
    const result = await importLibrary(target, backup);
    expect(result.highlights).toBe(2);
    expect(await all(target)).toEqual(await all(db));
  });

  test('importing over the same articles replaces their highlights, never doubles them', async () => {
    const { db } = await library();
    const backup = await exportLibrary(db);
    const before = await all(db);
    await addHighlight(db, { articleId: before[0].articleId, selector: quote('NATO') });
    await importLibrary(db, backup);
    const after = await all(db);
    expect(after.map((h) => h.exact).sort()).toEqual(['Jens Stoltenberg', 'in Kyiv']);
    // On the article as imported (ids of replaced articles may change).
    const rows = await db.articles.toArray();
    expect(new Set(after.map((h) => h.articleId))).toEqual(new Set(rows.map((r) => r.id)));
  });

  test('a backup from before highlights keeps the replaced article’s highlights', async () => {
    const { db } = await library();
    const old = JSON.parse(await (await exportLibrary(db)).text());
    delete old.highlights;
    const result = await importLibrary(db, JSON.stringify(old));
    expect(result.highlights).toBe(0);
    const rows = await db.articles.toArray();
    expect((await all(db)).map((h) => h.articleId)).toEqual([rows[0].id, rows[0].id]);
  });

  test('a damaged highlight rejects the whole file, and nothing changes', async () => {
    const { db } = await library();
    const file = JSON.parse(await (await exportLibrary(db)).text());
    const target = freshDb();
    for (const bad of [
      { ...file.highlights[0], start: -1 },
      { ...file.highlights[0], articleId: 'not-in-backup' },
      { ...file.highlights[0], exact: 42 },
    ]) {
      const broken = { ...file, highlights: [bad] };
      await expect(importLibrary(target, JSON.stringify(broken))).rejects.toBeInstanceOf(ImportError);
    }
    await expect(importLibrary(target, JSON.stringify({ ...file, highlights: {} }))).rejects.toThrow(
      /highlight/,
    );
    expect(await target.articles.count()).toBe(0);
    expect(await target.highlights.count()).toBe(0);
  });
});

describe('Markdown export', () => {
  test('highlights as blockquotes in text order, notes beneath, orphans marked, text escaped', async () => {
    const { db, id } = await library();
    const md = await withHighlightsMarkdown(db, id, '# Title\n\nBody.\n');
    expect(md).toBe(
      '# Title\n\nBody.\n\n## Highlights\n\n> Jens Stoltenberg\n\nOutgoing\n\nchief\n\n> in Kyiv\n\n*(Not found in the article’s current text.)*\n',
    );
    const tricky = highlightsToMarkdown([
      {
        ...(await all(db))[0],
        exact: 'Para <script>one\n\nPara *two*',
        note: '<img src=x onerror=alert(1)>',
      },
    ]);
    expect(tricky).toContain('> Para \\<script>one\n>\n> Para \\*two\\*');
    // Markup in a note stays text: every `<` is escaped.
    expect(tricky).toContain('\\<img src=x');
    expect(tricky).not.toMatch(/(^|[^\\])<img/);
    expect(await withHighlightsMarkdown(freshDb(), 'none', '# T\n')).toBe('# T\n');
  });
});
