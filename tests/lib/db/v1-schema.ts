/**
 * FROZEN copy of the library schema as shipped in version 1 (no search table). Never edit: the
 * migration test creates a database with it, then opens it with the current lib/db/schema.ts.
 */
import Dexie, { type Table } from 'dexie';

export interface V1Article {
  id: string;
  url: string;
  canonicalUrl: string;
  urlKeys: string[];
  title: string;
  byline: string | null;
  siteName: string | null;
  site: string;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: { src: string; alt: string | null; caption: string | null } | null;
  html: string;
  text: string;
  wordCount: number;
  readingMinutes: number;
  quotes: { text: string; speaker: string | null; start: number; end: number }[];
  entities: { name: string; type: 'person' | 'organization' | 'place'; aliases: string[]; count: number }[];
  entityKeys: string[];
  tags: string[];
  read: 0 | 1;
  archived: 0 | 1;
  favorite: 0 | 1;
  readingPosition: number;
  savedAt: number;
  updatedAt: number;
  images: { total: number; saved: number; failed: { url: string; reason: string }[] };
}

export interface V1Image {
  articleId: string;
  url: string;
  blob: Blob;
}

export class LedeDBv1 extends Dexie {
  articles!: Table<V1Article, string>;
  images!: Table<V1Image, [string, string]>;

  constructor(indexedDB: IDBFactory, keyRange: typeof IDBKeyRange, name = 'lede-library') {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    this.version(1).stores({
      articles: 'id, &canonicalUrl, *urlKeys, site, *tags, *entityKeys, read, archived, favorite',
      images: '[articleId+url], articleId',
    });
  }
}
