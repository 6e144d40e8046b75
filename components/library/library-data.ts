/**
 * Everything of the library page that needs the database, and so Dexie (~100 KB of script):
 * imported on demand (`import('./library-data')`), so the first screen paints from
 * public/library-boot.js's read before any of it is parsed.
 */
import * as articles from '@/lib/db/articles';
import { libraryDb } from '@/lib/db/library-db';

export const library = { ...articles, db: libraryDb() };
export type LibraryData = typeof library;
