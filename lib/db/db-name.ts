/** The library's IndexedDB database (schema in ./schema.ts). */
export const DB_NAME = 'lede-library';
