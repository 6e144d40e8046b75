/**
 * The reader's highlights in a library backup (lib/db/export-library, import-library): checked
 * field by field like articles, and restored with their ids, notes and anchors as they were.
 */
import { ImportError } from '../db/errors';
import type { LedeDB } from '../db/schema';
import type { StoredHighlight } from './stored-highlight';

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isOffset: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isTime: Check = (v) => typeof v === 'number' && Number.isFinite(v);

const FIELDS: Record<keyof StoredHighlight, Check> = {
  id: (v) => isString(v) && (v as string).length > 0,
  articleId: isString,
  exact: (v) => isString(v) && (v as string).length > 0,
  prefix: isString,
  suffix: isString,
  start: isOffset,
  end: isOffset,
  note: isString,
  orphaned: (v) => v === 0 || v === 1,
  createdAt: isTime,
  updatedAt: isTime,
};

/**
 * The backup's highlights, checked: undefined for a backup made before highlights existed (it
 * has none to restore). Throws an ImportError naming the first bad one.
 */
export function validateBackupHighlights(
  value: unknown,
  articleIds: ReadonlySet<string>,
): StoredHighlight[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ImportError('This backup’s highlight list is damaged.');
  const ids = new Set<string>();
  return value.map((h: unknown, i) => {
    const what = `Highlight ${i + 1}`;
    if (typeof h !== 'object' || h === null) throw new ImportError(`${what} is not an object.`);
    const record = h as Record<string, unknown>;
    for (const [key, check] of Object.entries(FIELDS)) {
      if (!check(record[key])) throw new ImportError(`${what} has a missing or invalid "${key}".`);
    }
    const highlight = h as StoredHighlight;
    if (!articleIds.has(highlight.articleId))
      throw new ImportError(`${what} belongs to an article that is not in the backup.`);
    if (ids.has(highlight.id)) throw new ImportError(`${what} appears twice in the backup.`);
    ids.add(highlight.id);
    // Only the known fields: nothing else from the file reaches the database.
    return Object.fromEntries(
      Object.keys(FIELDS).map((key) => [key, record[key]]),
    ) as unknown as StoredHighlight;
  });
}

export interface HighlightRestore {
  /** The backup's highlights (undefined: an older backup without any). */
  highlights: StoredHighlight[] | undefined;
  /** Backup article id → the id it was imported under. */
  importedAs: ReadonlyMap<string, string>;
  /** Library article id → the id of the imported article that replaced it. */
  replacedBy: ReadonlyMap<string, string>;
}

/**
 * Inside the import's transaction: an article the backup replaces takes the backup's highlights
 * (its own are dropped with it, as its text is); a backup without highlights keeps the replaced
 * article's highlights, moved to the imported article (they re-anchor when it is shown).
 */
export async function restoreBackupHighlights(db: LedeDB, restore: HighlightRestore): Promise<number> {
  const replaced = [...restore.replacedBy.keys()];
  if (!restore.highlights) {
    const kept = await db.highlights.where('articleId').anyOf(replaced).toArray();
    await db.highlights.bulkPut(
      kept.map((h) => ({ ...h, articleId: restore.replacedBy.get(h.articleId) ?? h.articleId })),
    );
    return 0;
  }
  await db.highlights.where('articleId').anyOf(replaced).delete();
  await db.highlights.bulkPut(
    restore.highlights.map((h) => ({ ...h, articleId: restore.importedAs.get(h.articleId) ?? h.articleId })),
  );
  return restore.highlights.length;
}
