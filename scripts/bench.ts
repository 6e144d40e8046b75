/**
 * `npm run bench`: runs every benchmark section in scripts/bench/ (one file per concern, each
 * exporting `run()`), prints their tables and writes all results to bench-results/latest.json.
 * Every number is reported beside a baseline measured in the same run.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchSection {
  name: string;
  /** Printed as-is. */
  table: string;
  /** Written to JSON. */
  results: Record<string, unknown>;
}

const dir = new URL('./bench/', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const all: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { run: () => Promise<BenchSection> };
  const section = await mod.run();
  console.log(`\n## ${section.name}\n${section.table}`);
  all[section.name] = section.results;
}
mkdirSync('bench-results', { recursive: true });
const out = join('bench-results', 'latest.json');
writeFileSync(out, `${JSON.stringify(all, null, 2)}\n`);
console.log(`\nwrote ${out}`);
