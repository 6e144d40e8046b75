import { earlyFirstScreen, firstScreenRows } from '@/lib/db/first-screen';
import { type ArticleSummary, toSummary } from '@/lib/db/summary';
import type { LibraryData } from './library-data';

/**
 * The database functions and the library's database. A dynamic import: Dexie is parsed only once
 * the first screen has been read (and painted), never in front of it.
 */
export function libraryData(): Promise<LibraryData> {
  return import('./library-data').then((module) => module.library);
}

/**
 * The newest rows of the unfiltered library. main.tsx starts this before Preact renders, so the
 * database opens and reads while the page boots.
 */
export async function loadFirstScreen(): Promise<ArticleSummary[]> {
  // The boot script (entrypoints/library-boot.ts) started this read before the modules loaded.
  const early = await earlyFirstScreen();
  if (early) return early.map(toSummary);
  const { db, listArticles } = await libraryData();
  return (await listArticles(db, { limit: firstScreenRows(), archived: false })).items;
}
