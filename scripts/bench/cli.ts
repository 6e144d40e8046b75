/**
 * `npm run bench -- cli`: the extraction CLI's whole-process throughput over the 121 dev pages
 * (../shared/corpus/extraction/pages), from starting the process to its exit, output to a pipe:
 * `npm run extract -- <dir>` with its worker pool (one worker per core) and with `--jobs 1`,
 * against plain Readability in one thread on the same parser (jsdom), run in the same session and
 * alternated. The CLI does more per page (extraction, then quotes and names, then JSON).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTION_DIR } from '../../tests/support/extraction-corpus';
import type { BenchSection } from '../bench';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const PAGES = join(EXTRACTION_DIR, 'pages');
/** Runs of each command (alternated); the fastest is kept, as noise only adds time. `BENCH_CLI_RUNS` overrides. */
const RUNS = Math.max(1, Number(process.env.BENCH_CLI_RUNS) || 1);

interface Command {
  label: string;
  args: string[];
}

const COMMANDS: Command[] = [
  { label: 'plain Readability, one thread (jsdom)', args: ['scripts/bench/_cli-plain.ts', PAGES] },
  {
    label: `Lede CLI, ${availableParallelism()} workers (one per core)`,
    args: ['scripts/extract.ts', PAGES],
  },
  { label: 'Lede CLI, --jobs 1', args: ['scripts/extract.ts', PAGES, '--jobs', '1'] },
];

/** GNU time, when there, adds the CPU time of the whole process tree (workers included). */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Timing {
  seconds: number;
  /** User + system CPU seconds of the process and its threads; NaN without GNU time. */
  cpuSeconds: number;
  lines: number;
}

/** Wall time of one whole process, its CPU time, and the lines it printed. */
function time(command: Command): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const [file, args] = GNU_TIME
      ? [GNU_TIME, ['-f', '__cpu %U %S', TSX, ...command.args]]
      : [TSX, command.args];
    const child = spawn(file, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) return reject(new Error(`${command.args.join(' ')} exited with ${code}: ${stderr}`));
      const cpu = /__cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({ seconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN, lines });
    });
  });
}

export async function run(): Promise<BenchSection> {
  const best: Timing[] = COMMANDS.map(() => ({
    seconds: Number.POSITIVE_INFINITY,
    cpuSeconds: Number.NaN,
    lines: 0,
  }));
  const load = loadavg()[0];
  for (let round = 0; round < RUNS; round++) {
    const order = COMMANDS.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const timing = await time(COMMANDS[i]);
      if (timing.seconds < best[i].seconds) best[i] = timing;
    }
  }
  const pages = Math.max(...best.map((b) => b.lines));
  const rate = best.map((b) => pages / b.seconds);
  const cpuRate = best.map((b) => pages / b.cpuSeconds);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const table = [
    `${pages} dev pages, whole process (start to exit, output to a pipe), ${availableParallelism()} cores, fastest of ${RUNS} run(s); load average ${load.toFixed(1)} when started`,
    '',
    '| command | wall s | pages/s | vs plain Readability | CPU s | pages per CPU-second |',
    '|---|---:|---:|---:|---:|---:|',
    ...COMMANDS.map(
      (c, i) =>
        `| ${c.label} | ${f(best[i].seconds, 1)} | ${f(rate[i])} | ${f(rate[i] / rate[0])}× | ${f(best[i].cpuSeconds, 1)} | ${f(cpuRate[i])} |`,
    ),
  ].join('\n');
  return {
    name: 'cli',
    table,
    results: {
      pages,
      cores: availableParallelism(),
      loadAverage: r2(load),
      runs: RUNS,
      commands: Object.fromEntries(
        COMMANDS.map((c, i) => [
          c.label,
          {
            seconds: r2(best[i].seconds),
            cpuSeconds: r2(best[i].cpuSeconds),
            pagesPerSecond: r2(rate[i]),
            vsPlain: r2(rate[i] / rate[0]),
          },
        ]),
      ),
    },
  };
}
