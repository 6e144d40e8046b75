import Dexie, { type Table } from 'dexie';
import type { LeadImage } from '../extract/article';
import type { StoredHighlight } from '../notes/stored-highlight';
import type { PeopleRow, Posting } from '../people/article-postings';
import { backfillPeople } from '../people/people-index';
import type { PeopleSummaryRow } from '../people/people-summary';
import type { PeopleMerge } from '../people/resolve';
import { DB_NAME } from './db-name';
import { searchTokens } from './search-tokens';
import { writeGenerations } from './write-generations';

/** A direct quote found by lib/annotate: offsets are into the article's `text`. */
export interface StoredQuote {
  text: string;
  speaker: string | null;
  start: number;
  end: number;
}

export type EntityType = 'person' | 'organization' | 'place';

/** A person, organization or place found by lib/annotate, one per referent. */
export interface StoredEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  count: number;
  mentions?: { start: number; end: number }[];
}

/** How many of the article's images were stored for offline reading, and why the others were not. */
export interface ImageReport {
  total: number;
  saved: number;
  failed: { url: string; reason: string }[];
}

/**
 * One saved article. Booleans are stored as 0/1 because IndexedDB cannot index `true`/`false`.
 * `id` sorts by save time (see `newArticleId`), so primary-key order is library order.
 */
export interface StoredArticle {
  id: string;
  /** The URL the article was read at. */
  url: string;
  /** Unique: the key that makes a second save of the same article an update. */
  canonicalUrl: string;
  /** `canonicalUrl` and the normalised page URL: finds the article from either. Derived. */
  urlKeys: string[];
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Host without `www.`; the site filter. Derived from `canonicalUrl`. */
  site: string;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
  /** Sanitized body HTML; image `src`s are the original URLs, swapped for stored Blobs on render. */
  html: string;
  text: string;
  wordCount: number;
  readingMinutes: number;
  quotes: StoredQuote[];
  entities: StoredEntity[];
  /** `type:folded name` of every entity name and alias: the entity filter. Derived. */
  entityKeys: string[];
  tags: string[];
  read: 0 | 1;
  archived: 0 | 1;
  favorite: 0 | 1;
  /** Fraction of the article scrolled, 0–1. */
  readingPosition: number;
  savedAt: number;
  updatedAt: number;
  images: ImageReport;
}

/** The bulky fields of an article: stored in their own table (schema v3), read only to show one. */
export const BODY_FIELDS = ['html', 'text', 'quotes', 'entities'] as const;
type BodyField = (typeof BODY_FIELDS)[number];

/**
 * The row of the `articles` table: an article without its body. Everything the library lists,
 * filters and sorts by is here, so a list read never clones a body (a ~800-word article's row is
 * ~1 KB this way instead of ~14 KB).
 */
export type ArticleRow = Omit<StoredArticle, BodyField>;

/** The row of the `bodies` table: an article's HTML, text and annotations, by article id. */
type ArticleBody = Pick<StoredArticle, 'id' | BodyField>;

/** An article as two rows; `joinArticle` puts them back together. */
export function splitArticle(article: StoredArticle): { row: ArticleRow; body: ArticleBody } {
  const { html, text, quotes, entities, ...row } = article;
  return { row, body: { id: article.id, html, text, quotes, entities } };
}

export function joinArticle(row: ArticleRow, body: ArticleBody): StoredArticle {
  const { html, text, quotes, entities } = body;
  return { ...row, html, text, quotes, entities };
}

/** An image Blob of a saved article, keyed by the article and the image's original URL. */
export interface StoredImage {
  articleId: string;
  url: string;
  blob: Blob;
}

/** The word tokens of one article (title, byline, site, body) for prefix search. Derived. */
export interface SearchRow {
  id: string;
  tokens: string[];
}

export { DB_NAME };

/** Schema v1: articles and images. Shipped; never edit (tests/lib/db/v1-schema.ts keeps a copy). */
const V1 = {
  articles: 'id, &canonicalUrl, *urlKeys, site, *tags, *entityKeys, read, archived, favorite',
  images: '[articleId+url], articleId',
};

/**
 * Schema v2: a separate search table (`*tokens` multiEntry index of the deduplicated words).
 * Separate, not a field on the article, so listing and reading never clone a 400-word token
 * array per row, and so a search only touches the index.
 */
const V2 = { search: 'id, *tokens' };

/**
 * Schema v3: the body fields move out of `articles` into `bodies` (same id), so listing the
 * library reads small rows. `entityKeys` (derived from the entities) stays on the article row,
 * where its index is.
 */
const V3 = { bodies: 'id' };

/**
 * Schema v4: the people index (lib/people). `mentions` holds one small row per person or
 * organization per article (their quotes, mention count, date); `people` one summed row per name
 * for the People list; `peopleMerges` the reader's merges and splits, kept across re-indexing.
 */
const V4 = { mentions: '[articleId+key], [key+seen]', people: 'key', peopleMerges: 'key' };

/** Schema v5: the reader's own highlights and notes (lib/notes), by id, article and creation time. */
const V5 = { highlights: 'id, articleId, createdAt' };

/**
 * Schema v6: `peopleSummary`, the People views' first screens (lib/people/people-summary.ts), so
 * they paint from one small row; a cache, emptied by every change to the people index or merges.
 */
const V6 = { peopleSummary: 'key' };

interface DbDeps {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The tokens an article is found by. */
export function articleSearchRow(
  article: Pick<StoredArticle, 'id' | 'title' | 'byline' | 'siteName' | 'site' | 'text'>,
): SearchRow {
  return {
    id: article.id,
    tokens: searchTokens(article.title, article.byline, article.siteName, article.site, article.text),
  };
}

/**
 * The library database. `deps` injects an IndexedDB implementation (fake-indexeddb in unit
 * tests, a fresh factory per test); the browser's is used otherwise.
 */
export class LedeDB extends Dexie {
  articles!: Table<ArticleRow, string>;
  bodies!: Table<ArticleBody, string>;
  images!: Table<StoredImage, [string, string]>;
  search!: Table<SearchRow, string>;
  highlights!: Table<StoredHighlight, string>;
  mentions!: Table<Posting, [string, string]>;
  people!: Table<PeopleRow, string>;
  peopleMerges!: Table<PeopleMerge, string>;
  peopleSummary!: Table<PeopleSummaryRow, string>;

  constructor(deps: DbDeps = {}, name = DB_NAME) {
    super(name, deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores(V1);
    this.version(2)
      .stores(V2)
      .upgrade(async (tx) => {
        // Backfill the search table from every article saved under v1.
        const search = tx.table<SearchRow, string>('search');
        await tx
          .table<StoredArticle, string>('articles')
          .each((article) => search.put(articleSearchRow(article)));
      });
    this.version(3)
      .stores(V3)
      .upgrade(async (tx) => {
        // Move every body out of its article row, in the upgrade's one transaction.
        const articles = tx.table<StoredArticle, string>('articles');
        const bodies = tx.table<ArticleBody, string>('bodies');
        await articles.toCollection().modify((article: Partial<StoredArticle>) => {
          bodies.put(splitArticle(article as StoredArticle).body);
          for (const field of BODY_FIELDS) delete article[field];
        });
      });
    // Backfill the people index from every saved article, in the upgrade's one transaction.
    this.version(4).stores(V4).upgrade(backfillPeople);
    // A new table needs no upgrade of existing rows.
    this.version(5).stores(V5);
    // A new table, empty: the first People view fills it.
    this.version(6).stores(V6);
    // Every write gives its tables a new generation (what the paint snapshots are trusted on).
    this.use(writeGenerations);
  }
}
