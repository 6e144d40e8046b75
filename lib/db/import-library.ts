import { restoreBackupHighlights, validateBackupHighlights } from '../notes/backup-highlights';
import { checkPeopleMerges, importPeopleMerges } from '../people/people-backup';
import { peopleTables, updatePeopleIndex } from '../people/people-index';
import { canonicalUrl } from '../url/canonical-url';
import { newArticleId, withDerivedFields } from './articles';
import { base64ToBytes } from './base64';
import { ImportError, isQuotaError } from './errors';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile, type BackupImage } from './export-library';
import { articleSearchRow, type LedeDB, type StoredArticle, type StoredImage, splitArticle } from './schema';

interface ImportResult {
  /** Articles in the backup. */
  articles: number;
  images: number;
  /** Articles that were already in the library (same canonical URL) and were replaced. */
  replaced: number;
  /** The reader's highlights restored with them. */
  highlights: number;
}

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isInteger: Check = (v) => Number.isInteger(v);
const isFlag: Check = (v) => v === 0 || v === 1;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);

const isQuote = shape({ text: isString, speaker: orNull(isString), start: isInteger, end: isInteger });
const isEntity = shape({
  name: isString,
  type: (v) => v === 'person' || v === 'organization' || v === 'place',
  aliases: arrayOf(isString),
  count: isNumber,
  mentions: optional(arrayOf(shape({ start: isInteger, end: isInteger }))),
});

/** What each stored article field must be. Every field is required: a backup is a full copy. */
const ARTICLE_FIELDS: Record<keyof StoredArticle, Check> = {
  id: (v) => isString(v) && (v as string).length > 0,
  url: (v) => isString(v) && /^https?:\/\//i.test(v as string),
  canonicalUrl: (v) => isString(v) && /^https?:\/\//i.test(v as string),
  urlKeys: arrayOf(isString),
  title: isString,
  byline: orNull(isString),
  siteName: orNull(isString),
  site: isString,
  publishedTime: orNull(isString),
  lang: orNull(isString),
  dir: (v) => v === null || v === 'ltr' || v === 'rtl',
  excerpt: orNull(isString),
  leadImage: orNull(shape({ src: isString, alt: orNull(isString), caption: orNull(isString) })),
  html: isString,
  text: isString,
  wordCount: isNumber,
  readingMinutes: isNumber,
  quotes: arrayOf(isQuote),
  entities: arrayOf(isEntity),
  entityKeys: arrayOf(isString),
  tags: arrayOf(isString),
  read: isFlag,
  archived: isFlag,
  favorite: isFlag,
  readingPosition: (v) => isNumber(v) && (v as number) >= 0 && (v as number) <= 1,
  savedAt: isNumber,
  updatedAt: isNumber,
  images: shape({
    total: isInteger,
    saved: isInteger,
    failed: arrayOf(shape({ url: isString, reason: isString })),
  }),
};

const IMAGE_FIELDS: Record<keyof BackupImage, Check> = {
  articleId: isString,
  url: isString,
  type: isString,
  data: (v) => isString(v) && /^[A-Za-z0-9+/]*={0,2}$/.test(v as string) && (v as string).length % 4 === 0,
};

function checkFields(value: unknown, fields: Record<string, Check>, what: string): void {
  if (!isObject(value)) throw new ImportError(`${what} is not an object.`);
  for (const [key, check] of Object.entries(fields)) {
    if (!check(value[key])) throw new ImportError(`${what} has a missing or invalid "${key}".`);
  }
}

/**
 * The article with the keys it is found by computed here, never taken from the file: its canonical
 * URL as a save would make it from its page URL (a declared canonical URL counts only on the
 * page's own site), and `urlKeys` from those two. A backup's own keys could make any page, say a
 * bank's login page, show as "Saved".
 */
function rekeyed(article: StoredArticle, i: number): StoredArticle {
  try {
    return { ...article, canonicalUrl: canonicalUrl(article.url, article.canonicalUrl), urlKeys: [] };
  } catch {
    throw new ImportError(`Article ${i + 1} has a missing or invalid "url".`);
  }
}

/**
 * Checks that `data` is a complete Lede backup this version can read, and returns it typed.
 * Throws an ImportError whose message tells the reader what is wrong with the file.
 */
