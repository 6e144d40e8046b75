import Dexie, { type Table } from 'dexie';
import type { LeadImage } from '../extract/article';
import { searchTokens } from './search-tokens';

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

export const DB_NAME = 'lede-library';

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

export interface DbDeps {
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
  articles!: Table<StoredArticle, string>;
  images!: Table<StoredImage, [string, string]>;
  search!: Table<SearchRow, string>;

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
  }
}
