import { useEffect, useState } from 'preact/hooks';
import type { Annotations } from '@/lib/annotate/annotations';
import type { LibraryHistory } from '@/lib/people/library-history';

/**
 * The saved history of the article's speakers and names (see `libraryHistory`), read once the
 * annotations are in; empty until then, and when the library cannot be read (the panel simply
 * shows no links).
 */
export function useLibraryHistory(
  annotations: Annotations | null,
  page?: { url: string; canonicalUrl?: string | null },
): Record<string, LibraryHistory> {
  const [history, setHistory] = useState<Record<string, LibraryHistory>>({});
  const url = page?.url;
  const canonical = page?.canonicalUrl;
  useEffect(() => {
    if (!annotations) return;
    let live = true;
    const names = new Map<string, 'person' | 'organization'>();
    for (const quote of annotations.quotes) if (quote.speaker) names.set(quote.speaker, 'person');
    for (const entity of annotations.entities)
      if (entity.type !== 'place') names.set(entity.name, entity.type);
    for (const quote of annotations.quotes) {
      const entity = annotations.entities.find((e) => e.name === quote.speaker);
      if (quote.speaker && entity?.type === 'organization') names.set(quote.speaker, 'organization');
    }
    if (names.size === 0) return;
    Promise.all([import('@/lib/people/library-history'), import('@/lib/db/library-db')])
      .then(([{ libraryHistory }, { libraryDb }]) =>
        libraryHistory(
          libraryDb(),
          [...names].map(([name, type]) => ({ name, type })),
          url ? { url, canonicalUrl: canonical } : undefined,
        ),
      )
      .then((found) => {
        if (live) setHistory(found);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [annotations, url, canonical]);
  return history;
}