function validateBackup(data: unknown): BackupFile {
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    throw new ImportError('This file is not a Lede library backup.');
  }
  if (!isInteger(data.version) || (data.version as number) < 1) {
    throw new ImportError('This backup has no valid format version.');
  }
  if ((data.version as number) > BACKUP_VERSION) {
    throw new ImportError(
      `This backup was made by a newer version of Lede (format ${data.version}); update Lede to import it.`,
    );
  }
  if (!Array.isArray(data.articles) || !Array.isArray(data.images)) {
    throw new ImportError('This backup is incomplete: it has no article or image list.');
  }
  const ids = new Set<string>();
  const urls = new Set<string>();
  data.articles = data.articles.map((article: unknown, i: number) => {
    checkFields(article, ARTICLE_FIELDS, `Article ${i + 1}`);
    const keyed = rekeyed(article as StoredArticle, i);
    if (ids.has(keyed.id) || urls.has(keyed.canonicalUrl))
      throw new ImportError(`Article ${i + 1} appears twice in the backup.`);
    ids.add(keyed.id);
    urls.add(keyed.canonicalUrl);
    return keyed;
  });
  data.highlights = validateBackupHighlights(data.highlights, ids);
  data.images.forEach((image: unknown, i: number) => {
    checkFields(image, IMAGE_FIELDS, `Image ${i + 1}`);
    if (!ids.has((image as BackupImage).articleId)) {
      throw new ImportError(`Image ${i + 1} belongs to an article that is not in the backup.`);
    }
  });
  data.peopleMerges = checkPeopleMerges(data.peopleMerges);
  return data as unknown as BackupFile;
}

/** The backup's articles (derived fields computed) and images, ids taken by `kept` articles renewed. */
function withFreeIds(
  backup: BackupFile,
  kept: ReadonlySet<string>,
): { articles: StoredArticle[]; images: StoredImage[] } {
  const renamed = new Map<string, string>();
  const taken = new Set([...kept, ...backup.articles.map((article) => article.id)]);
  const articles = backup.articles.map((article) => {
    if (!kept.has(article.id)) return withDerivedFields(article);
    let id = newArticleId(article.savedAt);
    while (taken.has(id)) id = newArticleId(article.savedAt);
    taken.add(id);
    renamed.set(article.id, id);
    return withDerivedFields({ ...article, id });
  });
  const images = backup.images.map((image) => ({
    articleId: renamed.get(image.articleId) ?? image.articleId,
    url: image.url,
    blob: new Blob([base64ToBytes(image.data)], { type: image.type }),
  }));
  return { articles, images };
}

async function parse(source: Blob | string): Promise<unknown> {
  const text = typeof source === 'string' ? source : await source.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError('This file is not valid JSON: it may be damaged or cut short.');
  }
}

/**
 * Restores a backup made by `exportLibrary`. The file is validated completely first, then
 * written in ONE transaction: a broken, foreign, newer or partial file (or a full disk) changes
 * nothing. Imported articles replace library articles with the same canonical URL (recomputed,
 * see `rekeyed`); everything else in the library stays. An imported article whose id is taken by
 * a library article at another URL gets a new id: an id never replaces an article.
 */
export async function importLibrary(db: LedeDB, source: Blob | string): Promise<ImportResult> {
  const backup = validateBackup(await parse(source));
  const scope = [
    db.articles,
    db.bodies,
    db.images,
    db.search,
    db.highlights,
    ...peopleTables(db),
    db.peopleMerges,
  ];
  try {
    return await db.transaction('rw', scope, async () => {
      // Library articles the backup replaces: those with the canonical URL of an imported one.
      const [urlKeys, urlIds] = await Promise.all([
        db.articles.orderBy('canonicalUrl').keys(),
        db.articles.orderBy('canonicalUrl').primaryKeys(),
      ]);
      const idByUrl = new Map(urlKeys.map((url, i) => [url as string, urlIds[i]]));
      const replaced = new Set<string>();
      for (const article of backup.articles) {
        const other = idByUrl.get(article.canonicalUrl);
        if (other !== undefined) replaced.add(other);
      }
      const kept = new Set(urlIds.filter((id) => !replaced.has(id)));
      const { articles, images } = withFreeIds(backup, kept);
      const importedAs = new Map(backup.articles.map((article, i) => [article.id, articles[i].id]));
      const replacedBy = new Map<string, string>();
      for (const article of articles) {
        const other = idByUrl.get(article.canonicalUrl);
        if (other !== undefined) replacedBy.set(other, article.id);
      }
      const searchRows = articles.map(articleSearchRow);
      const split = articles.map(splitArticle);
      if (replaced.size > 0) {
        const gone = [...replaced];
        await db.images.where('articleId').anyOf(gone).delete();
        await db.search.bulkDelete(gone);
        await db.bodies.bulkDelete(gone);
        await db.articles.bulkDelete(gone);
      }
      await db.articles.bulkAdd(split.map((part) => part.row));
      await db.bodies.bulkPut(split.map((part) => part.body));
      await db.search.bulkPut(searchRows);
      await db.images.bulkPut(images);
      await updatePeopleIndex(db, [...replaced], articles);
      await importPeopleMerges(db, backup.peopleMerges ?? []);
      const highlights = await restoreBackupHighlights(db, {
        highlights: backup.highlights,
        importedAs,
        replacedBy,
      });
      return { articles: articles.length, images: images.length, replaced: replaced.size, highlights };
    });
  } catch (error) {
    if (isQuotaError(error)) {
      throw new ImportError('Not enough storage space to import this backup. Nothing was imported.', {
        cause: error,
      });
    }
    throw error;
  }
}
