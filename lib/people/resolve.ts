import type { PeopleRow } from './article-postings';
import type { PeopleType } from './identity';

/**
 * A reader's choice about one index key (the `peopleMerges` table): `into` another key (merged
 * by hand into that key's entry), or `into` itself (split off: never joined automatically).
 */
export interface PeopleMerge {
  key: string;
  into: string;
}

/** One person or organization as the library shows it: one or more index keys, summed. */
export interface PersonEntry {
  /** The key of its main name (the most mentioned full name). */
  key: string;
  type: PeopleType;
  name: string;
  /** Every index key it is made of, main key first. */
  keys: string[];
  /** The same keys with the name each goes by and its article count (for "also appears as" and splits). */
  members: { key: string; name: string; articles: number }[];
  /** The names it answers to (folded). */
  names: string[];
  quotes: number;
  mentions: number;
  articles: number;
  first: number;
  last: number;
}

class Groups {
  private parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Organizations that share a name or an acronym an article introduced (NATO / North Atlantic
 * Treaty Organization) are one. A key split off by hand joins nothing automatically.
 */
function joinOrganizations(rows: PeopleRow[], groups: Groups, apart: Set<string>): void {
  const byName = new Map<string, string>();
  for (const row of rows) {
    if (row.type !== 'organization' || apart.has(row.key)) continue;
    for (const name of row.names) {
      const other = byName.get(name);
      if (other) groups.union(other, row.key);
      else byName.set(name, row.key);
    }
  }
}

/**
 * A bare surname joins the one full name with that surname; when several people share it
 * ("Biden": Joe or Hunter), it stays apart.
 */
function joinSurnames(rows: PeopleRow[], groups: Groups, apart: Set<string>): void {
  const full = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.type !== 'person' || row.bare || apart.has(row.key)) continue;
    const set = full.get(row.sur) ?? new Set<string>();
    set.add(row.key);
    full.set(row.sur, set);
  }
  for (const row of rows) {
    if (row.type !== 'person' || !row.bare || apart.has(row.key)) continue;
    const candidates = full.get(row.sur);
    if (!candidates) continue;
    const roots = new Set([...candidates].map((key) => groups.find(key)));
    if (roots.size === 1) groups.union([...candidates][0], row.key);
  }
}

/** An acronym ("EU", "NATO"): a short name all in capitals. */
const ACRONYM_RE = /^[\p{Lu}\p{N}.&-]{1,7}$/u;

/** Which member names an entry: a full name before a bare surname or an acronym, then the most cited. */
function weight(row: PeopleRow): number {
  const short = row.type === 'person' ? row.bare === 1 : ACRONYM_RE.test(row.name);
  return row.quotes * 2 + row.mentions + (short ? 0 : 1e9);
}

function toEntry(members: PeopleRow[]): PersonEntry {
  members.sort((a, b) => weight(b) - weight(a) || (a.key < b.key ? -1 : 1));
  const main = members[0];
  const names = new Set<string>();
  for (const row of members) for (const name of row.names) names.add(name);
  return {
    key: main.key,
    type: main.type,
    name: main.name,
    keys: members.map((row) => row.key),
    members: members.map(({ key, name, articles }) => ({ key, name, articles })),
    names: [...names],
    quotes: members.reduce((n, row) => n + row.quotes, 0),
    mentions: members.reduce((n, row) => n + row.mentions, 0),
    articles: members.reduce((n, row) => n + row.articles, 0),
    first: Math.min(...members.map((row) => row.first)),
    last: Math.max(...members.map((row) => row.last)),
  };
}

/**
 * The library's people and organizations from the index rows: automatic rules first (acronyms,
 * bare surnames), then the reader's merges, which always win; a split key stays on its own.
 * Pure, so the same rows and merges always give the same entries, however they were indexed.
 */
export function resolvePeople(rows: PeopleRow[], merges: PeopleMerge[] = []): PersonEntry[] {
  const groups = new Groups();
  const apart = new Set(merges.filter((m) => m.into === m.key).map((m) => m.key));
  const present = new Set(rows.map((row) => row.key));
  joinOrganizations(rows, groups, apart);
  joinSurnames(rows, groups, apart);
  for (const merge of merges) {
    if (merge.into !== merge.key && present.has(merge.key) && present.has(merge.into))
      groups.union(merge.into, merge.key);
  }
  const members = new Map<string, PeopleRow[]>();
  for (const row of rows) {
    const root = groups.find(row.key);
    const list = members.get(root) ?? [];
    list.push(row);
    members.set(root, list);
  }
  return [...members.values()].map(toEntry);
}
