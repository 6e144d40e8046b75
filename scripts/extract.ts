/**
 * `npm run --silent extract -- <path> [--url URL] [--format json|markdown|text]`
 *
 * Extracts the article of a saved page (.html or .html.gz) or of every page in a directory (sorted,
 * one JSON object per line; a bad file gives an `ok: false` line and the run goes on).
 * Exit status: 0 done, 1 a single page had no article, 2 bad arguments or an unreadable path.
 * Each page runs in a worker thread with a time limit (--timeout seconds, default 20): a page that
 * takes longer gets `ok: false` with a reason, and the run goes on.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import TurndownService from 'turndown';
import type { Article } from '../lib/extract/article';
import { failedRecord, PAGE_FILE, type PageRecord, pageName } from '../lib/pipeline/page-record';
import type { FileResult } from './extract-file';

type Format = 'json' | 'markdown' | 'text';
const USAGE =
  'usage: npm run --silent extract -- <file.html|file.html.gz|dir> [--url URL] [--format json|markdown|text] [--timeout SECONDS]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs();
  const format = values.format as Format;
  if (!['json', 'markdown', 'text'].includes(format)) fail(`unknown format "${values.format}"`);
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) fail(`--timeout is not a positive number of seconds: ${values.timeout}`);
  const runner = new PageRunner(timeoutSeconds * 1000);
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
      const { record, article } = await runner.extract(join(path, f), values.url);
      process.stdout.write(
        `${format === 'json' ? JSON.stringify(record) : render(record, article, format, true)}\n`,
      );
    }
    runner.close();
    return;
  }

  if (!statSync(path).isFile()) fail(`${path} is neither a file nor a directory`);
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const { record, article } = await runner.extract(path, values.url);
  runner.close();
  process.stdout.write(
    `${format === 'json' ? JSON.stringify(record, null, 2) : render(record, article, format, false)}\n`,
  );
  if (!record.ok) process.exitCode = 1;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'json' },
        timeout: { type: 'string', default: '20' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
}

/**
 * Runs pages one at a time in a worker thread. A page over the time limit is abandoned (the
 * worker is terminated and replaced), so no input can hang the run.
 */
class PageRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly timeoutMs: number) {}

  async extract(path: string, url?: string): Promise<FileResult> {
    const worker = await this.start();
    return new Promise<FileResult>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        this.close();
        const seconds = this.timeoutMs / 1000;
        resolve({
          record: failedRecord(
            pageName(path),
            `gave up after ${seconds} s: the page is too large or too complex to read`,
          ),
          article: null,
        });
      }, this.timeoutMs);
      const onMessage = (result: FileResult) => {
        cleanup();
        resolve(result);
      };
      const onError = (error: Error) => {
        cleanup();
        this.close();
        resolve({ record: failedRecord(pageName(path), error.message), article: null });
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ path, url });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private async start(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url));
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
    }
    await this.ready;
    return this.worker as Worker;
  }
}

function render(record: PageRecord, article: Article | null, format: Format, withName: boolean): string {
  const header = withName ? `==> ${record.file} <==\n` : '';
  if (!record.ok || !article) return `${header}[no article: ${record.ok ? 'unknown' : record.error}]\n`;
  const meta = [article.byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ');
  if (format === 'text')
    return `${header}${article.title}\n${meta ? `${meta}\n` : ''}\n${article.textContent}\n`;
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
  });
  const body = turndown.turndown(article.contentHtml);
  return `${header}# ${article.title}\n\n${meta ? `*${meta}*\n\n` : ''}${body}\n`;
}

await main();
