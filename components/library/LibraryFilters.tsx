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

type Choice<T extends string> = readonly [value: T, label: string];

const SHELVES: readonly Choice<FilterState['shelf']>[] = [
  ['inbox', 'Library'],
  ['archived', 'Archive'],
  ['all', 'Everything'],
];
const READ_STATES: readonly Choice<FilterState['read']>[] = [
  ['any', 'Read and unread'],
  ['unread', 'Unread'],
  ['read', 'Read'],
];

/** A menu of `values`, after one for all of them (the empty value). */
function anyOf(all: string, values: string[]): Choice<string>[] {
  return [['', all], ...values.map((value): Choice<string> => [value, value])];
}

function FilterSelect<T extends string>({
  label,
  value,
  choices,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  testId: string;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as T)} data-testid={testId}>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function EntityFilter({
  type,
  name,
  names,
  onType,
  onName,
  onFocus,
}: {
  type: FilterState['entityType'];
  name: string;
  names: string[];
  onType: (type: FilterState['entityType']) => void;
  onName: (name: string) => void;
  onFocus: () => void;
}) {
  return (
    <fieldset class="entity-filter">
      <legend>Mentions</legend>
      <select
        aria-label="Kind of entity"
        value={type}
        onChange={(e) => onType(e.currentTarget.value as FilterState['entityType'])}
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
        value={name}
        onFocus={onFocus}
        onInput={(e) => onName(e.currentTarget.value)}
        data-testid="filter-entity"
      />
      <datalist id="entity-names">
        {names.map((entity) => (
          <option key={entity} value={entity} />
        ))}
      </datalist>
    </fieldset>
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
        <FilterSelect
          label="Show"
          value={value.shelf}
          choices={SHELVES}
          onChange={(v) => set('shelf', v)}
          testId="filter-shelf"
        />
        <FilterSelect
          label="Status"
          value={value.read}
          choices={READ_STATES}
          onChange={(v) => set('read', v)}
          testId="filter-read"
        />
        <FilterSelect
          label="Site"
          value={value.site}
          choices={anyOf('All sites', sites)}
          onChange={(v) => set('site', v)}
          testId="filter-site"
        />
        <FilterSelect
          label="Tag"
          value={value.tag}
          choices={anyOf('All tags', tags)}
          onChange={(v) => set('tag', v)}
          testId="filter-tag"
        />
        <label class="check">
          <input
            type="checkbox"
            checked={value.favorite}
            onChange={(e) => set('favorite', e.currentTarget.checked)}
            data-testid="filter-favorite"
          />
          Favourites
        </label>
        <EntityFilter
          type={value.entityType}
          name={value.entity}
          names={entityNames}
          onType={(v) => set('entityType', v)}
          onName={(v) => set('entity', v)}
          onFocus={onEntityFocus}
        />
      </div>
    </search>
  );
}
