/**
 * `npm run --silent extract -- <path> [--url URL] [--format json|markdown|text]`
 *
 * Extracts the article of a saved page (.html or .html.gz) or of every page in a directory (sorted,
 * one JSON object per line; a bad file gives an `ok: false` line and the run goes on).
 * Exit status: 0 done, 1 a single page had no article, 2 bad arguments or an unreadable path.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../lib/extract/article';
import { failedRecord, PAGE_FILE, type PageRecord, pageName, pageRecord } from '../lib/extract/page-record';

// Loaded once the arguments are valid: jsdom takes a second to import, a usage error should not.
let extractor: {
  extractArticle: typeof import('../lib/extract/extract-article').extractArticle;
  loadPage: typeof import('../lib/extract/load-page').loadPage;
  readPageHtml: typeof import('../lib/extract/load-page').readPageHtml;
};
let toMarkdown: (html: string) => string;

type Format = 'json' | 'markdown' | 'text';
const USAGE =
  'usage: npm run --silent extract -- <file.html|file.html.gz|dir> [--url URL] [--format json|markdown|text]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs();
  const format = values.format as Format;
  if (!['json', 'markdown', 'text'].includes(format)) fail(`unknown format "${values.format}"`);
  if (positionals.length !== 1) fail('expected exactly one path');
  if (values.url) {
    try {
      new URL(values.url);
    } catch {
      fail(`--url is not an absolute URL: ${values.url}`);
    }
  }
  const path = positionals[0];

  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  if (!isDir) {
    if (!statSync(path).isFile()) fail(`${path} is neither a file nor a directory`);
    try {
      accessSync(path, constants.R_OK);
    } catch (error) {
      fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`);
    }
  }
  await loadExtractor(format);

  if (isDir) {
    let files: string[];
    try {
      files = readdirSync(path)
        .filter((f) => PAGE_FILE.test(f))
        .sort();
    } catch (error) {
      fail(`cannot read directory ${path}: ${(error as NodeJS.ErrnoException).code}`);
    }
    for (const f of files) {
      const { record, article } = extractFile(join(path, f), values.url);
      process.stdout.write(
        `${format === 'json' ? JSON.stringify(record) : render(record, article, format, true)}\n`,
      );
    }
    return;
  }

  const { record, article } = extractFile(path, values.url);
  process.stdout.write(
    `${format === 'json' ? JSON.stringify(record, null, 2) : render(record, article, format, false)}\n`,
  );
  if (!record.ok) process.exitCode = 1;
}

async function loadExtractor(format: Format): Promise<void> {
  const [{ extractArticle }, { loadPage, readPageHtml }] = await Promise.all([
    import('../lib/extract/extract-article'),
    import('../lib/extract/load-page'),
  ]);
  extractor = { extractArticle, loadPage, readPageHtml };
  if (format === 'markdown') {
    const { default: TurndownService } = await import('turndown');
    const turndown = new TurndownService({
      headingStyle: 'atx',
      codeBlockStyle: 'fenced',
      bulletListMarker: '-',
    });
    toMarkdown = (html) => turndown.turndown(html);
  }
}

function readArgs() {
  try {
    return parseArgs({
      options: { url: { type: 'string' }, format: { type: 'string', default: 'json' } },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
}

function extractFile(path: string, url?: string): { record: PageRecord; article: Article | null } {
  const file = pageName(path);
  try {
    const loaded = extractor.loadPage(extractor.readPageHtml(path), path, url);
    const article = extractor.extractArticle(loaded.doc, loaded.url);
    if (!article)
      return { record: failedRecord(file, 'no article content found on the page'), article: null };
    return { record: pageRecord(file, article), article };
  } catch (error) {
    return { record: failedRecord(file, (error as Error).message), article: null };
  }
}

function render(record: PageRecord, article: Article | null, format: Format, withName: boolean): string {
  const header = withName ? `==> ${record.file} <==\n` : '';
  if (!record.ok || !article) return `${header}[no article: ${record.ok ? 'unknown' : record.error}]\n`;
  const meta = [article.byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ');
  if (format === 'text')
    return `${header}${article.title}\n${meta ? `${meta}\n` : ''}\n${article.textContent}\n`;
  const body = toMarkdown(article.contentHtml);
  return `${header}# ${article.title}\n\n${meta ? `*${meta}*\n\n` : ''}${body}\n`;
}

await main();
