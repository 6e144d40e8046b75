import type { StoredHighlight } from '../notes/stored-highlight';
import { peopleBackupJson } from '../people/people-backup';
import type { PeopleMerge } from '../people/resolve';
import { bytesToBase64 } from './base64';
import { joinArticle, type LedeDB, type StoredArticle } from './schema';

/** `format` of a Lede backup file; anything else is a foreign file. */
export const BACKUP_FORMAT = 'lede-library';
/** Version of the backup file format (not of the database schema). */
export const BACKUP_VERSION = 1;

export interface BackupImage {
  articleId: string;
  url: string;
  /** MIME type of the Blob. */
  type: string;
  /** The image bytes, base64. */
  data: string;
}

/** A full backup: every article as stored, every image base64-encoded. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  articles: StoredArticle[];
  images: BackupImage[];
  /** The reader's highlights and notes (lib/notes); absent in backups made before them. */
  highlights?: StoredHighlight[];
  /** The reader's merges and splits of people (lib/people); absent in backups made before them. */
  peopleMerges?: PeopleMerge[];
}

/**
 * The whole library as a JSON backup Blob (application/json). Read in one transaction, so the
 * backup is a consistent snapshot; images are encoded after it, since awaiting a Blob read
 * inside a Dexie transaction would end the transaction. Built from per-article string parts so
 * a large library never becomes one giant string.
 */
export async function exportLibrary(db: LedeDB, now = new Date()): Promise<Blob> {
  const scope = [db.articles, db.bodies, db.images, db.highlights, db.people, db.peopleMerges];
  const [rows, bodies, images, highlights, people, merges] = await db.transaction('r', scope, () =>
    Promise.all([
      db.articles.toArray(),
      db.bodies.toArray(),
      db.images.toArray(),
      db.highlights.toArray(),
      db.people.toArray(),
      db.peopleMerges.toArray(),
    ]),
  );
  // Both tables are in id order and written together, so row i and body i are one article.
  const articles = rows.map((row, i) => {
    const body = bodies[i];
    if (body?.id !== row.id) throw new Error(`The library is inconsistent: article ${row.id} has no body.`);
    return joinArticle(row, body);
  });
  const parts: string[] = [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},"articles":[`,
  ];
  articles.forEach((article, i) => {
    parts.push(i === 0 ? '' : ',', JSON.stringify(article));
  });
  parts.push('],"images":[');
  for (let i = 0; i < images.length; i++) {
    const { articleId, url, blob } = images[i];
    const image: BackupImage = {
      articleId,
      url,
      type: blob.type,
      data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())),
    };
    parts.push(i === 0 ? '' : ',', JSON.stringify(image));
  }
  parts.push('],"highlights":', JSON.stringify(highlights), ',', peopleBackupJson(people, merges), '}');
  return new Blob(parts, { type: 'application/json' });
}

/** A file name for a backup taken at `now`, e.g. `lede-library-2026-11-28.json`. */
export function backupFileName(now = new Date()): string {
  return `lede-library-${now.toISOString().slice(0, 10)}.json`;
}
