// lib/db: the IndexedDB library (Dexie) — schema and upgrades, intent-level reads and writes, backup.
import type { Article } from '../extract/article';
import type { StoredHighlight } from '../notes/stored-highlight';
import { peopleTables, updatePeopleIndex } from '../people/people-index';
import { canonicalUrl, siteOf } from '../url/canonical-url';
import { isQuotaError, StorageFullError } from './errors';
import {
  type ArticleRow,
  articleSearchRow,
  type EntityType,
  type ImageReport,
  joinArticle,
  type LedeDB,
  type SearchRow,
  type StoredArticle,
  type StoredEntity,
  type StoredImage,
  type StoredQuote,
  splitArticle,
} from './schema';
import { foldText, queryTerms } from './search-tokens';
import { type ArticleSummary, toSummary } from './summary';

export { type ArticleSummary, toSummary };

/** What the caller hands to `saveArticle`: the extracted article, already sanitized, plus extras. */
export interface SaveInput {
  /** The extracted article; its `canonicalUrl` (declared by the page) is the key when usable. */
  article: Omit<Article, 'contentHtml' | 'readerable' | 'canonicalUrl'> & { canonicalUrl?: string | null };
  /** The body HTML after lib/sanitize. Stored as-is. */
  html: string;
  quotes?: StoredQuote[];
  entities?: StoredEntity[];
  tags?: string[];
  /** Image Blobs fetched for offline reading, by original URL. */
  images?: { url: string; blob: Blob }[];
  /** Counts of the images found in the article and why some could not be stored. */
  imageReport?: ImageReport;
  now?: number;
  /**
   * What to do when the article's key holds an article saved from another page (see
   * `SaveResult.conflict`): replace that article, or keep both (this one under its own page URL).
   * Unset: write nothing and report the conflict.
   */
  onConflict?: 'replace' | 'keep-both';
}

/** The article already saved under the key a page asked for, saved from another page. */
export interface SaveConflict {
  id: string;
  url: string;
  title: string;
}

export interface SaveResult {
  id: string;
  /** false when the article was already saved and has been updated. */
  created: boolean;
  images: ImageReport;
  /**
   * Set when nothing was written: the key (the page's declared canonical URL) holds an article
   * saved from a different page, which a page must not silently replace. `id` and `images` are
   * then that article's. Save again with `onConflict` once the reader has chosen.
   */
  conflict?: SaveConflict;
}

/** Filters of the library. Unset fields do not filter. */
export interface LibraryQuery {
  /** Prefix, case- and diacritic-insensitive search over title, byline, site and body. */
  text?: string;
  site?: string;
  tag?: string;
  read?: boolean;
  archived?: boolean;
  favorite?: boolean;
  /** Articles mentioning an entity whose name or alias starts with `name` (folded). */
  entity?: { name: string; type?: EntityType };
}

const ENTITY_TYPES: EntityType[] = ['person', 'organization', 'place'];

/**
 * A new article id: the save time in base 36 (fixed width), then randomness. Ids therefore sort
 * by save time, so primary-key order is "oldest first" without a separate savedAt index.
 */
