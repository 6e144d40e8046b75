import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { saveArticle, setArchived } from '@/lib/db/articles';
import { firstScreenRows, ROW_HEIGHT, readNewestRows } from '@/lib/db/first-screen';
import { BODY_FIELDS, LedeDB } from '@/lib/db/schema';
import { articleInput } from './fixtures';

test('the first screen is the newest unarchived article rows, without bodies', async () => {
  const factory = new IDBFactory();
  const db = new LedeDB({ indexedDB: factory, IDBKeyRange });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++)
    ids.push(
      (
        await saveArticle(
          db,
          articleInput({ url: `https://a.example/${i}`, title: `t${i}` }, { now: 1000 + i }),
        )
      ).id,
    );
  await setArchived(db, ids[4], true);
  db.close();

  const rows = await readNewestRows(3, factory, IDBKeyRange);
  expect(rows?.map((row) => row.title)).toEqual(['t5', 't3', 't2']);
  for (const row of rows ?? []) for (const field of BODY_FIELDS) expect(row).not.toHaveProperty(field);
});

test('with no library yet it answers null and creates nothing', async () => {
  const factory = new IDBFactory();
  expect(await readNewestRows(3, factory, IDBKeyRange)).toBeNull();
  expect(await factory.databases()).toEqual([]);
});

test('the first screen fills the window plus two rows', () => {
  expect(firstScreenRows(ROW_HEIGHT * 7)).toBe(9);
  expect(firstScreenRows(ROW_HEIGHT * 7 + 1)).toBe(10);
});
