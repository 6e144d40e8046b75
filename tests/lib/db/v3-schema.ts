/**
 * FROZEN copy of the library schema as shipped in version 3 (article bodies in their own table).
 * Never edit: migration tests create a database with it, then open it with the current
 * lib/db/schema.ts.
 */
import Dexie, { type Table } from 'dexie';
import type { V1Article, V1Image } from './v1-schema';
import type { V2SearchRow } from './v2-schema';

type V3BodyField = 'html' | 'text' | 'quotes' | 'entities';

/** An article row without its body. */
export type V3ArticleRow = Omit<V1Article, V3BodyField>;

/** An article's body, by article id. */
export type V3Body = Pick<V1Article, 'id' | V3BodyField>;

export class LedeDBv3 extends Dexie {
  articles!: Table<V3ArticleRow, string>;
  bodies!: Table<V3Body, string>;
  images!: Table<V1Image, [string, string]>;
  search!: Table<V2SearchRow, string>;

  constructor(indexedDB: IDBFactory, keyRange: typeof IDBKeyRange, name = 'lede-library') {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    this.version(1).stores({
      articles: 'id, &canonicalUrl, *urlKeys, site, *tags, *entityKeys, read, archived, favorite',
      images: '[articleId+url], articleId',
    });
    this.version(2).stores({ search: 'id, *tokens' });
    this.version(3).stores({ bodies: 'id' });
  }
}
