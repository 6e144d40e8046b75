/**
 * FROZEN copy of the library schema as shipped in version 5 (v4: the people index; v5: the reader's
 * highlights). Never edit: migration tests create a database with it, then open it with the
 * current lib/db/schema.ts. Rows are typed loosely: the tests fill it with the shapes v5 wrote.
 */
import Dexie, { type Table } from 'dexie';

type Row = Record<string, unknown>;

export class LedeDBv5 extends Dexie {
  articles!: Table<Row, string>;
  bodies!: Table<Row, string>;
  images!: Table<Row, [string, string]>;
  search!: Table<Row, string>;
  mentions!: Table<Row, [string, string]>;
  people!: Table<Row, string>;
  peopleMerges!: Table<Row, string>;
  highlights!: Table<Row, string>;

  constructor(indexedDB: IDBFactory, keyRange: typeof IDBKeyRange, name = 'lede-library') {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    this.version(1).stores({
      articles: 'id, &canonicalUrl, *urlKeys, site, *tags, *entityKeys, read, archived, favorite',
      images: '[articleId+url], articleId',
    });
    this.version(2).stores({ search: 'id, *tokens' });
    this.version(3).stores({ bodies: 'id' });
    this.version(4).stores({ mentions: '[articleId+key], [key+seen]', people: 'key', peopleMerges: 'key' });
    this.version(5).stores({ highlights: 'id, articleId, createdAt' });
  }
}
