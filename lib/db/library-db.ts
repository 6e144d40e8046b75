import { LedeDB } from './schema';

let instance: LedeDB | undefined;

/** The extension's library database (the browser's IndexedDB), opened on first use. */
export function libraryDb(): LedeDB {
  instance ??= new LedeDB();
  return instance;
}
