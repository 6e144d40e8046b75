/**
 * What the People views need of Dexie (writes, and reads the bare IndexedDB path cannot do):
 * imported on demand (`loadPeopleData` in load-people.ts), like library-data.ts.
 */
import { countArticles, deleteArticle, restoreArticle } from '@/lib/db/articles';
import { libraryDb } from '@/lib/db/library-db';
import * as people from '@/lib/people/people-queries';

export const peopleData = { ...people, countArticles, deleteArticle, restoreArticle, db: libraryDb() };
export type PeopleData = typeof peopleData;
