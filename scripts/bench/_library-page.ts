/**
 * The page side of scripts/bench/library.ts: bundled to one script and evaluated in an
 * extension page of the built extension (real Chromium IndexedDB, same origin as library.html).
 * Exposes `globalThis.__ledeBench`.
 */
import Dexie from 'dexie';
import {
  firstSearchResults,
  getArticleSummaries,
  queryArticleIds,
  saveArticle,
  withDerivedFields,
} from '../../lib/db/articles';
import { exportLibrary } from '../../lib/db/export-library';
import { importLibrary } from '../../lib/db/import-library';
import {
  articleSearchRow,
  DB_NAME,
  joinArticle,
  LedeDB,
  type StoredArticle,
  splitArticle,
} from '../../lib/db/schema';
import { foldText } from '../../lib/db/search-tokens';
import { benchQueries, makeArticle, makeCorpus } from './_library-corpus';

const corpus = makeCorpus();
const now = Date.UTC(2026, 10, 28);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A small deterministic PNG-like payload (the bytes matter for the lossless check, not the picture). */
function imageBlob(i: number): Blob {
  const bytes = new Uint8Array(2048 + (i % 512));
  for (let k = 0; k < bytes.length; k++) bytes[k] = (i * 7 + k * 13) & 0xff;
  return new Blob([bytes], { type: 'image/png' });
}

async function populate(count: number): Promise<{ ms: number; articles: number; images: number }> {
  await Dexie.delete(DB_NAME);
  const db = new LedeDB();
  const t0 = performance.now();
  let images = 0;
  for (let start = 0; start < count; start += 500) {
    const articles: StoredArticle[] = [];
    for (let i = start; i < Math.min(count, start + 500); i++)
      articles.push(withDerivedFields(makeArticle(corpus, i, now)));
    const imageRows = articles
      .filter((_, k) => (start + k) % 10 === 0)
      .map((article, k) => ({
        articleId: article.id,
        url: `https://img.example/${article.id}.png`,
        blob: imageBlob(start + k),
      }));
    images += imageRows.length;
    await db.transaction('rw', [db.articles, db.bodies, db.search, db.images], async () => {
      const split = articles.map(splitArticle);
      await db.articles.bulkAdd(split.map((part) => part.row));
      await db.bodies.bulkAdd(split.map((part) => part.body));
      await db.search.bulkAdd(articles.map(articleSearchRow));
      await db.images.bulkAdd(imageRows);
    });
  }
  const ms = performance.now() - t0;
  db.close();
  return { ms, articles: count, images };
}

/** Every article, whole: rows and bodies joined (both tables are in id order). */
async function allArticles(db: LedeDB): Promise<StoredArticle[]> {
  const [rows, bodies] = await db.transaction('r', db.articles, db.bodies, () =>
    Promise.all([db.articles.toArray(), db.bodies.toArray()]),
  );
  return rows.map((row, i) => joinArticle(row, bodies[i]));
}

/** Time to open the library with Dexie, and (baseline) a bare indexedDB.open of the same database. */
async function openOnce(): Promise<{ dexie: number; raw: number }> {
  const r0 = performance.now();
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rawMs = performance.now() - r0;
  raw.close();
  const db = new LedeDB();
  const t0 = performance.now();
  await db.open();
  const dexieMs = performance.now() - t0;
  db.close();
  return { dexie: dexieMs, raw: rawMs };
}

/** What the library does per keystroke: ids of all matches, then the first screen of rows. */
async function search(): Promise<{
  times: number[];
  full: number[];
  hits: number[];
  naive: number[];
  naiveQueries: string[];
  agree: boolean;
}> {
  const db = new LedeDB();
  await db.open();
  const queries = benchQueries(corpus);
  await queryArticleIds(db, { text: 'warmup' });
  const times: number[] = [];
  const full: number[] = [];
  const hits: number[] = [];
  const results = new Map<string, string[]>();
  let agree = true;
  for (const text of queries) {
    // As the library does: the newest matches first when the newest rows hold a screenful,
    // else every matching id from the index and the first rows.
    const t0 = performance.now();
    const quick = await firstSearchResults(db, { text }, 30);
    const tQuick = performance.now();
    const ids = await queryArticleIds(db, { text });
    if (!quick) await getArticleSummaries(db, ids.slice(0, 30));
    const t1 = performance.now();
    times.push(quick ? tQuick - t0 : t1 - t0);
    full.push(t1 - t0);
    hits.push(ids.length);
    results.set(text, ids);
    // The quick answer must be exactly the head of the full one.
    if (quick?.some((row, i) => row.id !== ids[i])) agree = false;
  }
  // Baseline: a naive full scan with Dexie filter(), folding every article's fields per query.
  const naiveQueries = ['Stoltenberg', 'sao paulo', 'energy grid'];
  const naive: number[] = [];
  for (const text of naiveQueries) {
    const terms = foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length >= 2);
    const t0 = performance.now();
    const rows = new Map((await db.articles.toArray()).map((row) => [row.id, row]));
    const ids = await db.bodies
      .filter((body) => {
        const a = { ...rows.get(body.id), text: body.text };
        const words = foldText(`${a.title} ${a.byline ?? ''} ${a.siteName ?? ''} ${a.site} ${a.text}`).split(
          /[^\p{L}\p{N}]+/u,
        );
        return terms.every((term) => words.some((w) => w.startsWith(term)));
      })
      .primaryKeys();
    naive.push(performance.now() - t0);
    // The index must find exactly what the full scan finds.
    const indexed = results.get(text) ?? (await queryArticleIds(db, { text }));
    if (ids.length !== indexed.length || ids.some((id) => !indexed.includes(id))) agree = false;
  }
  db.close();
  return { times, full, hits, naive, naiveQueries, agree };
}

