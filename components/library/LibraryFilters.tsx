import { useState } from 'preact/hooks';
import type { EntityType } from '@/lib/db/schema';

export interface FilterState {
  text: string;
  site: string;
  tag: string;
  shelf: 'inbox' | 'archived' | 'all';
  read: 'any' | 'unread' | 'read';
  favorite: boolean;
  entityType: '' | EntityType;
  entity: string;
}

export const NO_FILTERS: FilterState = {
  text: '',
  site: '',
  tag: '',
  shelf: 'inbox',
  read: 'any',
  favorite: false,
  entityType: '',
  entity: '',
};

export function isFiltered(f: FilterState): boolean {
  return (
    f.text.trim() !== '' ||
    f.site !== '' ||
    f.tag !== '' ||
    f.shelf !== 'inbox' ||
    f.read !== 'any' ||
    f.favorite ||
    f.entity.trim() !== ''
  );
}

export function LibraryFilters({
  value,
  sites,
  tags,
  entityNames,
  onChange,
  onEntityFocus,
}: {
  value: FilterState;
  sites: string[];
  tags: string[];
  entityNames: string[];
  onChange: (next: FilterState) => void;
  onEntityFocus: () => void;
}) {
  const [text, setText] = useState(value.text);
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) => onChange({ ...value, [key]: v });
  return (
    <search class="filters" aria-label="Search and filter the library">
      <input
        type="search"
        class="search"
        data-testid="library-search"
        placeholder="Search titles, authors, sites and text"
        aria-label="Search the library"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          set('text', event.currentTarget.value);
        }}
      />
      <div class="filter-row">
        <label>
          Show
          <select
            value={value.shelf}
            onChange={(e) => set('shelf', e.currentTarget.value as FilterState['shelf'])}
            data-testid="filter-shelf"
          >
            <option value="inbox">Library</option>
            <option value="archived">Archive</option>
            <option value="all">Everything</option>
          </select>
        </label>
        <label>
          Status
          <select
            value={value.read}
            onChange={(e) => set('read', e.currentTarget.value as FilterState['read'])}
            data-testid="filter-read"
          >
            <option value="any">Read and unread</option>
            <option value="unread">Unread</option>
            <option value="read">Read</option>
          </select>
        </label>
        <label>
          Site
          <select
            value={value.site}
            onChange={(e) => set('site', e.currentTarget.value)}
            data-testid="filter-site"
          >
            <option value="">All sites</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select
            value={value.tag}
            onChange={(e) => set('tag', e.currentTarget.value)}
            data-testid="filter-tag"
          >
            <option value="">All tags</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={value.favorite}
            onChange={(e) => set('favorite', e.currentTarget.checked)}
            data-testid="filter-favorite"
          />
          Favourites
        </label>
        <fieldset class="entity-filter">
          <legend>Mentions</legend>
          <select
            aria-label="Kind of entity"
            value={value.entityType}
            onChange={(e) => set('entityType', e.currentTarget.value as FilterState['entityType'])}
            data-testid="filter-entity-type"
          >
            <option value="">Anyone or anything</option>
            <option value="person">Person</option>
            <option value="organization">Organization</option>
            <option value="place">Place</option>
          </select>
          <input
            type="text"
            list="entity-names"
            aria-label="Name of a person, organization or place"
            placeholder="e.g. Stoltenberg"
            value={value.entity}
            onFocus={onEntityFocus}
            onInput={(e) => set('entity', e.currentTarget.value)}
            data-testid="filter-entity"
          />
          <datalist id="entity-names">
            {entityNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </fieldset>
      </div>
    </search>
  );
}
