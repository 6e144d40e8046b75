/**
 * The CLI against hostile input and hostile terminals: escape sequences in a page, a gzip bomb, a
 * FIFO named like a page, a reader that leaves early (`| head`), and the worker pool's output order.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIXTURES = join(ROOT, 'tests/fixtures/extract');

// Each test starts the CLI in a fresh Node process with its worker threads: seconds, not ms.
vi.setConfig({ testTimeout: 90_000 });

function extract(...args: string[]) {
  const run = spawnSync(TSX, ['scripts/extract.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;

/** ESC ] 52 ; c ; <base64> BEL writes the clipboard; ESC [ 2 J clears the screen; CSI in its 8-bit form. */
const OSC52 = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const CSI8 = '\u009b31m';

function hostilePage(): string {
  const paragraph =
    'The council approved the plan on Tuesday after a long debate about costs, routes and the ' +
    'timetable for the works, which will start next spring and last two years.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Tram plan${OSC52} approved${CLEAR}</title>
<meta name="author" content="Jane${CSI8} Doe">
</head><body><article><h1>Tram plan${OSC52} approved${CLEAR}</h1>
${Array.from({ length: 8 }, (_, i) => `<p>${paragraph} Part ${i}${i === 3 ? OSC52 : ''}.</p>`).join('\n')}
</article></body></html>`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-extract-safety-'));
  writeFileSync(join(dir, 'hostile.html'), hostilePage());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('text and Markdown output carry no control characters from the page', () => {
  for (const format of ['text', 'markdown']) {
    const { status, stdout } = extract(join(dir, 'hostile.html'), '--format', format);
    expect(status).toBe(0);
    expect(stdout).toContain('Tram plan');
    expect(stdout).toContain('approved');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }
});

test('JSON output escapes every control character (C0, DEL and C1)', () => {
  const { status, stdout } = extract(join(dir, 'hostile.html'));
  expect(status).toBe(0);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
  expect(stdout.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  // Still the page's own title, losslessly.
  expect(JSON.parse(stdout).title).toContain('\u001b]52;c;');
});

test('a gzip bomb is refused with ok: false, without inflating it', () => {
  const bombDir = mkdtempSync(join(tmpdir(), 'lede-extract-bomb-'));
  try {
    // 100 gzip members of 10 MB of zeros each: ~1 GB once inflated, ~1 MB on disk.
    const member = gzipSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 });
    writeFileSync(join(bombDir, 'bomb.html.gz'), Buffer.concat(Array.from({ length: 100 }, () => member)));
    copyFileSync(join(FIXTURES, 'metadata.html'), join(bombDir, 'ok.html'));
    // GNU time reports the peak memory of the whole run, workers included.
    const timed = existsSync('/usr/bin/time');
    const run = spawnSync(
      timed ? '/usr/bin/time' : TSX,
      [...(timed ? ['-f', 'maxrss=%M', TSX] : []), 'scripts/extract.ts', bombDir],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
    );
    const { status, stdout, stderr } = run;
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.ok])).toEqual([
      ['bomb', false],
      ['ok', true],
    ]);
    expect(lines[0].error).toMatch(/larger than 32 MB uncompressed/);
    const rss = /maxrss=(\d+)/.exec(stderr);
    // The whole run (tsx, the workers with jsdom) stays far below the bomb's gigabyte.
    if (rss) expect(Number(rss[1]) / 1024).toBeLessThan(700);
  } finally {
    rmSync(bombDir, { recursive: true, force: true });
  }
});

test('a FIFO named *.html in a folder is skipped and the process exits', () => {
  const fifoDir = mkdtempSync(join(tmpdir(), 'lede-extract-fifo-'));
  try {
    copyFileSync(join(FIXTURES, 'metadata.html'), join(fifoDir, 'a.html'));
    try {
      execFileSync('mkfifo', [join(fifoDir, 'b-pipe.html')]);
    } catch {
      return; // no mkfifo here: nothing to test
    }
    copyFileSync(join(FIXTURES, 'newsletter-box.html'), join(fifoDir, 'c.html'));
    const { status, signal, stdout, stderr } = extract(fifoDir, '--timeout', '5');
    expect(signal).toBeNull();
    expect(status).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).file),
    ).toEqual(['a', 'c']);
    expect(stderr).toMatch(/skipped .*b-pipe\.html: not a regular file/);
  } finally {
    rmSync(fifoDir, { recursive: true, force: true });
  }
});

test('a reader that leaves early (| head) ends the run quietly', async () => {
  const many = mkdtempSync(join(tmpdir(), 'lede-extract-head-'));
  try {
    for (let i = 0; i < 6; i++) copyFileSync(join(FIXTURES, 'metadata.html'), join(many, `p${i}.html`));
    const child = spawn(TSX, ['scripts/extract.ts', many], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Like `head -n 1`: read the first line, then close the pipe.
    await new Promise<void>((resolve) => {
      child.stdout.once('data', () => {
        child.stdout.destroy();
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  } finally {
    rmSync(many, { recursive: true, force: true });
  }
});

test('a folder read in parallel prints in name order, as a one-by-one run would', () => {
  const pages = mkdtempSync(join(tmpdir(), 'lede-extract-order-'));
  try {
    const fixtures = ['newsletter-box', 'metadata', 'related-card', 'lazy-images', 'hidden-elements'];
    fixtures.forEach((name, i) => {
      copyFileSync(
        join(FIXTURES, `${name}.html`),
        join(pages, `${String.fromCharCode(107 - i)}-${name}.html`),
      );
    });
    // A big page first: the small ones after it finish sooner but must wait for it.
    const seed = readFileSync(new URL('../../../shared/corpus/seed/zelensky-nato.html', import.meta.url));
    writeFileSync(join(pages, 'a-seed.html'), seed);
    const { status, stdout } = extract(pages);
    expect(status).toBe(0);
    const files = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).file);
    expect(files).toEqual([...files].sort());
    expect(files).toHaveLength(6);
  } finally {
    rmSync(pages, { recursive: true, force: true });
  }
});