export function newArticleId(now = Date.now()): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${Math.floor(now).toString(36).padStart(9, '0')}-${random}`;
}

function entityKey(type: EntityType, name: string): string {
  return `${type}:${foldText(name).trim().replace(/\s+/g, ' ')}`;
}

function entityKeys(entities: StoredEntity[]): string[] {
  const keys = new Set<string>();
  for (const entity of entities) {
    if (!ENTITY_TYPES.includes(entity.type)) continue;
    for (const name of [entity.name, ...(entity.aliases ?? [])])
      if (name) keys.add(entityKey(entity.type, name));
  }
  return [...keys];
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

/** The fields of an article that are computed from the others; recomputed on every write. */
export function withDerivedFields(article: StoredArticle): StoredArticle {
  const pageKey = safeCanonical(article.url);
  return {
    ...article,
    site: siteOf(article.canonicalUrl),
    urlKeys: [...new Set([article.canonicalUrl, ...(pageKey ? [pageKey] : []), ...(article.urlKeys ?? [])])],
    entityKeys: entityKeys(article.entities),
  };
}

function safeCanonical(url: string, declared?: string | null): string | null {
  try {
    return canonicalUrl(url, declared);
  } catch {
    return null;
  }
}

function tables(db: LedeDB) {
  return [db.articles, db.bodies, db.images, db.search, ...peopleTables(db)];
}

/**
 * Writes a whole article: its row, its body, its search tokens and its people index entries
 * (inside the caller's transaction).
 */
async function putArticle(db: LedeDB, article: StoredArticle, add = false): Promise<void> {
  const { row, body } = splitArticle(article);
  await (add ? db.articles.add(row) : db.articles.put(row));
  await db.bodies.put(body);
  await db.search.put(articleSearchRow(article));
  await updatePeopleIndex(db, [], [article]);
}

async function withQuotaCheck<T>(work: () => Promise<T>, message?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError({ cause: error, message });
    throw error;
  }
}

/**
 * Whether saving the page at `pageKey` under `key` would replace an article saved from another
 * page. A page may declare any URL of its site as its canonical one (a subdomain of a blog host,
 * an author's own post naming another's), so it replaces a saved article only when it is that
 * article's page (the same URL once normalised) or the canonical page itself (`pageKey === key`).
 */
function isConflict(existing: ArticleRow, pageKey: string, key: string): boolean {
  return pageKey !== key && safeCanonical(existing.url) !== pageKey;
}

/**
 * Saves an article with its images and search tokens in ONE read-write transaction: on any
 * failure (quota included) nothing of it is written. Saving an article already in the library
 * (same canonical URL) updates it in place: it keeps its id, save time, tags, read/archived/
 * favourite state and reading position; but a page at another URL never silently replaces it
 * (see `isConflict` and `SaveResult.conflict`). Concurrent saves of one URL are serialised by
 * IndexedDB (overlapping read-write transactions never interleave), so they cannot create a duplicate.
 */
export async function saveArticle(db: LedeDB, input: SaveInput): Promise<SaveResult> {
  const { article } = input;
  const pageKey = canonicalUrl(article.url);
  const declaredKey = canonicalUrl(article.url, article.canonicalUrl);
  const now = input.now ?? Date.now();
  const newImages = input.images ?? [];
  const report: ImageReport = input.imageReport ?? {
    total: newImages.length,
    saved: newImages.length,
    failed: [],
  };

  return withQuotaCheck(() =>
    db.transaction('rw', tables(db), async () => {
      const atKey = await db.articles.where('canonicalUrl').equals(declaredKey).first();
      const conflict = atKey && isConflict(atKey, pageKey, declaredKey);
      if (atKey && conflict && !input.onConflict) {
        const { id, url, title, images } = atKey;
        return { id, created: false, images, conflict: { id, url, title } };
      }
      // Keeping both: this page is saved under its own URL, as if it declared no canonical one.
      const key = conflict && input.onConflict === 'keep-both' ? pageKey : declaredKey;
      const existing =
        key === declaredKey ? atKey : await db.articles.where('canonicalUrl').equals(key).first();
      const id = existing?.id ?? newArticleId(now);
      // A re-save without annotations keeps the ones stored with the article.
      const keepAnnotations = existing && (input.quotes === undefined || input.entities === undefined);
      const existingBody = keepAnnotations ? await db.bodies.get(existing.id) : undefined;
      const stored = withDerivedFields({
        id,
        url: article.url,
        canonicalUrl: key,
        // Every URL the article was saved from keeps finding it.
        urlKeys: existing?.urlKeys ?? [],
        title: article.title,
        byline: article.byline,
        siteName: article.siteName,
        site: '',
        publishedTime: article.publishedTime,
        lang: article.lang,
        dir: article.dir,
        excerpt: article.excerpt,
        leadImage: article.leadImage,
        html: input.html,
        text: article.textContent,
        wordCount: article.wordCount,
        readingMinutes: article.readingMinutes,
        quotes: input.quotes ?? existingBody?.quotes ?? [],
        entities: input.entities ?? existingBody?.entities ?? [],
        entityKeys: [],
        tags: cleanTags([...(existing?.tags ?? []), ...(input.tags ?? [])]),
        read: existing?.read ?? 0,
        archived: existing?.archived ?? 0,
        favorite: existing?.favorite ?? 0,
        readingPosition: existing?.readingPosition ?? 0,
        savedAt: existing?.savedAt ?? now,
        updatedAt: now,
        images: report,
      });

      let finalReport = report;
      if (existing) {
        // An image that failed this time but was stored by an earlier save stays available.
        const kept = new Set(newImages.map((image) => image.url));
        const failed = new Set(report.failed.map((f) => f.url));
        const old = await db.images.where('articleId').equals(id).toArray();
        const stale = old.filter((image) => !kept.has(image.url) && !failed.has(image.url));
        const recovered = old.filter((image) => failed.has(image.url)).map((image) => image.url);
        await db.images.bulkDelete(stale.map((image) => [image.articleId, image.url] as [string, string]));
        if (recovered.length > 0) {
          finalReport = {
            total: report.total,
            saved: report.saved + recovered.length,
            failed: report.failed.filter((f) => !recovered.includes(f.url)),
          };
          stored.images = finalReport;
        }
      }
      await putArticle(db, stored);
      if (newImages.length > 0) {
        await db.images.bulkPut(
          newImages.map((image): StoredImage => ({ articleId: id, url: image.url, blob: image.blob })),
        );
      }
      return { id, created: !existing, images: finalReport };
    }),
  );
}

/** What `attachImages` adds to a saved article: downloaded images, and why others were not saved. */
export interface ImageUpdate {
  images?: { url: string; blob: Blob }[];
  failed?: { url: string; reason: string }[];
}

/**
 * Adds images to an article already saved, and/or updates why others were not saved, in ONE
 * read-write transaction over the article row (its `images` report only) and the images table:
 * the text, body, annotations and search index are not touched. Only images the report still
 * lists as not saved are taken (a download that outlived a re-save with other images is not mixed
 * in). On a quota error nothing of this call is written and `StorageFullError` says so. Returns
 * the article's report after the update, or undefined when the article is no longer saved.
 */
export async function attachImages(
  db: LedeDB,
  id: string,
  update: ImageUpdate,
): Promise<ImageReport | undefined> {
  return withQuotaCheck(
    () =>
      db.transaction('rw', [db.articles, db.images], async () => {
        const row = await db.articles.get(id);
        if (!row) return undefined;
        const pending = new Set(row.images.failed.map((f) => f.url));
        const images = (update.images ?? []).filter((image) => pending.has(image.url));
        const added = new Set(images.map((image) => image.url));
        const reasons = new Map((update.failed ?? []).map((f) => [f.url, f.reason]));
        const report: ImageReport = {
          total: row.images.total,
          saved: row.images.saved + added.size,
          failed: row.images.failed
            .filter((f) => !added.has(f.url))
            .map((f) => ({ url: f.url, reason: reasons.get(f.url) ?? f.reason })),
        };
        if (images.length > 0)
          await db.images.bulkPut(
            images.map((image): StoredImage => ({ articleId: id, url: image.url, blob: image.blob })),
          );
        await db.articles.update(id, { images: report });
        return report;
      }),
    'Not enough storage space for this image. The article is saved without it; free some space and save it again to retry.',
  );
}

/** A saved article, whole (row and body, read in one transaction). */
export function getArticle(db: LedeDB, id: string): Promise<StoredArticle | undefined> {
  return db.transaction('r', db.articles, db.bodies, async () => {
    const [row, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
    return row && body ? joinArticle(row, body) : undefined;
  });
}

/** The stored image Blobs of an article, by original URL. */
export async function getArticleImages(db: LedeDB, id: string): Promise<Map<string, Blob>> {
  const images = await db.images.where('articleId').equals(id).toArray();
  return new Map(images.map((image) => [image.url, image.blob]));
}

/** The id of the saved article for a page (by its canonical or its own URL), if it is saved. */
export async function findSavedArticle(
  db: LedeDB,
  pageUrl: string,
  declaredCanonical?: string | null,
): Promise<string | undefined> {
  const keys = [safeCanonical(pageUrl, declaredCanonical), safeCanonical(pageUrl)].filter(
    (key): key is string => !!key,
  );
  if (keys.length === 0) return undefined;
  const ids = await db.articles.where('urlKeys').anyOf(keys).primaryKeys();
  return ids[0];
}

/**
 * A page of the library, newest first. `after` is the `next` cursor of the previous page
 * (an article id); ids sort by save time, so the cursor is a key range, not an offset.
 */
export async function listArticles(
  db: LedeDB,
  options: { limit?: number; after?: string | null; archived?: boolean } = {},
): Promise<{ items: ArticleSummary[]; next: string | null }> {
  const limit = options.limit ?? 50;
  let collection = (
    options.after ? db.articles.where(':id').below(options.after) : db.articles.toCollection()
  ).reverse();
  if (options.archived !== undefined) {
    const archived = options.archived ? 1 : 0;
    // A cursor from the newest end that stops after `limit` matches: cheap for the first screen.
    collection = collection.filter((article) => article.archived === archived);
  }
  const rows = await collection.limit(limit).toArray();
  return { items: rows.map(toSummary), next: rows.length === limit ? rows[rows.length - 1].id : null };
}

export function countArticles(db: LedeDB): Promise<number> {
  return db.articles.count();
}

/** Summaries of `ids`, in the same order (missing ids are skipped). For a virtualized window. */
export async function getArticleSummaries(db: LedeDB, ids: readonly string[]): Promise<ArticleSummary[]> {
  const rows = await db.articles.bulkGet([...ids]);
  return rows.filter((row): row is ArticleRow => !!row).map(toSummary);
}

function intersect(a: Set<string>, b: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of b) if (a.has(id)) out.add(id);
  return out;
}

/**
 * Below this many candidates, checking the remaining query terms against each candidate's
 * token list is cheaper than another index range scan (a short, common prefix can match a
 * large part of a 10,000-article index).
 */
const VERIFY_BELOW = 400;

/** Ids of articles matching every term of `text` by prefix, or null when the text has no terms. */
async function textMatches(db: LedeDB, text: string): Promise<Set<string> | null> {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  let ids = new Set(await db.search.where('tokens').startsWith(terms[0]).primaryKeys());
  let rest = terms.slice(1);
  while (rest.length > 0 && ids.size >= VERIFY_BELOW) {
    ids = intersect(ids, await db.search.where('tokens').startsWith(rest[0]).primaryKeys());
    rest = rest.slice(1);
  }
  if (rest.length > 0 && ids.size > 0) {
    const rows = await db.search.bulkGet([...ids]);
    const ok = (row: SearchRow | undefined) =>
      !!row && rest.every((term) => row.tokens.some((token) => token.startsWith(term)));
    ids = new Set(rows.filter(ok).map((row) => (row as SearchRow).id));
  }
  return ids;
}

async function entityMatches(db: LedeDB, entity: NonNullable<LibraryQuery['entity']>): Promise<Set<string>> {
  const types = entity.type ? [entity.type] : ENTITY_TYPES;
  const keys = await Promise.all(
    types.map((type) =>
      db.articles.where('entityKeys').startsWith(entityKey(type, entity.name)).primaryKeys(),
    ),
  );
  return new Set(keys.flat());
}

/**
 * Ids of the articles matching `query`, newest first. The list view keeps this array and loads
 * summaries only for the rows on screen (`getArticleSummaries`).
 */
export async function queryArticleIds(db: LedeDB, query: LibraryQuery = {}): Promise<string[]> {
  return db.transaction('r', [db.articles, db.search], async () => {
    const sets: Promise<Set<string> | null>[] = [];
    const byIndex = (index: string, value: string | number) =>
      db.articles
        .where(index)
        .equals(value)
        .primaryKeys()
        .then((ids) => new Set(ids));
    if (query.text) sets.push(textMatches(db, query.text));
    if (query.site) sets.push(byIndex('site', query.site));
    if (query.tag) sets.push(byIndex('tags', query.tag));
    if (query.read !== undefined) sets.push(byIndex('read', query.read ? 1 : 0));
    if (query.archived !== undefined) sets.push(byIndex('archived', query.archived ? 1 : 0));
    if (query.favorite !== undefined) sets.push(byIndex('favorite', query.favorite ? 1 : 0));
    if (query.entity?.name.trim()) sets.push(entityMatches(db, query.entity));
    const resolved = (await Promise.all(sets)).filter((set): set is Set<string> => set !== null);
    if (resolved.length === 0) return (await db.articles.toCollection().primaryKeys()).reverse();
    resolved.sort((a, b) => a.size - b.size);
    let ids = resolved[0];
    for (const set of resolved.slice(1)) ids = intersect(set, ids);
    return [...ids].sort().reverse();
  });
}

/** Search rows read per step by `firstSearchResults`, and at most in all. */
const SCAN_PAGE = 40;
const SCAN_MAX = 160;

function matchesFlags(article: ArticleRow, query: LibraryQuery): boolean {
  const flag = (value: 0 | 1, wanted: boolean | undefined) =>
    wanted === undefined || value === (wanted ? 1 : 0);
  return (
    flag(article.archived, query.archived) &&
    flag(article.read, query.read) &&
    flag(article.favorite, query.favorite) &&
    (!query.site || article.site === query.site) &&
    (!query.tag || article.tags.includes(query.tag))
  );
}

/**
 * The newest `limit` matches of a text query, found by reading the newest search rows (at most
 * SCAN_MAX) instead of the index: a common word matches most recent articles, so this answers in
 * a few milliseconds where the index would return thousands of ids first. Returns null when the
 * newest rows do not hold `limit` matches (a rare word: the index is the fast way then); the
 * caller shows these rows at once and fetches the full id list (`queryArticleIds`) behind them.
 */
export async function firstSearchResults(
  db: LedeDB,
  query: LibraryQuery,
  limit: number,
): Promise<ArticleSummary[] | null> {
  const terms = queryTerms(query.text ?? '');
  if (terms.length === 0 || query.entity?.name.trim()) return null;
  const found: ArticleSummary[] = [];
  let before: string | null = null;
  for (let scanned = 0; scanned < SCAN_MAX && found.length < limit; scanned += SCAN_PAGE) {
    const page: SearchRow[] = await (before ? db.search.where(':id').below(before) : db.search.toCollection())
      .reverse()
      .limit(SCAN_PAGE)
      .toArray();
    if (page.length === 0) break;
    before = page[page.length - 1].id;
    const hits = page.filter((row) =>
      terms.every((term) => row.tokens.some((token) => token.startsWith(term))),
    );
    // A rare word will not fill the screen from the newest rows: stop now and leave it to the index.
    if (scanned === 0 && hits.length * (SCAN_MAX / SCAN_PAGE) < limit) return null;
    const articles = await db.articles.bulkGet(hits.map((row) => row.id));
    for (const article of articles) {
      if (article && matchesFlags(article, query) && found.length < limit) found.push(toSummary(article));
    }
    if (page.length < SCAN_PAGE) break;
  }
  return found.length >= limit ? found : null;
}

async function patch(db: LedeDB, id: string, changes: Partial<StoredArticle>): Promise<boolean> {
  return (await db.articles.update(id, { ...changes, updatedAt: Date.now() })) === 1;
}

export const setRead = (db: LedeDB, id: string, read: boolean) => patch(db, id, { read: read ? 1 : 0 });
export const setArchived = (db: LedeDB, id: string, archived: boolean) =>
  patch(db, id, { archived: archived ? 1 : 0 });
export const setFavorite = (db: LedeDB, id: string, favorite: boolean) =>
  patch(db, id, { favorite: favorite ? 1 : 0 });
export const setTags = (db: LedeDB, id: string, tags: readonly string[]) =>
  patch(db, id, { tags: cleanTags(tags) });

/** Remembers how far the article was read (fraction 0–1). Does not touch `updatedAt`. */
export async function setReadingPosition(db: LedeDB, id: string, position: number): Promise<boolean> {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(position) ? position : 0));
  return (await db.articles.update(id, { readingPosition: clamped })) === 1;
}

/** Everything `deleteArticle` removed, for `restoreArticle` (undo). */
export interface DeletedArticle {
  article: StoredArticle;
  images: StoredImage[];
  /** The reader's highlights of it (lib/notes). */
  highlights?: StoredHighlight[];
}

/** Deletes an article with its body, images, search tokens, highlights and people index entries; returns them for undo. */
export async function deleteArticle(db: LedeDB, id: string): Promise<DeletedArticle | undefined> {
  return db.transaction('rw', [...tables(db), db.highlights], async () => {
    const article = await getArticle(db, id);
    if (!article) return undefined;
    const images = await db.images.where('articleId').equals(id).toArray();
    const highlights = await db.highlights.where('articleId').equals(id).toArray();
    await db.highlights.where('articleId').equals(id).delete();
    await db.images.where('articleId').equals(id).delete();
    await db.search.delete(id);
    await db.bodies.delete(id);
    await db.articles.delete(id);
    await updatePeopleIndex(db, [id]);
    return { article, images, highlights };
  });
}

/** Puts back an article removed by `deleteArticle`, unless the same URL was saved again since. */
export async function restoreArticle(db: LedeDB, deleted: DeletedArticle): Promise<boolean> {
  return withQuotaCheck(() =>
    db.transaction('rw', [...tables(db), db.highlights], async () => {
      const clash = await db.articles.where('canonicalUrl').equals(deleted.article.canonicalUrl).first();
      if (clash) return false;
      await putArticle(db, deleted.article, true);
      await db.images.bulkPut(deleted.images);
      await db.highlights.bulkPut(deleted.highlights ?? []);
      return true;
    }),
  );
}

/** Distinct values for the filter menus. */
export async function listSites(db: LedeDB): Promise<string[]> {
  return (await db.articles.orderBy('site').uniqueKeys()) as string[];
}

export async function listTags(db: LedeDB): Promise<string[]> {
  return (await db.articles.orderBy('tags').uniqueKeys()) as string[];
}

/** Folded entity names of one type (for the entity filter's suggestions). */
export async function listEntityNames(db: LedeDB, type: EntityType, limit = 500): Promise<string[]> {
  const prefix = `${type}:`;
  const keys = (await db.articles
    .where('entityKeys')
    .startsWith(prefix)
    .limit(limit)
    .uniqueKeys()) as string[];
  return keys.map((key) => key.slice(prefix.length));
}
