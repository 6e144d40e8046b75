/**
 * What the People views need of the database (Dexie and lib/people): imported on demand, like
 * library-data.ts, so it is parsed only by the views that use it.
 */
import { countArticles, deleteArticle, restoreArticle } from '@/lib/db/articles';
import { libraryDb } from '@/lib/db/library-db';
import * as people from '@/lib/people/people-queries';

export const peopleData = { ...people, countArticles, deleteArticle, restoreArticle, db: libraryDb() };
export type PeopleData = typeof peopleData;

/** The module, loaded on first use. */
export function loadPeopleData(): Promise<PeopleData> {
  return import('./people-data').then((module) => module.peopleData);
}
