/**
 * FROZEN copy of the library schema as shipped in version 2 (search table; article bodies still
 * inside the article rows). Never edit: the migration test creates a database with it, then
 * opens it with the current lib/db/schema.ts.
 */
import Dexie, { type Table } from 'dexie';
import type { V1Article, V1Image } from './v1-schema';

/** Article rows did not change from v1 to v2. */
export type V2Article = V1Article;

export interface V2SearchRow {
  id: string;
  tokens: string[];
}

export class LedeDBv2 extends Dexie {
  articles!: Table<V2Article, string>;
  images!: Table<V1Image, [string, string]>;
  search!: Table<V2SearchRow, string>;

  constructor(indexedDB: IDBFactory, keyRange: typeof IDBKeyRange, name = 'lede-library') {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    this.version(1).stores({
      articles: 'id, &canonicalUrl, *urlKeys, site, *tags, *entityKeys, read, archived, favorite',
      images: '[articleId+url], articleId',
    });
    this.version(2).stores({ search: 'id, *tokens' });
  }
}
