import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { SaveInput } from '@/lib/db/articles';
import { LedeDB } from '@/lib/db/schema';

/** A library on a brand-new fake IndexedDB: no state leaks between tests. */
export function freshDb(): LedeDB {
  return new LedeDB({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A saveable article; `overrides` replace article fields. */
export function articleInput(
  overrides: Partial<SaveInput['article']> = {},
  extra: Partial<Omit<SaveInput, 'article'>> = {},
): SaveInput {
  const text =
    overrides.textContent ??
    'NATO Secretary-General Jens Stoltenberg met Volodymyr Zelensky in Kyiv.\n\nThe alliance pledged support.';
  return {
    article: {
      url: 'https://news.example/world/nato-kyiv?utm_source=mail',
      title: 'Stoltenberg visits Kyiv',
      byline: 'Olena Kovalenko',
      siteName: 'News Example',
      publishedTime: '2024-04-29T10:00:00Z',
      lang: 'en',
      dir: 'ltr',
      excerpt: 'The secretary-general arrived on Monday.',
      leadImage: null,
      textContent: text,
      wordCount: text.split(/\s+/).length,
      readingMinutes: 1,
      ...overrides,
    },
    html: `<p>${text}</p>`,
    ...extra,
  };
}

export function pngBlob(bytes = 16): Blob {
  return new Blob([new Uint8Array(bytes).fill(7)], { type: 'image/png' });
}

/**
 * Makes every write to `table` fail as a full disk would (Dexie middleware: it takes effect when
 * the database next opens).
 */
export function failWritesAsFullDisk(db: LedeDB, table: string): void {
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== table) return t;
        return {
          ...t,
          mutate: () =>
            Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
        };
      },
    }),
  });
}
