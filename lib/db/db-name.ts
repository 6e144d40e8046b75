/** The library's IndexedDB database (schema in ./schema.ts). */
export const DB_NAME = 'lede-library';

/** The schema's version (the last `version(n)` in ./schema.ts): what was kept under another is not trusted. */
export const SCHEMA_VERSION = 6;
