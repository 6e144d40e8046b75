import type { LibraryQuery } from '@/lib/db/articles';
import type { FilterState } from './LibraryFilters';

/** The query of the unfiltered library, whose first screen the boot script has read already. */
export function isDefaultQuery(query: LibraryQuery): boolean {
  return Object.entries(query).every(([key, value]) =>
    key === 'archived' ? value === false : value === undefined,
  );
}

export function toQuery(f: FilterState): LibraryQuery {
  return {
    text: f.text.trim() || undefined,
    site: f.site || undefined,
    tag: f.tag || undefined,
    archived: f.shelf === 'all' ? undefined : f.shelf === 'archived',
    read: f.read === 'any' ? undefined : f.read === 'read',
    favorite: f.favorite ? true : undefined,
    entity: f.entity.trim() ? { name: f.entity, type: f.entityType || undefined } : undefined,
  };
}
