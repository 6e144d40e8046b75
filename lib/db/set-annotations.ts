import { peopleTables, updatePeopleIndex } from '../people/people-index';
import { withDerivedFields } from './articles';
import { joinArticle, type LedeDB, type StoredEntity, type StoredQuote, splitArticle } from './schema';

/**
 * Replaces a saved article's quotes and entities (a newer annotator read it differently), with
 * everything derived from them: the entity filter keys and the people index, in ONE transaction.
 * Returns false when the article is not saved.
 */
export async function setAnnotations(
  db: LedeDB,
  id: string,
  annotations: { quotes: StoredQuote[]; entities: StoredEntity[] },
): Promise<boolean> {
  return db.transaction('rw', [db.articles, db.bodies, ...peopleTables(db)], async () => {
    const [row, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
    if (!row || !body) return false;
    const article = withDerivedFields({ ...joinArticle(row, body), ...annotations });
    const parts = splitArticle(article);
    await db.articles.update(id, { entityKeys: parts.row.entityKeys });
    await db.bodies.put(parts.body);
    await updatePeopleIndex(db, [], [article]);
    return true;
  });
}
