/**
 * `npm run --silent extract -- <path> [--url URL] [--format json|markdown|text] [--timeout SECONDS] [--jobs N]`
 *
 * Extracts the article of a saved page (.html or .html.gz) or of every page in a directory (sorted,
 * one JSON object per line; a bad file gives an `ok: false` line and the run goes on).
 * Exit status: 0 done, 1 a single page had no article, 2 bad arguments or an unreadable path.
 * Pages are read by a pool of worker threads, one per core (`os.availableParallelism()`, or --jobs), and
 * printed in name order as soon as every page before them is done, so the output is the same as a
 * one-by-one run. Each page has a time limit (--timeout seconds, default 20) and a memory limit: a
 * page over either gets `ok: false` with a reason, its worker is replaced, and the run goes on.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { failedRecord, PAGE_FILE, pageName } from '../lib/pipeline/page-record';
import { type Format, formatRecord, type PageJob, type PageOutput } from './extract-output';

const USAGE =
  'usage: npm run --silent extract -- <file.html|file.html.gz|dir> [--url URL] [--format json|markdown|text] [--timeout SECONDS] [--jobs N]';

/** Heap of one worker: a page that needs more is refused instead of taking the machine's memory. */
const WORKER_HEAP_MB = 1024;

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

// `extract dir | head`: the reader left. Stop quietly instead of dying on EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  const { values, positionals } = readArgs();
  const format = values.format as Format;
  if (!['json', 'markdown', 'text'].includes(format)) fail(`unknown format "${values.format}"`);
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) fail(`--timeout is not a positive number of seconds: ${values.timeout}`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs is not a positive whole number: ${values.jobs}`);
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
    const pages = pageFiles(path).map(
      (file): PageJob => ({ path: file, url: values.url, format, pretty: false, withName: true }),
    );
    const pool = new PagePool(Math.min(jobs, pages.length), timeoutSeconds * 1000);
    await pool.run(pages, (output) => process.stdout.write(`${output.text}\n`));
    return;
  }

  if (!statSync(path).isFile()) fail(`${path} is neither a file nor a directory`);
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const pool = new PagePool(1, timeoutSeconds * 1000);
  await pool.run([{ path, url: values.url, format, pretty: true, withName: false }], (output) => {
    process.stdout.write(`${output.text}\n`);
    if (!output.ok) process.exitCode = 1;
  });
}

/** The pages of a directory, in name order; entries that are not regular files (FIFOs, devices, folders) are skipped. */
function pageFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => PAGE_FILE.test(f))
      .sort();
  } catch (error) {
    fail(`cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code}`);
  }
  return names
    .map((name) => join(dir, name))
    .filter((file) => {
      let regular = false;
      try {
        regular = statSync(file).isFile();
      } catch {
        // a dangling link: read it anyway, its record says why it failed
        return true;
      }
      if (!regular) process.stderr.write(`extract: skipped ${file}: not a regular file\n`);
      return regular;
    });
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'json' },
        timeout: { type: 'string', default: '20' },
        jobs: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
}

/**
 * Pages read by `size` worker threads at once, each page with a time limit. Outputs are handed
 * over in the order of the jobs, each as soon as every earlier one is done.
 */
class PagePool {
  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {}

  async run(jobs: PageJob[], onOutput: (output: PageOutput) => void): Promise<void> {
    const outputs: (PageOutput | undefined)[] = new Array(jobs.length);
    let next = 0;
    let printed = 0;
    const lanes = Array.from({ length: this.size }, () => new Lane(this.timeoutMs));
    await Promise.all(
      lanes.map(async (lane) => {
        while (next < jobs.length) {
          const index = next++;
          outputs[index] = await lane.read(jobs[index]);
          while (printed < jobs.length && outputs[printed]) {
            onOutput(outputs[printed] as PageOutput);
            outputs[printed++] = undefined;
          }
        }
        lane.close();
      }),
    );
  }
}

/** One worker thread reading one page at a time; replaced when a page times out or kills it. */
class Lane {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly timeoutMs: number) {}

  async read(job: PageJob): Promise<PageOutput> {
    const failed = (reason: string): PageOutput => ({
      ok: false,
      text: formatRecord(failedRecord(pageName(job.path), reason), null, job),
    });
    let worker: Worker;
    try {
      worker = await this.start();
    } catch (error) {
      this.close();
      return failed(`the worker did not start: ${(error as Error).message}`);
    }
    return new Promise<PageOutput>((resolve) => {
      const settle = (output: PageOutput, replace: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) this.close();
        resolve(output);
      };
      const timer = setTimeout(
        () =>
          settle(
            failed(`gave up after ${this.timeoutMs / 1000} s: the page is too large or too complex to read`),
            true,
          ),
        this.timeoutMs,
      );
      const onMessage = (message: { output: PageOutput }) => settle(message.output, false);
      const onError = (error: NodeJS.ErrnoException) =>
        settle(
          failed(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `the page needs more than ${WORKER_HEAP_MB} MB of memory to read`
              : error.message,
          ),
          true,
        );
      const onExit = (code: number) => settle(failed(`the worker stopped (exit code ${code})`), true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ job });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private async start(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`exit code ${code}`)));
      });
    }
    await this.ready;
    return this.worker as Worker;
  }
}

await main();
