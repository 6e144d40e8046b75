/**
 * The CLI benchmark's baseline (scripts/bench/cli.ts): plain Readability over a folder of saved
 * pages in one thread, on the same parser as the CLI (jsdom, lib/extract/parse-html.ts), one JSON
 * line per page. `tsx scripts/bench/_cli-plain.ts <dir>`
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { readPageHtml } from '../../lib/extract/load-page';
import { parseHtml } from '../../lib/extract/parse-html';
import { PAGE_FILE, pageName } from '../../lib/pipeline/page-record';

const dir = process.argv[2];
for (const name of readdirSync(dir)
  .filter((f) => PAGE_FILE.test(f))
  .sort()) {
  const path = join(dir, name);
  let line: object;
  try {
    const article = new Readability(parseHtml(readPageHtml(path), `file://${path}`)).parse();
    line = article
      ? { file: pageName(path), ok: true, title: article.title, textContent: article.textContent }
      : { file: pageName(path), ok: false };
  } catch (error) {
    line = { file: pageName(path), ok: false, error: (error as Error).message };
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