/** Saving one new ~800-word article with quotes and entities; baseline: a bare put without indexes. */
async function save(rounds: number): Promise<{ times: number[]; bare: number[] }> {
  const db = new LedeDB();
  await db.open();
  const bare = new Dexie('lede-bench-bare');
  bare.version(1).stores({ t: 'id' });
  await bare.open();
  const times: number[] = [];
  const bareTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = makeArticle(corpus, 20_000 + r, now);
    const input = {
      article: { ...a, url: `${a.url}-saved`, textContent: a.text, canonicalUrl: null },
      html: a.html,
      quotes: a.quotes,
      entities: a.entities,
    };
    const t0 = performance.now();
    await saveArticle(db, input);
    times.push(performance.now() - t0);
    const b0 = performance.now();
    await bare.table('t').put({ ...a, id: `bare-${r}` });
    bareTimes.push(performance.now() - b0);
  }
  db.close();
  await bare.delete();
  return { times, bare: bareTimes };
}

function sameArticle(a: StoredArticle, b: StoredArticle | undefined): string | null {
  if (!b) return 'missing';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = JSON.stringify((a as unknown as Record<string, unknown>)[key]);
    const y = JSON.stringify((b as unknown as Record<string, unknown>)[key]);
    if (x !== y) return key;
  }
  return null;
}

async function exportImport(): Promise<Record<string, unknown>> {
  const db = new LedeDB();
  const copyName = 'lede-bench-import';
  await Dexie.delete(copyName);
  const copy = new LedeDB({}, copyName);
  const e0 = performance.now();
  const backup = await exportLibrary(db);
  const exportMs = performance.now() - e0;
  const i0 = performance.now();
  const result = await importLibrary(copy, backup);
  const importMs = performance.now() - i0;
  // Baseline: read every row (the floor of any export), bulk-write them into an index-free table.
  const r0 = performance.now();
  const all = await allArticles(db);
  const readAllMs = performance.now() - r0;
  await Dexie.delete('lede-bench-bare');
  const bare = new Dexie('lede-bench-bare');
  bare.version(1).stores({ t: 'id' });
  const w0 = performance.now();
  await bare.table('t').bulkPut(all);
  const bareWriteMs = performance.now() - w0;
  await bare.delete();

  // Lossless: every article field by field, every image byte by byte, and the search index.
  let fieldMismatches = 0;
  const mismatchFields = new Set<string>();
  const copied = new Map((await allArticles(copy)).map((a) => [a.id, a]));
  for (const article of all) {
    const diff = sameArticle(article, copied.get(article.id));
    if (diff) {
      fieldMismatches++;
      mismatchFields.add(diff);
    }
  }
  const [images, copiedImages] = await Promise.all([db.images.toArray(), copy.images.toArray()]);
  const copiedByKey = new Map(copiedImages.map((image) => [`${image.articleId} ${image.url}`, image.blob]));
  let imageMismatches = 0;
  for (const image of images) {
    const other = copiedByKey.get(`${image.articleId} ${image.url}`);
    const [x, y] = await Promise.all([image.blob.arrayBuffer(), other?.arrayBuffer()]);
    const a = new Uint8Array(x);
    const b = y ? new Uint8Array(y) : null;
    if (!b || other?.type !== image.blob.type || a.length !== b.length || a.some((v, k) => v !== b[k]))
      imageMismatches++;
  }
  const searchAgrees =
    JSON.stringify(await queryArticleIds(db, { text: 'stoltenberg kyiv' })) ===
    JSON.stringify(await queryArticleIds(copy, { text: 'stoltenberg kyiv' }));
  db.close();
  await copy.delete();
  return {
    exportMs,
    importMs,
    readAllMs,
    bareWriteMs,
    backupMB: backup.size / 1e6,
    articles: all.length,
    imported: result.articles,
    images: images.length,
    fieldMismatches,
    mismatchFields: [...mismatchFields],
    imageMismatches,
    searchAgrees,
    lossless: fieldMismatches === 0 && imageMismatches === 0 && copied.size === all.length && searchAgrees,
  };
}

/** Baseline for first rows: loading every row naively (no virtualization) and taking the first 30. */
async function naiveFirstRows(): Promise<number> {
  const db = new LedeDB();
  const t0 = performance.now();
  const all = await db.articles.toArray();
  all.sort((a, b) => b.savedAt - a.savedAt).slice(0, 30);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

(globalThis as unknown as { __ledeBench: unknown }).__ledeBench = {
  populate,
  openOnce,
  search,
  save,
  exportImport,
  naiveFirstRows,
  median,
  percentile,
};
